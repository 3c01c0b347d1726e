import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The audit chain: every write records one event in the same transaction as the write, and each event
 * stores the SM3 hash (GB/T 32905) of the previous event, so a changed or deleted row breaks the chain.
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
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId), index('audit_events_jurisdiction_idx').on(t.jurisdictionId, t.id)],
);
