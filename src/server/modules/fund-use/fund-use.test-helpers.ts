/**
 * Seeding a 大兴 construction project in execution directly in the database (a call, an approved application and the
 * project with its 计划书 as baseline), as the decision leaves it, for the fund-use tests.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { applications, calls, studios, units, users } from '../../db/schema';
import { projects } from '../../db/schema/funding';

let seq = 0;

export async function unitIdOf(db: Db, username: string): Promise<string> {
  const [row] = await db.select({ id: units.id }).from(users).innerJoin(units, eq(units.id, users.unitId)).where(eq(users.username, username));
  return row.id;
}

/** The demo studio of a demo unit (unit-a 大兴, unit-b 经开区, unit-c 顺义). */
export async function studioOf(db: Db, username: string): Promise<string> {
  const unitId = await unitIdOf(db, username);
  const [s] = await db.select({ id: studios.id }).from(studios).where(eq(studios.unitId, unitId)).limit(1);
  return s.id;
}

export const PLAN_BUDGET = [
  { purpose: '人才培训', detail: '实训耗材及刀具', amount: 20_000 },
  { purpose: '技能人才交流推广', detail: '案例集编印 300 册', amount: 10_000 },
  { purpose: '设备设施更新完善', detail: '刀具预调仪', amount: 15_000 },
];

export async function seedProject(
  db: Db,
  opts: { unit?: string; periodStart?: string | null; periodEnd?: string | null; approvedAmount?: number; status?: string; budget?: typeof PLAN_BUDGET } = {},
): Promise<string> {
  const at = new Date('2026-06-01T02:00:00Z');
  const unitId = await unitIdOf(db, opts.unit ?? 'unit-a');
  const callId = randomUUID();
  seq++;
  await db.insert(calls).values({
    id: callId,
    jurisdictionId: 'daxing',
    editionId: 'daxing-2025',
    program: 'construction-project',
    title: `经费测试批次 ${seq}`,
    year: 2026,
    opensAt: at,
    closesAt: new Date('2026-06-26T10:00:00Z'),
    contacts: [{ phone: '81298272' }],
    noticeText: '测试',
    createdAt: at,
  });
  const applicationId = randomUUID();
  await db.insert(applications).values({
    id: applicationId,
    number: `DX-2026-FU-${String(seq).padStart(4, '0')}-${randomUUID().slice(0, 4)}`,
    callId,
    unitId,
    jurisdictionId: 'daxing',
    program: 'construction-project',
    status: 'approved',
    title: '五轴加工刀具寿命管理与师带徒培养',
    createdAt: at,
    updatedAt: at,
  });
  const [studio] = await db.select({ id: studios.id }).from(studios).where(eq(studios.unitId, unitId)).limit(1);
  const id = randomUUID();
  const budget = opts.budget ?? PLAN_BUDGET;
  await db.insert(projects).values({
    id,
    applicationId,
    jurisdictionId: 'daxing',
    editionId: 'daxing-2025',
    unitId,
    studioId: studio?.id ?? null,
    name: '五轴加工刀具寿命管理与师带徒培养',
    baseline: { 'work-plan': { projectName: '五轴加工刀具寿命管理与师带徒培养', budget, requestedAmount: budget.reduce((n, b) => n + b.amount, 0) } },
    periodStart: opts.periodStart === undefined ? '2026-07-01' : opts.periodStart,
    periodEnd: opts.periodEnd === undefined ? '2026-10-31' : opts.periodEnd,
    approvedAmount: opts.approvedAmount ?? 45_000,
    closeBy: '2026-10-31',
    status: opts.status ?? 'in-execution',
    decidedOn: '2026-07-01',
    createdAt: at,
    updatedAt: at,
  });
  return id;
}
