import type { AddUnitUserRequest, RegisterUnitRequest, RegistrationOptionsResponse, UnitUser } from '../../../shared/units';
import type { CurrentUser } from '../../../shared/accounts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PersonDetail, PersonInput, PersonSummary, UnitProfileResponse, UpdateUnitRequest } from '../../../shared/units';
import { api } from '../../lib/http';

export type { PersonDetail, PersonInput, PersonSummary, UnitProfileResponse, UpdateUnitRequest };

const UNIT = ['unit'] as const;
const PERSONS = ['unit', 'persons'] as const;

/** GET /api/unit — the caller's unit profile. */
export function useUnitProfile() {
  return useQuery({ queryKey: UNIT, queryFn: () => api<UnitProfileResponse>('GET', '/api/unit') });
}

export function useSaveUnitProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUnitRequest) => api<UnitProfileResponse>('PUT', '/api/unit', input),
    onSuccess: (data) => {
      qc.setQueryData(UNIT, data);
      // Eligibility of every application reads the profile.
      void qc.invalidateQueries({ queryKey: ['application'] });
    },
  });
}

/** GET /api/unit/persons — ID numbers masked. */
export function usePersons() {
  return useQuery({ queryKey: PERSONS, queryFn: () => api<PersonSummary[]>('GET', '/api/unit/persons') });
}

/** GET /api/unit/persons/:id — the full record, for editing (own unit only). */
export function usePerson(id: string | null) {
  return useQuery({
    queryKey: ['unit', 'person', id],
    enabled: !!id,
    queryFn: () => api<PersonDetail>('GET', `/api/unit/persons/${id}`),
    staleTime: 0,
  });
}

export function useSavePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: PersonInput }) =>
      id ? api<PersonDetail>('PUT', `/api/unit/persons/${id}`, input) : api<PersonDetail>('POST', '/api/unit/persons', input),
    onSuccess: (data) => {
      qc.setQueryData(['unit', 'person', data.id], data);
      void qc.invalidateQueries({ queryKey: PERSONS });
      void qc.invalidateQueries({ queryKey: UNIT });
      void qc.invalidateQueries({ queryKey: ['application'] });
    },
  });
}

export function useDeletePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/unit/persons/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: PERSONS });
      void qc.invalidateQueries({ queryKey: UNIT });
    },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Unit users and self-registration (issue 4)
// ---------------------------------------------------------------------------------------------------------


export type { AddUnitUserRequest, RegisterUnitRequest, UnitUser };

const USERS = ['unit', 'users'] as const;

/** GET /api/unit/users — the unit's accounts. */
export function useUnitUsers() {
  return useQuery({ queryKey: USERS, queryFn: () => api<UnitUser[]>('GET', '/api/unit/users') });
}

export function useAddUnitUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AddUnitUserRequest) => api<UnitUser>('POST', '/api/unit/users', input),
    onSuccess: () => void qc.invalidateQueries({ queryKey: USERS }),
  });
}

export function useRemoveUnitUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/unit/users/${id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: USERS }),
  });
}

/** GET /api/auth/register-unit/options — public: the jurisdictions a unit may register in. */
export function useRegistrationOptions() {
  return useQuery({ queryKey: ['register-unit', 'options'], queryFn: () => api<RegistrationOptionsResponse>('GET', '/api/auth/register-unit/options'), staleTime: 3_600_000 });
}

/** POST /api/auth/register-unit — creates the unit and its first user and signs them in (sets the session cookie). */
export function useRegisterUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterUnitRequest) => api<{ user: CurrentUser }>('POST', '/api/auth/register-unit', input),
    onSuccess: (data) => {
      qc.clear();
      qc.setQueryData(['me'], data.user);
    },
  });
}
