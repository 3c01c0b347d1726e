import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReviewCallSummary, ReviewDashboard, ReviewRecord, SetDeadlineRequest } from '../../../shared/review-oversight';
import { formatShanghaiInstant } from '../../../shared/time';
import { api } from '../../lib/http';

export type { ReviewCallSummary, ReviewDashboard, ReviewRecord };

/** GET /api/review/calls — calls of the caller's jurisdictions with applications in review. */
export function useReviewCalls() {
  return useQuery({ queryKey: ['review', 'calls'], queryFn: () => api<ReviewCallSummary[]>('GET', '/api/review/calls') });
}

/** GET /api/review/calls/:callId/dashboard */
export function useReviewDashboard(callId: string) {
  return useQuery({ queryKey: ['review', 'dashboard', callId], queryFn: () => api<ReviewDashboard>('GET', `/api/review/calls/${callId}/dashboard`), retry: false });
}

/** PUT /api/review/calls/:callId/deadlines (program officer). */
export function useSetDeadline(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SetDeadlineRequest) => api<ReviewDashboard>('PUT', `/api/review/calls/${callId}/deadlines`, input),
    onSuccess: (data) => qc.setQueryData(['review', 'dashboard', callId], data),
  });
}

/** GET /api/review/calls/:callId/record — the whole record (each load is logged as a read). */
export function useReviewRecord(callId: string) {
  return useQuery({
    queryKey: ['review', 'record', callId],
    queryFn: () => api<ReviewRecord>('GET', `/api/review/calls/${callId}/record`),
    retry: false,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

export const recordXlsxUrl = (callId: string) => `/api/review/calls/${callId}/record.xlsx`;

export interface ChainVerification {
  ok: boolean;
  checked: number;
  message: string;
  firstBroken?: { id: number; reason: string };
}

/** GET /api/audit/verify — the inspector's check of the whole SM3 audit chain. */
export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api<ChainVerification>('GET', '/api/audit/verify') });
}

/** An ISO instant in Beijing time, or a dash. */
export function beijing(iso: string | null | undefined, seconds = false): string {
  return iso ? formatShanghaiInstant(iso, seconds) : '—';
}
