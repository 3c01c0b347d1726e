import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentInput, ClosureInput, FileRef, MilestoneInput, ProgressInput, ProjectDetail, ProjectSummary, SituationAnswerInput, SituationInput } from '../../../shared/projects';
import { api, ApiError } from '../../lib/http';

export type { AssessmentInput, ClosureInput, FileRef, ProjectDetail, ProjectSummary };

/** GET /api/projects — the caller's projects (a unit its own; officers and the inspector their jurisdiction's). */
export function useProjects(filter: { status?: string; year?: number; flag?: string }) {
  const qs = new URLSearchParams();
  if (filter.status) qs.set('status', filter.status);
  if (filter.year) qs.set('year', String(filter.year));
  if (filter.flag) qs.set('flag', filter.flag);
  const q = qs.toString();
  return useQuery({ queryKey: ['projects', 'list', q], queryFn: () => api<ProjectSummary[]>('GET', `/api/projects${q ? `?${q}` : ''}`) });
}

/** GET /api/projects/:id — plan, milestones, updates, closure reports, assessment, disbursement lines. */
export function useProject(id: string) {
  return useQuery({ queryKey: ['projects', 'one', id], queryFn: () => api<ProjectDetail>('GET', `/api/projects/${id}`) });
}

function useProjectMutation<V>(fn: (v: V) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['projects'] });
      void qc.invalidateQueries({ queryKey: ['funding'] });
    },
  });
}

export const useCompleteMilestone = (id: string) => useProjectMutation((v: { milestoneId: string } & MilestoneInput) => {
  const { milestoneId, ...body } = v;
  return api('PUT', `/api/projects/${id}/milestones/${milestoneId}`, body);
});
export const useAddProgress = (id: string) => useProjectMutation((v: ProgressInput) => api('POST', `/api/projects/${id}/updates`, v));
export const useAddSituation = (id: string) => useProjectMutation((v: SituationInput) => api('POST', `/api/projects/${id}/situation-reports`, v));
export const useAnswerSituation = (id: string) => useProjectMutation((v: { updateId: string } & SituationAnswerInput) => {
  const { updateId, ...body } = v;
  return api('POST', `/api/projects/${id}/situation-reports/${updateId}/answer`, body);
});
export const useSubmitClosure = (id: string) => useProjectMutation((v: ClosureInput) => api('POST', `/api/projects/${id}/closures`, v));
export const useReturnClosure = (id: string) => useProjectMutation((v: { closureId: string; reason: string }) => api('POST', `/api/projects/${id}/closures/${v.closureId}/return`, { reason: v.reason }));
export const useAssess = (id: string) => useProjectMutation((v: AssessmentInput) => api('POST', `/api/projects/${id}/assessment`, v));

/** POST /api/projects/:id/files (multipart) — an evidence file; returns its id to cite in a report. */
export async function uploadEvidence(projectId: string, file: File): Promise<FileRef> {
  const body = new FormData();
  body.append('file', file);
  const res = await fetch(`/api/projects/${projectId}/files`, { method: 'POST', body, credentials: 'same-origin' });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? `HTTP_${res.status}`, data?.error?.message ?? `上传失败（${res.status}）`);
  return data as FileRef;
}

export const yuan = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 元`);
