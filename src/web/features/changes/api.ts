import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ChangeRequestView, CreateChangeRequest, StudioChangeRules, StudioHistory } from '../../../shared/changes';
import { ApiError, api } from '../../lib/http';

export type { ChangeRequestView, StudioChangeRules, StudioHistory };
export type CreateChangeInput = z.input<typeof CreateChangeRequest>;

/** GET /api/change-requests — the unit's own, or the officer's jurisdiction's. */
export function useChangeRequests(status?: string) {
  return useQuery({
    queryKey: ['changes', 'list', status ?? 'all'],
    queryFn: () => api<ChangeRequestView[]>('GET', `/api/change-requests${status ? `?status=${encodeURIComponent(status)}` : ''}`),
  });
}

/** GET /api/change-requests/:id. */
export function useChangeRequest(id: string) {
  return useQuery({ queryKey: ['changes', 'one', id], queryFn: () => api<ChangeRequestView>('GET', `/api/change-requests/${id}`) });
}

/** GET /api/studios/:id/change-rules — what the studio's edition lets the unit file. */
export function useChangeRules(studioId: string, enabled = true) {
  return useQuery({ queryKey: ['changes', 'rules', studioId], queryFn: () => api<StudioChangeRules>('GET', `/api/studios/${studioId}/change-rules`), enabled });
}

/** GET /api/studios/:id/history — recognition, titles, changes, revocation. */
export function useStudioHistory(studioId: string | undefined) {
  return useQuery({ queryKey: ['changes', 'history', studioId], queryFn: () => api<StudioHistory>('GET', `/api/studios/${studioId}/history`), enabled: !!studioId });
}

/** POST /api/change-requests/:id/files — one document (multipart, field `file`). */
export async function uploadChangeFile(id: string, file: File) {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch(`/api/change-requests/${id}/files`, { method: 'POST', credentials: 'same-origin', body });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? `上传失败（${res.status}）`, e.fields);
  }
  return data as { id: string; name: string };
}

/** POST /api/studios/:id/change-requests, then its documents one by one. */
export function useFileChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { studioId: string; body: CreateChangeInput; files: File[] }) => {
      const created = await api<ChangeRequestView>('POST', `/api/studios/${v.studioId}/change-requests`, v.body);
      const failed: string[] = [];
      for (const f of v.files) {
        try {
          await uploadChangeFile(created.id, f);
        } catch (e) {
          failed.push(`${f.name}：${e instanceof Error ? e.message : String(e)}`);
        }
      }
      return { created, failed };
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['changes'] }),
  });
}

export function useAddChangeFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; file: File }) => uploadChangeFile(v.id, v.file),
    onSettled: () => qc.invalidateQueries({ queryKey: ['changes'] }),
  });
}

/** approve / reject (program officer), withdraw (the unit). */
export function useChangeAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; action: 'approve' | 'reject' | 'withdraw'; version: number; reason?: string }) =>
      api<ChangeRequestView>('POST', `/api/change-requests/${v.id}/${v.action}`, v.action === 'withdraw' ? { version: v.version } : { version: v.version, ...(v.reason ? { reason: v.reason } : {}) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['changes'] }),
  });
}

export const STATUS_COLORS: Record<string, string> = { submitted: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };
