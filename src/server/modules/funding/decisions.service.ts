import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { getEdition } from '../../../policy/editions';
import type { Citation, Edition, ProgramDef } from '../../../policy/types';
import { formatShanghai, shanghaiDate } from '../../../shared/time';
import type { Db, DbOrTx } from '../../db/client';
import { applicationEvents, applicationForms, applicationPeople, applications, calls, counters, noticeItems, notices, studios, studioTitles } from '../../db/schema';
import { objections } from '../../db/schema/objections';
import { projects } from '../../db/schema/funding';
import { AppError, conflict, notFound } from '../../errors';
import { reviewStatusName, reviewTransition } from '../../workflow/review';
import { recordAudit } from '../audit/audit.service';
import { notifyUnit } from '../notifications/notifications.service';
import { noticeEndsAt } from '../registry/registry.service';
import { createMilestones } from '../projects/plan';
import { jurisdictionsWith, type FundingCaller } from './funding.caller';
import { scheduleOnDecision } from './funding.service';

/**
 * The decision (认定 / 确定) after a public notice: once the period is over and no objection is open, the program
 * officer confirms every item still on the list (京兴人社发〔2025〕21号 第十一条: 公示无异议的，由区人力资源社会保障局授予
 * “大兴区技能大师工作室”称号和铭牌; 京技管发〔2024〕1号 办事指南 六（七）; 顺义 第六条、第七条). A recognised studio enters
 * the registry with its title and plaque; a construction project enters execution with its approved 计划书 as the
 * baseline (第十二条); the edition's funding rules put the amounts on the payment schedule.
 */

export const cite = (c: Citation) => `${c.document} ${c.article}`;

function programOf(editionId: string, programId: string): { edition: Edition; program: ProgramDef } {
  const edition = getEdition(editionId);
  const program = edition?.programs.find((p) => p.id === programId);
  if (!edition || !program) throw new AppError('POLICY_NOT_FOUND', 409, '该公示所依据的政策版本不存在');
  return { edition, program };
}

/** Where the edition says the decision is taken (its `decision` stage, else its notice stage). */
export function decisionCitation(editionId: string, programId: string): string {
  const { program } = programOf(editionId, programId);
  const stage = program.stages.find((s) => s.id === 'decision') ?? program.stages.find((s) => s.id === 'notice');
  return stage ? cite(stage.citation) : program.citation.document;
}

/**
 * The studio's name in the edition's format (京兴人社发〔2025〕21号 第九条（一）2: 大兴区+技能大师姓名+职业名称+技能大师
 * 工作室). An edition whose text names no format (经开区 办事指南, 顺义 征求意见稿) takes the closest practice — 大兴's:
 * the jurisdiction's name + the master's name + the occupation + 技能大师工作室.
 */
export function studioName(program: ProgramDef, jurisdictionName: string, leaderName: string, occupation: string): { name: string; format: string } {
  const template = program.studioNameFormat?.template ?? `${jurisdictionName}{leaderName}{occupation}技能大师工作室`;
  const name = template.replace('{leaderName}', leaderName).replace('{occupation}', occupation);
  return { name, format: program.studioNameFormat ? `${template}（${cite(program.studioNameFormat.citation)}）` : `${template}（政策未规定名称格式，参照大兴区做法）` };
}

/** The jurisdiction's short name as its texts use it: 大兴区, 经开区 (from “北京经济技术开发区（经开区）”), 顺义区. */
export function shortPlaceName(edition: Edition): string {
  const name = edition.jurisdictionName.zh;
  return /（(.+?)）/.exec(name)?.[1] ?? name;
}

/** Open objections per notice item: status not upheld / dismissed (an upheld one withdrew its item already). */
export async function openObjectionsOf(db: DbOrTx, noticeId: string) {
  return db
    .select({ id: objections.id, trackingNumber: objections.trackingNumber, status: objections.status, noticeItemId: objections.noticeItemId })
    .from(objections)
    .where(and(eq(objections.noticeId, noticeId), notInArray(objections.status, ['upheld', 'dismissed'])))
    .orderBy(asc(objections.filedAt));
}

async function loadNotice(db: DbOrTx, caller: FundingCaller, id: string) {
  const [notice] = await db.select().from(notices).where(eq(notices.id, id)).limit(1);
  // Only a program officer of the notice's jurisdiction decides; anyone else is told it does not exist.
  if (!notice || !jurisdictionsWith(caller, ['program']).includes(notice.jurisdictionId)) throw notFound('公示', 'NOTICE_NOT_FOUND');
  return notice;
}

