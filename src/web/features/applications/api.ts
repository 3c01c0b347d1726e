import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FormDescription } from '../../../policy/engine';
import type { MaterialItem } from '../../../policy/types';
import type { ApplicationSummary as ApplicationSummarySchema, CreateApplicationRequest } from '../../../shared/applications';
import type { CallSummary as CallSummarySchema } from '../../../shared/calls';
import type { ApplicationEligibilityResponse, PersonSummary } from '../../../shared/units';
import { api, ApiError } from '../../lib/http';

export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;
export type CallSummary = z.infer<typeof CallSummarySchema>;

/** Largest upload the server accepts (applications.service MAX_FILE_BYTES; not yet in a response). */
export const MAX_FILE_MB = 20;

export interface FormIssueView {
  path: string;
  message: string;
}

export interface ApplicationForm {
  id: string;
  title: string;
  required: boolean;
  version: number;
  data: Record<string, unknown> | null;
  updatedAt: string | null;
  complete: boolean;
  issues: FormIssueView[];
  editable: boolean;
}

export interface MaterialFile {
  id: string;
  name: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface ChecklistEntry {
  id: string;
  order: number;
  title: string;
  supply: MaterialItem['supply'];
  formId: string | null;
  required: boolean;
  requirements: string;
  formats: MaterialItem['formats'];
  template: string | null;
  notes: string | null;
  condition: string | null;
  maxFiles: number;
  files: MaterialFile[];
  editable: boolean;
}

export interface CorrectionRound {
  round: number;
  items: { kind: 'form' | 'material'; id: string; comment: string }[];
  deadline: string;
  requestedAt: string;
  answeredAt: string | null;
}

export interface TimelineEvent {
  at: string;
  action: string;
  actor: string;
  fromStatus: string | null;
  toStatus: string | null;
  toStatusName: string | null;
  round: number;
  note: string | null;
  details: unknown;
}

/** GET /api/applications/:id (applications.service getApplication). */
export interface ApplicationDetail extends ApplicationSummary {
  editionId: string;
  unitCreditCode: string;
  studioRecognized: boolean;
  call: { id: string; title: string; status: 'upcoming' | 'open' | 'closed'; closesAt: string };
  editable: boolean;
  forms: ApplicationForm[];
  checklist: ChecklistEntry[];
  corrections: CorrectionRound[];
  timeline: TimelineEvent[];
}

export interface SaveFormResponse {
  formId: string;
  version: number;
  savedAt: string;
  complete: boolean;
  issues: FormIssueView[];
}

export interface Receipt {
  number: string;
  at: string;
}

export const applicationKey = (id: string) => ['application', id] as const;

export function useMyApplications() {
  return useQuery({ queryKey: ['applications', 'mine'], queryFn: () => api<ApplicationSummary[]>('GET', '/api/applications?pageSize=100') });
}

export function useCalls() {
  return useQuery({ queryKey: ['calls'], queryFn: () => api<CallSummary[]>('GET', '/api/calls') });
}

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CreateApplicationRequest>) => api<ApplicationDetail>('POST', '/api/applications', input),
    onSuccess: (app) => {
      qc.setQueryData(applicationKey(app.id), app);
      void qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function useApplication(id: string) {
  return useQuery({ queryKey: applicationKey(id), queryFn: () => api<ApplicationDetail>('GET', `/api/applications/${id}`), retry: false });
}

interface EditionForms {
  programs: { id: string; forms: FormDescription[]; materials: MaterialItem[] }[];
}

/** The edition's form schemas and materials (GET /api/policies/:id): the forms are rendered from these. */
export function useEditionForms(editionId: string | undefined, program: string | undefined) {
  return useQuery({
    queryKey: ['policy', editionId],
    enabled: !!editionId,
    staleTime: Infinity,
    queryFn: () => api<EditionForms>('GET', `/api/policies/${editionId}`),
    select: (e) => e.programs.find((p) => p.id === program),
  });
}

export function useSubmit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ receipt: Receipt; application: ApplicationDetail }>('POST', `/api/applications/${id}/submit`, {}),
    onSuccess: (res) => {
      qc.setQueryData(applicationKey(id), res.application);
      void qc.invalidateQueries({ queryKey: ['applications', 'mine'] });
    },
  });
}

export function useRemoveMaterial(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (materialId: string) => api<void>('DELETE', `/api/applications/${id}/materials/${materialId}`),
    onSettled: () => qc.invalidateQueries({ queryKey: applicationKey(id) }),
  });
}

/** Uploads one file to a checklist item (multipart field `file`); throws ApiError with the server's message. */
export async function uploadMaterial(id: string, itemId: string, file: File): Promise<void> {
  const body = new FormData();
  body.append('file', file, file.name);
  const res = await fetch(`/api/applications/${id}/materials/${itemId}`, { method: 'POST', body, credentials: 'same-origin' });
  if (!res.ok) {
    const data = await res.json().catch(() => undefined);
    const e = data?.error ?? {};
    throw new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? `上传失败（${res.status}）`, e.fields);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Endpoints other parts of the platform add (eligibility and people, H2; dossier, H1). A 404 means "not yet".
// ---------------------------------------------------------------------------------------------------------

export type EligibilityView = ApplicationEligibilityResponse;
export type EligibilityFinding = ApplicationEligibilityResponse['findings'][number];

/** null = the endpoint is not there (404 without an error code of ours). */
export function useEligibility(id: string) {
  return useQuery({
    queryKey: ['application', id, 'eligibility'],
    retry: false,
    queryFn: async () => {
      try {
        const r = await api<EligibilityView>('GET', `/api/applications/${id}/eligibility`);
        return { available: true as const, ...r };
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return { available: false as const };
        throw e;
      }
    },
  });
}

export type UnitPerson = PersonSummary;

export function useUnitPersons() {
  return useQuery({
    queryKey: ['unit', 'persons'],
    retry: false,
    queryFn: async () => {
      try {
        const r = await api<UnitPerson[] | { items: UnitPerson[] }>('GET', '/api/unit/persons');
        return { available: true as const, persons: Array.isArray(r) ? r : (r.items ?? []) };
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return { available: false as const, persons: [] as UnitPerson[] };
        throw e;
      }
    },
  });
}

export function useSavePeople(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { leaderId: string; memberIds: string[] }) => api<unknown>('PUT', `/api/applications/${id}/people`, input),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['application', id] });
    },
  });
}

export const dossierUrl = (id: string) => `/api/applications/${id}/dossier.pdf`;
export const materialUrl = (id: string, materialId: string) => `/api/applications/${id}/materials/${materialId}`;
