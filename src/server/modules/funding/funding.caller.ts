import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/accounts';
import { actorOf, jurisdictionsWhere } from '../../context';
import type { Actor } from '../audit/audit.service';

/** The caller as decisions and funding see it: the roles held per jurisdiction, and the unit of an applicant. */
export interface FundingCaller {
  actor: Actor;
  roles: { role: Role; jurisdiction: string | null }[];
  unitId: string | null;
}

export function fundingCallerOf(request: FastifyRequest): FundingCaller {
  const user = request.user!;
  return {
    actor: actorOf(request),
    roles: user.roles.map((r) => ({ role: r.role as Role, jurisdiction: r.jurisdiction ?? null })),
    unitId: user.roles.some((r) => r.role === 'applicant') ? (user.unit?.id ?? null) : null,
  };
}

/** Jurisdictions where the caller holds one of `roles`. */
export function jurisdictionsWith(caller: FundingCaller, roles: readonly Role[]): string[] {
  return jurisdictionsWhere(caller, roles);
}

/** Officers who read decisions and studio records of their jurisdiction. */
export const OFFICER_ROLES: readonly Role[] = ['program', 'intake', 'inspector'];
