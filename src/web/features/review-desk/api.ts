import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcceptRequest,
  DeskActionResponse,
  DeskQueueItem as DeskQueueItemSchema,
  DeskView as DeskViewSchema,
  PaperReceiptRequest,
  PaperReceiptResponse,
  PassRequest,
  RejectRequest,
  SaveVerdictsRequest,
} from '../../../shared/review-desk';
import { api, ApiError } from '../../lib/http';
import { applicationKey } from '../applications/api';

export type DeskView = z.infer<typeof DeskViewSchema>;
export type DeskItem = DeskView['items'][number];
export type DeskQueueItem = z.infer<typeof DeskQueueItemSchema>;
export type SaveVerdictsInput = z.input<typeof SaveVerdictsRequest>;
export type ActionResult = z.infer<typeof DeskActionResponse>;
export type PaperReceiptResult = z.infer<typeof PaperReceiptResponse>;

export const deskKey = (id: string) => ['review-desk', id] as const;

/** GET /api/review/applications/:id/desk — the desk of one application (stage, items with verdicts, actions). */
export function useDesk(id: string, enabled = true) {
  return useQuery({ queryKey: deskKey(id), queryFn: () => api<DeskView>('GET', `/api/review/applications/${id}/desk`), retry: false, enabled });
}

/** Everything that shows the application after a desk action: the desk, the detail, the officers' lists. */
function useRefresh(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: deskKey(id) });
    void qc.invalidateQueries({ queryKey: applicationKey(id) });
    void qc.invalidateQueries({ queryKey: ['officer'] });
    void qc.invalidateQueries({ queryKey: ['review-desk-queue'] });
  };
}

export function useSaveVerdicts(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveVerdictsInput) => api<DeskView>('PUT', `/api/review/applications/${id}/verdicts`, input),
    onSuccess: (view) => qc.setQueryData(deskKey(id), view),
  });
}

export function useAccept(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (input: z.input<typeof AcceptRequest>) => api<ActionResult>('POST', `/api/review/applications/${id}/accept`, input), onSettled: refresh });
}

export function usePass(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (input: z.input<typeof PassRequest>) => api<ActionResult>('POST', `/api/review/applications/${id}/pass`, input), onSettled: refresh });
}

export function useReject(id: string) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (input: z.input<typeof RejectRequest>) => api<ActionResult>('POST', `/api/review/applications/${id}/reject`, input), onSettled: refresh });
}

export function usePaperReceipt(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: z.input<typeof PaperReceiptRequest>) => api<PaperReceiptResult>('POST', `/api/review/applications/${id}/paper-receipt`, input),
    onSettled: refresh,
  });
}

/** 通知报送纸质材料 (经开区 办事指南 五（二）): once the application waits at 线下受理. */
export function useRequestPaperDossier(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: () => api<{ deadline: string; notice: string }>('POST', `/api/applications/${id}/request-paper-dossier`, {}),
    onSettled: refresh,
  });
}

/** GET /api/review/desk?stage=… — the queue of a desk stage, with its total (x-total-count). */
export function useDeskQueue(stage: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['review-desk-queue', stage, page, pageSize],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const res = await fetch(`/api/review/desk?stage=${stage}&page=${page}&pageSize=${pageSize}`, { credentials: 'same-origin' });
      const data = await res.json().catch(() => undefined);
      if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? `请求失败（${res.status}）`);
      return { items: data as DeskQueueItem[], total: Number(res.headers.get('x-total-count') ?? (data as unknown[]).length) };
    },
  });
}
