import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { outbox, units, users } from '../../db/schema';

export type Channel = 'in-app' | 'email' | 'sms';

export interface Message {
  template: string;
  title: string;
  body: string;
  payload?: Record<string, unknown>;
}

/**
 * Queues a message to every user of a unit (in-app) and to the unit's contact (e-mail, SMS), in the caller's
 * transaction: the message exists exactly when the event it reports committed.
 */
export async function notifyUnit(tx: DbOrTx, unitId: string, message: Message, now: Date) {
  const members = await tx.select({ id: users.id }).from(users).where(and(eq(users.unitId, unitId), eq(users.active, true)));
  const [unit] = await tx.select({ phone: units.contactPhone, email: units.contactEmail }).from(units).where(eq(units.id, unitId));
  const rows: (typeof outbox.$inferInsert)[] = members.map((m) => row('in-app', m.id, null, message, now));
  if (unit?.email) rows.push(row('email', null, unit.email, message, now));
  if (unit?.phone) rows.push(row('sms', null, unit.phone, message, now));
  if (rows.length) await tx.insert(outbox).values(rows);
}

function row(channel: Channel, userId: string | null, recipient: string | null, m: Message, now: Date): typeof outbox.$inferInsert {
  return {
    id: randomUUID(),
    channel,
    userId,
    recipient,
    template: m.template,
    title: m.title,
    body: m.body,
    payload: m.payload ?? null,
    // In-app messages are delivered by being stored; the others wait for the delivery job.
    status: channel === 'in-app' ? 'delivered' : 'pending',
    nextAttemptAt: now,
    createdAt: now,
    deliveredAt: channel === 'in-app' ? now : null,
  };
}

export async function listInbox(db: Db, userId: string, limit = 50) {
  return db
    .select({ id: outbox.id, title: outbox.title, body: outbox.body, template: outbox.template, payload: outbox.payload, createdAt: outbox.createdAt, readAt: outbox.readAt })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), eq(outbox.channel, 'in-app')))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
}

export async function markRead(db: Db, userId: string, id: string, now: Date) {
  await db.update(outbox).set({ readAt: now }).where(and(eq(outbox.id, id), eq(outbox.userId, userId), isNull(outbox.readAt)));
}

/** A delivery channel (SMTP, an SMS provider). The default logs only. */
export interface Provider {
  channel: Exclude<Channel, 'in-app'>;
  send(recipient: string, title: string, body: string): Promise<void>;
}

export function logProviders(log: (msg: string) => void): Provider[] {
  return (['email', 'sms'] as const).map((channel) => ({
    channel,
    async send(recipient, title) {
      log(`[${channel}] → ${recipient.replace(/^(.{3}).*(.{2})$/, '$1****$2')}: ${title}`);
    },
  }));
}

/**
 * Delivers pending messages. Rows are claimed with FOR UPDATE SKIP LOCKED, so several app instances never
 * send one twice; a failure is retried later with backoff and never loses the message.
 */
export async function deliverPending(db: Db, providers: Provider[], now: Date, batch = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  await db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), sql`${outbox.nextAttemptAt} <= ${now.toISOString()}`))
      .orderBy(outbox.nextAttemptAt)
      .limit(batch)
      .for('update', { skipLocked: true });
    for (const m of due) {
      const provider = providers.find((p) => p.channel === m.channel);
      try {
        if (!provider) throw new Error(`no provider for ${m.channel}`);
        await provider.send(m.recipient ?? '', m.title, m.body);
        await tx.update(outbox).set({ status: 'delivered', deliveredAt: now, attempts: m.attempts + 1, lastError: null }).where(eq(outbox.id, m.id));
        sent++;
      } catch (err) {
        const attempts = m.attempts + 1;
        const backoff = Math.min(3_600_000, 30_000 * 2 ** Math.min(attempts, 7));
        await tx
          .update(outbox)
          .set({ attempts, lastError: String((err as Error).message ?? err).slice(0, 500), nextAttemptAt: new Date(now.getTime() + backoff), status: attempts >= 10 ? 'failed' : 'pending' })
          .where(eq(outbox.id, m.id));
        failed++;
      }
    }
  });
  return { sent, failed };
}
