import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { getEdition } from '../../../policy/editions';
import { param } from '../../../policy/rules/conditions';
import type { Citation, FundUseRule } from '../../../policy/types';
import type { Expenditure, FixedAsset, FundUse, RecordExpenditureRequest, RecordExpenditureResponse } from '../../../shared/fund-use';
import { formatShanghai, shanghaiDate } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { studios, units, users } from '../../db/schema';
import { disbursements, projects } from '../../db/schema/funding';
import { fixedAssets, fundExpenditures, projectAssessments } from '../../db/schema/lifecycle';
import { neutralise, newWorkbook } from '../../documents/xlsx';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { jurisdictionsWith, type FundingCaller } from '../funding/funding.caller';

/**
 * Fund use (经费使用) and the fixed-asset register (固定资产登记造册), issue 7.
 * - Project money is spent against the budget lines of the approved 计划书 (经费计划, the project's baseline) within the
 *   project period; its categories are those of the project's edition (京兴人社发〔2025〕21号 第十五条).
 * - Studio money (顺义 第八条 资金支持, 大兴 第十三条 awards, 经开区 资助) is spent against free budget lines, in the categories
 *   the studio's own edition names — none where the text names none (经开区): one district's rule never applies to another.
 * - A fixed-asset purchase is entered in the register in the same request; quantity × unit price = amount.
 * - Over-spending a line or the granted amount is allowed and flagged, with the amount over.
 * The unit records and removes its own spending; officers, the inspector and finance of the jurisdiction read.
 */

const READ_ROLES = ['program', 'intake', 'inspector', 'finance'] as const;
/** Stored for spending of a district whose text names no categories (经开区). */
export const UNCATEGORISED = 'uncategorised';
const ASSESSED = new Set(['passed', 'partly-passed', 'failed']);

type ProjectRow = typeof projects.$inferSelect;
type StudioRow = typeof studios.$inferSelect;
type ExpenditureRow = typeof fundExpenditures.$inferSelect;
type AssetRow = typeof fixedAssets.$inferSelect;

const cite = (c: Citation) => `${c.document} ${c.article}`;
const yuan = (n: number) => `${n.toLocaleString('en-US')} 元`;

interface PlanLine {
  line: string;
  purpose: string;
  amount: number;
}

