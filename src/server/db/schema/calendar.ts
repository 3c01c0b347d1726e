import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Working-day schedules an operator enters for a year the packaged State Council schedule does not know yet
 * (国务院办公厅关于某年部分节假日安排的通知, usually published late in the year before).
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  year: integer('year').primaryKey(),
  /** 放假 days, YYYY-MM-DD. */
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  /** 调休 weekend working days, YYYY-MM-DD. */
  workdays: jsonb('workdays').$type<string[]>().notNull(),
  /** The notice it was taken from, e.g. 国办发明电〔2026〕X号. */
  source: text('source').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
