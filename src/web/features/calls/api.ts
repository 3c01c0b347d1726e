import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CallDetail, CallSummary } from '../../../shared/calls';
import { api, ApiError } from '../../lib/http';

export type Call = z.infer<typeof CallSummary>;
export type CallDetailData = z.infer<typeof CallDetail>;
export interface CallTemplateLink {
  id: string;
  title: string;
  /** e.g. 附件1 — the annex of the text the form is. */
  annex?: string | null;
  /** Where the PDF downloads from, when the server says. */
  url?: string;
}

/** `GET /api/calls` — every call, public. */
export function useCalls() {
  return useQuery({ queryKey: ['calls'], queryFn: () => api<Call[]>('GET', '/api/calls') });
}

/** `GET /api/calls/:id` — one call with its notice, window, quota and contacts. */
export function useCall(id: string | undefined) {
  return useQuery({ queryKey: ['calls', id], queryFn: () => api<CallDetailData>('GET', `/api/calls/${encodeURIComponent(id!)}`), enabled: !!id, retry: false });
}

/**
 * `GET /api/calls/:id/templates` — the blank forms to download (附件1 计划书, 附件2 承诺书 …). Where the server does not
 * offer the list (404), there is nothing to show.
 */
export function useCallTemplates(id: string | undefined) {
  return useQuery({
    queryKey: ['calls', id, 'templates'],
    queryFn: async () => {
      try {
        return await api<CallTemplateLink[]>('GET', `/api/calls/${encodeURIComponent(id!)}/templates`);
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return [];
        throw e;
      }
    },
    enabled: !!id,
    retry: false,
  });
}

/** Where a blank form downloads from. */
export function templateHref(callId: string, formId: string): string {
  return `/api/calls/${encodeURIComponent(callId)}/templates/${encodeURIComponent(formId)}.pdf`;
}
