import type { FastifyRequest } from 'fastify';
import type { Role } from '../shared/accounts';
import type { AppConfig } from './config';
import type { Db } from './db/client';
import type { SessionUser } from './modules/accounts/accounts.service';
import type { Actor } from './modules/audit/audit.service';
import type { Storage } from './storage/storage';

/**
 * Who may call a route (STYLE.md 3): declared on every /api route as `config.access`, enforced in one
 * place (plugins/auth.ts) before the body is parsed. 'public' = anyone; 'authenticated' = any signed-in
 * user; a list of roles = a user holding at least one of them (in some jurisdiction; services then check
 * the resource's jurisdiction with `can`).
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface AppDeps {
  config: AppConfig;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  now(): Date;
  storage: Storage;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    /** The role that let the caller in (the first of the route's roles the user holds). */
    actingRole: Role | null;
  }
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The actor recorded in audit events for this request. */
export function actorOf(request: FastifyRequest, jurisdictionId: string | null = null): Actor {
  const user = request.user;
  return {
    userId: user?.id ?? null,
    username: user?.username ?? null,
    role: request.actingRole,
    jurisdictionId:
      jurisdictionId ?? user?.roles.find((r) => r.role === request.actingRole)?.jurisdiction ?? null,
    requestId: request.id,
    ip: request.ip,
  };
}

/** The jurisdictions where the user holds one of `roles` (platform-wide grants, without a jurisdiction, excluded). */
export function jurisdictionsWhere(user: { roles: readonly { role: string; jurisdiction?: string | null }[] }, roles: Iterable<string>): string[] {
  const wanted = new Set(roles);
  return [...new Set(user.roles.filter((r) => wanted.has(r.role) && r.jurisdiction).map((r) => r.jurisdiction!))];
}
