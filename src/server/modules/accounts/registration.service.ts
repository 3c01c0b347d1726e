import { randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, gt, sql } from 'drizzle-orm';
import { validateCreditCode } from '../../../policy/rules/id-numbers';
import type { RegisterUnitRequest } from '../../../shared/units';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { jurisdictions, registrationAttempts, sessions, units, userRoles, users } from '../../db/schema';
import { AppError, sqlState } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import * as repo from './accounts.repository';
import { hashPassword, resolveSession, sessionIdOf, type SessionSettings, type SessionUser } from './accounts.service';

/**
 * Unit self-registration (issue 4: "Unit registration with 统一社会信用代码 (validated), unit users"): a unit signs
 * up with its GB 32100 code and its first user, who holds the applicant role in the chosen jurisdiction.
 */

/** Registrations per address, like the login limit (issue 9): a sliding window, shared by all instances. */
export const REGISTRATION_LIMITS = { windowMinutes: 60, perAddress: 10 } as const;

export const CREDIT_CODE_REGISTERED = '该统一社会信用代码已注册，请联系本单位管理员添加账号';
export const USERNAME_TAKEN = '该用户名已被使用，请换一个';

export async function registrationOptions(db: Db) {
  const rows = await db.select({ id: jurisdictions.id, name: jurisdictions.nameZh }).from(jurisdictions).orderBy(jurisdictions.id);
  return { jurisdictions: rows };
}

export async function isUsernameTaken(db: Pick<Db, 'select'>, username: string) {
  return !!(await repo.findUserByUsername(db as Db, username));
}

async function assertNotFlooding(db: Db, ip: string, now: Date) {
  const since = new Date(now.getTime() - REGISTRATION_LIMITS.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: count(), oldest: sql<string | null>`min(${registrationAttempts.at})` })
    .from(registrationAttempts)
    .where(and(eq(registrationAttempts.ip, ip), gt(registrationAttempts.at, since)));
  if (Number(row?.n ?? 0) >= REGISTRATION_LIMITS.perAddress) {
    const oldest = row?.oldest ? new Date(row.oldest).getTime() : now.getTime();
    const retryAfter = Math.max(1, Math.ceil((oldest + REGISTRATION_LIMITS.windowMinutes * 60_000 - now.getTime()) / 1000));
    throw new AppError('RATE_LIMITED', 429, `注册请求过于频繁，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`, undefined, { 'Retry-After': String(retryAfter) });
  }
  await db.insert(registrationAttempts).values({ id: randomUUID(), ip, at: now });
}

export async function registerUnit(
  db: Db,
  input: z.output<typeof RegisterUnitRequest>,
  ctx: { ip: string; userAgent?: string; requestId?: string },
  settings: SessionSettings,
  now: Date,
): Promise<{ token: string; user: SessionUser; expiresAt: Date }> {
  await assertNotFlooding(db, ctx.ip, now);

  // 统一社会信用代码: GB 32100-2015 format and check character, before anything is written.
  const code = validateCreditCode(input.creditCode);
  if (!code.ok) throw new AppError('CREDIT_CODE_INVALID', 400, code.message, { creditCode: code.message });
  const [jurisdiction] = await db.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.id, input.jurisdictionId)).limit(1);
  if (!jurisdiction) throw new AppError('JURISDICTION_UNKNOWN', 400, '请选择所属辖区', { jurisdictionId: '请选择所属辖区' });
  const [existing] = await db.select({ id: units.id }).from(units).where(eq(units.creditCode, code.normalized)).limit(1);
  if (existing) throw new AppError('CREDIT_CODE_REGISTERED', 409, CREDIT_CODE_REGISTERED, { creditCode: '该统一社会信用代码已注册' });
  const username = input.username.trim();
  if (await repo.findUserByUsername(db, username)) throw new AppError('USERNAME_TAKEN', 409, USERNAME_TAKEN, { username: USERNAME_TAKEN });

  const passwordHash = await hashPassword(input.password);
  const unitId = randomUUID();
  const userId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(Math.min(now.getTime() + settings.maxHours * 3_600_000, now.getTime() + settings.idleMinutes * 60_000));
  const unit = {
    id: unitId,
    name: input.unitName,
    creditCode: code.normalized,
    jurisdictionId: jurisdiction.id,
    address: input.address,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
    createdAt: now,
  };
  try {
    await db.transaction(async (tx) => {
      await tx.insert(units).values(unit);
      await tx.insert(users).values({ id: userId, username, displayName: input.displayName, passwordHash, unitId, createdAt: now, passwordChangedAt: now });
      await tx.insert(userRoles).values({ userId, role: 'applicant', jurisdictionId: jurisdiction.id });
      await tx.insert(sessions).values({ id: sessionId, userId, createdAt: now, lastSeenAt: now, expiresAt, ip: ctx.ip, userAgent: ctx.userAgent?.slice(0, 300) ?? null });
      await recordAudit(
        tx,
        { userId, username, role: 'applicant', jurisdictionId: jurisdiction.id, ip: ctx.ip, requestId: ctx.requestId },
        { action: 'unit.registered', entityType: 'unit', entityId: unitId, jurisdictionId: jurisdiction.id, after: { unit, user: { id: userId, username, displayName: input.displayName, role: 'applicant' } } },
        now,
      );
    });
  } catch (err) {
    // Lost a race with a concurrent registration: the unique indexes decide, the message says which.
    if (sqlState(err) === '23505') {
      const msg = String((err as { cause?: { message?: string } }).cause?.message ?? (err as Error).message ?? '');
      if (msg.includes('units_credit_code_key')) throw new AppError('CREDIT_CODE_REGISTERED', 409, CREDIT_CODE_REGISTERED, { creditCode: '该统一社会信用代码已注册' });
      throw new AppError('USERNAME_TAKEN', 409, USERNAME_TAKEN, { username: USERNAME_TAKEN });
    }
    throw err;
  }
  const user = await resolveSession(db, token, settings, now);
  if (!user) throw new AppError('REGISTRATION_FAILED', 500, '注册未完成，请重试');
  return { token, user, expiresAt };
}
