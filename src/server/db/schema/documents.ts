import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './accounts';
import { applications } from './intake';

/**
 * Every download of an application's dossier (申报材料汇编). The verification code is printed on the cover as a
 * QR code (`/verify/<code>`), so the window can check a printout against the online record (issue 4).
 */
export const dossierDownloads = pgTable(
  'dossier_downloads',
  {
    id: text('id').primaryKey(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id),
    userId: text('user_id').references(() => users.id),
    downloadedAt: timestamp('downloaded_at', { withTimezone: true }).notNull(),
    verificationCode: text('verification_code').notNull(),
  },
  (t) => [uniqueIndex('dossier_downloads_code_key').on(t.verificationCode), index('dossier_downloads_app_idx').on(t.applicationId, t.downloadedAt)],
);