/** The 'YYYY-MM-DD HH:mm' Beijing time the notice ends (registry.service `noticeEndsAt`: 17:00 of its last day). */
export const noticeEndsLabel = (endsOn: string) => formatShanghai(new Date(noticeEndsAt(endsOn)));

/** First string value found under `key` in any of the forms (the occupation, the project period…). */
function fromForms(forms: { data: Record<string, unknown> }[], ...keys: string[]): string | null {
  for (const key of keys) for (const f of forms) {
    const v = f.data?.[key];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return null;
}
function numberFromForms(forms: { data: Record<string, unknown> }[], key: string): number | null {
  for (const f of forms) {
    const v = f.data?.[key];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
  }
  return null;
}

/** The project period from the 计划书's schedule (first start month to last end month), when it has one. */
function periodOf(forms: { data: Record<string, unknown> }[]): { start: string | null; end: string | null } {
  for (const f of forms) {
    const schedule = f.data?.schedule;
    if (!Array.isArray(schedule) || !schedule.length) continue;
    const starts = schedule.map((s) => (s as { startMonth?: string }).startMonth).filter((m): m is string => /^\d{4}-\d{2}$/.test(m ?? '')).sort();
    const ends = schedule.map((s) => (s as { endMonth?: string }).endMonth).filter((m): m is string => /^\d{4}-\d{2}$/.test(m ?? '')).sort();
    const last = ends[ends.length - 1];
    const endDay = last ? new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)), 0)).toISOString().slice(0, 10) : null;
    return { start: starts[0] ? `${starts[0]}-01` : null, end: endDay };
  }
  return { start: null, end: null };
}

/** A construction project in execution, its approved forms (the 计划书) as the baseline (第十二条). */
async function insertProject(
  tx: DbOrTx,
  p: { app: { id: string; jurisdictionId: string }; editionId: string; unitId: string; studioId: string | null; name: string; forms: { formId: string; data: Record<string, unknown> }[]; amount: number | null; noticeId: string; decidedOn: string; closeBy: string | null; actor: FundingCaller['actor']; now: Date },
): Promise<string> {
  const id = randomUUID();
  const period = periodOf(p.forms);
  const baseline = Object.fromEntries(p.forms.map((f) => [f.formId, f.data]));
  await tx.insert(projects).values({
    id,
    applicationId: p.app.id,
    jurisdictionId: p.app.jurisdictionId,
    editionId: p.editionId,
    unitId: p.unitId,
    studioId: p.studioId,
    name: p.name,
    baseline,
    periodStart: period.start,
    periodEnd: period.end,
    approvedAmount: p.amount ?? numberFromForms(p.forms, 'requestedAmount'),
    // The call's 结项 date (大兴 2026 通知 二（二）4: 10月底前完成结项), else the end of the plan's schedule.
    closeBy: p.closeBy ?? period.end,
    status: 'in-execution',
    decidedOn: p.decidedOn,
    sourceNoticeId: p.noticeId,
    createdAt: p.now,
    updatedAt: p.now,
  });
  // 第十二条: 严格按照建设项目计划书执行 — the milestones of its 进度安排, in the same transaction.
  await createMilestones(tx, p.actor, { id, jurisdictionId: p.app.jurisdictionId, baseline }, p.now);
  return id;
}

async function nextPlaque(tx: DbOrTx, prefix: string, year: number): Promise<string> {
  const name = `plaque:${prefix}:${year}`;
  await tx.insert(counters).values({ name, value: 0 }).onConflictDoNothing();
  for (;;) {
    const [row] = await tx.update(counters).set({ value: sql`${counters.value} + 1` }).where(eq(counters.name, name)).returning({ value: counters.value });
    const plaque = `${prefix}-JNDS-${year}-${String(row.value).padStart(3, '0')}`;
    const [taken] = await tx.select({ id: studios.id }).from(studios).where(eq(studios.plaqueNumber, plaque)).limit(1);
    if (!taken) return plaque;
  }
}

export interface DecisionResult {
  noticeId: string;
  document: string;
  decidedOn: string;
  approved: { applicationId: string | null; name: string; studioId: string | null; projectId: string | null }[];
}

