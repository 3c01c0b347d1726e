import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { getEdition } from '../../policy/editions';
import { addDays } from '../../policy/rules/dates';
import { shanghaiDate } from '../../shared/time';
import type { Db, DbOrTx } from '../db/client';
import { studios, userRoles, users } from '../db/schema';
import { projects } from '../db/schema/funding';
import { fixedAssets, fundExpenditures } from '../db/schema/lifecycle';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../modules/audit/audit.service';
import { planLinesOf, UNCATEGORISED } from '../modules/fund-use/fund-use.service';

interface Spend {
  line: string;
  category: string | null;
  amount: number;
  on: string;
  description: string;
  voucher: string;
  asset?: { assetNumber: string; name: string; model: string; quantity: number; unitPrice: number; location: string; custodian: string };
}

/**
 * Demo data of the studio lifecycle: fund use (issue 7), dated relative to `now`. Runs after the projects demo.
 * - A 大兴 project under way: spending on several lines of its 经费计划 in the 第十五条 categories, one line over its plan,
 *   one fixed asset in the register (京兴人社发〔2025〕21号 第十五条). Without a project, unit-a's studio (第十三条 award money).
 *   The other 大兴 projects whose period has begun: their lines partly (or, once closed, nearly all) spent.
 * - unit-c's 顺义 studio: its 10 万元 support spent in 顺义's own categories (征求意见稿 第八条), with a registered asset.
 */
