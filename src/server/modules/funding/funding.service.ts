import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { getEdition } from '../../../policy/editions';
import { param } from '../../../policy/rules/conditions';
import type { Citation, ProgramDef } from '../../../policy/types';
import { DISBURSEMENT_STATUS_NAMES, FUNDING_KIND_NAMES, type CallFunding, type Disbursement, type DisbursementStatus, type FundingCall } from '../../../shared/funding';
import { STUDIO_LEVEL_NAMES } from '../../../shared/registry';
import { formatShanghai, shanghaiDate, toShanghaiIso } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { applicationMaterials, applications, calls, files, noticeItems, notices, studios, studioTitles, unitProfiles } from '../../db/schema';
import { disbursementPayments, disbursements, projects } from '../../db/schema/funding';
import { neutralise, newWorkbook } from '../../documents/xlsx';
import { AppError, badRequest, conflict, notFound } from '../../errors';
import { statusName } from '../../workflow/intake';
import { recordAudit } from '../audit/audit.service';
import { notifyUnit } from '../notifications/notifications.service';
import { noticeEndsAt } from '../registry/registry.service';
import { cite, decisionCitation, openObjectionsOf } from './decisions.service';
import { jurisdictionsWith, OFFICER_ROLES, type FundingCaller } from './funding.caller';

/**
 * The payment schedule (拨付计划) and disbursements (拨付登记), issue 6. Amounts come from the edition's funding
 * rules (`program.funding`), never from a district name in code:
 * - fixed: due on the decision (京技管发〔2024〕1号 办事指南: 首次认定 20 万元; 顺义 征求意见稿: 10 万元);
 * - capped: approved within the cap, paid only after its condition (京兴人社发〔2025〕21号 第十四条: 项目结束后评审考核通过的
 *   拨付). The closure assessment is issue 7's; until it exists the line stays “待条件满足” and nothing can be paid;
 * - award: a higher title recorded by the officer (第十三条: 入选市级 5 万元 / 国家级 10 万元; 经开区 20 万 / 10 万).
 */

type Tx = DbOrTx;
type Row = typeof disbursements.$inferSelect;

const amountOf = (p: Parameters<typeof param<number>>[0], asOf: string) => param(p, asOf) ?? param(p);
const yuan = (n: number) => `${n.toLocaleString('en-US')} 元`;

