import { randomUUID } from 'node:crypto';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { and, asc, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { CreateJurisdictionRequest, CreateUserRequest, UpdateUserRequest } from '../../../shared/admin';
import type { Role } from '../../../shared/accounts';
import type { Db, DbOrTx } from '../../db/client';
import { jurisdictions, units, userRoles, users } from '../../db/schema';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { hashPassword } from '../accounts/accounts.service';
import { revokeUserSessions } from '../accounts/accounts.repository';
import { recordAudit, type Actor } from '../audit/audit.service';

/** The platform admin (DESIGN.md "Who uses it"): jurisdictions, users and the working-day calendar. */

type Grant = { role: string; jurisdiction: string | null };

export async function listUsers(db: Db, query: { search?: string; role?: Role }) {
  const like = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      active: users.active,
      createdAt: users.createdAt,
      unitId: units.id,
      unitName: units.name,
    })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(
      and(
        like ? or(ilike(users.username, like), ilike(users.displayName, like), ilike(units.name, like)) : undefined,
        query.role
          ? inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, query.role)))
          : undefined,
      ),
    )
    .orderBy(asc(users.username))
    .limit(500);
  const ids = rows.map((r) => r.id);
  const grants = ids.length
    ? await db
        .select({ userId: userRoles.userId, role: userRoles.role, jurisdictionId: userRoles.jurisdictionId, name: jurisdictions.nameZh })
        .from(userRoles)
        .leftJoin(jurisdictions, eq(jurisdictions.id, userRoles.jurisdictionId))
        .where(inArray(userRoles.userId, ids))
        .orderBy(asc(userRoles.role), asc(userRoles.jurisdictionId))
    : [];
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    disabled: !r.active,
    unit: r.unitId ? { id: r.unitId, name: r.unitName ?? '' } : null,
    roles: grants
      .filter((g) => g.userId === r.id)
      .map((g) => ({
        role: g.role as Role,
        jurisdiction: g.jurisdictionId === '*' ? null : g.jurisdictionId,
        jurisdictionName: g.jurisdictionId === '*' ? null : (g.name ?? null),
      })),
    createdAt: r.createdAt.toISOString(),
  }));
}

async function userOr404(db: DbOrTx, id: string) {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw notFound('用户');
  return row;
}

/** Checks role × jurisdiction pairs: the admin is platform-wide ('*'), every other role names an existing jurisdiction. */
async function checkGrants(db: DbOrTx, grants: Grant[]): Promise<{ role: string; jurisdictionId: string }[]> {
  const known = new Set((await db.select({ id: jurisdictions.id }).from(jurisdictions)).map((j) => j.id));
  const out = new Map<string, { role: string; jurisdictionId: string }>();
  for (const g of grants) {
    if (g.role === 'applicant') throw badRequest('ROLE_NOT_GRANTABLE', '申报单位账号由单位自行注册，不能由管理员授予', { roles: '不能授予申报单位角色' });
    let jurisdictionId: string;
    if (g.role === 'admin') jurisdictionId = '*';
    else {
      if (!g.jurisdiction || !known.has(g.jurisdiction))
        throw badRequest('JURISDICTION_UNKNOWN', `角色须指定一个已有的辖区${g.jurisdiction ? `（${g.jurisdiction} 不存在）` : ''}`, { roles: '请选择辖区' });
      jurisdictionId = g.jurisdiction;
    }
    out.set(`${g.role}@${jurisdictionId}`, { role: g.role, jurisdictionId });
  }
  return [...out.values()];
}

async function usernameTaken(db: DbOrTx, username: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase())).limit(1);
  return !!row;
}
const DUPLICATE = (username: string) => new AppError('USERNAME_TAKEN', 409, `用户名 ${username} 已被使用`, { username: '用户名已被使用' });

export async function createUser(db: Db, input: CreateUserRequest, actor: Actor, now: Date) {
  const username = input.username.trim().toLowerCase();
  const grants = await checkGrants(db, input.roles);
  if (await usernameTaken(db, username)) throw DUPLICATE(username);
  const passwordHash = await hashPassword(input.password);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    if (await usernameTaken(tx, username)) throw DUPLICATE(username);
    await tx.insert(users).values({ id, username, displayName: input.displayName, passwordHash, createdAt: now, passwordChangedAt: null });
    await tx.insert(userRoles).values(grants.map((g) => ({ userId: id, ...g })));
    await recordAudit(tx, actor, { action: 'user.created', entityType: 'user', entityId: id, after: { username, displayName: input.displayName, roles: grants } }, now);
  });
  const [created] = (await listUsers(db, { search: username })).filter((u) => u.id === id);
  return created;
}