export async function loadFundUseDemo(db: Db, now: Date): Promise<void> {
  const today = shanghaiDate(now);
  const underWay = await db
    .select()
    .from(projects)
    .where(and(eq(projects.jurisdictionId, 'daxing'), eq(projects.status, 'in-execution')))
    .orderBy(asc(projects.createdAt));
  const actorOf = await actorsOf(db);

  await db.transaction(async (tx) => {
    // The project whose period began longest ago (more to show); unit-a's first when it has one.
    const started = underWay.filter((p) => p.periodStart && p.periodStart < addDays(today, -20) && planLinesOf(p.baseline).length >= 2);
    const project = started.find((p) => actorOf.has(p.unitId)) ?? started[0];
    if (project) {
      const lines = planLinesOf(project.baseline);
      const rule = getEdition(project.editionId)?.fundUse;
      const categoryOf = (purpose: string) => rule?.categories.find((c) => c.name.zh === purpose)?.id ?? rule?.categories[0]?.id ?? null;
      const from = project.periodStart!;
      const to = project.periodEnd && project.periodEnd < today ? project.periodEnd : today;
      const span = Math.max(1, daysBetween(from, to));
      const at = (f: number) => addDays(from, Math.min(span, Math.max(0, Math.round(span * f))));
      const equipment = lines.find((l) => categoryOf(l.purpose) === 'equipment') ?? lines[lines.length - 1];
      const over = lines.find((l) => l !== equipment) ?? lines[0];
      const rest = lines.filter((l) => l !== equipment && l !== over);
      const assetPrice = Math.max(1, Math.round(equipment.amount * 0.9));
      const spends: Spend[] = [
        { line: over.line, category: categoryOf(over.purpose), amount: Math.round(over.amount * 0.6), on: at(0.2), description: `${over.line.split('：').pop()}（第一批）`, voucher: 'JZ-2026-0412' },
        // Over its plan by 8 %: recorded and flagged, the unit explains it at the closure (第十二条).
        { line: over.line, category: categoryOf(over.purpose), amount: Math.round(over.amount * 0.48), on: at(0.55), description: `${over.line.split('：').pop()}（第二批，超出计划）`, voucher: 'JZ-2026-0587' },
        {
          line: equipment.line,
          category: categoryOf(equipment.purpose),
          amount: assetPrice,
          on: at(0.35),
          description: `采购${equipment.line.split('：').pop()} 1 台`,
          voucher: 'JZ-2026-0466',
          asset: { assetNumber: 'XY-GZ-2026-018', name: equipment.line.split('：').pop()!.slice(0, 40), model: 'ZL-400', quantity: 1, unitPrice: assetPrice, location: '工作室实训车间', custodian: '赵德明' },
        },
        ...rest.map((l, i) => ({ line: l.line, category: categoryOf(l.purpose), amount: Math.round(l.amount * 0.4), on: at(0.7 + i * 0.05), description: `${l.line.split('：').pop()}（部分）`, voucher: `JZ-2026-06${10 + i}` })),
      ];
      await insertAll(tx, actorOf.get(project.unitId) ?? SYSTEM_ACTOR, { jurisdictionId: project.jurisdictionId, unitId: project.unitId, studioId: project.studioId, projectId: project.id }, spends, now);
    }
    // The other 大兴 projects whose period has begun: each plan line partly spent (nearly all of it once the closure is in).
    const others = await tx.select().from(projects).where(eq(projects.jurisdictionId, 'daxing')).orderBy(asc(projects.createdAt));
    for (const [n, p] of others.entries()) {
      if (p.id === project?.id || !p.periodStart || p.periodStart > addDays(today, -20)) continue;
      const lines = planLinesOf(p.baseline);
      const rule = getEdition(p.editionId)?.fundUse;
      const to = p.periodEnd && p.periodEnd < today ? p.periodEnd : today;
      const span = Math.max(1, daysBetween(p.periodStart, to));
      const share = p.status === 'in-execution' ? 0.55 : 0.96;
      const spends: Spend[] = lines.map((l, i) => ({
        line: l.line,
        category: rule?.categories.find((c) => c.name.zh === l.purpose)?.id ?? rule?.categories[0]?.id ?? null,
        amount: Math.max(1, Math.round((l.amount * share) / 100) * 100),
        on: addDays(p.periodStart!, Math.round((span * (i + 1)) / (lines.length + 1))),
        description: `${l.line.split('：').pop()}`,
        voucher: `JZ-${p.periodStart!.slice(0, 4)}-${String(100 * (n + 1) + i).padStart(4, '0')}`,
      }));
      await insertAll(tx, actorOf.get(p.unitId) ?? SYSTEM_ACTOR, { jurisdictionId: p.jurisdictionId, unitId: p.unitId, studioId: p.studioId, projectId: p.id }, spends, now);
    }

    const studioRows = await tx.select().from(studios).where(and(isNotNull(studios.unitId), eq(studios.status, 'active'), inArray(studios.unitId, [...actorOf.keys()])));
    // Without a 大兴 project under way, unit-a's studio spends its 第十三条 award (第十五条 categories).
    const daxing = studioRows.find((s) => s.jurisdictionId === 'daxing');
    if (!project && daxing) {
      const from = addDays(today, -120);
      await insertAll(tx, actorOf.get(daxing.unitId!)!, { jurisdictionId: daxing.jurisdictionId, unitId: daxing.unitId!, studioId: daxing.id, projectId: null }, [
        { line: '数控铣削实训耗材', category: 'training', amount: 18_600, on: addDays(from, 10), description: '铝合金毛坯及铣刀（师带徒实训）', voucher: 'JZ-2026-0321' },
        { line: '技能交流', category: 'exchange', amount: 9_800, on: addDays(from, 45), description: '京津冀数控技能交流会差旅及会务', voucher: 'JZ-2026-0402' },
        {
          line: '实训设备',
          category: 'equipment',
          amount: 36_000,
          on: addDays(from, 70),
          description: '采购刀具预调仪 1 台',
          voucher: 'JZ-2026-0466',
          asset: { assetNumber: 'XY-GZ-2026-018', name: '刀具预调仪', model: 'ZL-400', quantity: 1, unitPrice: 36_000, location: '工作室实训车间', custodian: '赵德明' },
        },
      ], now);
    }

    // 顺义 第八条: the studio's 10 万元 support in 顺义's own categories.
    const shunyi = studioRows.find((s) => s.jurisdictionId === 'shunyi');
    if (shunyi) {
      const from = shunyi.recognizedOn > addDays(today, -300) ? shunyi.recognizedOn : addDays(today, -300);
      const day = (n: number) => (addDays(from, n) < today ? addDays(from, n) : today);
      await insertAll(tx, actorOf.get(shunyi.unitId!)!, { jurisdictionId: shunyi.jurisdictionId, unitId: shunyi.unitId!, studioId: shunyi.id, projectId: null }, [
        { line: '民航维修技能培训', category: 'training', amount: 26_500, on: day(30), description: '航线维修岗位技能培训 3 期（126 人次）', voucher: 'SH-2025-1102' },
        { line: '师资培养进修', category: 'trainer-development', amount: 12_000, on: day(80), description: '2 名骨干赴民航院校进修孔探检测', voucher: 'SH-2026-0115' },
        {
          line: '孔探检测实训设备',
          category: 'research',
          amount: 38_400,
          on: day(140),
          description: '采购工业视频内窥镜 2 套（技术研发与培训共用）',
          voucher: 'SH-2026-0309',
          asset: { assetNumber: 'SH-ZC-2026-007', name: '工业视频内窥镜', model: 'IPLEX GAir', quantity: 2, unitPrice: 19_200, location: '顺义机库二层工作室', custodian: '马丽' },
        },
        { line: '技艺展示', category: 'showcase', amount: 6_800, on: day(200), description: '顺义区职业技能展示周展位及展板', voucher: 'SH-2026-0521' },
      ], now);
    }
  });
}

