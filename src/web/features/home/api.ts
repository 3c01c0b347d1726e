import { useMutation, useQuery } from '@tanstack/react-query';
import type { EditionDescription, EditionSummary } from '../../../policy/engine';
import type { ApplicationSummary } from '../applications/api';
import type { ApplicationDetail } from '../applications/api';
import { api, ApiError } from '../../lib/http';

/** A page of the application list and its total (the `x-total-count` header). */
export interface AppPage {
  items: ApplicationSummary[];
  total: number;
}

async function appPage(qs: string): Promise<AppPage> {
  const res = await fetch(`/api/applications?${qs}`, { credentials: 'same-origin' });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'HTTP_' + res.status, e.message ?? `请求失败（${res.status}）`, e.fields);
  }
  return { items: data as ApplicationSummary[], total: Number(res.headers.get('x-total-count') ?? (data as unknown[]).length) };
}

/** `GET /api/applications?status=…` — the caller's applications (scoped by the server to the unit or jurisdiction). */
export function useApplicationPage(status: string[] | null, pageSize = 100) {
  const qs = new URLSearchParams({ pageSize: String(pageSize) });
  if (status?.length) qs.set('status', status.join(','));
  return useQuery({ queryKey: ['home', 'applications', status?.join(',') ?? 'all', pageSize], queryFn: () => appPage(qs.toString()) });
}

/** `GET /api/applications/:id` — used for the correction round (deadline, items) of a returned application. */
export function useApplicationDetail(id: string | undefined) {
  return useQuery({
    queryKey: ['application', id],
    queryFn: () => api<ApplicationDetail>('GET', `/api/applications/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  lastHash: string | null;
  firstBroken?: { id: number; reason: 'hash-mismatch' | 'link-mismatch'; expected: string; actual: string };
  message: string;
}

/** `GET /api/audit/verify` (inspector, admin) — recompute the SM3 chain. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<AuditVerification>('GET', '/api/audit/verify') });
}

export interface CalendarOverride {
  year: number;
  holidays: string[];
  workdays: string[];
  source: string;
  updatedBy: string | null;
  updatedAt: string;
}

/** `GET /api/admin/calendar` (admin) — the holiday schedules entered by the operator. */
export function useCalendarOverrides() {
  return useQuery({ queryKey: ['admin', 'calendar'], queryFn: () => api<CalendarOverride[]>('GET', '/api/admin/calendar') });
}

/** `GET /api/policies` — the editions, one per jurisdiction (and its status). */
export function useEditions() {
  return useQuery({ queryKey: ['policies'], queryFn: () => api<EditionSummary[]>('GET', '/api/policies'), staleTime: 600_000 });
}

/** `GET /api/policies/:id` — for the obligations of an edition. */
export function useEdition(id: string | undefined) {
  return useQuery({
    queryKey: ['policies', id],
    queryFn: () => api<EditionDescription>('GET', `/api/policies/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: 600_000,
  });
}
