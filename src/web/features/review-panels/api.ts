import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DeclarationRequest, Expert, ExpertInput } from '../../../shared/review-panels';
import { api } from '../../lib/http';

export type { Expert, ExpertInput, DeclarationRequest };

export interface Citation {
  document: string;
  article: string;
  inferred?: string;
}
export interface Load {
  active: number;
  pending: number;
  accepted: number;
  submitted: number;
  conflict: number;
}
export interface ExpertRef {
  id: string;
  name: string;
  employer: string;
}
export interface PanelMember extends Expert {
  expertId: string;
  status: 'active' | 'removed';
  drawId: string | null;
  addedAt: string;
  load: Load;
}
export interface DrawRecord {
  id: string;
  algorithm: string;
  seed: string;
  size: number;
  fields: string[];
  candidates: ExpertRef[];
  excluded: (ExpertRef & { reason: string })[];
  drawn: ExpertRef[];
  drawnBy: string | null;
  drawnAt: string;
}
export interface Panel {
  call: { id: string; title: string; jurisdiction: string; program: string; editionId: string };
  rules: { expertsPerApplication: number; panelSize: number; formerEmployerAvoidanceYears: number; citation: Citation };
  members: PanelMember[];
  draws: DrawRecord[];
}
export interface VerifyResult {
  drawId: string;
  matches: boolean;
  message: string;
  recorded: string[];
  reproduced: string[];
  seed: string;
  algorithm: string;
}
export interface MatrixCell {
  expertId: string;
  assignmentId: string | null;
  status: string | null;
  statusName: string | null;
  conflict: { kind: string; note?: string } | null;
  avoidance: string | null;
}
export interface Matrix {
  expertsPerApplication: number;
  experts: { id: string; name: string; employer: string; fields: string[]; onPanel: boolean; hasAccount: boolean; active: boolean; load: Load }[];
  applications: { id: string; number: string; title: string | null; leaderName: string | null; unitName: string; status: string; activeCount: number; cells: MatrixCell[] }[];
}
export interface MyAssignment {
  id: string;
  callId: string;
  callTitle: string;
  jurisdiction: string;
  applicationId: string;
  number: string;
  title: string | null;
  leaderName: string | null;
  unitName: string;
  unitCreditCode: string;
  status: 'pending' | 'accepted' | 'submitted' | 'conflict';
  statusName: string;
  assignedAt: string;
  declaredAt: string | null;
  submittedAt: string | null;
  conflict: { kind: string; note?: string } | null;
  citation: Citation | null;
}
export interface MyAssignments {
  counts: { toDeclare: number; toScore: number; submitted: number; conflict: number; pending: number; done: number };
  items: MyAssignment[];
}

const KEY = ['review-panels'] as const;

export function useExperts(filter: { q?: string; active?: string }) {
  const p = new URLSearchParams();
  if (filter.q?.trim()) p.set('q', filter.q.trim());
  if (filter.active) p.set('active', filter.active);
  const qs = p.toString();
  return useQuery({ queryKey: [...KEY, 'experts', qs], queryFn: () => api<Expert[]>('GET', `/api/review/experts${qs ? `?${qs}` : ''}`) });
}

export function useSaveExpert() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ExpertInput }) =>
      id ? api<Expert>('PATCH', `/api/review/experts/${id}`, input) : api<Expert>('POST', '/api/review/experts', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePanel(callId: string) {
  return useQuery({ queryKey: [...KEY, 'panel', callId], queryFn: () => api<Panel>('GET', `/api/review/calls/${callId}/panel`) });
}

export function useMatrix(callId: string) {
  return useQuery({ queryKey: [...KEY, 'matrix', callId], queryFn: () => api<Matrix>('GET', `/api/review/calls/${callId}/assignments`) });
}

function useCallMutation<I, O>(fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }) });
}

export const useDraw = (callId: string) =>
  useCallMutation((input: { size?: number; fields?: string[] }) => api<Panel>('POST', `/api/review/calls/${callId}/panel/draw`, input));
export const useRemoveMember = (callId: string) => useCallMutation((expertId: string) => api<void>('DELETE', `/api/review/calls/${callId}/panel/${expertId}`));
export const useAutoAssign = (callId: string) =>
  useCallMutation(() => api<{ created: number; message: string }>('POST', `/api/review/calls/${callId}/assignments/auto`));
export const useAssign = (callId: string) =>
  useCallMutation((input: { applicationIds: string[]; expertIds: string[] }) => api<{ created: number; message: string }>('POST', `/api/review/calls/${callId}/assignments`, input));
export const useWithdraw = () => useCallMutation((id: string) => api<void>('DELETE', `/api/review/assignments/${id}`));
export const useVerifyDraw = () => useMutation({ mutationFn: (drawId: string) => api<VerifyResult>('GET', `/api/review/draws/${drawId}/verify`) });

export function useMyAssignments(enabled = true) {
  return useQuery({ queryKey: [...KEY, 'mine'], queryFn: () => api<MyAssignments>('GET', '/api/review/my-assignments'), enabled });
}

export const useDeclare = () =>
  useCallMutation(({ id, input }: { id: string; input: DeclarationRequest }) =>
    api<{ id: string; status: string; reassigned: boolean | null; message: string }>('POST', `/api/review/assignments/${id}/declaration`, input),
  );
