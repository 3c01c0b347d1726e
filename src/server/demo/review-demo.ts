import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, count, eq, gt, lte, ne } from 'drizzle-orm';
import { addWorkingDays, isWorkingDay } from '../../policy/calendar';
import { getEdition } from '../../policy/editions';
import { param } from '../../policy/rules/conditions';
import type { Role } from '../../shared/accounts';
import { CONFLICT_KINDS } from '../../shared/review-panels';
import { fromShanghaiLocal, shanghaiDate } from '../../shared/time';
import type { Db, Tx } from '../db/client';
import {
  accessLog,
  applicationEvents,
  applicationForms,
  applicationMaterials,
  applications,
  calls,
  experts,
  outbox,
  panelDraws,
  panelMembers,
  paperDossierRequests,
  reviewAssignments,
  reviewDeadlines,
  reviewScores,
  reviewVerdicts,
  units,
  users,
} from '../db/schema';
import { AppError } from '../errors';
import * as applicationsService from '../modules/applications/applications.service';
import type { Caller } from '../modules/applications/applications.service';
import { SYSTEM_ACTOR, recordAudit, type Actor } from '../modules/audit/audit.service';
import { createCall } from '../modules/calls/calls.service';
import { notifyUnit } from '../modules/notifications/notifications.service';
import { loadCalendarOverrides } from '../modules/policies/calendar.service';
import { requirementsOf } from '../modules/applications/applications.rules';
import { weightedTotal } from '../modules/review/aggregate';
import { DRAW_ALGORITHM, drawPanel } from '../modules/review/draw';
import { avoidanceReason } from '../modules/review/panels.service';
import type { Storage } from '../storage/storage';
import { reviewTransition, type ReviewAction } from '../workflow/review';
import {
  addMonths,
  creditCode,
  daxingProjectForms,
  etdzStudioForms,
  lastDayOf,
  shunyiStudioForm,
  type DaxingProject,
  type EtdzStudio,
  type ShunyiStudio,
} from './demo-forms';
import { file, type DemoFile } from './intake-demo';

/**
 * Review demo (issue 5), dated relative to `now` (DESIGN.md: every stage of every jurisdiction has something to show
 * today). Applications are filed through the real intake services (forms validated, numbers, receipts, audit), each
 * step with a clock inside its call's window; the review's own records are written straight into the review tables
 * the way the review services write them: status changes checked against the edition's transition table
 * (`reviewTransition`), an application_events row per status change and an audit event per write.
 *
 * - 大兴 (京兴人社发〔2025〕21号 第十一条): a project round closed a few weeks ago, in EXPERT REVIEW — completeness
 *   accepted, a recorded panel draw (with a same-unit and a former-employer exclusion), 3 experts per application,
 *   declarations (one pending for expert1, one conflict re-assigned), scores partly submitted (one an outlier) and
 *   partly drafts, the scoring deadline a few working days ahead;
 * - 顺义 (征求意见稿 第五条、第六条): the studio round that closed at the end of August, REVIEW COMPLETE — every
 *   application scored by 3 experts, a tie on the quota line (≤ 5 a year), one application rejected at 审核;
 *   the proposal is left to the officer;
 * - 经开区 (京技管发〔2024〕1号, 2026 办事指南 五): in the open round, one application at 实质审核 and one at 线下受理
 *   with its paper dossier notice (3 working days).
 */
