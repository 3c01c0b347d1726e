import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { files } from './intake';
import { noticeItems, notices } from './registry';

/**
 * An objection (异议) to a public notice (公示), filed by anyone during the period (京兴人社发〔2025〕21号 第十一条
 * “公示无异议的”; 顺义 第六条 “接受社会监督”). `status`: open → investigating → upheld (the item is withdrawn from the
 * list) | dismissed. The filer follows it by tracking number and contact (or the query code given at filing).
 */
export const objections = pgTable(
  'objections',
  {
    id: text('id').primaryKey(),
    /** e.g. YY-DX-2026-0001: 异议 + jurisdiction + year + sequence. */
    trackingNumber: text('tracking_number').notNull(),
    noticeId: text('notice_id')
      .notNull()
      .references(() => notices.id),
    /** The list item objected to; null = the notice as a whole. */
    noticeItemId: text('notice_item_id').references(() => noticeItems.id),
    anonymous: boolean('anonymous').notNull().default(false),
    name: text('name'),
    contact: text('contact'),
    body: text('body').notNull(),
    /** sha256 of the query code handed to the filer (lets an anonymous filer without contact follow it). */
    queryCodeHash: text('query_code_hash').notNull(),
    status: text('status').notNull(), // open | investigating | upheld | dismissed
    version: integer('version').notNull().default(1),
    /** The reply to the filer (the last one given). */
    reply: text('reply'),
    /** Every handling step: action, reply, who, when. */
    handling: jsonb('handling').$type<{ action: string; reply: string; by: string | null; at: string }[]>().notNull().default([]),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    handledBy: text('handled_by').references(() => users.id),
    handledAt: timestamp('handled_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('objections_tracking_key').on(t.trackingNumber),
    index('objections_notice_idx').on(t.noticeId, t.status),
    index('objections_item_idx').on(t.noticeItemId, t.status),
  ],
);

/** Evidence attached to an objection (PDF / JPG / PNG, checked by content). */
export const objectionAttachments = pgTable(
  'objection_attachments',
  {
    id: text('id').primaryKey(),
    objectionId: text('objection_id')
      .notNull()
      .references(() => objections.id),
    fileId: text('file_id')
      .notNull()
      .references(() => files.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('objection_attachments_objection_idx').on(t.objectionId)],
);
