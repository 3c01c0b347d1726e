import { integer, pgTable, text } from 'drizzle-orm/pg-core';

/** Gapless human numbers (application numbers, receipts) incremented atomically by UPDATE … RETURNING. */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
