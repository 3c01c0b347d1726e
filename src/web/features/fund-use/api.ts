import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FundUse, RecordExpenditureRequest, RecordExpenditureResponse } from '../../../shared/fund-use';
import { api } from '../../lib/http';

export type { FundUse, RecordExpenditureResponse };
export type ExpenditureInput = z.input<typeof RecordExpenditureRequest>;

/** Whose money: a construction project's (its 计划书 经费计划) or a studio's (grants and awards). */
export type FundOwner = { scope: 'project' | 'studio'; id: string };

const base = (o: FundOwner) => `/api/${o.scope === 'project' ? 'projects' : 'studios'}/${encodeURIComponent(o.id)}`;
const key = (o: FundOwner) => ['fund-use', o.scope, o.id];

/** GET /api/projects/:id/fund-use or /api/studios/:id/fund-use. */
export function useFundUse(owner: FundOwner | null) {
  return useQuery({ queryKey: owner ? key(owner) : ['fund-use', 'none'], queryFn: () => api<FundUse>('GET', `${base(owner!)}/fund-use`), enabled: !!owner });
}

/** POST …/expenditures — record spending (with its fixed-asset register entry). */
export function useRecordExpenditure(owner: FundOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpenditureInput) => api<RecordExpenditureResponse>('POST', `${base(owner)}/expenditures`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(owner) }),
  });
}

/** DELETE /api/expenditures/:id. */
export function useRemoveExpenditure(owner: FundOwner) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/expenditures/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: key(owner) }),
  });
}

export const exportUrl = (owner: FundOwner) => `${base(owner)}/fund-use.xlsx`;
export const yuan = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 元`);