/** The 经费计划 rows of the approved work plan (大兴 附件1 计划书: 用途 / 明细 / 金额（元）), as written there. */
export function planLinesOf(baseline: Record<string, unknown>): PlanLine[] {
  const plan = baseline['work-plan'] as { budget?: unknown } | undefined;
  const rows = Array.isArray(plan?.budget) ? (plan!.budget as unknown[]) : [];
  const lines: PlanLine[] = [];
  for (const r of rows) {
    if (!r || typeof r !== 'object') continue;
    const { purpose, detail, amount } = r as { purpose?: unknown; detail?: unknown; amount?: unknown };
    const p = typeof purpose === 'string' ? purpose.trim() : '';
    const d = typeof detail === 'string' ? detail.trim() : '';
    if (!p && !d) continue;
    const line = p && d ? `${p}：${d}` : p || d;
    const money = typeof amount === 'number' && Number.isFinite(amount) ? Math.round(amount) : 0;
    const same = lines.find((l) => l.line === line);
    if (same) same.amount += money;
    else lines.push({ line, purpose: p, amount: money });
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------
// Scope
// ---------------------------------------------------------------------------------------------------------

const readable = (caller: FundingCaller, unitId: string | null, jurisdictionId: string) =>
  (!!caller.unitId && caller.unitId === unitId) || jurisdictionsWith(caller, READ_ROLES).includes(jurisdictionId);

async function projectInScope(db: DbOrTx, caller: FundingCaller, id: string, write: boolean): Promise<ProjectRow> {
  const [p] = await db.select().from(projects).where(eq(projects.id, id)).limit(1);
  if (!p) throw notFound('建设项目', 'PROJECT_NOT_FOUND');
  const own = !!caller.unitId && caller.unitId === p.unitId;
  if (write ? !own : !readable(caller, p.unitId, p.jurisdictionId)) throw notFound('建设项目', 'PROJECT_NOT_FOUND');
  return p;
}

async function studioInScope(db: DbOrTx, caller: FundingCaller, id: string, write: boolean): Promise<StudioRow> {
  const [s] = await db.select().from(studios).where(eq(studios.id, id)).limit(1);
  if (!s) throw notFound('工作室', 'STUDIO_NOT_FOUND');
  const own = !!caller.unitId && caller.unitId === s.unitId;
  if (write ? !own : !readable(caller, s.unitId, s.jurisdictionId)) throw notFound('工作室', 'STUDIO_NOT_FOUND');
  return s;
}

const ruleOf = (editionId: string): FundUseRule | null => getEdition(editionId)?.fundUse ?? null;

/** Why a project's spending can no longer change: its closure was assessed (结项评估, 第十四条). */
async function projectLock(db: DbOrTx, p: ProjectRow): Promise<string | null> {
  if (ASSESSED.has(p.status)) return '项目已完成结项评估，经费使用记录已归档，不能再登记或删除';
  const [a] = await db.select({ id: projectAssessments.id }).from(projectAssessments).where(eq(projectAssessments.projectId, p.id)).limit(1);
  return a ? '项目已完成结项评估，经费使用记录已归档，不能再登记或删除' : null;
}

// ---------------------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------------------

function presentExpenditure(e: ExpenditureRow, rule: FundUseRule | null, asset: AssetRow | undefined, who: Map<string, string>): Expenditure {
  const category = e.category === UNCATEGORISED ? null : e.category;
  return {
    id: e.id,
    budgetLine: e.budgetLine,
    category,
    categoryName: category ? (rule?.categories.find((c) => c.id === category)?.name.zh ?? category) : null,
    amount: e.amount,
    spentOn: e.spentOn,
    description: e.description,
    voucherNumber: e.voucherNumber,
    isFixedAsset: e.isFixedAsset,
    assetNumber: asset?.assetNumber ?? null,
    recordedBy: e.createdBy ? (who.get(e.createdBy) ?? null) : null,
    recordedAt: formatShanghai(e.createdAt),
  };
}

function presentAsset(a: AssetRow, source: string): FixedAsset {
  return {
    id: a.id,
    expenditureId: a.expenditureId,
    assetNumber: a.assetNumber,
    name: a.name,
    model: a.model,
    quantity: a.quantity,
    unitPrice: a.unitPrice,
    amount: a.quantity * a.unitPrice,
    location: a.location,
    custodian: a.custodian,
    acquiredOn: a.acquiredOn,
    source,
  };
}

async function spendingOf(db: DbOrTx, where: { projectId: string } | { studioId: string }) {
  const rows = await db
    .select()
    .from(fundExpenditures)
    .where('projectId' in where ? eq(fundExpenditures.projectId, where.projectId) : and(eq(fundExpenditures.studioId, where.studioId), isNull(fundExpenditures.projectId)))
    .orderBy(asc(fundExpenditures.spentOn), asc(fundExpenditures.createdAt));
  const ids = rows.map((r) => r.id);
  const assets = ids.length ? await db.select().from(fixedAssets).where(inArray(fixedAssets.expenditureId, ids)).orderBy(asc(fixedAssets.acquiredOn), asc(fixedAssets.assetNumber)) : [];
  const userIds = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
  const names = userIds.length ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : [];
  return { rows, assets, who: new Map(names.map((n) => [n.id, n.name])) };
}

interface Totals {
  planLines: PlanLine[] | null;
  granted: number | null;
}

function rollUp(rule: FundUseRule | null, rows: ExpenditureRow[], t: Totals) {
  const spentBy = new Map<string, number>();
  for (const r of rows) spentBy.set(r.budgetLine, (spentBy.get(r.budgetLine) ?? 0) + r.amount);
  const categoryOfPurpose = (purpose: string) => rule?.categories.find((c) => c.name.zh === purpose)?.id ?? null;
  const lines: FundUse['lines'] = [];
  for (const l of t.planLines ?? []) {
    const spent = spentBy.get(l.line) ?? 0;
    lines.push({ line: l.line, category: categoryOfPurpose(l.purpose), planned: l.amount, spent, remaining: l.amount - spent, over: Math.max(0, spent - l.amount), inPlan: true });
  }
  for (const [line, spent] of spentBy) {
    if (lines.some((l) => l.line === line)) continue;
    // Studio money has no plan: its lines are what the unit wrote, in the category its entries share (if one).
    const cats = new Set(rows.filter((r) => r.budgetLine === line).map((r) => r.category));
    const only = cats.size === 1 ? [...cats][0] : null;
    lines.push({ line, category: only && only !== UNCATEGORISED ? only : null, planned: null, spent, remaining: null, over: 0, inPlan: false });
  }
  const categories: FundUse['categories'] = (rule?.categories ?? []).map((c) => {
    const planned = t.planLines ? t.planLines.filter((l) => categoryOfPurpose(l.purpose) === c.id).reduce((n, l) => n + l.amount, 0) : null;
    const spent = rows.filter((r) => r.category === c.id).reduce((n, r) => n + r.amount, 0);
    return { id: c.id, name: c.name.zh, planned, spent, over: planned === null ? 0 : Math.max(0, spent - planned) };
  });
  const spent = rows.reduce((n, r) => n + r.amount, 0);
  const planned = t.planLines ? t.planLines.reduce((n, l) => n + l.amount, 0) : null;
  const cap = t.granted ?? planned;
  return { lines, categories, spent, planned, remaining: cap === null ? null : cap - spent, over: cap === null ? 0 : Math.max(0, spent - cap) };
}

const presentRule = (rule: FundUseRule | null): FundUse['rule'] =>
  rule ? { citation: cite(rule.citation), text: rule.text.zh, categories: rule.categories.map((c) => ({ id: c.id, name: c.name.zh })), fixedAssetRegister: rule.fixedAssetRegister } : null;

function projectGranted(p: ProjectRow): { amount: number | null; basis: string } {
  const program = getEdition(p.editionId)?.programs.find((x) => x.id === 'construction-project');
  const capped = program?.funding.find((f) => f.kind === 'capped');
  const capCitation = capped && capped.kind === 'capped' ? param(capped.cap, p.decidedOn) ?? param(capped.cap) : undefined;
  return {
    amount: p.approvedAmount,
    basis: p.approvedAmount === null ? '尚未核定补助金额' : `核定补助金额${capCitation ? `（${cite(capCitation.citation)}：最高不超过 ${yuan(capCitation.value)}）` : ''}`,
  };
}

async function studioGranted(db: DbOrTx, s: StudioRow): Promise<{ amount: number | null; basis: string }> {
  const lines = await db.select().from(disbursements).where(and(eq(disbursements.studioId, s.id), isNull(disbursements.projectId)));
  const parts = lines.map((l) => ({ amount: l.amount, basis: `${l.purpose} ${yuan(l.amount)}（${l.citation}）` }));
  // Recognised before the platform kept the schedule: the edition's own one-time grant on recognition (顺义 第八条 10 万元;
  // 经开区 第十四条 20 万元). 大兴's studio program grants none (only 第十三条 awards for higher titles).
  if (!lines.some((l) => l.kind === 'fixed')) {
    const program = getEdition(s.editionId)?.programs.find((x) => x.id === 'studio-recognition');
    const fixed = program?.funding.find((f) => f.kind === 'fixed');
    const v = fixed && fixed.kind === 'fixed' ? (param(fixed.amount, s.recognizedOn) ?? param(fixed.amount)) : undefined;
    if (v) parts.unshift({ amount: v.value, basis: `认定资助 ${yuan(v.value)}（${cite(v.citation)}）` });
  }
  if (!parts.length) return { amount: null, basis: '拨付计划中没有该工作室的资助或奖励' };
  return { amount: parts.reduce((n, p) => n + p.amount, 0), basis: parts.map((p) => p.basis).join('；') };
}

export async function projectFundUse(db: Db, caller: FundingCaller, id: string): Promise<FundUse> {
  const p = await projectInScope(db, caller, id, false);
  const rule = ruleOf(p.editionId);
  const { rows, assets, who } = await spendingOf(db, { projectId: p.id });
  const granted = projectGranted(p);
  const totals = rollUp(rule, rows, { planLines: planLinesOf(p.baseline), granted: granted.amount });
  const lock = await projectLock(db, p);
  const own = !!caller.unitId && caller.unitId === p.unitId;
  const byExp = new Map(assets.map((a) => [a.expenditureId, a]));
  return {
    scope: 'project',
    id: p.id,
    name: p.name,
    unitName: await unitNameOf(db, p),
    jurisdiction: p.jurisdictionId,
    editionId: p.editionId,
    status: p.status,
    period: periodOf(p),
    rule: presentRule(rule),
    granted,
    ...totals,
    expenditures: rows.map((r) => presentExpenditure(r, rule, byExp.get(r.id), who)),
    assets: assets.map((a) => presentAsset(a, p.name)),
    canRecord: own && !lock,
    lockedReason: lock,
  };
}

export async function studioFundUse(db: Db, caller: FundingCaller, id: string): Promise<FundUse> {
  const s = await studioInScope(db, caller, id, false);
  const rule = ruleOf(s.editionId);
  const { rows, assets, who } = await spendingOf(db, { studioId: s.id });
  const granted = await studioGranted(db, s);
  const totals = rollUp(rule, rows, { planLines: null, granted: granted.amount });
  const own = !!caller.unitId && caller.unitId === s.unitId;
  const byExp = new Map(assets.map((a) => [a.expenditureId, a]));
  return {
    scope: 'studio',
    id: s.id,
    name: s.name,
    unitName: s.unitName,
    jurisdiction: s.jurisdictionId,
    editionId: s.editionId,
    status: s.status,
    period: null,
    rule: presentRule(rule),
    granted,
    ...totals,
    expenditures: rows.map((r) => presentExpenditure(r, rule, byExp.get(r.id), who)),
    assets: assets.map((a) => presentAsset(a, s.name)),
    canRecord: own,
    lockedReason: null,
  };
}

async function unitNameOf(db: DbOrTx, p: ProjectRow) {
  if (p.studioId) {
    const [s] = await db.select({ unitName: studios.unitName }).from(studios).where(eq(studios.id, p.studioId)).limit(1);
    if (s) return s.unitName;
  }
  const [d] = await db.select({ unitName: disbursements.unitName }).from(disbursements).where(eq(disbursements.projectId, p.id)).limit(1);
  if (d) return d.unitName;
  const [u] = await db.select({ name: units.name }).from(units).where(eq(units.id, p.unitId)).limit(1);
  return u?.name ?? '';
}

/** The project period: the plan's dates, else until the closure is due (the call's 结项 date). */
const periodOf = (p: ProjectRow) => (p.periodStart || p.periodEnd || p.closeBy ? { start: p.periodStart, end: p.periodEnd ?? p.closeBy } : null);

// ---------------------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------------------

interface Target {
  jurisdictionId: string;
  unitId: string;
  studioId: string | null;
  projectId: string | null;
  editionId: string;
  name: string;
}

/** Checks of the request common to project and studio money; returns the category to store. */
async function validate(tx: DbOrTx, target: Target, input: RecordExpenditureRequest, now: Date): Promise<string> {
  const rule = ruleOf(target.editionId);
  const today = shanghaiDate(now);
  if (input.spentOn > today) throw badRequest('SPENT_IN_FUTURE', '支出日期不能晚于今天', { spentOn: `不能晚于 ${today}` });

  let category = UNCATEGORISED;
  if (rule && rule.categories.length) {
    const names = rule.categories.map((c) => c.name.zh).join('、');
    if (!input.category) throw badRequest('CATEGORY_REQUIRED', `请选择支出类别（${cite(rule.citation)}：${names}）`, { category: `请选择：${names}` });
    if (!rule.categories.some((c) => c.id === input.category))
      throw badRequest('CATEGORY_INVALID', `支出类别不在 ${cite(rule.citation)} 列明的用途之内（${names}）`, { category: `应为：${names}` });
    category = input.category;
  } else if (input.category) {
    // 经开区: its text names no categories, and another district's list is not carried over.
    throw badRequest('CATEGORY_NOT_APPLICABLE', '本区政策未列明经费支出类别，请只填写预算科目', { category: '本区政策未列明支出类别，不填' });
  }

  const article = rule?.fixedAssetRegister ? `（${cite(rule.citation)}：涉及固定资产的，按照固定资产财务管理办法登记造册）` : '';
  if (input.isFixedAsset && !input.asset)
    throw badRequest('FIXED_ASSET_REGISTER_REQUIRED', `形成固定资产的支出须同时登记固定资产信息${article}`, { asset: '请填写资产编号、名称、数量、单价、存放地点、保管人和取得日期' });
  if (!input.isFixedAsset && input.asset) throw badRequest('NOT_A_FIXED_ASSET', '登记固定资产须勾选“形成固定资产”', { isFixedAsset: '请勾选“形成固定资产”，或不填资产信息' });
  if (input.asset) {
    const a = input.asset;
    if (a.quantity * a.unitPrice !== input.amount)
      throw badRequest('ASSET_AMOUNT_MISMATCH', `固定资产数量 × 单价（${a.quantity} × ${a.unitPrice} = ${yuan(a.quantity * a.unitPrice)}）与支出金额 ${yuan(input.amount)} 不一致`, {
        'asset.unitPrice': `数量 × 单价应等于 ${yuan(input.amount)}`,
      });
    if (a.acquiredOn > today) throw badRequest('ASSET_DATE_FUTURE', '资产取得日期不能晚于今天', { 'asset.acquiredOn': `不能晚于 ${today}` });
    const [taken] = await tx
      .select({ id: fixedAssets.id, name: fixedAssets.name })
      .from(fixedAssets)
      .where(and(eq(fixedAssets.unitId, target.unitId), eq(fixedAssets.assetNumber, a.assetNumber)))
      .limit(1);
    if (taken) throw new AppError('ASSET_NUMBER_TAKEN', 409, `资产编号 ${a.assetNumber} 已登记给本单位的“${taken.name}”，资产编号在本单位内不能重复`, { 'asset.assetNumber': '资产编号已被使用' });
  }
  return category;
}

async function insertSpending(tx: DbOrTx, caller: FundingCaller, target: Target, input: RecordExpenditureRequest, category: string, now: Date) {
  const row: typeof fundExpenditures.$inferInsert = {
    id: randomUUID(),
    jurisdictionId: target.jurisdictionId,
    studioId: target.studioId,
    projectId: target.projectId,
    unitId: target.unitId,
    budgetLine: input.budgetLine,
    category,
    amount: input.amount,
    spentOn: input.spentOn,
    description: input.description,
    voucherNumber: input.voucherNumber || null,
    isFixedAsset: input.isFixedAsset,
    fileIds: [],
    createdBy: caller.actor.userId,
    createdAt: now,
  };
  await tx.insert(fundExpenditures).values(row);
  await recordAudit(tx, caller.actor, { action: 'fund.expenditure_recorded', entityType: target.projectId ? 'project' : 'studio', entityId: target.projectId ?? target.studioId, jurisdictionId: target.jurisdictionId, after: row }, now);
  let asset: AssetRow | null = null;
  if (input.asset) {
    const a = input.asset;
    asset = {
      id: randomUUID(),
      expenditureId: row.id,
      jurisdictionId: target.jurisdictionId,
      studioId: target.studioId,
      unitId: target.unitId,
      assetNumber: a.assetNumber,
      name: a.name,
      model: a.model || null,
      quantity: a.quantity,
      unitPrice: a.unitPrice,
      location: a.location || null,
      custodian: a.custodian || null,
      acquiredOn: a.acquiredOn,
      createdAt: now,
    };
    await tx.insert(fixedAssets).values(asset);
    await recordAudit(tx, caller.actor, { action: 'fund.asset_registered', entityType: 'fixed_asset', entityId: asset.id, jurisdictionId: target.jurisdictionId, after: asset }, now);
  }
  return { row: row as ExpenditureRow, asset };
}

function warningsOf(use: FundUse, line: string): string[] {
  const w: string[] = [];
  const l = use.lines.find((x) => x.line === line);
  if (l && l.planned !== null && l.over > 0) w.push(`“${line}”已超出计划 ${yuan(l.over)}（计划 ${yuan(l.planned)}，已支出 ${yuan(l.spent)}）`);
  if (use.over > 0 && use.granted.amount !== null) w.push(`经费支出合计 ${yuan(use.spent)}，超出核定金额 ${yuan(use.granted.amount)} 共 ${yuan(use.over)}`);
  return w;
}

export async function recordProjectExpenditure(db: Db, caller: FundingCaller, id: string, input: RecordExpenditureRequest, now: Date): Promise<RecordExpenditureResponse> {
  const result = await db.transaction(async (tx) => {
    const p = await projectInScope(tx, caller, id, true);
    const lock = await projectLock(tx, p);
    if (lock) throw conflict('PROJECT_ASSESSED', lock);
    // 第十二条: 严格按照建设项目计划书执行 — project money is spent on the plan's own lines.
    const lines = planLinesOf(p.baseline);
    if (!lines.some((l) => l.line === input.budgetLine))
      throw badRequest('BUDGET_LINE_NOT_IN_PLAN', `“${input.budgetLine}”不是计划书经费计划中的科目，请按计划书所列科目登记（京兴人社发〔2025〕21号 第十二条：严格按照建设项目计划书执行）`, {
        budgetLine: `应为：${lines.map((l) => l.line).join('；') || '（计划书无经费计划）'}`,
      });
    // 2026年通知 二（二）3: 非项目期内取得的成果不能作为考核验收凭证 — spending of project money belongs inside the period.
    const period = periodOf(p);
    if (period?.start && input.spentOn < period.start)
      throw badRequest('SPENT_OUTSIDE_PERIOD', `支出日期 ${input.spentOn} 早于项目实施期（${period.start} 起），项目经费只能用于项目期内的支出`, { spentOn: `应在 ${period.start} — ${period.end ?? ''} 之间` });
    if (period?.end && input.spentOn > period.end)
      throw badRequest('SPENT_OUTSIDE_PERIOD', `支出日期 ${input.spentOn} 晚于项目实施期（至 ${period.end}），项目经费只能用于项目期内的支出`, { spentOn: `应在 ${period.start ?? ''} — ${period.end} 之间` });
    const target: Target = { jurisdictionId: p.jurisdictionId, unitId: p.unitId, studioId: p.studioId, projectId: p.id, editionId: p.editionId, name: p.name };
    const category = await validate(tx, target, input, now);
    return insertSpending(tx, caller, target, input, category, now);
  });
  const use = await projectFundUse(db, caller, id);
  return respond(use, result);
}

export async function recordStudioExpenditure(db: Db, caller: FundingCaller, id: string, input: RecordExpenditureRequest, now: Date): Promise<RecordExpenditureResponse> {
  const result = await db.transaction(async (tx) => {
    const s = await studioInScope(tx, caller, id, true);
    const target: Target = { jurisdictionId: s.jurisdictionId, unitId: s.unitId!, studioId: s.id, projectId: null, editionId: s.editionId, name: s.name };
    const category = await validate(tx, target, input, now);
    return insertSpending(tx, caller, target, input, category, now);
  });
  const use = await studioFundUse(db, caller, id);
  return respond(use, result);
}

function respond(use: FundUse, result: { row: ExpenditureRow; asset: AssetRow | null }): RecordExpenditureResponse {
  const expenditure = use.expenditures.find((e) => e.id === result.row.id)!;
  return { expenditure, asset: use.assets.find((a) => a.expenditureId === result.row.id) ?? null, warnings: warningsOf(use, result.row.budgetLine) };
}

/** DELETE /api/expenditures/:id — the unit removes its own entry (with its register entry), not after the closure assessment. */
export async function removeExpenditure(db: Db, caller: FundingCaller, id: string, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [e] = await tx.select().from(fundExpenditures).where(eq(fundExpenditures.id, id)).limit(1);
    if (!e || !caller.unitId || caller.unitId !== e.unitId) throw notFound('经费支出', 'EXPENDITURE_NOT_FOUND');
    if (e.projectId) {
      const [p] = await tx.select().from(projects).where(eq(projects.id, e.projectId)).limit(1);
      const lock = p ? await projectLock(tx, p) : null;
      if (lock) throw conflict('PROJECT_ASSESSED', lock);
    }
    const assets = await tx.select().from(fixedAssets).where(eq(fixedAssets.expenditureId, e.id));
    await tx.delete(fixedAssets).where(eq(fixedAssets.expenditureId, e.id));
    await tx.delete(fundExpenditures).where(eq(fundExpenditures.id, e.id));
    await recordAudit(
      tx,
      caller.actor,
      { action: 'fund.expenditure_removed', entityType: e.projectId ? 'project' : 'studio', entityId: e.projectId ?? e.studioId, jurisdictionId: e.jurisdictionId, before: { ...e, assets } },
      now,
    );
  });
}

