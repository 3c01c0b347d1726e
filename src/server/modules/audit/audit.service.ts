import { createHash } from 'node:crypto';
import { and, asc, count, desc, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
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
/** Serialises the sealer (one at a time across app instances); writers never take it. */
const CHAIN_LOCK = 7_310_002;
/** Events sealed per statement. */
const SEAL_BATCH = 500;

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

export interface HashedFields {
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
 * Records an event. Call it inside the transaction of the write it records, so both commit or neither does.
 * The event is linked into the chain by `sealAuditChain` once its transaction has committed (within a second
 * in a running app; always before verification).
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, input: AuditInput, now: Date = new Date()): Promise<void> {
  await tx.insert(auditEvents).values({
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
  });
}

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Links committed, unsealed events into the chain, in the order their transactions committed relative to the
 * horizon: only events of transactions older than every transaction still running (pg_snapshot_xmin) are sealed,
 * so no event can later appear before one already sealed. Idempotent; safe from several app instances at once
 * (the advisory lock lets one sealer run; the others return). Returns how many events it sealed.
 */
export async function sealAuditChain(db: Db, options: { wait?: boolean } = {}): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      if (options.wait) await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
      else {
        const [got] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${CHAIN_LOCK}) as ok`));
        if (!got.ok) return 0;
      }
      const [{ horizon }] = rowsOf<{ horizon: string }>(await tx.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as horizon`));
      const [head] = await tx
        .select({ hash: auditEvents.hash, chainSeq: auditEvents.chainSeq })
        .from(auditEvents)
        .where(isNotNull(auditEvents.chainSeq))
        .orderBy(desc(auditEvents.chainSeq))
        .limit(1);
      const rows = await tx
        .select()
        .from(auditEvents)
        .where(and(isNull(auditEvents.chainSeq), lt(auditEvents.txId, Number(horizon))))
        .orderBy(asc(auditEvents.txId), asc(auditEvents.id))
        .limit(SEAL_BATCH);
      if (!rows.length) return 0;
      let prev = head?.hash ?? GENESIS;
      let seq = head?.chainSeq ?? 0;
      const links = rows.map((row) => {
        const link = { id: row.id, seq: ++seq, prevHash: prev, hash: hashEvent({ ...row, prevHash: prev }) };
        prev = link.hash;
        return link;
      });
      await tx.execute(sql`
        update audit_events as a set chain_seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        from (values ${sql.join(
          links.map((l) => sql`(${l.id}::bigint, ${l.seq}::bigint, ${l.prevHash}, ${l.hash})`),
          sql`, `,
        )}) as v(id, seq, prev_hash, hash)
        where a.id = v.id`);
      return rows.length;
    });
    sealed += n;
    if (n < SEAL_BATCH) return sealed;
  }
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  lastHash: string | null;
  /** Events not sealed yet: their transactions were still running (or the caller asked not to seal). */
  pending: number;
  /** The first event whose stored hash or link does not match. */
  firstBroken?: { id: number; reason: 'hash-mismatch' | 'link-mismatch'; expected: string; actual: string };
}

/**
 * Seals what has committed (unless `seal: false`, e.g. inside a read-only backup snapshot), then walks the whole
 * chain in chain order and names the first broken link.
 */
export async function verifyAuditChain(db: Db, options: { seal?: boolean; batchSize?: number } = {}): Promise<ChainVerification> {
  if (options.seal !== false) await sealAuditChain(db, { wait: true });
  const batchSize = options.batchSize ?? 2000;
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.chainSeq, lastSeq))
      .orderBy(asc(auditEvents.chainSeq))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prev) {
        return { ok: false, checked, pending: 0, lastHash: prev, firstBroken: { id: row.id, reason: 'link-mismatch', expected: prev, actual: row.prevHash ?? '' } };
      }
      const expected = hashEvent({ ...row, prevHash: prev });
      if (expected !== row.hash) {
        return { ok: false, checked, pending: 0, lastHash: prev, firstBroken: { id: row.id, reason: 'hash-mismatch', expected, actual: row.hash ?? '' } };
      }
      prev = row.hash;
      lastSeq = row.chainSeq!;
      checked++;
    }
  }
  const [{ n }] = await db.select({ n: count() }).from(auditEvents).where(isNull(auditEvents.chainSeq));
  return { ok: true, checked, pending: Number(n), lastHash: checked ? prev : null };
}
