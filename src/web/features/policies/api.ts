import { keepPreviousData, useQuery } from '@tanstack/react-query';
// Types only: erased at build time, so the policy engine itself never lands in the browser bundle.
import type { EditionDescription, EditionSummary, ProgramDescription, RuleDescription } from '../../../policy/engine';
import type { Facts } from '../../../policy/types';
import type { CheckEligibilityResponse } from '../../../shared/eligibility';
import { api } from '../../lib/http';

export type { EditionDescription, EditionSummary, ProgramDescription, RuleDescription, Facts, CheckEligibilityResponse };
export type Finding = CheckEligibilityResponse['findings'][number];

export interface PolicyText {
  id: string;
  documentNumber: string;
  texts: { title: string; text: string }[];
}

const STATIC = { staleTime: 10 * 60_000 };

/** `GET /api/policies` — the editions (京兴人社发〔2025〕21号, 京技管发〔2024〕1号, 顺义征求意见稿). */
export function usePolicies() {
  return useQuery({ queryKey: ['policies'], queryFn: () => api<EditionSummary[]>('GET', '/api/policies'), ...STATIC });
}

/** `GET /api/policies/:id` — one edition with programs, rules, materials, forms and stages. */
export function usePolicy(id: string | undefined) {
  return useQuery({
    queryKey: ['policies', id],
    queryFn: () => api<EditionDescription>('GET', `/api/policies/${encodeURIComponent(id!)}`),
    enabled: !!id,
    ...STATIC,
  });
}

/** All editions described, for the comparison page. */
export function useAllPolicies() {
  const list = usePolicies();
  const ids = (list.data ?? []).map((e) => e.id);
  const all = useQuery({
    queryKey: ['policies', 'all', ids],
    queryFn: () => Promise.all(ids.map((id) => api<EditionDescription>('GET', `/api/policies/${encodeURIComponent(id)}`))),
    enabled: ids.length > 0,
    ...STATIC,
  });
  return { ...all, isLoading: list.isLoading || all.isLoading, error: list.error ?? all.error };
}

/** `GET /api/policies/:id/text` — the verbatim texts (the document and, e.g., the 2026 大兴 notice). */
export function usePolicyText(id: string | undefined) {
  return useQuery({
    queryKey: ['policies', id, 'text'],
    queryFn: () => api<PolicyText>('GET', `/api/policies/${encodeURIComponent(id!)}/text`),
    enabled: !!id,
    ...STATIC,
  });
}

/** `POST /api/eligibility/check`, re-run whenever the answers change (the previous result stays while loading). */
export function useEligibility(input: { policyId?: string; program?: string; asOf: string; facts: Facts }) {
  return useQuery({
    queryKey: ['eligibility', input.policyId, input.program, input.asOf, input.facts],
    queryFn: () => api<CheckEligibilityResponse>('POST', '/api/eligibility/check', input),
    enabled: !!input.policyId && !!input.program,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** `GET /api/retirement` — the statutory retirement date under the 2025 progressive reform. */
export function useRetirement(q: { birthDate?: string; sex?: string; category?: string }) {
  const ready = !!q.birthDate && !!q.sex && !!q.category;
  return useQuery({
    queryKey: ['retirement', q.birthDate, q.sex, q.category],
    queryFn: () =>
      api<{ retirementAge: { years: number; months: number }; retirementDate: string }>(
        'GET',
        `/api/retirement?${new URLSearchParams({ birthDate: q.birthDate!, sex: q.sex!, category: q.category! })}`,
      ),
    enabled: ready,
    staleTime: Infinity,
  });
}
