import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CallScores as CallScoresSchema,
  CloseReviewResponse as CloseReviewResponseSchema,
  Ranking as RankingSchema,
  SaveProposalRequest,
  SaveScoreRequest,
  ScoreSheet as ScoreSheetSchema,
} from '../../../shared/review-scoring';
import { api } from '../../lib/http';

export type ScoreSheet = z.infer<typeof ScoreSheetSchema>;
export type CallScores = z.infer<typeof CallScoresSchema>;
export type Ranking = z.infer<typeof RankingSchema>;
export type RankingRow = Ranking['rows'][number];
export type CloseReviewResult = z.infer<typeof CloseReviewResponseSchema>;
export type SaveScoreInput = z.input<typeof SaveScoreRequest>;
export type SaveProposalInput = z.input<typeof SaveProposalRequest>;
export type RubricCriterion = ScoreSheet['rubric'][number];

const sheetKey = (id: string) => ['review-scoring', 'sheet', id] as const;
const callKey = (callId: string) => ['review-scoring', 'call', callId] as const;

/** GET /api/review/assignments/:id/sheet — the expert's score sheet (409 until the conflict declaration). */
export function useScoreSheet(id: string) {
  return useQuery({ queryKey: sheetKey(id), queryFn: () => api<ScoreSheet>('GET', `/api/review/assignments/${id}/sheet`), retry: false });
}

export function useSaveScore(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveScoreInput) => api<ScoreSheet>('PUT', `/api/review/assignments/${id}/score`, input),
    onSuccess: (data) => qc.setQueryData(sheetKey(id), data),
  });
}

export function useSubmitScore(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api<ScoreSheet>('POST', `/api/review/assignments/${id}/score/submit`, { version }),
    onSuccess: (data) => {
      qc.setQueryData(sheetKey(id), data);
      void qc.invalidateQueries({ queryKey: ['review-panels'] });
    },
  });
}

/** GET /api/review/calls/:callId/scores — the officer's matrix of scores. */
export function useCallScores(callId: string) {
  return useQuery({ queryKey: [...callKey(callId), 'scores'], queryFn: () => api<CallScores>('GET', `/api/review/calls/${callId}/scores`), retry: false });
}

/** GET /api/review/calls/:callId/ranking — ranking, quota, amounts and the proposal. */
export function useRanking(callId: string) {
  return useQuery({ queryKey: [...callKey(callId), 'ranking'], queryFn: () => api<Ranking>('GET', `/api/review/calls/${callId}/ranking`), retry: false });
}

export function useCloseReview(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (applicationIds?: string[]) => api<CloseReviewResult>('POST', `/api/review/calls/${callId}/close-review`, applicationIds ? { applicationIds } : {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: callKey(callId) }),
  });
}

export function useSaveProposal(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveProposalInput) => api<Ranking>('PUT', `/api/review/calls/${callId}/proposal`, input),
    onSuccess: (data) => qc.setQueryData([...callKey(callId), 'ranking'], data),
  });
}

export function useSubmitProposal(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api<Ranking>('POST', `/api/review/calls/${callId}/proposal/submit`, { version }),
    onSuccess: (data) => {
      qc.setQueryData([...callKey(callId), 'ranking'], data);
      void qc.invalidateQueries({ queryKey: callKey(callId) });
    },
  });
}

/** Weighted total on 0–100 (the server's formula, for the live total while typing). */
export function liveTotal(rubric: RubricCriterion[], criteria: Record<string, number | null | undefined>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of rubric) {
    const v = criteria[c.id];
    if (typeof v !== 'number') return null;
    sum += (c.weight * v) / c.max;
    weights += c.weight;
  }
  return weights > 0 ? Math.round((sum / weights) * 1000) / 10 : null;
}

export const citationText = (c: { document: string; article: string } | null | undefined) => (c ? `${c.document} ${c.article}` : '');