export async function scheduleOnDecision(
  tx: Tx,
  caller: FundingCaller,
  ctx: {
    program: ProgramDef;
    editionId: string;
    jurisdictionId: string;
    unitId: string;
    unitName: string;
    applicationId: string | null;
    studioId: string | null;
    projectId: string | null;
    noticeId: string;
    /** The amount the notice published or the unit requested (capped rules). */
    requested: number | null;
    decidedOn: string;
    name: string;
  },
  now: Date,
) {
  for (const rule of ctx.program.funding) {
    let line: Omit<typeof disbursements.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'jurisdictionId' | 'editionId' | 'program' | 'unitId' | 'unitName'> | null = null;
    if (rule.kind === 'fixed') {
      const v = amountOf(rule.amount, ctx.decidedOn);
      if (!v) continue;
      line = { kind: 'fixed', purpose: `${ctx.name} 认定资助（一次性）`, amount: v.value, cap: null, condition: null, citation: cite(v.citation), status: 'due', dueOn: ctx.decidedOn };
    } else if (rule.kind === 'capped') {
      const v = amountOf(rule.cap, ctx.decidedOn);
      if (!v) continue;
      const amount = Math.min(v.value, ctx.requested && ctx.requested > 0 ? ctx.requested : v.value);
      line = { kind: 'capped', purpose: `${ctx.name} 建设项目经费补助`, amount, cap: v.value, condition: rule.paidAfter.zh, citation: cite(v.citation), status: 'awaiting-condition', dueOn: null };
    } else continue; // awards enter with a title (recordTitle)
    const row = {
      id: randomUUID(),
      jurisdictionId: ctx.jurisdictionId,
      editionId: ctx.editionId,
      program: ctx.program.id,
      unitId: ctx.unitId,
      unitName: ctx.unitName,
      applicationId: ctx.applicationId,
      studioId: ctx.studioId,
      projectId: ctx.projectId,
      sourceNoticeId: ctx.noticeId,
      ...line,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(disbursements).values(row);
    await recordAudit(tx, caller.actor, { action: 'disbursement.scheduled', entityType: 'disbursement', entityId: row.id, jurisdictionId: ctx.jurisdictionId, after: row }, now);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Titles (市级 / 国家级) and their awards
// ---------------------------------------------------------------------------------------------------------

const LEVEL_RANK: Record<string, number> = { district: 1, municipal: 2, national: 3 };

/**
 * POST /api/studios/:id/titles: a program officer of the studio's jurisdiction records a higher title (the studio was
 * selected municipal / national). Where the studio's edition grants an award for that title, it enters the schedule.
 */
export async function recordTitle(db: Db, caller: FundingCaller, studioId: string, input: { level: 'municipal' | 'national'; awardedOn: string; document: string }, now: Date) {
  const [studio] = await db.select().from(studios).where(eq(studios.id, studioId)).limit(1);
  if (!studio || !jurisdictionsWith(caller, ['program']).includes(studio.jurisdictionId)) throw notFound('工作室', 'STUDIO_NOT_FOUND');
  if (studio.status !== 'active') throw conflict('STUDIO_NOT_ACTIVE', '该工作室不处于正常运转状态（已暂停或已取消称号），不能登记新的称号');
  if (input.awardedOn > shanghaiDate(now)) throw badRequest('TITLE_DATE_FUTURE', '入选日期不能晚于今天', { awardedOn: '入选日期不能晚于今天' });
  if (input.awardedOn < studio.recognizedOn) throw badRequest('TITLE_DATE_BEFORE_RECOGNITION', `入选日期不能早于区级认定日期（${studio.recognizedOn}）`, { awardedOn: `不能早于 ${studio.recognizedOn}` });
  const held = await db.select().from(studioTitles).where(eq(studioTitles.studioId, studioId));
  const same = held.find((t) => t.level === input.level);
  if (same) throw conflict('TITLE_EXISTS', `该工作室已于 ${same.awardedOn} 登记${STUDIO_LEVEL_NAMES[input.level].zh}称号（${same.document}），不能重复登记`);

  const program = getEdition(studio.editionId)?.programs.find((p) => p.id === 'studio-recognition');
  const rule = program?.funding.find((f) => f.kind === 'award' && f.title === input.level);
  const award = rule && rule.kind === 'award' ? amountOf(rule.amount, input.awardedOn) : undefined;
  const titleId = randomUUID();
  await db.transaction(async (tx) => {
    await tx.insert(studioTitles).values({ id: titleId, studioId, level: input.level, awardedOn: input.awardedOn, document: input.document, award: award?.value ?? null, createdAt: now });
    const level = LEVEL_RANK[input.level] > (LEVEL_RANK[studio.level] ?? 0) ? input.level : studio.level;
    await tx.update(studios).set({ level, updatedAt: now }).where(eq(studios.id, studioId));
    if (award && studio.unitId) {
      const row = {
        id: randomUUID(),
        jurisdictionId: studio.jurisdictionId,
        editionId: studio.editionId,
        program: 'studio-recognition',
        unitId: studio.unitId,
        unitName: studio.unitName,
        applicationId: studio.sourceApplicationId,
        studioId,
        projectId: null,
        studioTitleId: titleId,
        sourceNoticeId: null,
        purpose: `${studio.name} 入选${STUDIO_LEVEL_NAMES[input.level].zh}技能大师工作室奖励（一次性）`,
        kind: 'award',
        amount: award.value,
        cap: null,
        condition: null,
        citation: cite(award.citation),
        status: 'due',
        dueOn: input.awardedOn,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(disbursements).values(row);
      await recordAudit(tx, caller.actor, { action: 'disbursement.scheduled', entityType: 'disbursement', entityId: row.id, jurisdictionId: studio.jurisdictionId, after: row }, now);
      await notifyUnit(
        tx,
        studio.unitId,
        { template: 'title.award', title: `称号奖励：${studio.name}`, body: `${studio.name} 入选${STUDIO_LEVEL_NAMES[input.level].zh}技能大师工作室（${input.document}），按 ${cite(award.citation)} 给予一次性奖励 ${yuan(award.value)}，已列入拨付计划。`, payload: { studioId } },
        now,
      );
    }
    await recordAudit(
      tx,
      caller.actor,
      { action: 'title.recorded', entityType: 'studio', entityId: studioId, jurisdictionId: studio.jurisdictionId, before: { level: studio.level }, after: { level: input.level, awardedOn: input.awardedOn, document: input.document, award: award?.value ?? null } },
      now,
    );
  });
  return { id: titleId, studioId, level: input.level, awardedOn: input.awardedOn, document: input.document, award: award?.value ?? null, awardCitation: award ? cite(award.citation) : null };
}

// ---------------------------------------------------------------------------------------------------------
// The schedule and payments
// ---------------------------------------------------------------------------------------------------------

/** Finance, program officers and inspectors read the schedule of their jurisdiction(s). */
const READERS = ['finance', ...OFFICER_ROLES] as const;

async function present(db: DbOrTx, rows: Row[]): Promise<Disbursement[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const payments = await db.select().from(disbursementPayments).where(inArray(disbursementPayments.disbursementId, ids)).orderBy(asc(disbursementPayments.paidOn), asc(disbursementPayments.recordedAt));
  const studioIds = rows.map((r) => r.studioId).filter((x): x is string => !!x);
  const projectIds = rows.map((r) => r.projectId).filter((x): x is string => !!x);
  const appIds = rows.map((r) => r.applicationId).filter((x): x is string => !!x);
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const studioRows = studioIds.length ? await db.select({ id: studios.id, name: studios.name }).from(studios).where(inArray(studios.id, studioIds)) : [];
  const projectRows = projectIds.length ? await db.select({ id: projects.id, name: projects.name }).from(projects).where(inArray(projects.id, projectIds)) : [];
  const appRows = appIds.length ? await db.select({ id: applications.id, number: applications.number }).from(applications).where(inArray(applications.id, appIds)) : [];
  const profiles = await db.select().from(unitProfiles).where(inArray(unitProfiles.unitId, unitIds));
  // The unit's 开户许可证 / 银行账户 material of its application (大兴 第九条（二）4; 经开区 办事指南 五（一）4).
  const bankMaterials = appIds.length
    ? await db
        .select({ applicationId: applicationMaterials.applicationId, id: applicationMaterials.id, name: files.originalName })
        .from(applicationMaterials)
        .innerJoin(files, eq(files.id, applicationMaterials.fileId))
        .where(and(inArray(applicationMaterials.applicationId, appIds), or(like(applicationMaterials.itemId, '%bank%'), like(applicationMaterials.itemId, '%account-permit%'))))
    : [];
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const s = byId(studioRows);
  const p = byId(projectRows);
  const a = byId(appRows);
  const prof = new Map(profiles.map((x) => [x.unitId, x]));
  return rows.map((r) => {
    const profile = prof.get(r.unitId);
    return {
      id: r.id,
      jurisdiction: r.jurisdictionId,
      unitId: r.unitId,
      unitName: r.unitName,
      purpose: r.purpose,
      kind: r.kind as Disbursement['kind'],
      amount: r.amount,
      cap: r.cap,
      paidAmount: r.paidAmount,
      condition: r.condition,
      citation: r.citation,
      status: r.status as DisbursementStatus,
      statusName: DISBURSEMENT_STATUS_NAMES[r.status as DisbursementStatus]?.zh ?? r.status,
      dueOn: r.dueOn,
      studioId: r.studioId,
      studioName: r.studioId ? (s.get(r.studioId)?.name ?? null) : null,
      projectId: r.projectId,
      projectName: r.projectId ? (p.get(r.projectId)?.name ?? null) : null,
      applicationId: r.applicationId,
      applicationNumber: r.applicationId ? (a.get(r.applicationId)?.number ?? null) : null,
      bank: {
        bankName: profile?.bankName ?? null,
        accountNumber: profile?.bankAccount ?? null,
        permitNumber: profile?.bankPermitNumber ?? null,
        materials: bankMaterials
          .filter((m) => m.applicationId === r.applicationId)
          .map((m) => ({ applicationId: m.applicationId, materialId: m.id, name: m.name, url: `/api/disbursements/${r.id}/bank-materials/${m.id}` })),
      },
      payments: payments
        .filter((x) => x.disbursementId === r.id)
        .map((x) => ({ id: x.id, paidOn: x.paidOn, amount: x.amount, voucherNumber: x.voucherNumber, recordedAt: toShanghaiIso(x.recordedAt) })),
      version: r.version,
    };
  });
}

export async function listDisbursements(db: Db, caller: FundingCaller, query: { status?: DisbursementStatus; callId?: string }) {
  const scope = jurisdictionsWith(caller, READERS);
  if (!scope.length) return [];
  const where = [inArray(disbursements.jurisdictionId, scope)];
  if (query.status) where.push(eq(disbursements.status, query.status));
  if (query.callId) {
    const noticeIds = (await db.select({ id: notices.id }).from(notices).where(eq(notices.callId, query.callId))).map((n) => n.id);
    if (!noticeIds.length) return [];
    where.push(inArray(disbursements.sourceNoticeId, noticeIds));
  }
  const rows = await db.select().from(disbursements).where(and(...where)).orderBy(desc(disbursements.createdAt), asc(disbursements.unitName));
  return present(db, rows);
}

async function loadLine(db: DbOrTx, caller: FundingCaller, id: string, roles: readonly string[]) {
  const [row] = await db.select().from(disbursements).where(eq(disbursements.id, id)).limit(1);
  if (!row || !jurisdictionsWith(caller, roles as never).includes(row.jurisdictionId)) throw notFound('拨付事项', 'DISBURSEMENT_NOT_FOUND');
  return row;
}

/**
 * POST /api/disbursements/:id/payments (finance): refused before the line's condition holds, above what is left of
 * the scheduled amount (and so of the cap), before the line became due, or with a voucher number already used.
 */
export async function recordPayment(db: Db, caller: FundingCaller, id: string, input: { paidOn: string; amount: number; voucherNumber: string }, now: Date) {
  const line = await loadLine(db, caller, id, ['finance']);
  if (line.status === 'awaiting-condition') {
    throw conflict('CONDITION_NOT_MET', `拨付条件尚未满足：${line.condition ?? '条件未满足'}（${line.citation}）。条件满足前不能拨付`);
  }
  if (input.paidOn > shanghaiDate(now)) throw badRequest('PAID_ON_FUTURE', '拨付日期不能晚于今天', { paidOn: '拨付日期不能晚于今天' });
  if (line.dueOn && input.paidOn < line.dueOn) throw badRequest('PAID_ON_BEFORE_DUE', `拨付日期不能早于应拨付日期（${line.dueOn}）`, { paidOn: `不能早于 ${line.dueOn}` });
  const left = line.amount - line.paidAmount;
  if (left <= 0) throw conflict('ALREADY_PAID', `该事项已全额拨付（${yuan(line.amount)}），不能再登记拨付`);
  if (input.amount > left) {
    const capNote = line.cap ? `，上限 ${yuan(line.cap)}` : '';
    throw conflict('PAYMENT_ABOVE_SCHEDULE', `拨付金额 ${yuan(input.amount)} 超过计划金额尚未拨付的部分 ${yuan(left)}（计划 ${yuan(line.amount)}${capNote}，${line.citation}）`);
  }
  const [dup] = await db
    .select({ id: disbursementPayments.id })
    .from(disbursementPayments)
    .where(and(eq(disbursementPayments.jurisdictionId, line.jurisdictionId), eq(disbursementPayments.voucherNumber, input.voucherNumber)))
    .limit(1);
  if (dup) throw conflict('VOUCHER_EXISTS', `凭证号 ${input.voucherNumber} 已登记过一笔拨付，请核对`);

  const paid = line.paidAmount + input.amount;
  const status: DisbursementStatus = paid >= line.amount ? 'paid' : 'partially-paid';
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(disbursements)
      .set({ paidAmount: paid, status, version: sql`${disbursements.version} + 1`, updatedAt: now })
      .where(and(eq(disbursements.id, id), eq(disbursements.version, line.version)))
      .returning({ id: disbursements.id });
    if (!updated.length) throw conflict('CONCURRENT_UPDATE', '该拨付事项刚被其他人登记，请刷新后核对');
    const payment = { id: randomUUID(), disbursementId: id, jurisdictionId: line.jurisdictionId, paidOn: input.paidOn, amount: input.amount, voucherNumber: input.voucherNumber, recordedBy: caller.actor.userId, recordedAt: now };
    await tx.insert(disbursementPayments).values(payment);
    await notifyUnit(tx, line.unitId, { template: 'disbursement.paid', title: `资金已拨付：${line.purpose}`, body: `${line.purpose}已于 ${input.paidOn} 拨付 ${yuan(input.amount)}（凭证号 ${input.voucherNumber}）。`, payload: { disbursementId: id } }, now);
    await recordAudit(tx, caller.actor, { action: 'disbursement.paid', entityType: 'disbursement', entityId: id, jurisdictionId: line.jurisdictionId, before: { paidAmount: line.paidAmount, status: line.status }, after: { ...payment, paidAmount: paid, status } }, now);
  });
  const [fresh] = await db.select().from(disbursements).where(eq(disbursements.id, id));
  return (await present(db, [fresh]))[0];
}

/** The bank permit file of the line's application, for finance and officers of the jurisdiction. */
export async function bankMaterial(db: Db, caller: FundingCaller, id: string, materialId: string) {
  const line = await loadLine(db, caller, id, READERS);
  if (!line.applicationId) throw notFound('文件', 'MATERIAL_FILE_NOT_FOUND');
  const [row] = await db
    .select({ file: files, itemId: applicationMaterials.itemId })
    .from(applicationMaterials)
    .innerJoin(files, eq(files.id, applicationMaterials.fileId))
    .where(and(eq(applicationMaterials.id, materialId), eq(applicationMaterials.applicationId, line.applicationId)));
  if (!row || !/bank|account-permit/.test(row.itemId)) throw notFound('文件', 'MATERIAL_FILE_NOT_FOUND');
  return row.file;
}

const EXPORT_HEADERS = ['序号', '单位', '拨付事项', '类别', '工作室 / 项目', '申报编号', '计划金额（元）', '上限（元）', '已拨付（元）', '状态', '拨付条件', '依据', '开户银行', '账号', '拨付记录（日期 金额 凭证号）'];

/** GET /api/disbursements.xlsx: the schedule with its payments (Chinese headers, cells neutralised against formulas). */
export async function exportDisbursements(db: Db, caller: FundingCaller, query: { status?: DisbursementStatus; callId?: string }, now: Date) {
  const rows = await listDisbursements(db, caller, query);
  const wb = await newWorkbook();
  wb.creator = '匠心 Jiangxin';
  wb.created = now;
  const ws = wb.addWorksheet('拨付清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_HEADERS.map((header, i) => ({ header, key: String(i), width: [6, 30, 40, 10, 36, 20, 14, 12, 14, 12, 40, 30, 24, 26, 40][i] }));
  rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      neutralise(r.unitName),
      neutralise(r.purpose),
      FUNDING_KIND_NAMES[r.kind].zh,
      neutralise(r.studioName ?? r.projectName ?? ''),
      neutralise(r.applicationNumber ?? ''),
      r.amount,
      r.cap ?? '',
      r.paidAmount,
      r.statusName,
      neutralise(r.condition ?? ''),
      neutralise(r.citation),
      neutralise(r.bank.bankName ?? ''),
      neutralise(r.bank.accountNumber ?? ''),
      neutralise(r.payments.map((p) => `${p.paidOn} ${p.amount} ${p.voucherNumber}`).join('；')),
    ]),
  );
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 14 }, { width: 60 }];
  info.addRows([
    ['导出时间', `${formatShanghai(now)}（北京时间）`],
    ['导出人', neutralise(caller.actor.username ?? '')],
    ['事项数量', rows.length],
    ['计划合计（元）', rows.reduce((n, r) => n + r.amount, 0)],
    ['已拨付合计（元）', rows.reduce((n, r) => n + r.paidAmount, 0)],
  ]);
  await recordAudit(db, caller.actor, { action: 'disbursement.exported', entityType: 'disbursement', entityId: null, after: { rows: rows.length, filters: query } }, now);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------------------
