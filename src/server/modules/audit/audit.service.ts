import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { AuditAction } from './audit-events';

/** Who did it: the signed-in actor, or the system (jobs, demo loader). */
export interface Actor {
  userId: string | null;
  username: string | null;
  role: string | null;
  jurisdictionId: string | null;
  requestId?: string | null;
  ip?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', role: 'system', jurisdictionId: null };

export interface AuditInput {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  jurisdictionId?: string | null;
  before?: unknown;
  after?: unknown;
}

const GENESIS = '0'.repeat(64);
/** Serialises appends to the chain: held until the writing transaction commits. */
const CHAIN_LOCK = 7_310_002;

/** JSON with sorted keys, so the hash does not depend on how jsonb reorders an object. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const keys = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface HashedFields {
  occurredAt: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  jurisdictionId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
}

/** SM3 (GB/T 32905-2016) over the previous hash and the event's canonical form. */
export function hashEvent(e: HashedFields): string {
  const body = canonicalJson({
    occurredAt: e.occurredAt.toISOString(),
    actorUserId: e.actorUserId,
    actorUsername: e.actorUsername,
    actorRole: e.actorRole,
    jurisdictionId: e.jurisdictionId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    ip: e.ip,
  });
  return createHash('sm3').update(e.prevHash).update('\n').update(body).digest('hex');
}

/** JSON round trip, so what is hashed is exactly what jsonb will give back (no Dates, no undefined). */
function toJsonValue(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/**
 * Appends an event to the chain. Call it inside the transaction of the write it records, so both commit
 * or neither does.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, input: AuditInput, now: Date = new Date()): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const fields: HashedFields = {
    occurredAt: new Date(Math.floor(now.getTime())),
    actorUserId: actor.userId,
    actorUsername: actor.username,
    actorRole: actor.role,
    jurisdictionId: input.jurisdictionId ?? actor.jurisdictionId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    requestId: actor.requestId ?? null,
    ip: actor.ip ?? null,
    prevHash: last?.hash ?? GENESIS,
  };
  await tx.insert(auditEvents).values({ ...fields, hash: hashEvent(fields) });
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  lastHash: string | null;
  /** The first event whose stored hash or link does not match. */
  firstBroken?: { id: number; reason: 'hash-mismatch' | 'link-mismatch'; expected: string; actual: string };
}

/** Walks the whole chain in id order and names the first broken link. */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<ChainVerification> {
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, lastId))
      .orderBy(asc(auditEvents.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prev) {
        return { ok: false, checked, lastHash: prev, firstBroken: { id: row.id, reason: 'link-mismatch', expected: prev, actual: row.prevHash } };
      }
      const expected = hashEvent({ ...row, occurredAt: row.occurredAt });
      if (expected !== row.hash) {
        return { ok: false, checked, lastHash: prev, firstBroken: { id: row.id, reason: 'hash-mismatch', expected, actual: row.hash } };
      }
      prev = row.hash;
      lastId = row.id;
      checked++;
    }
  }
  return { ok: true, checked, lastHash: checked ? prev : null };
}
