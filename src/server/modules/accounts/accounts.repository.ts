import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { preparedPer } from '../../db/prepared';
import { jurisdictions, loginAttempts, sessions, units, userRoles, users } from '../../db/schema';

export async function findUserByUsername(db: DbOrTx, username: string) {
  const [row] = await db
    .select({ id: users.id, username: users.username, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  return row;
}

export async function findUserPasswordHash(db: DbOrTx, userId: string) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.passwordHash;
}

const sessionUserQuery = preparedPer((db: DbOrTx) =>
  db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      unitId: units.id,
      unitName: units.name,
      unitJurisdictionId: units.jurisdictionId,
      // The roles in the same round trip (every signed-in request resolves its session: issue 8).
      roles: sql<{ role: string; jurisdictionId: string; jurisdictionName: string | null }[]>`coalesce((
        select json_agg(json_build_object('role', ur.role, 'jurisdictionId', ur.jurisdiction_id, 'jurisdictionName', j.name_zh) order by ur.role, ur.jurisdiction_id)
        from ${userRoles} ur left join ${jurisdictions} j on j.id = ur.jurisdiction_id where ur.user_id = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.active, true)))
    .limit(1)
    .prepare('jx_session_user'),
);

/** The user behind a live session (not revoked, not expired), with roles and unit: a prepared statement. */
export async function findSessionUser(db: DbOrTx, sessionId: string, now: Date) {
  const [row] = await sessionUserQuery(db).execute({ sessionId, now: now.toISOString() });
  return row;
}

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(row);
}

export async function touchSession(db: DbOrTx, sessionId: string, now: Date, expiresAt: Date) {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, sessionId));
}

export async function revokeSession(db: DbOrTx, sessionId: string, now: Date) {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: DbOrTx, userId: string, now: Date, exceptSessionId?: string) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        exceptSessionId ? sql`${sessions.id} <> ${exceptSessionId}` : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string, now: Date) {
  await db.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
}

export async function countRecentFailures(db: DbOrTx, since: Date, by: { username?: string; ip?: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        gt(loginAttempts.at, since),
        eq(loginAttempts.success, false),
        by.username !== undefined ? eq(loginAttempts.username, by.username) : undefined,
        by.ip !== undefined ? eq(loginAttempts.ip, by.ip) : undefined,
      ),
    );
  return Number(row?.n ?? 0);
}

export async function oldestRecentFailure(db: DbOrTx, since: Date, by: { username?: string; ip?: string }) {
  const [row] = await db
    .select({ at: sql<Date>`min(${loginAttempts.at})`.mapWith((v) => new Date(v as string)) })
    .from(loginAttempts)
    .where(
      and(
        gt(loginAttempts.at, since),
        eq(loginAttempts.success, false),
        by.username !== undefined ? eq(loginAttempts.username, by.username) : undefined,
        by.ip !== undefined ? eq(loginAttempts.ip, by.ip) : undefined,
      ),
    );
  return row?.at;
}

export async function insertLoginAttempt(db: DbOrTx, row: typeof loginAttempts.$inferInsert) {
  await db.insert(loginAttempts).values(row);
}