export async function loadReviewDemo(db: Db, now: Date, storage: Storage): Promise<void> {
  // Loaded once: a database that already has an expert pool keeps it (loadDemoData itself loads into an empty one).
  const [{ n }] = await db.select({ n: count() }).from(experts);
  if (Number(n) > 0) return;
  const ctx = await context(db, now, storage);
  if (!ctx) return;
  try {
    await createReviewUnits(db, ctx);
    await createExpertPools(db, ctx);
    await shunyiCompleteRound(db, ctx);
    await daxingExpertReviewRound(db, ctx);
    await etdzDeskStages(db, ctx);
  } catch (err) {
    const detail = err instanceof AppError && err.fields ? ` ${JSON.stringify(err.fields)}` : '';
    throw new Error(`review demo failed: ${(err as Error).message}${detail}`, { cause: err });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Time: Beijing calendar days relative to the load day, working days per the statutory calendar
// ---------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
type Overrides = Awaited<ReturnType<typeof loadCalendarOverrides>>;

function clock(now: Date, overrides: Overrides) {
  const today = shanghaiDate(now);
  const shift = (day: string, n: number) => shanghaiDate(new Date(fromShanghaiLocal(`${day}T12:00`).getTime() + n * DAY_MS));
  const working = (day: string) => isWorkingDay(day, overrides).working;
  return {
    today,
    shift,
    working,
    /** The n-th working day before `day` (n ≥ 1). */
    before(day: string, n: number) {
      let d = day;
      for (let k = 0; k < n; ) {
        d = shift(d, -1);
        if (working(d)) k++;
      }
      return d;
    },
    /** The n-th working day after `day`. */
    after: (day: string, n: number) => addWorkingDays(day, n, overrides).date,
    /** `day` itself when a working day, else the next one. */
    onOrAfter(day: string) {
      let d = day;
      while (!working(d)) d = shift(d, 1);
      return d;
    },
    at: (day: string, hhmm: string) => fromShanghaiLocal(`${day}T${hhmm}`),
  };
}
type Clock = ReturnType<typeof clock>;

const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

// ---------------------------------------------------------------------------------------------------------
// Context: the demo accounts
// ---------------------------------------------------------------------------------------------------------

interface Ctx {
  db: Db;
  now: Date;
  storage: Storage;
  c: Clock;
  /** Officers per jurisdiction, acting as intake or program. */
  officers: Map<string, { intake: Actor; program: Actor; caller: Caller; name: string }>;
  /** Expert accounts by username. */
  expertUsers: Map<string, { id: string; username: string; displayName: string }>;
  /** Units by demo key. */
  units: Map<string, ReviewUnit>;
  /** Expert pool rows by key (`<jurisdiction>:<key>`). */
  experts: Map<string, PoolExpert & { id: string; jurisdictionId: string }>;
}

async function context(db: Db, now: Date, storage: Storage): Promise<Ctx | null> {
  const accounts = await db.select({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId }).from(users);
  const byName = new Map(accounts.map((a) => [a.username, a]));
  const overrides = await loadCalendarOverrides(db);
  const ctx: Ctx = { db, now, storage, c: clock(now, overrides), officers: new Map(), expertUsers: new Map(), units: new Map(), experts: new Map() };
  for (const j of ['daxing', 'etdz', 'shunyi']) {
    const user = byName.get(`${j}-officer`);
    if (!user) return null;
    const intake: Actor = { userId: user.id, username: user.username, role: 'intake', jurisdictionId: j };
    ctx.officers.set(j, { intake, program: { ...intake, role: 'program' }, caller: { actor: { ...intake, role: 'program' }, role: 'program', unitId: null, officerJurisdictions: [j] }, name: user.displayName });
  }
  for (const a of accounts) if (/^expert\d$/.test(a.username)) ctx.expertUsers.set(a.username, a);
  const unitA = byName.get('unit-a');
  if (unitA?.unitId) {
    const [u] = await db.select().from(units).where(eq(units.id, unitA.unitId));
    ctx.units.set('unit-a', {
      key: 'unit-a',
      id: u.id,
      name: u.name,
      creditCode: u.creditCode,
      jurisdictionId: u.jurisdictionId,
      address: u.address ?? '',
      contactName: '张伟',
      contactPhone: '13911062618',
      legalRepresentative: '王建华',
      caller: { actor: { userId: unitA.id, username: 'unit-a', role: 'applicant', jurisdictionId: u.jurisdictionId }, role: 'applicant', unitId: u.id, officerJurisdictions: [] },
    });
  }
  return ctx;
}

// ---------------------------------------------------------------------------------------------------------
// Units without login accounts that apply in the review demo's rounds (valid GB 32100 check characters)
// ---------------------------------------------------------------------------------------------------------

interface ReviewUnit {
  key: string;
  id: string;
  name: string;
  creditCode: string;
  jurisdictionId: string;
  address: string;
  contactName: string;
  contactPhone: string;
  legalRepresentative: string;
  caller: Caller;
}

export const REVIEW_DEMO_UNITS = [
  { key: 'unit-n', name: '北京京南航空零部件制造有限公司', creditCode: creditCode('91110115MA0EJNHK3'), jurisdictionId: 'daxing', address: '北京市大兴区魏善庄镇航空产业园航兴路 6 号', contactName: '邱晓峰', contactPhone: '010-61278830', legalRepresentative: '邱国梁' },
  { key: 'unit-o', name: '北京大兴重型钢结构有限公司', creditCode: creditCode('91110115MA0FDXGG6'), jurisdictionId: 'daxing', address: '北京市大兴区安定镇工业东区安兴路 18 号', contactName: '贾红梅', contactPhone: '010-80231145', legalRepresentative: '贾振国' },
  { key: 'unit-p', name: '北京兴电智能电气设备有限公司', creditCode: creditCode('91110115MA0GXDQC2'), jurisdictionId: 'daxing', address: '北京市大兴区旧宫镇久敬庄路 22 号', contactName: '汪琳', contactPhone: '010-87961203', legalRepresentative: '汪德明' },
  { key: 'unit-q', name: '北京兴通汽车维修服务有限公司', creditCode: creditCode('91110115MA0HXTQX8'), jurisdictionId: 'daxing', address: '北京市大兴区黄村镇兴华大街 156 号', contactName: '田志远', contactPhone: '010-69257714', legalRepresentative: '田广福' },
  { key: 'unit-r', name: '北京亦庄精密光学仪器有限公司', creditCode: creditCode('91110302MA0JYGJM5'), jurisdictionId: 'etdz', address: '北京经济技术开发区科创六街 88 号', contactName: '宋雨桐', contactPhone: '010-67829960', legalRepresentative: '宋立群' },
  { key: 'unit-s', name: '北京经开新能源电池科技有限公司', creditCode: creditCode('91110302MA0KJKXN4'), jurisdictionId: 'etdz', address: '北京经济技术开发区兴海路 15 号', contactName: '罗佳', contactPhone: '010-67871552', legalRepresentative: '罗启明' },
  { key: 'unit-t', name: '北京顺鑫精密模具有限公司', creditCode: creditCode('91110113MA0LXXMJ1'), jurisdictionId: 'shunyi', address: '北京市顺义区仁和镇顺通路 25 号', contactName: '黄俊', contactPhone: '010-69423318', legalRepresentative: '黄德兴' },
  { key: 'unit-u', name: '北京空港航材维修工程有限公司', creditCode: creditCode('91110113MA0MKGHW7'), jurisdictionId: 'shunyi', address: '北京市顺义区天竺镇府前二街 12 号', contactName: '卢静', contactPhone: '010-64567720', legalRepresentative: '卢建华' },
  { key: 'unit-v', name: '北京顺义金属结构焊接有限公司', creditCode: creditCode('91110113MA0NJGKJ3'), jurisdictionId: 'shunyi', address: '北京市顺义区李桥镇临空二路 3 号', contactName: '马骏', contactPhone: '010-69478812', legalRepresentative: '马宝林' },
  { key: 'unit-w', name: '北京牛栏山京味食品有限公司', creditCode: creditCode('91110113MA0PNLMD9'), jurisdictionId: 'shunyi', address: '北京市顺义区牛栏山镇北环路 9 号', contactName: '刘芳', contactPhone: '010-69411026', legalRepresentative: '刘长顺' },
  { key: 'unit-x', name: '北京顺捷汽车销售服务有限公司', creditCode: creditCode('91110113MA0QXJQC2'), jurisdictionId: 'shunyi', address: '北京市顺义区后沙峪镇安华街 30 号', contactName: '郑凯', contactPhone: '010-80492236', legalRepresentative: '郑永利' },
  { key: 'unit-y', name: '北京潮白花丝镶嵌工艺品有限公司', creditCode: creditCode('91110113MA0RCBJT6'), jurisdictionId: 'shunyi', address: '北京市顺义区杨镇一街 17 号', contactName: '白雪', contactPhone: '010-61422758', legalRepresentative: '白玉堂' },
  { key: 'unit-z', name: '北京顺安物业服务有限公司', creditCode: creditCode('91110113MA0TWYKL8'), jurisdictionId: 'shunyi', address: '北京市顺义区胜利街道建新南区 6 号', contactName: '孔德华', contactPhone: '010-69446613', legalRepresentative: '孔繁荣' },
];

async function createReviewUnits(db: Db, ctx: Ctx) {
  const createdAt = ctx.c.at(ctx.c.shift(ctx.c.today, -200), '10:00');
  const rows = REVIEW_DEMO_UNITS.map((u) => ({ ...u, id: randomUUID() }));
  await db.transaction(async (tx) => {
    await tx.insert(units).values(rows.map((u) => ({ id: u.id, name: u.name, creditCode: u.creditCode, jurisdictionId: u.jurisdictionId, address: u.address, contactName: u.contactName, contactPhone: u.contactPhone, createdAt })));
    for (const u of rows) {
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'unit.created', entityType: 'unit', entityId: u.id, jurisdictionId: u.jurisdictionId, after: { name: u.name, creditCode: u.creditCode, demo: true } }, createdAt);
    }
  });
  for (const u of rows) {
    // No login account: the unit's steps are recorded under its own key (the demo acts for it), as in the intake demo.
    const actor: Actor = { userId: null, username: u.key, role: 'applicant', jurisdictionId: u.jurisdictionId };
    ctx.units.set(u.key, { ...u, caller: { actor, role: 'applicant', unitId: u.id, officerJurisdictions: [] } });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Expert pools (评审专家库) per jurisdiction: the demo expert accounts plus members without accounts
// ---------------------------------------------------------------------------------------------------------

interface PoolExpert {
  key: string;
  account?: string;
  name: string;
  employer: string;
  employerCreditCode: string;
  title: string;
  phone: string;
  fields: string[];
  /** Former employer: a unit key (resolved to the unit's name and code) or a name, and the years since leaving. */
  former?: { unit?: string; name?: string; yearsAgo: number };
}

const EXPERT_PEOPLE: Record<string, Omit<PoolExpert, 'key'>> = {
  expert1: { account: 'expert1', name: '陈建国', employer: '北京市工业技师学院', employerCreditCode: creditCode('12110000400800153'), title: '正高级讲师、数控车工高级技师', phone: '13901108265', fields: ['数控加工', '机械制造'] },
  expert2: { account: 'expert2', name: '刘淑华', employer: '北京石化工程焊接技术有限公司', employerCreditCode: creditCode('91110106MA01HJJ46'), title: '焊工高级技师、高级工程师', phone: '13801207741', fields: ['焊接工艺', '金属结构'] },
  expert3: { account: 'expert3', name: '赵立新', employer: '北京电力技能培训中心', employerCreditCode: creditCode('12110000400811287'), title: '高级工程师、电工高级技师', phone: '13910263358', fields: ['电工电子', '电力'] },
  expert4: { account: 'expert4', name: '孙蕾', employer: '北京市工艺美术行业协会', employerCreditCode: creditCode('51110000500113462'), title: '研究员级高级工艺美术师', phone: '13701095526', fields: ['非遗技艺', '工艺美术', '传统食品'] },
  expert5: { account: 'expert5', name: '马卫东', employer: '北京交通运输职业学院', employerCreditCode: creditCode('12110000400821470'), title: '教授、汽车维修工高级技师', phone: '13601182249', fields: ['汽车维修', '新能源汽车'] },
};

const POOLS: Record<string, PoolExpert[]> = {
  daxing: [
    { key: 'expert1', ...EXPERT_PEOPLE.expert1 },
    { key: 'expert2', ...EXPERT_PEOPLE.expert2 },
    { key: 'expert3', ...EXPERT_PEOPLE.expert3 },
    { key: 'expert5', ...EXPERT_PEOPLE.expert5 },
    { key: 'huang', name: '黄志明', employer: '北京航空制造工程技术研究所', employerCreditCode: creditCode('12100000400001287'), title: '研究员、数控铣工高级技师', phone: '13511072294', fields: ['数控加工', '航空制造'] },
    { key: 'he', name: '何秀英', employer: '北京市大兴区职业技能公共实训基地', employerCreditCode: creditCode('12110115MB0D11826'), title: '焊工高级技师', phone: '13641115032', fields: ['焊接工艺', '职业培训'] },
    // Left 北京京南航空零部件制造有限公司 (an applicant of the 大兴 round) less than 3 years ago: excluded from the draw.
    { key: 'wu', name: '吴海峰', employer: '北京城建精工钢结构有限公司', employerCreditCode: creditCode('91110106MA02CJGG1'), title: '高级工程师', phone: '13811230976', fields: ['数控加工', '金属结构'], former: { unit: 'unit-n', yearsAgo: 1.5 } },
    // Works at 北京兴业精密机械有限公司 (unit-a, an applicant): same-unit avoidance.
    { key: 'guo', name: '郭文斌', employer: '北京兴业精密机械有限公司', employerCreditCode: '91110115MA01ABCD1J', title: '数控铣工高级技师', phone: '13520093318', fields: ['数控加工'] },
    { key: 'lin', name: '林静', employer: '北京电子科技职业学院', employerCreditCode: creditCode('12110000400702319'), title: '教授', phone: '13693150427', fields: ['电工电子', '智能制造'] },
    { key: 'luo', name: '罗建平', employer: '北京市汽车维修行业协会', employerCreditCode: creditCode('51110000500021933'), title: '汽车维修工高级技师', phone: '13910087765', fields: ['汽车维修'] },
    { key: 'xie', name: '谢婷', employer: '北京财贸职业学院', employerCreditCode: creditCode('12110000400713851'), title: '高级会计师', phone: '13701250318', fields: ['经费预算', '财务管理'] },
  ],
  shunyi: [
    { key: 'expert2', ...EXPERT_PEOPLE.expert2 },
    { key: 'expert4', ...EXPERT_PEOPLE.expert4 },
    { key: 'expert5', ...EXPERT_PEOPLE.expert5 },
    { key: 'dong', name: '董建民', employer: '北京市顺义区职业技能公共实训基地', employerCreditCode: creditCode('12110113MB1C20938'), title: '维修电工高级技师', phone: '13810375582', fields: ['电工电子', '机电一体化'] },
    // Works at 北京顺鑫精密模具有限公司 (an applicant of the 顺义 round): same-unit avoidance.
    { key: 'cao', name: '曹丽华', employer: '北京顺鑫精密模具有限公司', employerCreditCode: creditCode('91110113MA0LXXMJ1'), title: '模具工高级技师', phone: '13691268840', fields: ['模具制造', '数控加工'] },
    // Left 北京空港航材维修工程有限公司 five years ago: beyond the 3 years, not excluded.
    { key: 'shao', name: '邵伟', employer: '北京航空维修技术研究院', employerCreditCode: creditCode('12110000400930528'), title: '民航维修高级工程师', phone: '13501336497', fields: ['民航维修'], former: { unit: 'unit-u', yearsAgo: 5 } },
    { key: 'fan', name: '范志刚', employer: '北京农业职业学院', employerCreditCode: creditCode('12110000400617794'), title: '教授、中式面点师高级技师', phone: '13911620154', fields: ['传统食品', '中式烹调'] },
    { key: 'tian', name: '田园', employer: '北京市顺义区总工会职工技术协会', employerCreditCode: creditCode('51110113MJ0015274'), title: '高级工程师', phone: '13621085516', fields: ['电工电子', '职业培训'] },
    { key: 'han', name: '韩梅', employer: '北京现代制造业职业技能培训中心', employerCreditCode: creditCode('52110113MJ0021673'), title: '数控车工高级技师', phone: '13716547798', fields: ['数控加工', '模具制造'] },
  ],
  etdz: [
    { key: 'expert1', ...EXPERT_PEOPLE.expert1 },
    { key: 'expert3', ...EXPERT_PEOPLE.expert3 },
    { key: 'expert4', ...EXPERT_PEOPLE.expert4 },
    { key: 'lu', name: '陆鸣', employer: '北京经济技术开发区智能制造产业协会', employerCreditCode: creditCode('51110302MJ0031258'), title: '正高级工程师', phone: '13810652217', fields: ['工业机器人', '智能制造'] },
    { key: 'jiang', name: '姜涛', employer: '北京亦庄职业技能培训学校', employerCreditCode: creditCode('52110302MJ0042681'), title: '半导体装调高级技师', phone: '13552281649', fields: ['半导体装备', '电工电子'] },
  ],
};

async function createExpertPools(db: Db, ctx: Ctx) {
  for (const [jurisdictionId, pool] of Object.entries(POOLS)) {
    const officer = ctx.officers.get(jurisdictionId)!;
    const createdAt = ctx.c.at(ctx.c.onOrAfter(ctx.c.shift(ctx.c.today, -240)), '10:00');
    await db.transaction(async (tx) => {
      for (const [i, e] of pool.entries()) {
        const id = randomUUID();
        const userId = e.account ? (ctx.expertUsers.get(e.account)?.id ?? null) : null;
        const formerUnit = e.former?.unit ? REVIEW_DEMO_UNITS.find((u) => u.key === e.former!.unit) : undefined;
        const formerEmployers = e.former
          ? [{ name: formerUnit?.name ?? e.former.name ?? '', ...(formerUnit ? { creditCode: formerUnit.creditCode } : {}), until: ctx.c.shift(ctx.c.today, -Math.round(e.former.yearsAgo * 365)) }]
          : [];
        const at = minutes(createdAt, i * 6);
        const row = { id, jurisdictionId, userId, name: e.name, employer: e.employer, employerCreditCode: e.employerCreditCode, title: e.title, phone: e.phone, fields: e.fields, formerEmployers, active: true, createdAt: at, updatedAt: at };
        await tx.insert(experts).values(row);
        await recordAudit(tx, officer.program, { action: 'expert.created', entityType: 'expert', entityId: id, jurisdictionId, after: { name: e.name, employer: e.employer, fields: e.fields, formerEmployers, account: e.account ?? null } }, at);
        ctx.experts.set(`${jurisdictionId}:${e.key}`, { ...e, id, jurisdictionId });
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// The panel draw, as the panel service makes it (reproducible: seed + candidates in recorded order → drawn)
// ---------------------------------------------------------------------------------------------------------

/**
 * Exclusions as the panel service records them: pool members without a sign-in account cannot score in the
 * system; avoidance (同单位 / 原单位 within the edition's years) against every unit that filed in the call. For a
 * member without an account the avoidance is named as well, so the inspector sees why the rule would apply.
 */
async function recordDraw(tx: Tx, ctx: Ctx, call: { id: string; jurisdictionId: string; editionId: string; program: string }, at: Date) {
  const rules = getEdition(call.editionId)!.programs.find((p) => p.id === call.program)!.review;
  const pool = await tx.select().from(experts).where(eq(experts.jurisdictionId, call.jurisdictionId)).orderBy(asc(experts.id));
  const applicants = await tx
    .selectDistinct({ name: units.name, creditCode: units.creditCode })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .where(and(eq(applications.callId, call.id), ne(applications.status, 'draft')));
  const asOf = shanghaiDate(at);
  const excluded: { expertId: string; reason: string }[] = [];
  const candidates: string[] = [];
  for (const e of pool) {
    const reasons: string[] = [];
    for (const u of applicants) {
      const why = avoidanceReason(e, u, asOf, rules.formerEmployerAvoidanceYears);
      if (why) {
        reasons.push(`${why}（${u.name}）`);
        break;
      }
    }
    if (!e.userId) reasons.push('无登录账号');
    if (reasons.length) excluded.push({ expertId: e.id, reason: reasons.join('；') });
    else candidates.push(e.id);
  }
  const seed = randomBytes(16).toString('hex');
  const size = rules.panelSize;
  const drawn = drawPanel({ candidates, seed, size });
  const officer = ctx.officers.get(call.jurisdictionId)!.program;
  const record = { id: randomUUID(), callId: call.id, algorithm: DRAW_ALGORITHM, seed, size, fields: [] as string[], candidates, excluded, drawn, drawnBy: officer.userId, drawnAt: at };
  await tx.insert(panelDraws).values(record);
  await tx.insert(panelMembers).values(drawn.map((expertId) => ({ callId: call.id, expertId, drawId: record.id, status: 'active', addedAt: at })));
  await recordAudit(tx, officer, { action: 'panel.drawn', entityType: 'call', entityId: call.id, jurisdictionId: call.jurisdictionId, after: record }, at);
  return record;
}

// ---------------------------------------------------------------------------------------------------------
// Filing applications through the intake services
// ---------------------------------------------------------------------------------------------------------

interface Filing {
  unit: string;
  studioRecognized: boolean;
  forms: Record<string, Record<string, unknown>>;
  materials: Record<string, DemoFile[]>;
  startAt: Date;
  submitAt: Date;
}

async function fileApplication(ctx: Ctx, callId: string, f: Filing): Promise<{ id: string; number: string }> {
  const unit = ctx.units.get(f.unit)!;
  const app = await applicationsService.createApplication(ctx.db, unit.caller, { callId, studioRecognized: f.studioRecognized }, f.startAt);
  let i = 0;
  for (const [formId, data] of Object.entries(f.forms)) {
    await applicationsService.saveForm(ctx.db, unit.caller, app.id, formId, { data, version: 0 }, minutes(f.startAt, 7 * ++i));
  }
  for (const [itemId, list] of Object.entries(f.materials)) {
    for (const m of list) {
      const bytes = await m.bytes();
      await applicationsService.uploadMaterial(ctx.db, ctx.storage, unit.caller, app.id, itemId, { stream: Readable.from([bytes]), filename: m.name }, minutes(f.startAt, 7 * ++i));
    }
  }
  await applicationsService.submitApplication(ctx.db, unit.caller, app.id, {}, f.submitAt);
  return { id: app.id, number: app.number };
}

// ---------------------------------------------------------------------------------------------------------
// Review steps, written as the review services write them
// ---------------------------------------------------------------------------------------------------------

const ACTION_AUDIT: Partial<Record<ReviewAction, Parameters<typeof recordAudit>[2]['action']>> = {
  accept: 'review.accepted',
  pass: 'review.passed',
  'receive-paper': 'review.paper_received',
  reject: 'review.rejected',
  'close-review': 'review.review_closed',
};
const ACTION_EVENT: Partial<Record<ReviewAction, string>> = { accept: 'accepted', pass: 'passed', 'receive-paper': 'paper_received', reject: 'rejected', 'close-review': 'review-closed' };

/** What the unit is told (only that the review goes on, or the refusal with its reasons: no early leak, issue 6). */
function unitMessage(action: ReviewAction, app: { id: string; number: string; title: string | null }, note?: string) {
  const name = `${app.number}${app.title ? `（${app.title}）` : ''}`;
  if (action === 'accept') return { template: 'review.accepted', title: `申报已通过初审：${app.number}`, body: `您单位的申报 ${name}已通过初审（材料完整性审核），进入后续评审环节。评审结果将按规定公示。`, payload: { applicationId: app.id } };
  if (action === 'reject') return { template: 'review.rejected', title: `申报未通过审核：${app.number}`, body: `您单位的申报 ${name}经审核不予通过。理由：${note ?? ''}`, payload: { applicationId: app.id } };
  return null;
}

/** One guarded status change: checked against the edition's table, optimistic on status and version, event + audit. */
async function transitionApp(tx: Tx, appId: string, action: ReviewAction, actor: Actor, at: Date, note?: string, details?: Record<string, unknown>) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, appId));
  const [call] = await tx.select({ editionId: calls.editionId }).from(calls).where(eq(calls.id, app.callId));
  const t = reviewTransition({ status: app.status, editionId: call.editionId, program: app.program }, action, actor.role as Role);
  const updated = await tx
    .update(applications)
    .set({ status: t.to, version: app.version + 1, updatedAt: at })
    .where(and(eq(applications.id, appId), eq(applications.status, app.status), eq(applications.version, app.version)))
    .returning({ id: applications.id });
  if (!updated.length) throw new Error(`review demo: ${app.number} changed under the demo`);
  await tx.insert(applicationEvents).values({ id: randomUUID(), applicationId: appId, at, actorUserId: actor.userId, actorName: actor.username, action: ACTION_EVENT[action]!, fromStatus: t.from, toStatus: t.to, round: app.round, note: note ?? null, details: { stage: t.stage, ...details } });
  const message = unitMessage(action, app, note);
  if (message) await notifyUnit(tx, app.unitId, message, at);
  await recordAudit(tx, actor, { action: ACTION_AUDIT[action]!, entityType: 'application', entityId: appId, jurisdictionId: app.jurisdictionId, before: { status: t.from, version: app.version }, after: { status: t.to, stage: t.stage, ...(note ? { note } : {}) } }, at);
}

/**
 * The desk's item-by-item verdicts on every form and checklist item of the application (as the desk lists them),
 * ok unless listed; an optional item the unit did not upload is ok with a note.
 */
async function saveVerdicts(tx: Tx, appId: string, stage: string, actor: Actor, at: Date, problems: Record<string, { verdict: 'missing' | 'incorrect'; comment: string }> = {}) {
  const [app] = await tx.select().from(applications).where(eq(applications.id, appId));
  const [call] = await tx.select({ editionId: calls.editionId }).from(calls).where(eq(calls.id, app.callId));
  const req = requirementsOf(call.editionId, app.program, app.studioRecognized);
  const uploaded = new Set((await tx.select({ itemId: applicationMaterials.itemId }).from(applicationMaterials).where(eq(applicationMaterials.applicationId, appId))).map((m) => m.itemId));
  const items = [...req.forms.map((f) => ({ kind: 'form', id: f.id, note: null as string | null })), ...req.uploads.map((m) => ({ kind: 'material', id: m.id, note: uploaded.has(m.id) ? null : '非必需材料，未提交' }))];
  const rows = items.map((i) => {
    const p = problems[i.id];
    return { id: randomUUID(), applicationId: appId, stage, round: app.round, itemKind: i.kind, itemId: i.id, verdict: p?.verdict ?? 'ok', comment: p?.comment ?? i.note, checkedBy: actor.userId, checkedAt: at };
  });
  await tx.insert(reviewVerdicts).values(rows);
  await recordAudit(tx, actor, { action: 'review.verdicts_saved', entityType: 'application', entityId: appId, jurisdictionId: app.jurisdictionId, before: [], after: { stage, round: app.round, items: rows.map((r) => ({ kind: r.itemKind, id: r.itemId, verdict: r.verdict, ...(r.comment ? { comment: r.comment } : {}) })) } }, at);
}

async function readBy(tx: Tx, actor: Actor, appId: string, callId: string, at: Date, what: 'application' | 'material' | 'scores' = 'application', detail?: string) {
  await tx.insert(accessLog).values({ userId: actor.userId!, userName: actor.username, role: actor.role, applicationId: appId, callId, what, detail: detail ?? null, at });
}

function rubricOf(editionId: string, program: string) {
  return getEdition(editionId)!.programs.find((p) => p.id === program)!.rubric!;
}

interface Sheet {
  expert: string;
  /** pending: assigned, not declared; accepted: declared no conflict (unscored unless scores given); conflict: re-assigned to `replacement`. */
  state: 'pending' | 'accepted' | 'draft' | 'submitted' | 'conflict';
  scores?: number[];
  comments?: Record<string, string>;
  overall?: string;
  conflict?: { kind: string; note: string };
  replacement?: Sheet;
}

interface Dates {
  assignAt: Date;
  declareAt: Date;
  scoreAt: Date;
}

async function assignAndScore(tx: Tx, ctx: Ctx, call: { id: string; jurisdictionId: string; editionId: string; program: string }, appId: string, sheets: Sheet[], d: Dates) {
  const officer = ctx.officers.get(call.jurisdictionId)!.program;
  const rubric = rubricOf(call.editionId, call.program);
  const expertActor = (key: string): Actor => {
    const e = ctx.experts.get(`${call.jurisdictionId}:${key}`)!;
    const u = ctx.expertUsers.get(e.account!)!;
    return { userId: u.id, username: u.username, role: 'expert', jurisdictionId: call.jurisdictionId };
  };
  const one = async (s: Sheet, assignAt: Date, declareAt: Date, scoreAt: Date, replacing?: { id: string; expertId: string; by: Actor; expertName: string; conflict: string }): Promise<string> => {
    const expert = ctx.experts.get(`${call.jurisdictionId}:${s.expert}`)!;
    const id = randomUUID();
    const declared = s.state !== 'pending';
    await tx.insert(reviewAssignments).values({
      id,
      callId: call.id,
      applicationId: appId,
      expertId: expert.id,
      status: s.state === 'pending' ? 'pending' : s.state === 'conflict' ? 'conflict' : s.state === 'submitted' ? 'submitted' : 'accepted',
      // A re-assignment after a declared conflict is the system's (the least-loaded panel member), not an officer's.
      assignedBy: replacing ? null : officer.userId,
      assignedAt: assignAt,
      declaredAt: declared ? declareAt : null,
      conflict: s.state === 'conflict' ? s.conflict! : null,
      submittedAt: s.state === 'submitted' ? scoreAt : null,
    });
    if (replacing) {
      await recordAudit(tx, replacing.by, { action: 'assignment.reassigned', entityType: 'assignment', entityId: id, jurisdictionId: call.jurisdictionId, before: { assignmentId: replacing.id, expertId: replacing.expertId }, after: { assignmentId: id, expertId: expert.id, applicationId: appId } }, assignAt);
      const [app] = await tx.select({ number: applications.number }).from(applications).where(eq(applications.id, appId));
      const [callRow] = await tx.select({ title: calls.title }).from(calls).where(eq(calls.id, call.id));
      await tx.insert(outbox).values({
        id: randomUUID(),
        channel: 'in-app',
        userId: officer.userId,
        recipient: null,
        template: 'review.conflict_reassigned',
        title: `专家回避，已自动改派：${app.number}`,
        body: `专家 ${replacing.expertName} 对申报 ${app.number}（${callRow.title}）声明利益冲突（${replacing.conflict}），该申报已自动改派给评审组专家 ${expert.name}。`,
        payload: { callId: call.id, applicationId: appId, assignmentId: replacing.id, replacedBy: id },
        status: 'delivered',
        nextAttemptAt: assignAt,
        createdAt: assignAt,
        deliveredAt: assignAt,
      });
    } else {
      await recordAudit(tx, officer, { action: 'assignment.created', entityType: 'assignment', entityId: id, jurisdictionId: call.jurisdictionId, after: { applicationId: appId, expertId: expert.id, expert: expert.name } }, assignAt);
    }
    if (!declared) return id;
    const me = expertActor(s.expert);
    if (s.state === 'conflict') {
      await recordAudit(tx, me, { action: 'assignment.conflict_declared', entityType: 'assignment', entityId: id, jurisdictionId: call.jurisdictionId, before: { status: 'pending' }, after: { status: 'conflict', conflict: s.conflict } }, declareAt);
      const kind = CONFLICT_KINDS[s.conflict!.kind as keyof typeof CONFLICT_KINDS] ?? s.conflict!.kind;
      const replacementId = await one(s.replacement!, declareAt, minutes(declareAt, 24 * 60), minutes(declareAt, 48 * 60), { id, expertId: expert.id, by: me, expertName: expert.name, conflict: kind });
      await tx.update(reviewAssignments).set({ replacedBy: replacementId }).where(eq(reviewAssignments.id, id));
      return id;
    }
    await recordAudit(tx, me, { action: 'assignment.declared', entityType: 'assignment', entityId: id, jurisdictionId: call.jurisdictionId, before: { status: 'pending' }, after: { status: 'accepted' } }, declareAt);
    // Only after the declaration does the expert see the application (who saw what when).
    await readBy(tx, me, appId, call.id, minutes(declareAt, 2));
    if (!s.scores) return id;
    const criteria = Object.fromEntries(s.scores.map((v, i) => [rubric[i].id, v]));
    const total = weightedTotal(rubric, criteria);
    const submitted = s.state === 'submitted';
    await tx.insert(reviewScores).values({
      assignmentId: id,
      criteria,
      comments: s.comments ?? {},
      overallComment: s.overall ?? null,
      total,
      status: submitted ? 'submitted' : 'draft',
      version: submitted ? 2 : 1,
      updatedAt: scoreAt,
      submittedAt: submitted ? scoreAt : null,
    });
    const draftAt = submitted ? minutes(scoreAt, -40) : scoreAt;
    await recordAudit(tx, me, { action: 'score.saved', entityType: 'review_score', entityId: id, jurisdictionId: call.jurisdictionId, before: null, after: { applicationId: appId, criteria, total, version: 1 } }, draftAt);
    if (submitted) {
      await recordAudit(tx, me, { action: 'score.submitted', entityType: 'review_score', entityId: id, jurisdictionId: call.jurisdictionId, after: { applicationId: appId, criteria, comments: s.comments ?? {}, overallComment: s.overall ?? null, total } }, scoreAt);
    }
    return id;
  };
  for (const [i, s] of sheets.entries()) await one(s, minutes(d.assignAt, i * 3), minutes(d.declareAt, i * 47), minutes(d.scoreAt, i * 83));
}

// ---------------------------------------------------------------------------------------------------------
// 顺义: the studio round that closed at the end of August — review complete, ready for ranking
// ---------------------------------------------------------------------------------------------------------

function shunyiWindow(ctx: Ctx) {
  const edition = getEdition('shunyi-draft')!;
  const { c } = ctx;
  const fits = (open: string, close: string) => open >= edition.validFrom && (!edition.validTo || close <= edition.validTo) && close <= c.shift(c.today, -60);
  // 第五条: materials by the end of August each year; the round closed on the last working day of August.
  for (const year of [Number(c.today.slice(0, 4)), Number(c.today.slice(0, 4)) - 1]) {
    let close = `${year}-08-31`;
    while (!c.working(close)) close = c.shift(close, -1);
    const open = `${year}-07-01`;
    if (fits(open, close)) return { open, close, year };
  }
  const close = c.before(c.shift(c.today, -75), 1);
  const open = c.shift(close, -45);
  return fits(open, close) ? { open, close, year: Number(close.slice(0, 4)) } : null;
}

type ShunyiRoundStudio = ShunyiStudio & { unit: string };


const SHUNYI_ROUND: ShunyiRoundStudio[] = [
  {
    unit: 'unit-t', name: '黄德胜', id: ['110113', '1976-08-14', '033'], ethnicity: '汉族', politicalStatus: '中共党员', education: '大专', occupation: '模具工', skillLevel: 'senior-technician', position: '模具车间主任', workStart: '1995-07', mobile: '13801176623',
    studioName: '黄德胜精密注塑模具技能大师工作室', unitSupport: '单位每年安排专项经费20万元，提供工作室用房150平方米及五轴加工中心、慢走丝线切割等设备。', direction: '围绕汽车精密注塑模具设计制造，开展模具寿命提升和快速换模技术攻关，每年培训模具工不少于100人次。', unitOpinion: '经审核，材料属实，同意推荐。单位承诺为工作室提供稳定的资金和场地支持。',
  },
  {
    unit: 'unit-u', name: '卢振江', id: ['110113', '1978-03-02', '051'], ethnicity: '汉族', politicalStatus: '中共党员', education: '本科', occupation: '民航机械维修员', skillLevel: 'senior-technician', position: '发动机车间技术主管', workStart: '1999-08', mobile: '13910582234',
    studioName: '卢振江航空发动机维修技能大师工作室', unitSupport: '单位每年安排专项经费30万元，提供机库内工作室用房200平方米及孔探仪、叶片修理工位。', direction: '聚焦航空发动机孔探检测与叶片修理，编写维修案例库，与区内职业院校共建实训基地。', unitOpinion: '同意推荐，单位将工作室纳入年度重点工作并保障经费。',
  },
  {
    unit: 'unit-v', name: '马立强', id: ['130681', '1980-11-20', '017'], ethnicity: '回族', politicalStatus: '群众', education: '中专', occupation: '焊工', skillLevel: 'technician', position: '焊接班组长', workStart: '2000-03', mobile: '13641097713',
    studioName: '马立强钢结构焊接技能大师工作室', unitSupport: '单位提供焊接实训工位12个、专项经费每年12万元。', direction: '开展钢结构厚板焊接变形控制攻关，培养持证焊工。', unitOpinion: '经审核，同意推荐。',
  },
  {
    unit: 'unit-w', name: '刘桂芬', id: ['110113', '1974-05-09', '046'], ethnicity: '汉族', politicalStatus: '群众', education: '高中', occupation: '中式面点师', skillLevel: 'senior-technician', position: '面点技术总监', workStart: '1992-04', mobile: '13718826605',
    studioName: '刘桂芬京味面点技能大师工作室', unitSupport: '单位提供面点实训厨房120平方米，每年专项经费10万元。', direction: '传承京味传统面点制作技艺，开发标准化工艺，开展社区公益培训。', unitOpinion: '经审核，同意推荐。',
  },
  {
    unit: 'unit-x', name: '郑国庆', id: ['110113', '1979-10-01', '079'], ethnicity: '汉族', politicalStatus: '中共党员', education: '大专', occupation: '汽车维修工', skillLevel: 'senior-technician', position: '售后技术总监', workStart: '1998-09', mobile: '13501207735',
    studioName: '郑国庆新能源汽车维修技能大师工作室', unitSupport: '单位提供维修实训车间300平方米、新能源整车实训台架4套，每年专项经费15万元。', direction: '聚焦新能源汽车三电系统故障诊断，建设维修案例库，培养高压电工作业人员。', unitOpinion: '经审核，同意推荐。',
  },
  {
    unit: 'unit-y', name: '白秀兰', id: ['110113', '1971-12-28', '022'], ethnicity: '满族', politicalStatus: '群众', education: '中专', occupation: '金属摆件制作工', skillLevel: 'senior-technician', position: '花丝技艺总工艺师', workStart: '1989-09', mobile: '13621170348',
    studioName: '白秀兰花丝镶嵌技能大师工作室', unitSupport: '单位提供传习工作室100平方米，每年专项经费12万元。', direction: '传承北京花丝镶嵌技艺（国家级非物质文化遗产），开展师带徒和进校园传习活动。', unitOpinion: '经审核，同意推荐。',
  },
  {
    unit: 'unit-z', name: '孔祥瑞', id: ['110113', '1985-06-15', '035'], ethnicity: '汉族', politicalStatus: '群众', education: '高中', occupation: '电梯安装维修工', skillLevel: 'senior', position: '电梯维保班长', workStart: '2006-07', mobile: '13811046629',
    studioName: '孔祥瑞电梯维保技能大师工作室', unitSupport: '单位提供维保工具间和培训室。', direction: '开展电梯日常维保技能培训。', unitOpinion: '同意申报。',
  },
];

function shunyiForm(ctx: Ctx, s: ShunyiRoundStudio, filledOn: string) {
  return shunyiStudioForm(ctx.units.get(s.unit)!, s, filledOn);
}

/** Score vectors of the 顺义 round (master, achievements, talent-system, conditions, services, team). */
const TIE_SHEETS = [
  [84, 82, 81, 83, 80, 82],
  [83, 81, 80, 82, 81, 81],
  [85, 83, 82, 84, 82, 83],
];
const SHUNYI_SCORES: Record<string, { scores: number[][]; overall: string[]; comments?: Record<string, string>[] }> = {
  'unit-t': { scores: [[90, 88, 86, 89, 85, 87], [88, 86, 85, 87, 84, 86], [91, 89, 87, 90, 86, 88]], overall: ['模具寿命提升成效明显，团队梯队完整。', '工作室条件好，建议加强对外培训服务。', '技术攻关成果突出，符合认定条件。'] },
  'unit-u': {
    scores: [[93, 90, 88, 91, 89, 90], [92, 91, 89, 90, 88, 91], [94, 92, 90, 92, 90, 91]],
    overall: ['领办人技艺精湛，服务临空经济区作用突出。', '发动机孔探案例库有推广价值。', '条件和团队均优，建议优先认定。'],
  },
  'unit-v': { scores: [[85, 83, 82, 84, 80, 83], [84, 82, 80, 83, 81, 82], [86, 84, 83, 85, 82, 84]], overall: ['焊接变形控制攻关有实效。', '对外培训服务数量偏少。', '团队结构合理。'] },
  'unit-w': { scores: TIE_SHEETS, overall: ['京味面点技艺传承有特色，标准化工作需加强。', '社区公益培训成效较好。', '条件基本满足，团队人数刚达要求。'] },
  'unit-x': { scores: TIE_SHEETS, overall: ['新能源三电诊断方向契合产业需求。', '案例库建设刚起步，成果积累不足。', '实训台架条件较好。'] },
  'unit-y': {
    scores: [[95, 90, 84, 86, 92, 85], [88, 86, 82, 84, 88, 83], [90, 87, 83, 85, 90, 84]],
    overall: ['国家级非遗项目传承，社会效益显著。', '进校园传习活动成效好，团队年龄结构需优化。', '技艺传承价值高。'],
    comments: [{ master: '领办人为北京市级非物质文化遗产代表性传承人，从业三十余年，作品多次获国家级工艺美术奖项，技艺水平突出（第四条（一））。' }, {}, {}],
  },
};

async function shunyiCompleteRound(db: Db, ctx: Ctx) {
  const w = shunyiWindow(ctx);
  if (!w) return;
  const { c } = ctx;
  const officer = ctx.officers.get('shunyi')!;
  const edition = getEdition('shunyi-draft')!;
  const program = edition.programs.find((p) => p.id === 'studio-recognition')!;
  const quota = param(program.quota, w.open)?.value;
  const created = c.at(c.before(w.open, 1), '15:00');
  const call = await createCall(
    db,
    {
      policyId: 'shunyi-draft',
      program: 'studio-recognition',
      title: `${w.year}年第一批顺义区技能大师工作室申报认定`,
      year: w.year,
      opensAt: `${w.open}T09:00`,
      closesAt: `${w.close}T18:00`,
      quota,
      contacts: [{ name: '王芳（顺义区人力资源和社会保障局）', phone: '010-69443000（演示）', hours: '工作日上午9:00—12:00，下午1:30—5:00' }],
      noticeText: [
        `根据《顺义区技能大师工作室管理办法（试行）》，现组织开展${w.year}年顺义区技能大师工作室申报认定工作。`,
        '申报条件见第四条；申报材料见第五条，各单位严格审核把关、签署审核意见后于8月底前报送。',
        `区人力资源和社会保障局汇总材料、组织评审，确定拟定名单并公示不少于5个工作日，每年认定不超过${quota ?? 5}家（第六条）。`,
      ].join('\n'),
    },
    officer.program,
    ['shunyi'],
    created,
  );
  const callRef = { id: call.id, jurisdictionId: 'shunyi', editionId: 'shunyi-draft', program: 'studio-recognition' };

  // Filing in July and August, a working day apart.
  const apps: { unit: string; id: string }[] = [];
  for (const [i, s] of SHUNYI_ROUND.entries()) {
    // Units file online on any day; the window stays open until 18:00 of its last day.
    const startDay = c.shift(w.open, 8 + i * 5);
    const submitDay = c.shift(startDay, 3) < w.close ? c.shift(startDay, 3) : w.close;
    const filing: Filing = {
      unit: s.unit,
      studioRecognized: false,
      forms: { 'studio-application': shunyiForm(ctx, s, submitDay) },
      materials: {
        'leader-evidence': [file('领办人技能等级证书及获奖证书.pdf', 'pdf')],
        'team-evidence': [file('工作室成员证书及工作成果.pdf', 'pdf')],
        'studio-conditions': [file('工作室配套制度及场所照片.pdf', 'pdf')],
      },
      startAt: c.at(startDay, '09:30'),
      submitAt: c.at(submitDay, '15:40'),
    };
    const app = await fileApplication(ctx, call.id, filing);
    apps.push({ unit: s.unit, id: app.id });
  }

  // 审核 (第六条: the bureau reviews the basic conditions): six accepted, one rejected with its reasons.
  let day = c.after(w.close, 2);
  for (const [i, a] of apps.entries()) {
    const at = c.at(i < 4 ? day : c.after(day, 1), `${String(9 + (i % 4)).padStart(2, '0')}:20`);
    await db.transaction(async (tx) => {
      await readBy(tx, officer.intake, a.id, call.id, minutes(at, -25));
      if (a.unit === 'unit-z') {
        const reason =
          '领办人仅取得电梯安装维修工高级工证书，所在单位为物业服务企业，不属于高精尖产业、新兴产业领域，不符合第四条（一）“原则上应取得技师及以上证书”的条件；除领办人外工作室仅有2名正式员工，不符合第四条（二）“3名以上正式员工组成的技术技能人才团队”的要求。';
        await saveVerdicts(tx, a.id, 'completeness-check', officer.intake, at, {
          'studio-application': { verdict: 'incorrect', comment: '技能等级为高级工，且单位不属于高精尖、新兴产业领域，不符合第四条（一）' },
          'team-evidence': { verdict: 'incorrect', comment: '成员证书仅2人，团队不足3名正式员工（第四条（二））' },
        });
        await transitionApp(tx, a.id, 'reject', officer.intake, minutes(at, 5), reason, { reasons: ['第四条（一）', '第四条（二）'] });
      } else {
        await saveVerdicts(tx, a.id, 'completeness-check', officer.intake, at);
        await transitionApp(tx, a.id, 'accept', officer.intake, minutes(at, 5));
      }
    });
  }

  // The panel (drawn with the three expert accounts in it), assignments, declarations and scores.
  day = c.after(day, 4);
  const scored = apps.filter((a) => a.unit !== 'unit-z');
  const accounts = ['expert2', 'expert4', 'expert5'];
  await db.transaction(async (tx) => {
    await recordDraw(tx, ctx, callRef, c.at(day, '10:00'));
    const due = c.after(day, 15);
    await tx.insert(reviewDeadlines).values({ callId: call.id, stage: 'expert-review', dueOn: due, setBy: officer.program.userId, setAt: c.at(day, '10:30') });
    await recordAudit(tx, officer.program, { action: 'review.deadline_set', entityType: 'call', entityId: call.id, jurisdictionId: 'shunyi', after: { stage: 'expert-review', dueOn: due } }, c.at(day, '10:30'));
  });
  const assignDay = c.after(day, 1);
  for (const [i, a] of scored.entries()) {
    const plan = SHUNYI_SCORES[a.unit];
    const sheets: Sheet[] = accounts.map((expert, k) => ({ expert, state: 'submitted', scores: plan.scores[k], overall: plan.overall[k], comments: plan.comments?.[k] }));
    await db.transaction((tx) =>
      assignAndScore(tx, ctx, callRef, a.id, sheets, {
        assignAt: c.at(assignDay, `14:${String(10 + i * 4).padStart(2, '0')}`),
        declareAt: c.at(c.after(assignDay, 1), '09:15'),
        scoreAt: c.at(c.after(assignDay, 4 + i), '15:00'),
      }),
    );
  }
  // Every sheet in: the officer closes the expert review (专家评审结束 → 评审完成，待排名).
  const closeAt = c.at(c.after(assignDay, 12), '16:00');
  await db.transaction(async (tx) => {
    for (const [i, a] of scored.entries()) await transitionApp(tx, a.id, 'close-review', officer.program, minutes(closeAt, i), '专家评分已全部提交，结束评审');
  });
}

// ---------------------------------------------------------------------------------------------------------
// 大兴: a project round closed a few weeks ago, in expert review with partial scores
// ---------------------------------------------------------------------------------------------------------

type DaxingRoundProject = DaxingProject & { unit: string };

const DAXING_ROUND: DaxingRoundProject[] = [
  {
    unit: 'unit-a',
    projectName: '数控刀具寿命管理与智能换刀技术革新项目',
    category: '技术革新',
    workObjects: ['生产工序', '技术工人'],
    outcomeName: '刀具寿命管理系统1套及《数控刀具寿命管理作业规范》',
    expectedGoals: '建立关键刀具寿命数据库，五轴加工中心非计划换刀次数减少30%；编制作业规范1套；培训操作工30人次。',
    phases: [
      ['数据采集', 0, 1, '采集3台五轴加工中心刀具磨损与换刀数据。'],
      ['系统开发', 2, 3, '开发刀具寿命预警和换刀提醒功能，试运行。'],
      ['推广总结', 4, 5, '编制作业规范，组织培训，验收结项。'],
    ],
    supervision: '项目专账管理，技术部每月检查进度，财务部审核支出，工作室领办人对成果负责。',
    budget: [
      ['技术技能创新研发', '刀具磨损检测传感器及数据采集模块', 22000],
      ['人才培训', '操作工培训及教材', 8000],
      ['设备设施更新完善', '刀具预调仪校准附件', 15000],
    ],
    necessity: '五轴加工中心换刀依赖经验，非计划停机多，刀具成本占加工成本近两成，急需规范刀具寿命管理。',
    feasibility: '工作室有数控高级技师3名，已积累两年刀具使用台账，设备供应商提供数据接口支持。',
    budgetRationale: '传感器和模块按三家询价取低，培训费用按人次测算，用途符合第十五条。',
    benefits: '预计每年节约刀具成本约18万元，减少停机120小时，成果可在区内同类企业推广。',
    evaluation: '以非计划换刀次数、刀具成本和培训人次为指标，结项时对照基线数据评价。',
    oversight: '过程数据、会议纪要和票据按月归档，接受区人社局检查。',
  },
  {
    unit: 'unit-n',
    projectName: '航空薄壁结构件五轴加工变形控制技术攻关项目',
    category: '技术攻关研发',
    workObjects: ['产品', '生产工序', '技术工人'],
    outcomeName: '《航空薄壁件五轴加工变形控制工艺规程》及培养技师4名',
    expectedGoals: '薄壁框类零件加工变形量控制在0.05毫米以内，一次合格率由88%提升至96%；形成工艺规程1套；培养技师4名。',
    phases: [
      ['工艺分析', 0, 0, '分析典型零件变形原因，确定试验方案。'],
      ['工艺试验', 1, 3, '开展装夹、切削参数和走刀路径对比试验。'],
      ['固化推广', 4, 5, '编写工艺规程，组织师带徒实训和技能考核。'],
    ],
    supervision: '质量部全程跟踪试验数据，财务专账核算，重大变更报区人社局备案。',
    budget: [
      ['技术技能创新研发', '试验毛坯材料及检测费', 26000],
      ['设备设施更新完善', '真空吸附夹具', 18000],
      ['人才培训', '技能考核及培训资料', 6000],
    ],
    necessity: '航空薄壁件变形是制约交付的首要质量问题，返修率高，相关技能人才紧缺。',
    feasibility: '单位有五轴加工中心5台、三坐标测量机1台，领办人长期从事航空零件加工，具备攻关基础。',
    budgetRationale: '试验材料按试验批次测算，夹具按供应商报价，支出与攻关直接相关。',
    benefits: '预计年减少返修损失约40万元，提高区内航空配套能力。',
    evaluation: '以变形量、一次合格率和技师培养人数为考核指标，结项时提交检测报告。',
    oversight: '试验记录和票据存档备查，接受区人社局和财政部门监督。',
  },
  {
    unit: 'unit-o',
    projectName: '大型钢结构焊接机器人离线编程培训资源建设项目',
    category: '培训资源建设',
    workObjects: ['技术工人', '培训资料', '技术规程'],
    outcomeName: '焊接机器人离线编程实训课程包（含8个典型节点案例）',
    expectedGoals: '开发离线编程实训课程8项，培训焊接机器人操作人员40人次，取得相应技能等级证书15人。',
    phases: [
      ['课程设计', 0, 0, '梳理钢结构典型焊接节点，确定课程大纲。'],
      ['资源开发', 1, 3, '编写课件、录制操作视频、制作考核题库。'],
      ['试点培训', 4, 5, '组织两期试点培训并修订课程。'],
    ],
    supervision: '工作室每月召开进度会，安全环保部监督实训安全，财务部按预算审核支出。',
    budget: [
      ['人才培训', '课程视频拍摄与课件制作', 24000],
      ['设备设施更新完善', '离线编程软件授权（教学版）', 16000],
    ],
    necessity: '钢结构焊接自动化率快速提升，能够离线编程的焊接机器人操作人员严重不足。',
    feasibility: '单位有焊接机器人工作站6套、焊工技师5名，已与区内职业院校合作开展培训。',
    budgetRationale: '拍摄制作按市场价，软件授权按教学版报价，用途符合第十五条。',
    benefits: '缓解焊接机器人操作人才缺口，课程包可在区内钢结构企业共享。',
    evaluation: '以课程数量、培训人次和取证人数为指标，结项时提交培训记录。',
    oversight: '培训签到、考核成绩和经费票据存档，接受区人社局检查。',
  },
  {
    unit: 'unit-p',
    projectName: '智能配电柜装配调试技能培训资源建设项目',
    category: '培训资源建设',
    workObjects: ['技术工人', '教材', '工作标准'],
    outcomeName: '《智能配电柜装配调试实训教程》及装调作业标准1套',
    expectedGoals: '编写实训教程1册、装调作业标准1套；培训装配调试工50人次；装调一次通过率由91%提升至97%。',
    phases: [
      ['标准梳理', 0, 1, '梳理装配调试工序，编写作业标准初稿。'],
      ['教程编写', 2, 3, '编写实训教程，制作典型故障教具。'],
      ['培训验证', 4, 5, '开展培训并统计装调通过率。'],
    ],
    supervision: '工作室设专人管理进度和经费，质量部核验装调数据，按季度报送进展。',
    budget: [
      ['人才培训', '教程编印及培训组织', 15000],
      ['设备设施更新完善', '故障模拟教学柜2台', 25000],
    ],
    necessity: '智能配电柜订单快速增长，新员工装调技能不足导致返工率高。',
    feasibility: '工作室有电工高级技师2名、技师5名，拥有装调实训区。',
    budgetRationale: '教学柜按两家报价取低，培训费按人次测算。',
    benefits: '提升装调质量和效率，教程可供区内电气企业共享。',
    evaluation: '以装调一次通过率和培训人次为指标，结项时对照基线评价。',
    oversight: '培训、检测记录和票据按月归档，接受区人社局监督。',
  },
  {
    unit: 'unit-q',
    projectName: '新能源汽车高压系统检修技艺传承项目',
    category: '技艺传承推广',
    workObjects: ['技术工人', '培训资料'],
    outcomeName: '《新能源汽车高压系统检修案例集》及培养高级工8名',
    expectedGoals: '整理高压系统典型故障案例40个，编写案例集1册；师带徒培养高级工8名；为区内维修企业开展公益培训4场。',
    phases: [
      ['案例整理', 0, 1, '收集整理高压系统典型故障案例。'],
      ['师带徒实训', 2, 4, '开展高压安全作业和故障诊断实训。'],
      ['交流推广', 5, 5, '举办公益培训并结项。'],
    ],
    supervision: '单位设立项目专账，安全员监督高压作业实训，财务部审核支出。',
    budget: [
      ['人才培训', '高压绝缘防护用品及实训耗材', 18000],
      ['技能人才交流推广', '案例集编印及公益培训', 12000],
      ['设备设施更新完善', '高压系统诊断仪', 20000],
    ],
    necessity: '新能源汽车保有量快速增长，具备高压系统检修能力的技能人才缺口大。',
    feasibility: '领办人从事汽车维修26年，工作室有新能源维修技师4名和实训车辆2台。',
    budgetRationale: '诊断仪按询价取低，耗材按实训人次测算，用途符合第十五条。',
    benefits: '提升区内新能源汽车维修安全水平，案例集可用于行业培训。',
    evaluation: '以案例数量、培养人数和培训场次为指标，结项时提交佐证材料。',
    oversight: '实训记录、培训签到和票据存档，接受区人社局检查。',
  },
];

function daxingForms(ctx: Ctx, p: DaxingRoundProject, signedOn: string, firstMonth: string) {
  return daxingProjectForms(ctx.units.get(p.unit)!, p, signedOn, firstMonth);
}

/** Sheets per application (necessity, feasibility, budget, benefits, evaluation, oversight). */
const DAXING_SHEETS: Record<string, Sheet[]> = {
  'unit-a': [
    { expert: 'expert1', state: 'submitted', scores: [88, 85, 82, 86, 84, 87], overall: '刀具寿命管理需求明确，数据基础扎实，建议立项。' },
    { expert: 'expert2', state: 'submitted', scores: [90, 86, 84, 88, 85, 86], overall: '项目针对性强，预期效益可量化。' },
    {
      // Far from the other two (outlier, flagged to the officer); low criteria carry the mandatory comments.
      expert: 'expert3',
      state: 'submitted',
      scores: [62, 55, 50, 60, 58, 64],
      comments: {
        feasibility: '五轴加工中心仅3台且满负荷生产，数据采集与生产冲突，实施条件论证不足。',
        budget: '传感器及数据采集模块占经费近一半，未说明与现有数控系统的兼容性，预算依据不充分。',
        evaluation: '考核指标缺少基线数据来源，结项时难以客观评价。',
      },
      overall: '技术路线可行性存疑，经费结构需调整。',
    },
  ],
  'unit-n': [
    { expert: 'expert1', state: 'accepted' },
    { expert: 'expert3', state: 'submitted', scores: [80, 78, 76, 82, 79, 81], overall: '攻关目标明确，检测手段齐备。' },
    { expert: 'expert5', state: 'submitted', scores: [84, 80, 78, 83, 80, 82], overall: '对区内航空配套有带动作用。' },
  ],
  'unit-o': [
    { expert: 'expert2', state: 'submitted', scores: [86, 84, 80, 85, 83, 84], overall: '课程包设计合理，建议增加安全作业内容。' },
    { expert: 'expert5', state: 'draft', scores: [82, 80, 78] },
    { expert: 'expert1', state: 'pending' },
  ],
  'unit-p': [
    { expert: 'expert3', state: 'draft', scores: [85, 83] },
    { expert: 'expert2', state: 'pending' },
    {
      expert: 'expert5',
      state: 'conflict',
      conflict: { kind: 'relative', note: '申报单位法定代表人汪德明为本人配偶的兄长（近亲属），申请回避。' },
      replacement: { expert: 'expert1', state: 'pending' },
    },
  ],
  'unit-q': [
    { expert: 'expert5', state: 'submitted', scores: [91, 88, 86, 90, 87, 89], overall: '案例整理扎实，传承推广方案具体。' },
    { expert: 'expert2', state: 'submitted', scores: [87, 85, 83, 88, 84, 86], overall: '高压安全实训设计规范。' },
    { expert: 'expert3', state: 'pending' },
  ],
};

async function daxingExpertReviewRound(db: Db, ctx: Ctx) {
  const { c } = ctx;
  const edition = getEdition('daxing-2025')!;
  // The window closed 18 working days ago at 18:00 (about three and a half weeks), having run a month.
  const close = c.before(c.today, 18);
  const open = c.shift(close, -30);
  if (open < edition.validFrom || (edition.validTo && close > edition.validTo)) return;
  const officer = ctx.officers.get('daxing')!;
  const program = edition.programs.find((p) => p.id === 'construction-project')!;
  const quota = param(program.quota, open)?.value;
  const year = Number(open.slice(0, 4));
  const firstMonth = addMonths(close.slice(0, 7), 1);
  const call = await createCall(
    db,
    {
      policyId: 'daxing-2025',
      program: 'construction-project',
      title: `${year}年第一批大兴区技能大师工作室建设项目评选`,
      year,
      opensAt: `${open}T09:00`,
      closesAt: `${close}T18:00`,
      quota,
      projectsCloseBy: lastDayOf(addMonths(firstMonth, 7)),
      contacts: [{ name: '周云汉、姜锦颐', phone: '81298272', address: '大兴区永华南里14号艺苑桐城行政办公区人力资源公共服务中心121室' }],
      noticeText: [
        '各相关单位：',
        `根据《大兴区技能大师工作室建设管理办法》（京兴人社发〔2025〕21号），组织开展${year}年大兴区技能大师工作室建设项目评选，每次评选不超过${quota ?? 10}个（第四条），经费补助最高5万元（第十四条）。`,
        '网上申报后，区人力资源和社会保障局进行完整性审核（初审），随后组织专家评审，拟定项目名单并公示5个工作日（第十一条）。',
      ].join('\n'),
    },
    officer.program,
    ['daxing'],
    c.at(c.before(open, 1), '16:30'),
  );
  const callRef = { id: call.id, jurisdictionId: 'daxing', editionId: 'daxing-2025', program: 'construction-project' };

  const apps: { unit: string; id: string }[] = [];
  for (const [i, p] of DAXING_ROUND.entries()) {
    const startDay = c.shift(open, 4 + i * 4);
    const submitDay = c.shift(startDay, 2) < close ? c.shift(startDay, 2) : close;
    const app = await fileApplication(ctx, call.id, {
      unit: p.unit,
      studioRecognized: true,
      forms: daxingForms(ctx, p, submitDay, firstMonth),
      materials: { 'bank-account-permit': [file('银行开户许可证.pdf', 'pdf')] },
      startAt: c.at(startDay, '10:10'),
      submitAt: c.at(submitDay, '16:05'),
    });
    apps.push({ unit: p.unit, id: app.id });
  }

  // 初审 (第十一条、2026年通知 三（二）): every item in order, accepted into expert review.
  let day = c.after(close, 1);
  for (const [i, a] of apps.entries()) {
    const at = c.at(i < 3 ? day : c.after(day, 1), `${String(9 + (i % 3) * 2).padStart(2, '0')}:30`);
    await db.transaction(async (tx) => {
      await readBy(tx, officer.intake, a.id, call.id, minutes(at, -30));
      await saveVerdicts(tx, a.id, 'completeness-check', officer.intake, at);
      await transitionApp(tx, a.id, 'accept', officer.intake, minutes(at, 4));
    });
  }

  // 专家评审: the panel drawn with the four expert accounts in it; scoring due a few working days from today.
  day = c.after(day, 3);
  await db.transaction(async (tx) => {
    await recordDraw(tx, ctx, callRef, c.at(day, '10:00'));
    const due = c.after(c.today, 4);
    await tx.insert(reviewDeadlines).values({ callId: call.id, stage: 'expert-review', dueOn: due, setBy: officer.program.userId, setAt: c.at(day, '10:40') });
    await recordAudit(tx, officer.program, { action: 'review.deadline_set', entityType: 'call', entityId: call.id, jurisdictionId: 'daxing', after: { stage: 'expert-review', dueOn: due } }, c.at(day, '10:40'));
  });
  const assignDay = c.after(day, 1);
  const yesterday = c.before(c.today, 1);
  for (const [i, a] of apps.entries()) {
    const declareDay = c.after(assignDay, 1 + (i % 2));
    // Scores between the declarations and yesterday; the re-assignment of the conflict happened recently.
    const scoreDay = c.after(declareDay, 2 + i) < yesterday ? c.after(declareDay, 2 + i) : yesterday;
    await db.transaction((tx) =>
      assignAndScore(tx, ctx, callRef, a.id, DAXING_SHEETS[a.unit], {
        assignAt: c.at(assignDay, `15:${String(5 + i * 5).padStart(2, '0')}`),
        declareAt: c.at(declareDay, '09:10'),
        scoreAt: c.at(scoreDay, '14:30'),
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// 经开区: one application at 实质审核, one at 线下受理 (paper dossier notice, 3 working days)
// ---------------------------------------------------------------------------------------------------------

type EtdzRoundStudio = EtdzStudio & { unit: string; innovations: string };

const ETDZ_STUDIOS: EtdzRoundStudio[] = [
  {
    unit: 'unit-r',
    leaderName: '宋建平',
    id: ['110105', '1977-02-11', '013'],
    mobile: '13910226671',
    occupation: '光学零件制造工',
    skillLevel: 'senior-technician',
    certificateNumber: 'Y000011000000226318',
    post: '精密光学车间主任',
    frontlineYears: 26,
    honours: ['全国技术能手'],
    innovations: '一种非球面透镜抛光夹具（实用新型专利）；超精密光学元件面形误差补偿加工方法。',
    studioName: '宋建平精密光学加工技能大师工作室',
    direction: '围绕光刻、检测设备配套的精密光学元件，开展超精密抛光和面形检测技术攻关，培养光学加工技师。',
    targets: '三年内培养技师8名、高级工15名；形成光学加工工艺标准6项；每年开展技术交流推广不少于4次。',
    support: '单位每年安排专项资金30万元，提供恒温洁净工作室180平方米及数控抛光机3台。',
    talentPipeline: '光学加工岗位员工62人，其中高级技师2人、技师9人、高级工24人。',
    team: [
      ['宋雨桐', ['110105', '1989-05-17', '026'], '光学零件制造工', '技师'],
      ['程浩', ['130682', '1991-09-03', '013'], '光学工程', '工程师'],
      ['杜明', ['110115', '1993-12-22', '057'], '光学零件制造工', '高级工'],
    ],
  },
  {
    unit: 'unit-s',
    leaderName: '罗振宇',
    id: ['110108', '1981-07-25', '039'],
    mobile: '13601387742',
    occupation: '电池制造工',
    skillLevel: 'technician',
    certificateNumber: 'S000011000000231145',
    post: '电芯工艺部经理',
    frontlineYears: 18,
    honours: ['北京市技术能手'],
    innovations: '一种锂电池极片辊压厚度在线检测装置（实用新型专利）。',
    studioName: '罗振宇动力电池制造技能大师工作室',
    direction: '聚焦动力电池电芯制造，开展极片涂布、辊压工艺优化和安全生产技能培训。',
    targets: '每年解决工艺难题不少于3项；三年培养技师6名；编写内部培训教材2部。',
    support: '单位提供专项经费每年25万元、实训车间200平方米及中试线1条。',
    talentPipeline: '电芯制造岗位员工120人，其中技师7人、高级工35人。',
    team: [
      ['罗佳', ['110108', '1990-04-08', '046'], '电池制造工', '技师'],
      ['韦强', ['450102', '1988-10-19', '035'], '化学工程', '工程师'],
      ['石磊', ['110115', '1995-01-30', '011'], '电池制造工', '高级工'],
      ['欧阳敏', ['110105', '1994-08-12', '028'], '电池制造工', '高级工'],
    ],
  },
];

function etdzForms(ctx: Ctx, s: EtdzRoundStudio, signedOn: string) {
  return etdzStudioForms(ctx.units.get(s.unit)!, s, signedOn, { bankName: '中国建设银行北京经济技术开发区支行', accountNumber: '1105 0188 3600 0000 7752' });
}

async function etdzDeskStages(db: Db, ctx: Ctx) {
  const { c } = ctx;
  // The round open today (intake demo), if there is one.
  const [call] = await db
    .select()
    .from(calls)
    .where(and(eq(calls.editionId, 'etdz-2024'), eq(calls.program, 'studio-recognition'), lte(calls.opensAt, ctx.now), gt(calls.closesAt, ctx.now)))
    .limit(1);
  if (!call) return;
  const officer = ctx.officers.get('etdz')!;
  const openDay = shanghaiDate(call.opensAt);
  // Steps on working days counted back from today, never before the window opened, always in order.
  let last = call.opensAt.getTime() + 30 * 60_000;
  const step = (workingDaysAgo: number, hhmm: string) => {
    const day = c.before(c.today, workingDaysAgo);
    const t = Math.max(c.at(day < openDay ? openDay : day, hhmm).getTime(), last + 20 * 60_000);
    last = t;
    return new Date(Math.min(t, ctx.now.getTime() - 60_000));
  };
  const scans = (name: string) => [file(name, 'pdf')];
  const filed: string[] = [];
  for (const [i, s] of ETDZ_STUDIOS.entries()) {
    const startAt = step(7 - i, '09:50');
    const submitAt = step(7 - i, '16:30');
    const app = await fileApplication(ctx, call.id, {
      unit: s.unit,
      studioRecognized: false,
      forms: etdzForms(ctx, s, shanghaiDate(submitAt)),
      materials: {
        commitment: scans('承诺书（盖章）.pdf'),
        'bank-account': scans('银行账户信息（盖章）.pdf'),
        'skill-certificate': [file('高级技师证书.png', 'png')],
        'patents-inventions': scans('实用新型专利证书.pdf'),
        'studio-rules': scans('工作室管理制度及工作职责.pdf'),
        'venue-photos': [file('工作室场所照片.png', 'png')],
        'labour-contracts': scans('领办人及成员劳动合同.pdf'),
      },
      startAt,
      submitAt,
    });
    filed.push(app.id);
  }
  // 初审 by 营商环境建设局 (the intake desk) → 实质审核 by 人社服务中心 (办事指南 六).
  for (const [i, id] of filed.entries()) {
    const at = step(4 - i, '10:15');
    await db.transaction(async (tx) => {
      await readBy(tx, officer.intake, id, call.id, minutes(at, -20));
      await saveVerdicts(tx, id, 'completeness-check', officer.intake, at);
      await transitionApp(tx, id, 'accept', officer.intake, minutes(at, 3));
    });
  }
  // The second passes 实质审核 and is told to bring the paper dossier within 3 working days (办事指南 五（二）).
  const paperApp = filed[1];
  const passAt = step(2, '15:00');
  await db.transaction(async (tx) => {
    await readBy(tx, officer.program, paperApp, call.id, minutes(passAt, -40));
    await saveVerdicts(tx, paperApp, 'substantive-review', officer.program, passAt);
    await transitionApp(tx, paperApp, 'pass', officer.program, minutes(passAt, 5), '实质审核通过：领办人条件、团队和工作条件符合京技管发〔2024〕1号第六条、第七条');
  });
  const requestAt = step(1, '09:40');
  const stage = getEdition('etdz-2024')!.programs.find((p) => p.id === 'studio-recognition')!.stages.find((s) => s.id === 'paper-intake')!;
  const deadline = c.after(shanghaiDate(requestAt), stage.limit?.days ?? 3);
  await db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, paperApp));
    await tx.insert(paperDossierRequests).values({ id: randomUUID(), applicationId: paperApp, round: app.round, deadline, requestedBy: officer.intake.userId, requestedAt: requestAt });
    await tx.insert(applicationEvents).values({
      id: randomUUID(),
      applicationId: paperApp,
      at: requestAt,
      actorUserId: officer.intake.userId,
      actorName: officer.intake.username,
      action: 'paper_dossier_requested',
      fromStatus: null,
      toStatus: null,
      round: app.round,
      note: `通知报送纸质材料，截止 ${deadline}`,
      details: { paperDossierDeadline: deadline, stage: 'paper-intake', workingDays: stage.limit?.days ?? 3 },
    });
    // The unit's contact number is a landline: no SMS, and a unit without accounts gets no in-app message.
    await recordAudit(tx, officer.intake, { action: 'application.paper_dossier_requested', entityType: 'application', entityId: paperApp, jurisdictionId: 'etdz', after: { round: app.round, deadline, sms: null } }, requestAt);
  });
}