// The program officer's view: calls whose notice ran, and one call's decision page
// ---------------------------------------------------------------------------------------------------------

async function summarise(db: DbOrTx, n: typeof notices.$inferSelect, callTitle: string, now: Date): Promise<FundingCall> {
  const items = await db.select({ id: noticeItems.id, withdrawn: noticeItems.withdrawn }).from(noticeItems).where(eq(noticeItems.noticeId, n.id));
  const open = await openObjectionsOf(db, n.id);
  const [total] = await db.select({ sum: sql<number>`coalesce(sum(${disbursements.amount}), 0)` }).from(disbursements).where(eq(disbursements.sourceNoticeId, n.id));
  const endsAt = noticeEndsAt(n.endsOn);
  return {
    callId: n.callId,
    callTitle,
    jurisdiction: n.jurisdictionId,
    program: n.program,
    noticeId: n.id,
    noticeTitle: n.title,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    endsAt,
    noticeStatus: n.status,
    ended: now.getTime() >= new Date(endsAt).getTime(),
    items: items.filter((i) => !i.withdrawn).length,
    openObjections: open.length,
    decisionDocument: n.decisionDocument,
    concludedAt: n.concludedAt ? toShanghaiIso(n.concludedAt) : null,
    scheduledTotal: Number(total?.sum ?? 0),
  };
}