// ---------------------------------------------------------------------------------------------------------
// Excel
// ---------------------------------------------------------------------------------------------------------

export async function exportFundUse(db: Db, caller: FundingCaller, scope: 'project' | 'studio', id: string, now: Date) {
  const use = scope === 'project' ? await projectFundUse(db, caller, id) : await studioFundUse(db, caller, id);
  const wb = await newWorkbook();
  wb.creator = '匠心 Jiangxin';
  wb.created = now;
  const sheet = (name: string, headers: string[], widths: number[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((header, i) => ({ header, key: String(i), width: widths[i] ?? 14 }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    return ws;
  };
  const lines = sheet('预算执行', ['序号', '预算科目', '类别', '计划金额（元）', '已支出（元）', '结余（元）', '超支（元）'], [6, 44, 18, 14, 14, 14, 12]);
  const catName = (id: string | null) => (id ? (use.rule?.categories.find((c) => c.id === id)?.name ?? id) : '');
  use.lines.forEach((l, i) => {
    const row = lines.addRow([i + 1, neutralise(l.line), catName(l.category), l.planned ?? '', l.spent, l.remaining ?? '', l.over || '']);
    if (l.over > 0) row.getCell(7).font = { color: { argb: 'FFCF1322' }, bold: true };
  });
  lines.addRow(['', '合计', '', use.planned ?? '', use.spent, use.remaining ?? '', use.over || '']).font = { bold: true };
  if (use.categories.length) {
    const cats = sheet('类别汇总', ['类别', '计划金额（元）', '已支出（元）', '超支（元）'], [22, 14, 14, 12]);
    for (const c of use.categories) cats.addRow([c.name, c.planned ?? '', c.spent, c.over || '']);
  }
  const spent = sheet('支出明细', ['序号', '支出日期', '预算科目', '类别', '金额（元）', '支出内容', '凭证号', '固定资产编号', '登记人', '登记时间'], [6, 12, 40, 18, 12, 40, 16, 16, 24, 18]);
  use.expenditures.forEach((e, i) =>
    spent.addRow([i + 1, e.spentOn, neutralise(e.budgetLine), e.categoryName ?? '', e.amount, neutralise(e.description), neutralise(e.voucherNumber ?? ''), neutralise(e.assetNumber ?? ''), neutralise(e.recordedBy ?? ''), e.recordedAt]),
  );
  const assets = sheet('固定资产登记', ['资产编号', '资产名称', '规格型号', '数量', '单价（元）', '金额（元）', '存放地点', '保管人', '取得日期', '资金来源'], [16, 24, 20, 8, 12, 12, 24, 12, 12, 40]);
  for (const a of use.assets)
    assets.addRow([neutralise(a.assetNumber), neutralise(a.name), neutralise(a.model ?? ''), a.quantity, a.unitPrice, a.amount, neutralise(a.location ?? ''), neutralise(a.custodian ?? ''), a.acquiredOn, neutralise(a.source)]);
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 16 }, { width: 80 }];
  info.addRows([
    [scope === 'project' ? '建设项目' : '工作室', neutralise(use.name)],
    ['单位', neutralise(use.unitName)],
    ['核定金额（元）', use.granted.amount ?? ''],
    ['依据', neutralise(use.granted.basis)],
    ['使用范围', use.rule ? `${use.rule.citation}：${use.rule.text}` : '本区政策未列明经费支出类别'],
    ['导出时间', `${formatShanghai(now)}（北京时间）`],
    ['导出人', neutralise(caller.actor.username ?? '')],
  ]);
  const filename = `经费使用-${use.name}.xlsx`;
  return { xlsx: Buffer.from(await wb.xlsx.writeBuffer()), filename };
}
