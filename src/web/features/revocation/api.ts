import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StudioSummary } from '../../../shared/registry';
import type {
  DismissRequest,
  RevocationCase,
  RevocationCaseDetail,
  RevocationFindingRequest,
  RevokeRequest,
  StudioRevocationTriggers,
} from '../../../shared/revocation';
import { api } from '../../lib/http';

export type { RevocationCase, RevocationCaseDetail, StudioRevocationTriggers };

/** GET /api/revocation-cases — the jurisdiction's cases (取消称号, 第十八条), filtered by status and trigger. */
export function useRevocationCases(filters: { status?: string; trigger?: string }) {
  const qs = new URLSearchParams(Object.entries(filters).filter(([, v]) => !!v) as [string, string][]).toString();
  return useQuery({ queryKey: ['revocation', 'cases', qs], queryFn: () => api<RevocationCase[]>('GET', `/api/revocation-cases${qs ? `?${qs}` : ''}`) });
}

/** GET /api/revocation-cases/:id. */
export function useRevocationCase(id: string) {
  return useQuery({ queryKey: ['revocation', 'case', id], queryFn: () => api<RevocationCaseDetail>('GET', `/api/revocation-cases/${id}`) });
}

/** GET /api/studios — the officer sees every studio of the jurisdiction (the finding form picks an active one). */
export function useOfficerStudios(enabled: boolean) {
  return useQuery({ queryKey: ['revocation', 'studios'], queryFn: () => api<StudioSummary[]>('GET', '/api/studios'), enabled });
}

/** GET /api/studios/:id/revocation-triggers — the triggers of the studio's edition. */
export function useStudioTriggers(studioId: string | undefined) {
  return useQuery({
    queryKey: ['revocation', 'triggers', studioId],
    queryFn: () => api<StudioRevocationTriggers>('GET', `/api/studios/${studioId}/revocation-triggers`),
    enabled: !!studioId,
  });
}

/** POST /api/studios/:id/revocation-findings — 记录取消称号情形. */
export function useRecordFinding() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { studioId: string } & RevocationFindingRequest) => {
      const { studioId, ...body } = v;
      return api<RevocationCase>('POST', `/api/studios/${studioId}/revocation-findings`, body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['revocation'] }),
  });
}

/** POST /api/revocation-cases/:id/revoke — 取消称号，收回铭牌. */
export function useRevoke() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string } & RevokeRequest) => {
      const { id, ...body } = v;
      return api<RevocationCaseDetail>('POST', `/api/revocation-cases/${id}/revoke`, body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['revocation'] }),
  });
}

/** POST /api/revocation-cases/:id/dismiss — 不予取消. */
export function useDismiss() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string } & DismissRequest) => {
      const { id, ...body } = v;
      return api<RevocationCaseDetail>('POST', `/api/revocation-cases/${id}/dismiss`, body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['revocation'] }),
  });
}

export const STATUS_COLORS: Record<string, string> = { open: 'error', revoked: 'default', dismissed: 'success', closed: 'default' };