/** GET /api/funding/calls: every published or concluded notice of the program officer's jurisdictions. */
export async function listFundingCalls(db: Db, caller: FundingCaller, now: Date): Promise<FundingCall[]> {
  const scope = jurisdictionsWith(caller, ['program', 'inspector']);
  if (!scope.length) return [];
  const rows = await db
    .select({ notice: notices, callTitle: calls.title })
    .from(notices)
    .innerJoin(calls, eq(calls.id, notices.callId))
    .where(and(inArray(notices.jurisdictionId, scope), inArray(notices.status, ['published', 'concluded'])))
    .orderBy(desc(notices.endsOn));
  const out: FundingCall[] = [];
  for (const r of rows) out.push(await summarise(db, r.notice, r.callTitle, now));
  return out;
}

/** GET /api/funding/calls/:callId: the decision page of one call (its latest published or concluded notice). */
export async function getCallFunding(db: Db, caller: FundingCaller, callId: string, now: Date): Promise<CallFunding> {
  const scope = jurisdictionsWith(caller, ['program', 'inspector']);
  const [row] = await db
    .select({ notice: notices, callTitle: calls.title })
    .from(notices)
    .innerJoin(calls, eq(calls.id, notices.callId))
    .where(and(eq(notices.callId, callId), inArray(notices.status, ['published', 'concluded'])))
    .orderBy(desc(notices.startsOn))
    .limit(1);
  if (!row || !scope.includes(row.notice.jurisdictionId)) throw notFound('公示', 'NOTICE_NOT_FOUND');
  const n = row.notice;
  const summary = await summarise(db, n, row.callTitle, now);
  const program = getEdition(n.editionId)?.programs.find((p) => p.id === n.program);
  const items = await db.select().from(noticeItems).where(eq(noticeItems.noticeId, n.id)).orderBy(asc(noticeItems.position));
  const open = await openObjectionsOf(db, n.id);
  const appIds = items.map((i) => i.applicationId).filter((x): x is string => !!x);
  const apps = appIds.length ? await db.select({ id: applications.id, status: applications.status }).from(applications).where(inArray(applications.id, appIds)) : [];
  const studioRows = await db.select({ id: studios.id, name: studios.name, plaque: studios.plaqueNumber, app: studios.sourceApplicationId }).from(studios).where(eq(studios.sourceNoticeId, n.id));
  const projectRows = await db.select({ id: projects.id, app: projects.applicationId }).from(projects).where(eq(projects.sourceNoticeId, n.id));
  const lines = await present(db, await db.select().from(disbursements).where(eq(disbursements.sourceNoticeId, n.id)).orderBy(asc(disbursements.unitName)));
  const asOf = shanghaiDate(now);
  const describe = (c: Citation) => cite(c);
  return {
    ...summary,
    rule: decisionCitation(n.editionId, n.program),
    studioNameFormat: program?.studioNameFormat ? `${program.studioNameFormat.template.replace('{leaderName}', '+技能大师姓名+').replace('{occupation}', '职业名称+')}（${describe(program.studioNameFormat.citation)}）` : null,
    funding: (program?.funding ?? []).map((f) => ({
      kind: f.kind,
      text: f.kind === 'capped' ? `${f.when.zh}：${f.paidAfter.zh}` : f.kind === 'award' ? `${f.when.zh}（${STUDIO_LEVEL_NAMES[f.title].zh}）` : f.when.zh,
      amount: (f.kind === 'capped' ? amountOf(f.cap, asOf) : amountOf(f.amount, asOf))?.value ?? null,
    })),
    decisionItems: items.map((i) => {
      const app = apps.find((a) => a.id === i.applicationId);
      const studio = studioRows.find((s) => s.app && s.app === i.applicationId);
      return {
        id: i.id,
        position: i.position,
        name: i.name,
        projectName: i.projectName,
        unitName: i.unitName,
        leaderName: i.leaderName,
        occupation: i.occupation,
        amount: i.amount,
        withdrawn: i.withdrawn,
        withdrawnReason: i.withdrawnReason,
        applicationId: i.applicationId,
        applicationStatus: app?.status ?? null,
        applicationStatusName: app ? statusName(app.status) : null,
        openObjections: open.filter((o) => o.noticeItemId === i.id).map((o) => ({ trackingNumber: o.trackingNumber, status: o.status })),
        studioId: studio?.id ?? null,
        studioName: studio?.name ?? null,
        plaqueNumber: studio?.plaque ?? null,
        projectId: projectRows.find((p) => p.app === i.applicationId)?.id ?? null,
      };
    }),
    disbursements: lines,
  };
}

