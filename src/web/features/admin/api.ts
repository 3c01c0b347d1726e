import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AdminJurisdiction,
  AdminUser,
  CreateJurisdictionRequest,
  CreateUserRequest,
  UpdateJurisdictionRequest,
  UpdateUserRequest,
} from '../../../shared/admin';
import type { CalendarOverrideRequest } from '../../../shared/calendar';
import { api } from '../../lib/http';

export type { AdminJurisdiction, AdminUser };
export type CalendarOverrideRow = { year: number; holidays: string[]; workdays: string[]; source: string; updatedBy: string; updatedAt: string };
export type PackagedSchedule = { year: number; holidays: { date: string; festival: string }[]; workdays: { date: string; festival: string }[] };

export function useAdminUsers(filter: { search?: string; role?: string }) {
  const qs = new URLSearchParams();
  if (filter.search) qs.set('search', filter.search);
  if (filter.role) qs.set('role', filter.role);
  return useQuery({ queryKey: ['admin', 'users', filter], queryFn: () => api<AdminUser[]>('GET', `/api/admin/users?${qs}`), placeholderData: (p) => p });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateUserRequest>) => api<AdminUser>('POST', '/api/admin/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateUserRequest> & { id: string }) => api<AdminUser>('PATCH', `/api/admin/users/${encodeURIComponent(id)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => api<void>('POST', `/api/admin/users/${encodeURIComponent(id)}/password`, { password }),
  });
}

export function useJurisdictions() {
  return useQuery({ queryKey: ['admin', 'jurisdictions'], queryFn: () => api<AdminJurisdiction[]>('GET', '/api/admin/jurisdictions') });
}

export function useCreateJurisdiction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateJurisdictionRequest>) => api<AdminJurisdiction>('POST', '/api/admin/jurisdictions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useUpdateJurisdiction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof UpdateJurisdictionRequest> & { id: string }) =>
      api<AdminJurisdiction>('PATCH', `/api/admin/jurisdictions/${encodeURIComponent(id)}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin'] }),
  });
}

export function useCalendarOverrides() {
  return useQuery({ queryKey: ['admin', 'calendar'], queryFn: () => api<CalendarOverrideRow[]>('GET', '/api/admin/calendar') });
}

export function usePackagedSchedule(year: number) {
  return useQuery({ queryKey: ['admin', 'calendar', 'packaged', year], queryFn: () => api<PackagedSchedule>('GET', `/api/admin/calendar/${year}/packaged`) });
}

export function useSetCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ year, ...body }: z.input<typeof CalendarOverrideRequest> & { year: number }) => api<CalendarOverrideRow>('PUT', `/api/admin/calendar/${year}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'calendar'] }),
  });
}
