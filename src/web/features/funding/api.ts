import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CallFunding, Disbursement, FundingCall, PaymentRequest, TitleRequest } from '../../../shared/funding';
import { api } from '../../lib/http';

export type { CallFunding, Disbursement, FundingCall };
export type PaymentInput = z.input<typeof PaymentRequest>;
export type TitleInput = z.input<typeof TitleRequest>;

/** GET /api/funding/calls — calls whose notice was published (running, ended or decided). */
export function useFundingCalls() {
  return useQuery({ queryKey: ['funding', 'calls'], queryFn: () => api<FundingCall[]>('GET', '/api/funding/calls') });
}

/** GET /api/funding/calls/:callId — one call's decision page. */
export function useCallFunding(callId: string) {
  return useQuery({ queryKey: ['funding', 'call', callId], queryFn: () => api<CallFunding>('GET', `/api/funding/calls/${callId}`) });
}

/** POST /api/notices/:id/decision — confirm the decision (确认认定). */
export function useDecide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { noticeId: string; document: string }) => api<{ approved: unknown[] }>('POST', `/api/notices/${v.noticeId}/decision`, { document: v.document }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['funding'] }),
  });
}

/** POST /api/studios/:id/titles — record a municipal / national title. */
export function useRecordTitle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { studioId: string } & TitleInput) => {
      const { studioId, ...body } = v;
      return api<{ award: number | null }>('POST', `/api/studios/${studioId}/titles`, body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['funding'] }),
  });
}

/** GET /api/disbursements — the payment schedule of the caller's jurisdiction. */
export function useDisbursements(status?: string) {
  return useQuery({
    queryKey: ['funding', 'disbursements', status ?? 'all'],
    queryFn: () => api<Disbursement[]>('GET', `/api/disbursements${status ? `?status=${encodeURIComponent(status)}` : ''}`),
  });
}

/** POST /api/disbursements/:id/payments — record a payment (登记拨付). */
export function useRecordPayment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string } & PaymentInput) => {
      const { id, ...body } = v;
      return api<Disbursement>('POST', `/api/disbursements/${id}/payments`, body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['funding'] }),
  });
}

export const yuan = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 元`);
