import { randomUUID } from 'node:crypto';
import { and, asc, eq, max } from 'drizzle-orm';
import type { AddUnitUserRequest, UnitUser } from '../../../shared/units';
import { toShanghaiIso } from '../../../shared/time';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client';
import { sessions, units, userRoles, users } from '../../db/schema';
import { AppError, sqlState } from '../../errors';
import { findUserByUsername, revokeUserSessions } from '../accounts/accounts.repository';
import { hashPassword } from '../accounts/accounts.service';
import { recordAudit } from '../audit/audit.service';
import type { UnitCaller } from './units.service';

/**
 * A unit's users (DESIGN.md: a unit has several users): any applicant of the unit may list, add and remove its
 * colleagues. A removed account is deactivated (its name stays on the records it signed) and its sessions end.
 */

function ownUnit(caller: UnitCaller): string {
  if (!caller.unitId) throw new AppError('UNIT_REQUIRED', 403, '只有申报单位账号可以管理单位账号');
  return caller.unitId;
}

async function activeUsers(db: DbOrTx, unitId: string) {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName, createdAt: users.createdAt, lastLoginAt: max(sessions.createdAt) })
    .from(users)
    .leftJoin(sessions, eq(sessions.userId, users.id))
    .where(and(eq(users.unitId, unitId), eq(users.active, true)))
    .groupBy(users.id, users.username, users.displayName, users.createdAt)
    .orderBy(asc(users.createdAt), asc(users.username));
}

export async function listUnitUsers(db: DbOrTx, caller: UnitCaller): Promise<UnitUser[]> {
  const unitId = ownUnit(caller);
  const rows = await activeUsers(db, unitId);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    createdAt: toShanghaiIso(r.createdAt),
    lastLoginAt: r.lastLoginAt ? toShanghaiIso(new Date(r.lastLoginAt as unknown as string)) : null,
    isSelf: r.id === caller.actor.userId,
  }));
}

const USERNAME_TAKEN = () => new AppError('USERNAME_TAKEN', 409, '该用户名已被使用，请换一个', { username: '该用户名已被使用，请换一个' });

export async function addUnitUser(db: Db, caller: UnitCaller, input: z.output<typeof AddUnitUserRequest>, now: Date): Promise<UnitUser> {
  const unitId = ownUnit(caller);
  const username = input.username.trim();
  if (await findUserByUsername(db, username)) throw USERNAME_TAKEN();
  const [unit] = await db.select({ jurisdictionId: units.jurisdictionId }).from(units).where(eq(units.id, unitId));
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  try {
    await db.transaction(async (tx) => {
      await tx.insert(users).values({ id, username, displayName: input.displayName, passwordHash, unitId, createdAt: now, passwordChangedAt: now });
      // The applicant role in the unit's own jurisdiction: the colleague acts for this unit only.
      await tx.insert(userRoles).values({ userId: id, role: 'applicant', jurisdictionId: unit.jurisdictionId });
      await recordAudit(
        tx,
        caller.actor,
        { action: 'unit.user_added', entityType: 'user', entityId: id, jurisdictionId: unit.jurisdictionId, after: { unitId, username, displayName: input.displayName, role: 'applicant' } },
        now,
      );
    });
  } catch (err) {
    if (sqlState(err) === '23505') throw USERNAME_TAKEN();
    throw err;
  }
  return { id, username, displayName: input.displayName, createdAt: toShanghaiIso(now), lastLoginAt: null, isSelf: false };
}

export async function removeUnitUser(db: Db, caller: UnitCaller, id: string, now: Date) {
  const unitId = ownUnit(caller);
  if (id === caller.actor.userId) throw new AppError('UNIT_USER_SELF', 409, '不能删除当前登录的账号，请由本单位其他账号操作');
  await db.transaction(async (tx) => {
    // Serialise removals of one unit, so two colleagues removing each other cannot leave the unit with nobody.
    await tx.select({ id: units.id }).from(units).where(eq(units.id, unitId)).for('update');
    const members = await activeUsers(tx, unitId);
    const target = members.find((m) => m.id === id);
    if (!target) throw new AppError('UNIT_USER_NOT_FOUND', 404, '本单位没有该账号');
    if (members.length <= 1) throw new AppError('UNIT_USER_LAST', 409, '这是本单位唯一的账号，不能删除');
    await tx.update(users).set({ active: false }).where(eq(users.id, id));
    const revoked = await revokeUserSessions(tx, id, now);
    await recordAudit(
      tx,
      caller.actor,
      { action: 'unit.user_removed', entityType: 'user', entityId: id, before: { unitId, username: target.username, displayName: target.displayName }, after: { active: false, sessionsRevoked: revoked } },
      now,
    );
  });
}