/**
 * POST /api/notices/:id/decision. Refused before the notice's end and while any item has an open objection
 * (409 naming them); otherwise confirms every item not withdrawn, all in one transaction.
 */
export async function decide(db: Db, caller: FundingCaller, noticeId: string, input: { document: string }, now: Date): Promise<DecisionResult> {
  const notice = await loadNotice(db, caller, noticeId);
  const rule = decisionCitation(notice.editionId, notice.program);
  if (notice.status === 'concluded') {
    throw conflict('NOTICE_ALREADY_DECIDED', `该公示已于 ${notice.concludedAt ? formatShanghai(notice.concludedAt) : ''} 确认认定（${notice.decisionDocument ?? ''}），不能重复认定`);
  }
  if (notice.status !== 'published') throw conflict('NOTICE_NOT_PUBLISHED', '该公示尚未发布或已撤销，不能确认认定');
  const endsAt = new Date(noticeEndsAt(notice.endsOn));
  if (now.getTime() < endsAt.getTime()) {
    throw conflict('NOTICE_PERIOD_RUNNING', `公示期至 ${noticeEndsLabel(notice.endsOn)}（北京时间）届满，期满且无异议后方可确认认定（${rule}）`);
  }
  const { edition, program } = programOf(notice.editionId, notice.program);
  const items = await db.select().from(noticeItems).where(eq(noticeItems.noticeId, noticeId)).orderBy(asc(noticeItems.position));
  await refuseOpenObjections(db, noticeId, items, rule);

  const live = items.filter((i) => !i.withdrawn);
  const appIds = live.map((i) => i.applicationId).filter((x): x is string => !!x);
  const apps = appIds.length ? await db.select().from(applications).where(inArray(applications.id, appIds)) : [];
  const appById = new Map(apps.map((a) => [a.id, a]));
  // Every listed application must still be in notice: checked before anything is written (STYLE.md: nothing half-written).
  for (const item of live) {
    const app = item.applicationId ? appById.get(item.applicationId) : undefined;
    if (item.applicationId && !app) throw conflict('NOTICE_ITEM_APPLICATION_MISSING', `公示对象“${item.name}”的申报不存在`);
    if (app) reviewTransition({ status: app.status, editionId: notice.editionId, program: app.program }, 'confirm', 'program');
  }
  const placeName = shortPlaceName(programOf(notice.editionId, notice.program).edition);
  const decidedOn = shanghaiDate(now);
  const year = Number(decidedOn.slice(0, 4));
  const approved: DecisionResult['approved'] = [];
  const [call] = await db.select({ projectsCloseBy: calls.projectsCloseBy }).from(calls).where(eq(calls.id, notice.callId)).limit(1);
  const closeBy = call?.projectsCloseBy ?? null;

  await db.transaction(async (tx) => {
    const concluded = await tx
      .update(notices)
      .set({ status: 'concluded', concludedAt: now, concludedBy: caller.actor.userId, decisionDocument: input.document, updatedAt: now })
      .where(and(eq(notices.id, noticeId), eq(notices.status, 'published')))
      .returning({ id: notices.id });
    if (!concluded.length) throw conflict('NOTICE_ALREADY_DECIDED', '该公示刚被其他人确认认定，请刷新后查看');
    // An objection filed in the last moment of the period: checked again inside the transaction.
    await refuseOpenObjections(tx, noticeId, items, rule);

    for (const item of live) {
      const app = item.applicationId ? appById.get(item.applicationId) : undefined;
      let studioId: string | null = null;
      let projectId: string | null = null;
      const forms = app ? await tx.select({ formId: applicationForms.formId, data: applicationForms.data }).from(applicationForms).where(eq(applicationForms.applicationId, app.id)) : [];
      if (app) {
        const t = reviewTransition({ status: app.status, editionId: notice.editionId, program: app.program }, 'confirm', 'program');
        const updated = await tx
          .update(applications)
          .set({ status: t.to, updatedAt: now, version: sql`${applications.version} + 1` })
          .where(and(eq(applications.id, app.id), eq(applications.status, app.status), eq(applications.version, app.version)))
          .returning({ id: applications.id });
        if (!updated.length) throw conflict('CONCURRENT_UPDATE', `申报 ${app.number} 刚被其他人处理，请刷新后重试`);
        await tx.insert(applicationEvents).values({
          id: randomUUID(),
          applicationId: app.id,
          at: now,
          actorUserId: caller.actor.userId,
          actorName: caller.actor.username,
          action: 'approved',
          fromStatus: app.status,
          toStatus: t.to,
          round: app.round,
          note: `公示期满无异议，${input.document} 认定（${rule}）`,
          details: { noticeId, document: input.document },
        });
      }
      const unitId = item.unitId ?? app?.unitId ?? null;

      if (notice.program === 'studio-recognition') {
        const occupation = item.occupation ?? fromForms(forms, 'occupation') ?? '技能';
        const { name } = studioName(program, placeName, item.leaderName, occupation);
        const prefix = app?.number.split('-')[0] ?? notice.jurisdictionId.toUpperCase();
        const plaqueNumber = await nextPlaque(tx, prefix, year);
        const team = app ? await tx.select({ role: applicationPeople.role }).from(applicationPeople).where(eq(applicationPeople.applicationId, app.id)) : [];
        studioId = randomUUID();
        await tx.insert(studios).values({
          id: studioId,
          jurisdictionId: notice.jurisdictionId,
          editionId: notice.editionId,
          name,
          unitId,
          unitName: item.unitName,
          leaderName: item.leaderName,
          occupation,
          level: 'district',
          recognizedOn: decidedOn,
          recognizedYear: year,
          status: 'active',
          teamSize: team.filter((p) => p.role === 'member').length || numberFromForms(forms, 'teamFormalEmployees') || 0,
          plaqueNumber,
          summary: null,
          sourceNoticeId: noticeId,
          sourceApplicationId: app?.id ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await tx.insert(studioTitles).values({ id: randomUUID(), studioId, level: 'district', awardedOn: decidedOn, document: input.document, award: null, createdAt: now });
        // 京兴人社发〔2025〕21号 第十条: a new studio files its construction project with it, and both are selected
        // together — the project enters execution under the edition's project program, with that program's funding.
        const projectProgram = edition.programs.find((p) => p.id === 'construction-project');
        if (item.projectName && app && unitId && projectProgram && projectProgram.id !== program.id) {
          projectId = await insertProject(tx, { app, editionId: notice.editionId, unitId, studioId, name: item.projectName, forms, amount: item.amount, noticeId, decidedOn, closeBy, actor: caller.actor, now });
          await scheduleOnDecision(
            tx,
            caller,
            { program: projectProgram, editionId: notice.editionId, jurisdictionId: notice.jurisdictionId, unitId, unitName: item.unitName, applicationId: app.id, studioId, projectId, noticeId, requested: item.amount ?? numberFromForms(forms, 'requestedAmount'), decidedOn, name: item.projectName },
            now,
          );
        }
      } else {
        // The project belongs to the unit's recognised studio led by the same master (or its only one).
        const candidates = unitId
          ? await tx.select({ id: studios.id, leaderName: studios.leaderName }).from(studios).where(and(eq(studios.unitId, unitId), eq(studios.jurisdictionId, notice.jurisdictionId), eq(studios.status, 'active')))
          : [];
        const studio = candidates.find((c) => c.leaderName === item.leaderName) ?? (candidates.length === 1 ? candidates[0] : undefined);
        if (app && unitId) {
          projectId = await insertProject(tx, { app, editionId: notice.editionId, unitId, studioId: studio?.id ?? null, name: item.projectName ?? item.name, forms, amount: item.amount, noticeId, decidedOn, closeBy, actor: caller.actor, now });
        }
      }

      if (unitId) {
        await scheduleOnDecision(tx, caller, {
          program,
          editionId: notice.editionId,
          jurisdictionId: notice.jurisdictionId,
          unitId,
          unitName: item.unitName,
          applicationId: app?.id ?? null,
          studioId,
          projectId,
          noticeId,
          requested: item.amount ?? numberFromForms(forms, 'requestedAmount'),
          decidedOn,
          name: item.name,
        }, now);
        await notifyUnit(
          tx,
          unitId,
          {
            template: 'decision.approved',
            title: `认定结果：${item.name}`,
            body: `经公示无异议，${input.document} ${notice.program === 'studio-recognition' ? `认定“${item.name}”，授予称号和铭牌（铭牌编号见工作室页面）${projectId ? `；同时确定建设项目“${item.projectName}”，请按计划书组织实施` : ''}` : `确定建设项目“${item.projectName ?? item.name}”，请按计划书组织实施`}（${rule}）。`,
            payload: { noticeId, applicationId: app?.id ?? null, studioId, projectId },
          },
          now,
        );
      }
      if (app) {
        await recordAudit(
          tx,
          caller.actor,
          { action: 'decision.application_approved', entityType: 'application', entityId: app.id, jurisdictionId: notice.jurisdictionId, before: { status: app.status }, after: { status: 'approved', studioId, projectId, document: input.document } },
          now,
        );
      }
      approved.push({ applicationId: app?.id ?? null, name: item.name, studioId, projectId });
    }
    await recordAudit(
      tx,
      caller.actor,
      {
        action: 'decision.confirmed',
        entityType: 'notice',
        entityId: noticeId,
        jurisdictionId: notice.jurisdictionId,
        before: { status: notice.status },
        after: { status: 'concluded', document: input.document, decidedOn, approved: approved.length, withdrawn: items.length - live.length },
      },
      now,
    );
  });
  return { noticeId, document: input.document, decidedOn, approved };
}

async function refuseOpenObjections(db: DbOrTx, noticeId: string, items: { id: string; name: string; withdrawn: boolean }[], rule: string) {
  const open = await openObjectionsOf(db, noticeId);
  if (!open.length) return;
  const nameOf = new Map(items.map((i) => [i.id, i.name]));
  const named = open.map((o) => `${o.noticeItemId ? (nameOf.get(o.noticeItemId) ?? '公示对象') : '公示整体'}（异议 ${o.trackingNumber}）`);
  throw new AppError(
    'OPEN_OBJECTIONS',
    409,
    `以下公示对象尚有未处理完毕的异议，不能确认认定：${[...new Set(named)].join('、')}。请先处理异议（${rule}：公示无异议的方可认定）`,
  );
}

export { reviewStatusName };

// ---------------------------------------------------------------------------------------------------------
// Certificate
// ---------------------------------------------------------------------------------------------------------

/**
 * GET /api/studios/:id/certificate.pdf: for the studio's own unit and the officers and inspectors of its
 * jurisdiction; anyone else gets 404. Each download is audited.
 */
export async function studioCertificate(db: Db, caller: FundingCaller, studioId: string, origin: string, now: Date) {
  const [studio] = await db.select().from(studios).where(eq(studios.id, studioId)).limit(1);
  const officer = studio && jurisdictionsWith(caller, ['program', 'intake', 'inspector']).includes(studio.jurisdictionId);
  const ownUnit = studio && caller.unitId !== null && caller.unitId === studio.unitId;
  if (!studio || !(officer || ownUnit)) throw notFound('工作室', 'STUDIO_NOT_FOUND');
  if (studio.status !== 'active') throw conflict('STUDIO_NOT_ACTIVE', '该工作室已暂停或已取消称号，不能打印证书');
  const edition = getEdition(studio.editionId);
  const program = edition?.programs.find((p) => p.id === 'studio-recognition');
  const [district] = await db.select().from(studioTitles).where(and(eq(studioTitles.studioId, studioId), eq(studioTitles.level, 'district'))).limit(1);
  const [notice] = studio.sourceNoticeId ? await db.select({ document: notices.decisionDocument }).from(notices).where(eq(notices.id, studio.sourceNoticeId)) : [];
  const stage = program?.stages.find((s) => s.id === 'decision') ?? program?.stages.find((s) => s.id === 'notice');
  const { buildCertificate } = await import('../../documents/certificate');
  const pdf = await buildCertificate({
    studioName: studio.name,
    unitName: studio.unitName,
    leaderName: studio.leaderName,
    occupation: studio.occupation,
    titleText: edition ? `${shortPlaceName(edition)}技能大师工作室` : '技能大师工作室',
    issuer: edition?.authorities.program.zh ?? '',
    document: notice?.document ?? district?.document ?? edition?.documentNumber ?? '',
    basis: stage ? cite(stage.citation) : (edition?.documentNumber ?? ''),
    date: district?.awardedOn ?? studio.recognizedOn,
    plaqueNumber: studio.plaqueNumber,
    verificationUrl: `${origin}/studios/${studio.id}`,
  });
  await recordAudit(db, caller.actor, { action: 'certificate.downloaded', entityType: 'studio', entityId: studio.id, jurisdictionId: studio.jurisdictionId, after: { name: studio.name } }, now);
  return { pdf, filename: `${studio.name}-证书.pdf` };
}