export async function updateUser(db: Db, id: string, input: UpdateUserRequest, actor: Actor, now: Date) {
  if (input.displayName === undefined && input.roles === undefined && input.disabled === undefined)
    throw badRequest('NOTHING_TO_UPDATE', '没有要修改的内容');
  const user = await userOr404(db, id);
  const self = actor.userId === id;
  if (self && input.disabled === true) throw conflict('SELF_DISABLE', '不能停用自己的账号');
  const grants = input.roles ? await checkGrants(db, input.roles) : undefined;
  if (grants && user.unitId) throw conflict('UNIT_USER_ROLES', '单位账号的角色来自单位注册，不能在此修改');
  if (grants && self && !grants.some((g) => g.role === 'admin')) throw conflict('SELF_ADMIN_REMOVAL', '不能移除自己的平台管理员角色');

  await db.transaction(async (tx) => {
    const beforeRoles = await tx.select({ role: userRoles.role, jurisdictionId: userRoles.jurisdictionId }).from(userRoles).where(eq(userRoles.userId, id));
    const set: Partial<typeof users.$inferInsert> = {};
    if (input.displayName !== undefined) set.displayName = input.displayName;
    if (input.disabled !== undefined) set.active = !input.disabled;
    if (Object.keys(set).length) await tx.update(users).set(set).where(eq(users.id, id));
    const key = (g: { role: string; jurisdictionId: string }) => `${g.role}@${g.jurisdictionId}`;
    const rolesChanged = !!grants && [...beforeRoles.map(key)].sort().join() !== [...grants.map(key)].sort().join();
    if (grants && rolesChanged) {
      await tx.delete(userRoles).where(eq(userRoles.userId, id));
      await tx.insert(userRoles).values(grants.map((g) => ({ userId: id, ...g })));
    }
    // Disabling or changing roles ends every session of the user: the next request signs in afresh with what is granted now.
    const revoked = input.disabled === true || rolesChanged ? await revokeUserSessions(tx, id, now) : 0;
    await recordAudit(
      tx,
      actor,
      {
        action: input.disabled === true && user.active ? 'user.disabled' : input.disabled === false && !user.active ? 'user.enabled' : 'user.updated',
        entityType: 'user',
        entityId: id,
        before: { displayName: user.displayName, disabled: !user.active, roles: beforeRoles },
        after: { displayName: set.displayName ?? user.displayName, disabled: input.disabled ?? !user.active, roles: grants ?? beforeRoles, sessionsRevoked: revoked },
      },
      now,
    );
  });
  return (await listUsers(db, { search: user.username })).find((u) => u.id === id)!;
}

export async function resetPassword(db: Db, id: string, password: string, actor: Actor, now: Date) {
  await userOr404(db, id);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, id));
    const revoked = await revokeUserSessions(tx, id, now);
    await recordAudit(tx, actor, { action: 'user.password_reset', entityType: 'user', entityId: id, after: { sessionsRevoked: revoked } }, now);
  });
}

export async function listJurisdictions(db: Db) {
  const rows = await db.select().from(jurisdictions).orderBy(asc(jurisdictions.createdAt), asc(jurisdictions.id));
  const userCounts = await db
    .select({ id: userRoles.jurisdictionId, n: count(sql`distinct ${userRoles.userId}`) })
    .from(userRoles)
    .groupBy(userRoles.jurisdictionId);
  const unitCounts = await db.select({ id: units.jurisdictionId, n: count() }).from(units).groupBy(units.jurisdictionId);
  return rows.map((j) => ({
    id: j.id,
    nameZh: j.nameZh,
    nameEn: j.nameEn,
    userCount: Number(userCounts.find((c) => c.id === j.id)?.n ?? 0),
    unitCount: Number(unitCounts.find((c) => c.id === j.id)?.n ?? 0),
    createdAt: j.createdAt.toISOString(),
  }));
}

export async function createJurisdiction(db: Db, input: CreateJurisdictionRequest, actor: Actor, now: Date) {
  const row = { id: input.id, nameZh: input.nameZh, nameEn: input.nameEn ?? input.id.charAt(0).toUpperCase() + input.id.slice(1), createdAt: now };
  if (row.id === 'admin' || row.id === 'all')
    throw badRequest('JURISDICTION_ID_RESERVED', `辖区 ID ${row.id} 为保留字`, { id: '该 ID 为保留字' });
  await db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: jurisdictions.id }).from(jurisdictions).where(eq(jurisdictions.id, row.id));
    if (exists) throw new AppError('JURISDICTION_EXISTS', 409, `辖区 ${row.id} 已存在`, { id: '辖区 ID 已存在' });
    await tx.insert(jurisdictions).values(row);
    await recordAudit(tx, actor, { action: 'jurisdiction.created', entityType: 'jurisdiction', entityId: row.id, jurisdictionId: row.id, after: row }, now);
  });
  return (await listJurisdictions(db)).find((j) => j.id === row.id)!;
}

export async function updateJurisdiction(db: Db, id: string, input: { nameZh?: string; nameEn?: string }, actor: Actor, now: Date) {
  if (input.nameZh === undefined && input.nameEn === undefined) throw badRequest('NOTHING_TO_UPDATE', '没有要修改的内容');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, id));
    if (!before) throw notFound('辖区');
    const set = { ...(input.nameZh !== undefined ? { nameZh: input.nameZh } : {}), ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}) };
    await tx.update(jurisdictions).set(set).where(eq(jurisdictions.id, id));
    await recordAudit(tx, actor, { action: 'jurisdiction.updated', entityType: 'jurisdiction', entityId: id, jurisdictionId: id, before: { nameZh: before.nameZh, nameEn: before.nameEn }, after: set }, now);
  });
  return (await listJurisdictions(db)).find((j) => j.id === id)!;
}

/**
 * The State Council schedule (国务院办公厅关于某年部分节假日安排的通知) the platform ships for a year, from the
 * `chinese-days` data file (plain 'YYYY-MM-DD' keys, no time zone): the operator's overrides replace it.
 */
/** 《全国年节及纪念日放假办法》第二条 names these festivals in full (chinese-days uses short names). */
const FESTIVAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

export function packagedSchedule(year: number) {
  const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };
  const pick = (rec: Record<string, string>) =>
    Object.entries(rec)
      .filter(([d]) => d.startsWith(`${year}-`))
      .map(([date, v]) => ({ date, festival: FESTIVAL_NAMES[v.split(',')[1] ?? v] ?? v.split(',')[1] ?? v }))
      .sort((a, b) => a.date.localeCompare(b.date));
  return { year, holidays: pick(data.holidays), workdays: pick(data.workdays) };
}