const DECIDED_HEADERS = ['序号', '名称', '建设项目', '单位', '领办人', '职业（工种）', '铭牌编号', '计划拨付（元）', '认定文号', '认定日期'];

/** GET /api/funding/calls/:callId/decided.xlsx: the decided list (认定名单) of a concluded notice. */
export async function exportDecided(db: Db, caller: FundingCaller, callId: string, now: Date) {
  const detail = await getCallFunding(db, caller, callId, now);
  if (detail.noticeStatus !== 'concluded') throw conflict('NOT_DECIDED', '该批次尚未确认认定，没有认定名单可导出');
  const wb = await newWorkbook();
  wb.creator = '匠心 Jiangxin';
  const ws = wb.addWorksheet('认定名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = DECIDED_HEADERS.map((header, i) => ({ header, key: String(i), width: [6, 40, 36, 30, 10, 16, 20, 14, 26, 12][i] }));
  detail.decisionItems
    .filter((i) => !i.withdrawn)
    .forEach((i, k) => {
      const amount = detail.disbursements.filter((d) => d.applicationId && d.applicationId === i.applicationId).reduce((n, d) => n + d.amount, 0);
      ws.addRow([
        k + 1,
        neutralise(i.studioName ?? i.name),
        neutralise(i.projectName ?? ''),
        neutralise(i.unitName),
        neutralise(i.leaderName),
        neutralise(i.occupation ?? ''),
        neutralise(i.plaqueNumber ?? ''),
        amount,
        neutralise(detail.decisionDocument ?? ''),
        detail.concludedAt?.slice(0, 10) ?? '',
      ]);
    });
  ws.getRow(1).font = { bold: true };
  return { xlsx: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${detail.callTitle}-认定名单.xlsx` };
}

export { AppError };
