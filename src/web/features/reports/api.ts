import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnnualReport, ReportObligation, SaveReportRequest } from '../../../shared/reports';
import { api, ApiError } from '../../lib/http';

export type { AnnualReport, ReportObligation };
export type ReportFilters = { year?: number; status?: string; state?: string; overdue?: boolean };

const qs = (f: ReportFilters) => {
  const p = new URLSearchParams();
  if (f.year) p.set('year', String(f.year));
  if (f.status) p.set('status', f.status);
  if (f.state) p.set('state', f.state);
  if (f.overdue) p.set('overdue', 'true');
  const s = p.toString();
  return s ? `?${s}` : '';
};

/** GET /api/annual-reports — the caller's reports (a unit its own; an officer or inspector the jurisdiction's). */
export function useReports(filters: ReportFilters = {}) {
  return useQuery({ queryKey: ['reports', 'list', filters], queryFn: () => api<AnnualReport[]>('GET', `/api/annual-reports${qs(filters)}`) });
}

export const exportUrl = (filters: ReportFilters) => `/api/annual-reports.xlsx${qs(filters)}`;

/** GET /api/annual-reports/obligations — studios with a yearly report duty and the years still to open. */
export function useReportObligations() {
  return useQuery({ queryKey: ['reports', 'obligations'], queryFn: () => api<ReportObligation[]>('GET', '/api/annual-reports/obligations') });
}

/** GET /api/annual-reports/:id */
export function useReport(id: string) {
  return useQuery({ queryKey: ['reports', 'one', id], queryFn: () => api<AnnualReport>('GET', `/api/annual-reports/${id}`) });
}

function useReportMutation<V>(fn: (v: V) => Promise<AnnualReport>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      qc.setQueryData(['reports', 'one', r.id], r);
      void qc.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}

/** POST /api/studios/:id/annual-reports — open the report of a year. */
export const useOpenReport = () => useReportMutation((v: { studioId: string; year: number }) => api<AnnualReport>('POST', `/api/studios/${v.studioId}/annual-reports`, { year: v.year }));
/** PUT /api/annual-reports/:id — save the draft. */
export const useSaveReport = () =>
  useReportMutation((v: { id: string } & SaveReportRequest) => {
    const { id, ...body } = v;
    return api<AnnualReport>('PUT', `/api/annual-reports/${id}`, body);
  });
/** POST /api/annual-reports/:id/submit */
export const useSubmitReport = () => useReportMutation((v: { id: string; version: number }) => api<AnnualReport>('POST', `/api/annual-reports/${v.id}/submit`, { version: v.version }));
/** POST /api/annual-reports/:id/accept | return — the program officer's review. */
export const useReviewReport = () =>
  useReportMutation((v: { id: string; version: number; decision: 'accept' | 'return'; comment?: string }) =>
    api<AnnualReport>('POST', `/api/annual-reports/${v.id}/${v.decision}`, { version: v.version, ...(v.comment ? { comment: v.comment } : {}) }),
  );

export const STATE_COLORS: Record<string, string> = { open: 'processing', submitted: 'blue', overdue: 'error', returned: 'warning', accepted: 'success' };

/** POST /api/annual-reports/:id/files — attach a file (multipart, field `file`). */
export function useUploadReportFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { id: string; file: File }) => {
      const body = new FormData();
      body.append('file', v.file, v.file.name);
      const res = await fetch(`/api/annual-reports/${v.id}/files`, { method: 'POST', credentials: 'same-origin', body });
      const data = await res.json().catch(() => undefined);
      if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? `上传失败（${res.status}）`, data?.error?.fields);
      return data as AnnualReport;
    },
    onSuccess: (r) => {
      qc.setQueryData(['reports', 'one', r.id], r);
      void qc.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
