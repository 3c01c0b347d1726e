import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NoticeDetail, NoticeSummary, StudioDetail, StudioListQuery, StudioSummary } from '../../../shared/registry';
import { api } from '../../lib/http';

export type { NoticeDetail, NoticeSummary, StudioDetail, StudioListQuery, StudioSummary };

/** `GET /api/notices` — public notices (公示), running first, then past ones. */
export function useNotices() {
  return useQuery({ queryKey: ['notices'], queryFn: () => api<NoticeSummary[]>('GET', '/api/notices') });
}

/** `GET /api/notices/:id` — one notice with its text, list and contacts. */
export function useNotice(id: string | undefined) {
  return useQuery({
    queryKey: ['notices', id],
    queryFn: () => api<NoticeDetail>('GET', `/api/notices/${encodeURIComponent(id!)}`),
    enabled: !!id,
    retry: (count, e) => (e as { status?: number }).status !== 404 && count < 2,
  });
}

function toSearch(query: StudioListQuery): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '' && v !== null) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** `GET /api/studios` — the registry; officers and inspectors see their jurisdiction's studios whatever their status. */
export function useStudios(query: StudioListQuery = {}) {
  return useQuery({
    queryKey: ['studios', query],
    queryFn: () => api<StudioSummary[]>('GET', `/api/studios${toSearch(query)}`),
    placeholderData: keepPreviousData,
  });
}

/** `GET /api/studios/:id` — one studio with its titles. */
export function useStudio(id: string | undefined) {
  return useQuery({
    queryKey: ['studios', 'one', id],
    queryFn: () => api<StudioDetail>('GET', `/api/studios/${encodeURIComponent(id!)}`),
    enabled: !!id,
    retry: (count, e) => (e as { status?: number }).status !== 404 && count < 2,
  });
}
