import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { CurrentUser, Role } from '../../../shared/accounts';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { recordAudit, type Actor } from '../audit/audit.service';
import * as repo from './accounts.repository';

export interface SessionUser extends CurrentUser {
  sessionId: string;
}

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

/** Login rate limits (issue 9): per account and per address, over a sliding window, shared by all instances. */
export const LOGIN_LIMITS = { windowMinutes: 15, perAccount: 5, perAddress: 30 } as const;

/** argon2id with the library's defaults (19 MiB, t=2, p=1 — OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the username is unknown, so both paths take the same time (no user enumeration).
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

export const sessionIdOf = (token: string) => createHash('sha256').update(token).digest('hex');

const INVALID = () => new AppError('AUTH_INVALID', 401, '用户名或密码错误');

export async function login(
  db: Db,
  input: { username: string; password: string; ip: string; userAgent?: string; requestId?: string },
  settings: SessionSettings,
  now: Date,
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  const username = input.username.trim().toLowerCase();
  await assertNotRateLimited(db, username, input.ip, now);

  const user = await repo.findUserByUsername(db, username);
  const ok = await verify(user?.passwordHash ?? (await getDummyHash()), input.password).catch(() => false);
  if (!user || !ok || !user.active) {
    await db.transaction(async (tx) => {
      await repo.insertLoginAttempt(tx, { id: randomUUID(), username, ip: input.ip, at: now, success: false });
      await recordAudit(
        tx,
        { userId: null, username, role: null, jurisdictionId: null, ip: input.ip, requestId: input.requestId },
        { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null },
        now,
      );
    });
    throw INVALID();
  }

  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdOf(token);
  const expiresAt = sessionExpiry(now, now, settings);
  await db.transaction(async (tx) => {
    await repo.insertLoginAttempt(tx, { id: randomUUID(), username, ip: input.ip, at: now, success: true });
    await repo.insertSession(tx, {
      id: sessionId,
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(
      tx,
      { userId: user.id, username: user.username, role: null, jurisdictionId: null, ip: input.ip, requestId: input.requestId },
      { action: 'auth.login', entityType: 'session', entityId: sessionId.slice(0, 12), after: { expiresAt } },
      now,
    );
  });
  const sessionUser = await resolveSession(db, token, settings, now);
  if (!sessionUser) throw INVALID();
  return { token, user: sessionUser, expiresAt };
}

async function assertNotRateLimited(db: Db, username: string, ip: string, now: Date) {
  const since = new Date(now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const checks = [
    { by: { username }, limit: LOGIN_LIMITS.perAccount },
    { by: { ip }, limit: LOGIN_LIMITS.perAddress },
  ];
  for (const { by, limit } of checks) {
    if ((await repo.countRecentFailures(db, since, by)) >= limit) {
      const oldest = await repo.oldestRecentFailure(db, since, by);
      const retryAfter = Math.max(1, Math.ceil(((oldest?.getTime() ?? now.getTime()) + LOGIN_LIMITS.windowMinutes * 60_000 - now.getTime()) / 1000));
      throw new AppError(
        'RATE_LIMITED',
        429,
        `登录失败次数过多，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`,
        undefined,
        { 'Retry-After': String(retryAfter) },
      );
    }
  }
}

function sessionExpiry(createdAt: Date, lastSeenAt: Date, s: SessionSettings): Date {
  return new Date(Math.min(createdAt.getTime() + s.maxHours * 3_600_000, lastSeenAt.getTime() + s.idleMinutes * 60_000));
}

/** The signed-in user for a cookie token, or null; extends the idle expiry at most once a minute. */
export async function resolveSession(db: Db, token: string, settings: SessionSettings, now: Date): Promise<SessionUser | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const sessionId = sessionIdOf(token);
  const row = await repo.findSessionUser(db, sessionId, now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await repo.touchSession(db, sessionId, now, sessionExpiry(row.createdAt, now, settings));
  }
  const roles = typeof row.roles === 'string' ? (JSON.parse(row.roles) as typeof row.roles) : row.roles;
  return {
    sessionId,
    id: row.userId,
    username: row.username,
    displayName: row.displayName,
    unit: row.unitId ? { id: row.unitId, name: row.unitName ?? '' } : null,
    roles: roles.sort(byRolePriority).map((r) => ({
      role: r.role as Role,
      jurisdiction: r.jurisdictionId === '*' ? null : r.jurisdictionId,
      jurisdictionName: r.jurisdictionId === '*' ? null : (r.jurisdictionName ?? null),
    })),
  };
}

/** The role a user lands in first: the desk they most likely came to work at. */
const ROLE_PRIORITY: Role[] = ['admin', 'program', 'intake', 'inspector', 'finance', 'expert', 'applicant'];
const byRolePriority = (a: { role: string }, b: { role: string }) =>
  ROLE_PRIORITY.indexOf(a.role as Role) - ROLE_PRIORITY.indexOf(b.role as Role);

export async function logout(db: Db, user: SessionUser, actor: Actor, now: Date) {
  await db.transaction(async (tx) => {
    await repo.revokeSession(tx, user.sessionId, now);
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'session', entityId: user.sessionId.slice(0, 12) }, now);
  });
}

/** Changes the password and ends the user's other sessions. */
export async function changePassword(
  db: Db,
  user: SessionUser,
  input: { currentPassword: string; newPassword: string },
  actor: Actor,
  now: Date,
) {
  const current = await repo.findUserPasswordHash(db, user.id);
  if (!current || !(await verify(current, input.currentPassword).catch(() => false))) {
    throw new AppError('PASSWORD_CURRENT_WRONG', 400, '当前密码不正确', { currentPassword: '当前密码不正确' });
  }
  if (input.newPassword === input.currentPassword) {
    throw new AppError('PASSWORD_UNCHANGED', 400, '新密码不能与当前密码相同', { newPassword: '新密码不能与当前密码相同' });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, passwordHash, now);
    const revoked = await repo.revokeUserSessions(tx, user.id, now, user.sessionId);
    await recordAudit(tx, actor, { action: 'auth.password_changed', entityType: 'user', entityId: user.id, after: { otherSessionsRevoked: revoked } }, now);
  });
}
