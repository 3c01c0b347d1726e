import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * The audit chain: every write records one event in the same transaction as the write. A sealer then links the
 * committed events into one chain (chain_seq), each storing the SM3 hash (GB/T 32905) of the previous one, so a
 * changed or deleted row breaks the chain. Sealing after commit (rather than under a lock held by every writing
 * transaction) keeps writers from queueing behind one another (issue 8).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorUserId: text('actor_user_id'),
    actorUsername: text('actor_username'),
    actorRole: text('actor_role'),
    jurisdictionId: text('jurisdiction_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    /** The writing transaction (pg_current_xact_id): events are sealed once no older transaction is running. */
    txId: bigint('tx_id', { mode: 'number' })
      .notNull()
      .default(sql`(pg_current_xact_id()::text)::bigint`),
    /** Position in the chain; null until sealed. */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_events_chain_seq_key').on(t.chainSeq),
    index('audit_events_unsealed_idx').on(t.txId, t.id).where(sql`chain_seq is null`),index('audit_events_entity_idx').on(t.entityType, t.entityId), index('audit_events_jurisdiction_idx').on(t.jurisdictionId, t.id)],
);
