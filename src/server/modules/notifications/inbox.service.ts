import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { toShanghaiIso } from '../../../shared/time';
import type { Db } from '../../db/client';
import { outbox } from '../../db/schema';
import { notFound } from '../../errors';

/**
 * The signed-in user's in-app inbox: the outbox rows of channel `in-app` addressed to them. Only ever the
 * caller's own rows — another user's message is "not found", never marked.
 */
const own = (userId: string) => and(eq(outbox.userId, userId), eq(outbox.channel, 'in-app'));

export async function listInbox(db: Db, userId: string, q: { limit: number; unreadOnly?: 'true' | 'false' }) {
  const where = and(own(userId), q.unreadOnly === 'true' ? isNull(outbox.readAt) : undefined);
  const [rows, [{ unread }], [{ total }]] = await Promise.all([
    db
      .select({ id: outbox.id, template: outbox.template, title: outbox.title, body: outbox.body, payload: outbox.payload, createdAt: outbox.createdAt, readAt: outbox.readAt })
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(q.limit),
    db.select({ unread: count() }).from(outbox).where(and(own(userId), isNull(outbox.readAt))),
    db.select({ total: count() }).from(outbox).where(own(userId)),
  ]);
  return {
    items: rows.map((r) => {
      const payload = r.payload && typeof r.payload === 'object' && !Array.isArray(r.payload) ? (r.payload as Record<string, unknown>) : null;
      return {
        id: r.id,
        template: r.template,
        title: r.title,
        body: r.body,
        applicationId: typeof payload?.applicationId === 'string' ? payload.applicationId : null,
        payload,
        createdAt: toShanghaiIso(r.createdAt),
        readAt: r.readAt ? toShanghaiIso(r.readAt) : null,
      };
    }),
    unread: Number(unread),
    total: Number(total),
  };
}

/** Marks one of the caller's messages read; reading it again keeps the first read time. */
export async function markRead(db: Db, userId: string, id: string, now: Date) {
  const [row] = await db.select({ readAt: outbox.readAt }).from(outbox).where(and(eq(outbox.id, id), own(userId)));
  if (!row) throw notFound('消息', 'NOTIFICATION_NOT_FOUND');
  if (row.readAt) return { id, readAt: toShanghaiIso(row.readAt) };
  await db.update(outbox).set({ readAt: now }).where(and(eq(outbox.id, id), own(userId), isNull(outbox.readAt)));
  return { id, readAt: toShanghaiIso(now) };
}

export async function markAllRead(db: Db, userId: string, now: Date) {
  const updated = await db.update(outbox).set({ readAt: now }).where(and(own(userId), isNull(outbox.readAt))).returning({ id: outbox.id });
  return { updated: updated.length };
}