const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** The demo units' applicant accounts, by unit: their spending is recorded in their own name. */
async function actorsOf(db: Db): Promise<Map<string, Actor>> {
  const rows = await db
    .select({ id: users.id, username: users.username, unitId: users.unitId, jurisdictionId: userRoles.jurisdictionId })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'applicant')))
    .where(isNotNull(users.unitId));
  const map = new Map<string, Actor>();
  for (const r of rows) if (!map.has(r.unitId!)) map.set(r.unitId!, { userId: r.id, username: r.username, role: 'applicant', jurisdictionId: r.jurisdictionId });
  return map;
}

async function insertAll(tx: DbOrTx, actor: Actor, target: { jurisdictionId: string; unitId: string; studioId: string | null; projectId: string | null }, spends: Spend[], now: Date) {
  for (const [i, s] of spends.entries()) {
    const at = new Date(Date.parse(`${s.on}T08:00:00Z`) + i * 60_000);
    const row = {
      id: randomUUID(),
      ...target,
      budgetLine: s.line,
      category: s.category ?? UNCATEGORISED,
      amount: s.amount,
      spentOn: s.on,
      description: s.description,
      voucherNumber: s.voucher,
      isFixedAsset: !!s.asset,
      fileIds: [],
      createdBy: actor.userId,
      createdAt: at < now ? at : now,
    };
    await tx.insert(fundExpenditures).values(row);
    await recordAudit(tx, actor, { action: 'fund.expenditure_recorded', entityType: target.projectId ? 'project' : 'studio', entityId: target.projectId ?? target.studioId, jurisdictionId: target.jurisdictionId, after: row }, row.createdAt);
    if (s.asset) {
      const asset = { id: randomUUID(), expenditureId: row.id, jurisdictionId: target.jurisdictionId, studioId: target.studioId, unitId: target.unitId, ...s.asset, acquiredOn: s.on, createdAt: row.createdAt };
      await tx.insert(fixedAssets).values(asset);
      await recordAudit(tx, actor, { action: 'fund.asset_registered', entityType: 'fixed_asset', entityId: asset.id, jurisdictionId: target.jurisdictionId, after: asset }, row.createdAt);
    }
  }
}
