import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminNoticeDetail,
  AdminNoticeList,
  FiledObjection,
  FileObjectionRequest,
  HandleObjectionRequest,
  NoticePreview,
  ObjectionView,
  PublicObjectionStatus,
  PublishNoticeRequest,
} from '../../../shared/notices-admin';
import { api, ApiError } from '../../lib/http';

export type { AdminNoticeDetail, AdminNoticeList, FiledObjection, NoticePreview, ObjectionView, PublicObjectionStatus };

/** GET /api/officer/notices — the jurisdiction's notices and the calls whose proposal is submitted. */
export function useAdminNotices() {
  return useQuery({ queryKey: ['notices-admin'], queryFn: () => api<AdminNoticeList>('GET', '/api/officer/notices') });
}

/** GET /api/officer/notices/:id — items (withdrawn too) and objections. */
export function useAdminNotice(id: string | undefined) {
  return useQuery({
    queryKey: ['notices-admin', id],
    queryFn: () => api<AdminNoticeDetail>('GET', `/api/officer/notices/${encodeURIComponent(id!)}`),
    enabled: !!id,
    retry: (count, e) => (e as { status?: number }).status !== 404 && count < 2,
  });
}

/** GET /api/calls/:callId/notice/preview — the list and the period the calendar gives for today. */
export function useNoticePreview(callId: string | undefined, startsOn?: string) {
  return useQuery({
    queryKey: ['notices-admin', 'preview', callId, startsOn ?? null],
    queryFn: () => api<NoticePreview>('GET', `/api/calls/${encodeURIComponent(callId!)}/notice/preview${startsOn ? `?startsOn=${startsOn}` : ''}`),
    enabled: !!callId,
    placeholderData: keepPreviousData,
  });
}

/** POST /api/calls/:callId/notice. */
export function usePublishNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ callId, body }: { callId: string; body: PublishNoticeRequest }) => api<AdminNoticeDetail>('POST', `/api/calls/${encodeURIComponent(callId)}/notice`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notices-admin'] }),
  });
}

/** POST /api/objections/:id/handle. */
export function useHandleObjection(noticeId: string | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: HandleObjectionRequest }) => api<ObjectionView>('POST', `/api/objections/${encodeURIComponent(id)}/handle`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['notices-admin', noticeId] }),
  });
}

export const itemsXlsxUrl = (id: string) => `/api/notices/${encodeURIComponent(id)}/items.xlsx`;
export const noticePdfUrl = (id: string) => `/api/notices/${encodeURIComponent(id)}/notice.pdf`;
export const attachmentUrl = (objectionId: string, attachmentId: string) => `/api/objections/${encodeURIComponent(objectionId)}/attachments/${encodeURIComponent(attachmentId)}`;

/** POST /api/notices/:id/objections — public. */
export function useFileObjection(noticeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FileObjectionRequest) => api<FiledObjection>('POST', `/api/notices/${encodeURIComponent(noticeId)}/objections`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notices', noticeId] }),
  });
}

/** POST /api/objections/:trackingNumber/attachments?code= — multipart, one file. */
export async function uploadObjectionAttachment(trackingNumber: string, code: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch(`/api/objections/${encodeURIComponent(trackingNumber)}/attachments?code=${encodeURIComponent(code)}`, { method: 'POST', body: form, credentials: 'same-origin' });
  if (!res.ok) {
    const e = (await res.json().catch(() => ({})))?.error ?? {};
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? `上传失败（${res.status}）`, e.fields);
  }
  return res.json() as Promise<{ id: string; name: string }>;
}

/** GET /api/objections/:trackingNumber?contact=|code= — the filer's view. */
export function lookupObjection(trackingNumber: string, proof: { contact?: string; code?: string }) {
  const p = new URLSearchParams();
  if (proof.contact) p.set('contact', proof.contact);
  if (proof.code) p.set('code', proof.code);
  return api<PublicObjectionStatus>('GET', `/api/objections/${encodeURIComponent(trackingNumber)}?${p.toString()}`);
}
