import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApplicationSummary as ApplicationSummarySchema, CallStats as CallStatsSchema, ReturnForCorrectionRequest } from '../../../shared/applications';
import type { CallDetail as CallDetailSchema, CallOptions as CallOptionsSchema, CreateCallRequest, ManagedCall as ManagedCallSchema } from '../../../shared/calls';
import { api, ApiError } from '../../lib/http';
import { formatShanghaiInstant, shanghaiDate } from '../../../shared/time';

export type ManagedCall = z.infer<typeof ManagedCallSchema>;
export type CallDetail = z.infer<typeof CallDetailSchema>;
export type CallOptions = z.infer<typeof CallOptionsSchema>;
export type CallStats = z.infer<typeof CallStatsSchema>;
export type ApplicationRow = z.infer<typeof ApplicationSummarySchema>;
export type CreateCallInput = z.input<typeof CreateCallRequest>;
export type ReturnInput = z.input<typeof ReturnForCorrectionRequest>;

/** Statuses waiting for the intake desk (初审). */
export const WAITING_STATUSES = ['submitted', 'resubmitted'] as const;

/** A page of a list and its total (the `x-total-count` header). */
export interface Page<T> {
  items: T[];
  total: number;
}

async function apiPage<T>(url: string): Promise<Page<T>> {
  const res = await fetch(url, { credentials: 'same-origin' });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? 'HTTP_' + res.status, e.message ?? `请求失败（${res.status}）`, e.fields);
  }
  return { items: data as T[], total: Number(res.headers.get('x-total-count') ?? (data as T[]).length) };
}

export interface ApplicationFilter {
  callId?: string;
  /** One or several statuses. */
  status?: string[];
  q?: string;
  page?: number;
  pageSize?: number;
  sort?: string;
}

/** The query string of the application list and of its Excel export, with the same filters. */
export function applicationQuery(f: ApplicationFilter): string {
  const p = new URLSearchParams();
  if (f.callId) p.set('callId', f.callId);
  if (f.status?.length) p.set('status', f.status.join(','));
  if (f.q?.trim()) p.set('q', f.q.trim());
  if (f.page) p.set('page', String(f.page));
  if (f.pageSize) p.set('pageSize', String(f.pageSize));
  if (f.sort) p.set('sort', f.sort);
  return p.toString();
}

/** GET /api/calls/:id/applications.xlsx — the Excel export of a call's applications with the list's filters. */
export function exportUrl(callId: string, f: Pick<ApplicationFilter, 'status' | 'q'>): string {
  const qs = applicationQuery({ status: f.status, q: f.q });
  return `/api/calls/${callId}/applications.xlsx${qs ? `?${qs}` : ''}`;
}

export function useManagedCalls() {
  return useQuery({ queryKey: ['officer', 'calls'], queryFn: () => api<ManagedCall[]>('GET', '/api/calls/managed') });
}

export function useCallOptions() {
  return useQuery({ queryKey: ['officer', 'call-options'], queryFn: () => api<CallOptions>('GET', '/api/calls/options'), staleTime: 300_000 });
}

export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCallInput) => api<CallDetail>('POST', '/api/calls', input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['officer', 'calls'] });
      void qc.invalidateQueries({ queryKey: ['calls'] });
    },
  });
}

export function useCall(id: string) {
  return useQuery({ queryKey: ['call', id], queryFn: () => api<CallDetail>('GET', `/api/calls/${id}`), retry: false });
}

export function useCallStats(id: string) {
  return useQuery({ queryKey: ['officer', 'call-stats', id], queryFn: () => api<CallStats>('GET', `/api/calls/${id}/stats`), retry: false });
}

export function useApplicationList(f: ApplicationFilter) {
  const qs = applicationQuery(f);
  return useQuery({
    queryKey: ['officer', 'applications', qs],
    queryFn: () => apiPage<ApplicationRow>(`/api/applications?${qs}`),
    placeholderData: keepPreviousData,
  });
}

/** Today in Beijing (YYYY-MM-DD), whatever the browser's time zone. */
export function shanghaiToday(now = new Date()): string {
  return shanghaiDate(now);
}

/** The N-th statutory working day after today (GET /api/calendar/add-working-days): the 补正 deadline shown before confirming. */
export function useWorkingDayDeadline(days: number | null | undefined) {
  const from = shanghaiToday();
  return useQuery({
    queryKey: ['calendar', 'add', from, days],
    enabled: !!days && days > 0,
    staleTime: 300_000,
    queryFn: () => api<{ date: string }>('GET', `/api/calendar/add-working-days?from=${from}&days=${days}`),
  });
}

export function useReturnForCorrection(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReturnInput) => api<unknown>('POST', `/api/applications/${id}/return`, input),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['application', id] });
      void qc.invalidateQueries({ queryKey: ['review-desk', id] });
      void qc.invalidateQueries({ queryKey: ['officer'] });
    },
  });
}

/** Any ISO instant ('2026-06-26T18:00:00+08:00', '2026-06-26T10:00:00.000Z') → '2026-06-26 18:00', Beijing time. */
export function beijing(iso: string | null | undefined): string {
  return iso ? formatShanghaiInstant(iso) : '—';
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
