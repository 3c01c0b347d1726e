import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { deflateSync } from 'node:zlib';
import { eq, inArray } from 'drizzle-orm';
import { isWorkingDay } from '../../policy/calendar';
import { getEdition } from '../../policy/editions';
import { param } from '../../policy/rules/conditions';
import { fromShanghaiLocal, shanghaiDate } from '../../shared/time';
import {
  addMonths,
  creditCode,
  daxingProjectForms,
  etdzStudioForms,
  idNumber,
  lastDayOf,
  shunyiStudioForm,
  type DaxingProject,
  type DemoFormUnit,
  type EtdzStudio,
  type ShunyiStudio,
} from './demo-forms';
import type { Db } from '../db/client';
import { units, users } from '../db/schema';
import { cjkFonts } from '../documents/fonts';
import { AppError } from '../errors';
import * as applicationsService from '../modules/applications/applications.service';
import type { Caller } from '../modules/applications/applications.service';
import { SYSTEM_ACTOR, recordAudit, type Actor } from '../modules/audit/audit.service';
import { createCall } from '../modules/calls/calls.service';
import type { Storage } from '../storage/storage';

/**
 * Demo calls (申报批次) and applications of every jurisdiction, dated relative to `now` (DESIGN.md contract: every
 * stage has something to show today). Everything goes through the real services — the call windows, form
 * validation, completeness check, content sniffing of uploads, history, audit chain and outbox all apply —
 * each step with a clock set to a moment inside the call's window, in time order.
 *
 * `storage` is where uploads go: the app's own file store (DATA_DIR/files), passed in by seed.ts.
 */
export async function loadIntakeDemo(db: Db, now: Date, storage: Storage): Promise<void> {
  const ctx = await context(db, now, storage);
  await createDemoUnits(db, ctx, now);
  const plans = [daxingPlan(ctx), daxingStudioPlan(ctx), etdzPlan(ctx), shunyiPlan(ctx)].filter((p): p is Plan => p !== null);
  // Calls first, then every application step of every jurisdiction in time order, so the history, the audit
  // chain and the outbox read as the days went by.
  const steps: Step[] = [];
  for (const plan of plans) {
    steps.push({ at: plan.createdAt, what: `open call ${plan.key}`, run: () => openCall(db, ctx, plan) });
    for (const app of plan.apps) steps.push(...applicationSteps(db, ctx, plan, app));
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) {
    try {
      await step.run();
    } catch (err) {
      const detail = err instanceof AppError && err.fields ? ` ${JSON.stringify(err.fields)}` : '';
      throw new Error(`intake demo: ${step.what} failed: ${(err as Error).message}${detail}`, { cause: err });
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Time: days relative to the load day, Beijing time
// ---------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
/** The Beijing calendar date `days` from `now`. */
const dayFrom = (now: Date, days: number) => shanghaiDate(new Date(now.getTime() + days * DAY_MS));
/** A Beijing time on the day `days` from `now`; with days ≤ −1 always before `now`. */
const atDay = (now: Date, days: number, hhmm: string) => fromShanghaiLocal(`${dayFrom(now, days)}T${hhmm}`);
/** A call is set up before it opens (at least an hour), even when the window had to start later. */
const beforeOpening = (at: Date, opensAt: string) => new Date(Math.min(at.getTime(), fromShanghaiLocal(opensAt).getTime() - 3_600_000));

/**
 * The desk works on statutory working days (调休 included): the working day nearest before `days` (not before
 * `earliest`), else the next one up to yesterday; `days` itself when there is none.
 */
function deskDay(now: Date, days: number, earliest = days - 7): number {
  const working = (d: number) => isWorkingDay(dayFrom(now, d)).working;
  for (let d = days; d >= earliest; d--) if (working(d)) return d;
  for (let d = days + 1; d <= -1; d++) if (working(d)) return d;
  return days;
}

// ---------------------------------------------------------------------------------------------------------
// Identifiers with valid check characters (fictional people and units)
// ---------------------------------------------------------------------------------------------------------

// creditCode (GB 32100) and idNumber (GB 11643) with valid check characters: demo-forms.ts.

// ---------------------------------------------------------------------------------------------------------
// Units: the three demo accounts' units plus units without login accounts
// ---------------------------------------------------------------------------------------------------------

interface DemoUnit {
  key: string;
  name: string;
  creditCode: string;
  jurisdictionId: string;
  address: string;
  contactName: string;
  contactPhone: string;
  legalRepresentative: string;
}

/** Units that apply in the demo but have no login account (their steps are recorded as done by the unit). */
export const EXTRA_DEMO_UNITS: DemoUnit[] = [
  { key: 'unit-d', name: '北京兴旺汽车零部件有限公司', creditCode: creditCode('91110115MA04DXWQ3'), jurisdictionId: 'daxing', address: '北京市大兴区采育经济开发区育隆大街 12 号', contactName: '刘洋', contactPhone: '010-80271536', legalRepresentative: '孟庆祥' },
  { key: 'unit-e', name: '北京京南景泰蓝工艺品有限公司', creditCode: creditCode('91110115MA05JNJT8'), jurisdictionId: 'daxing', address: '北京市大兴区榆垡镇榆昌路 7 号', contactName: '杜婉清', contactPhone: '010-89211872', legalRepresentative: '杜长林' },
  { key: 'unit-f', name: '北京康瑞生物医药科技有限公司', creditCode: creditCode('91110115MA06KRYY2'), jurisdictionId: 'daxing', address: '北京市大兴区生物医药产业基地天富大街 16 号', contactName: '许静', contactPhone: '010-61252390', legalRepresentative: '顾文斌' },
  { key: 'unit-g', name: '北京新航城电力工程有限公司', creditCode: creditCode('91110115MA07XHCD5'), jurisdictionId: 'daxing', address: '北京市大兴区礼贤镇新航城路 3 号', contactName: '钱磊', contactPhone: '010-60276618', legalRepresentative: '郝振东' },
  { key: 'unit-l', name: '北京兴华精密刀具有限公司', creditCode: creditCode('91110115MA0CXHDJ9'), jurisdictionId: 'daxing', address: '北京市大兴区西红门镇宏业东路 8 号', contactName: '蒋凡', contactPhone: '010-60215587', legalRepresentative: '蒋德胜' },
  { key: 'unit-m', name: '北京大兴印刷包装有限公司', creditCode: creditCode('91110115MA0DYBB1K'), jurisdictionId: 'daxing', address: '北京市大兴区黄村镇兴业大街 41 号', contactName: '冯丽', contactPhone: '010-69248810', legalRepresentative: '冯宝山' },
  { key: 'unit-h', name: '北京经开精工数控设备有限公司', creditCode: creditCode('91110302MA08JKJG1'), jurisdictionId: 'etdz', address: '北京经济技术开发区经海三路 109 号', contactName: '彭程', contactPhone: '010-67881204', legalRepresentative: '沈国栋' },
  { key: 'unit-i', name: '北京博奥半导体装备有限公司', creditCode: creditCode('91110302MA09BABD6'), jurisdictionId: 'etdz', address: '北京经济技术开发区泰河路 22 号', contactName: '孙悦', contactPhone: '010-67856631', legalRepresentative: '林海峰' },
  { key: 'unit-j', name: '北京顺达汽车零部件制造有限公司', creditCode: creditCode('91110113MA0ATDQC4'), jurisdictionId: 'shunyi', address: '北京市顺义区林河经济开发区林河大街 28 号', contactName: '唐晓东', contactPhone: '010-69442785', legalRepresentative: '曹建明' },
  { key: 'unit-k', name: '北京潮白河酿造有限公司', creditCode: creditCode('91110113MA0BCBHN7'), jurisdictionId: 'shunyi', address: '北京市顺义区牛栏山镇府前街 5 号', contactName: '魏红', contactPhone: '010-69413357', legalRepresentative: '魏国强' },
];

/** The legal representatives of the account units (for the commitment forms). */
const LEGAL_REPRESENTATIVE: Record<string, string> = { 'unit-a': '王建华', 'unit-b': '李振宇', 'unit-c': '赵永刚' };

interface UnitRef {
  key: string;
  id: string;
  name: string;
  creditCode: string;
  address: string;
  legalRepresentative: string;
  contactName: string;
  contactPhone: string;
  caller: Caller;
}

interface Ctx {
  now: Date;
  storage: Storage;
  units: Map<string, UnitRef>;
  officers: Map<string, { intake: Caller; program: Actor }>;
  /** Application ids by unit key, once created. */
  appIds: Map<string, string>;
  callIds: Map<string, string>;
}

async function context(db: Db, now: Date, storage: Storage): Promise<Ctx> {
  const accounts = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, unitId: users.unitId })
    .from(users)
    .where(inArray(users.username, ['unit-a', 'unit-b', 'unit-c', 'daxing-officer', 'etdz-officer', 'shunyi-officer']));
  const byName = new Map(accounts.map((a) => [a.username, a]));
  const ctx: Ctx = { now, storage, units: new Map(), officers: new Map(), appIds: new Map(), callIds: new Map() };
  for (const key of ['unit-a', 'unit-b', 'unit-c']) {
    const user = byName.get(key);
    if (!user?.unitId) continue;
    const [unit] = await db.select().from(units).where(eq(units.id, user.unitId));
    const actor: Actor = { userId: user.id, username: user.username, role: 'applicant', jurisdictionId: unit.jurisdictionId };
    ctx.units.set(key, {
      key,
      id: unit.id,
      name: unit.name,
      creditCode: unit.creditCode,
      address: unit.address ?? '',
      legalRepresentative: LEGAL_REPRESENTATIVE[key],
      contactName: unit.contactName ?? user.displayName.split('（')[0],
      contactPhone: unit.contactPhone ?? DEFAULT_PHONE[key],
      caller: { actor, role: 'applicant', unitId: unit.id, officerJurisdictions: [] },
    });
  }
  for (const j of ['daxing', 'etdz', 'shunyi']) {
    const user = byName.get(`${j}-officer`);
    if (!user) continue;
    const intakeActor: Actor = { userId: user.id, username: user.username, role: 'intake', jurisdictionId: j };
    ctx.officers.set(j, {
      intake: { actor: intakeActor, role: 'intake', unitId: null, officerJurisdictions: [j] },
      program: { ...intakeActor, role: 'program' },
    });
  }
  return ctx;
}

const DEFAULT_PHONE: Record<string, string> = { 'unit-a': '13911062618', 'unit-b': '13811275906', 'unit-c': '13701137425' };

async function createDemoUnits(db: Db, ctx: Ctx, now: Date) {
  const existing = await db.select({ creditCode: units.creditCode }).from(units).where(inArray(units.creditCode, EXTRA_DEMO_UNITS.map((u) => u.creditCode)));
  const fresh = EXTRA_DEMO_UNITS.filter((u) => !existing.some((e) => e.creditCode === u.creditCode));
  const created = fresh.map((u) => ({ ...u, id: randomUUID() }));
  if (created.length) {
    await db.transaction(async (tx) => {
      await tx.insert(units).values(
        created.map((u) => ({ id: u.id, name: u.name, creditCode: u.creditCode, jurisdictionId: u.jurisdictionId, address: u.address, contactName: u.contactName, contactPhone: u.contactPhone, createdAt: atDay(now, -30, '10:00') })),
      );
      for (const u of created) {
        await recordAudit(tx, SYSTEM_ACTOR, { action: 'unit.created', entityType: 'unit', entityId: u.id, jurisdictionId: u.jurisdictionId, after: { name: u.name, creditCode: u.creditCode, demo: true } }, now);
      }
    });
  }
  for (const u of created) {
    // No login account: the unit's steps are recorded under the unit's own key (the demo acts for it).
    const actor: Actor = { userId: null, username: u.key, role: 'applicant', jurisdictionId: u.jurisdictionId };
    ctx.units.set(u.key, { ...u, caller: { actor, role: 'applicant', unitId: u.id, officerJurisdictions: [] } });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Plans: per jurisdiction, one call open today and its applications
// ---------------------------------------------------------------------------------------------------------

type Outcome = 'draft' | 'submitted' | 'returned';

interface AppPlan {
  unit: string;
  studioRecognized: boolean;
  outcome: Outcome;
  /** Days before `now` the unit started; later steps follow on the next days. */
  startDay: number;
  submitDay?: number;
  returnDay?: number;
  forms: Record<string, Record<string, unknown>>;
  /** Checklist item → files to upload. */
  materials: Record<string, DemoFile[]>;
  correction?: { items: { kind: 'form' | 'material'; id: string; comment: string }[]; deadlineWorkingDays: number; note: string };
}

interface Plan {
  key: string;
  jurisdiction: string;
  createdAt: Date;
  call: {
    policyId: string;
    program: 'studio-recognition' | 'construction-project';
    title: string;
    year: number;
    opensAt: string;
    closesAt: string;
    quota?: number;
    projectsCloseBy?: string;
    contacts: { name?: string; phone: string; address?: string; hours?: string }[];
    noticeText: string;
  };
  apps: AppPlan[];
}

/**
 * The call window: opened 10 days ago at 09:00, closing 20 days from now at 18:00 (the 18:00 close of the 2026
 * 大兴 notice 四), both kept inside the edition's validity. Null when the edition is not in force today.
 */
function callWindow(now: Date, editionId: string) {
  const edition = getEdition(editionId)!;
  const today = shanghaiDate(now);
  if (edition.validFrom > dayFrom(now, -1) || (edition.validTo && edition.validTo <= today)) return null;
  let openDay = dayFrom(now, -10);
  if (openDay < edition.validFrom) openDay = edition.validFrom;
  // A window closes on a statutory working day (the desk answers calls until 18:00 that day).
  let closeAfter = 20;
  while (closeAfter < 30 && !isWorkingDay(dayFrom(now, closeAfter)).working) closeAfter++;
  let closeDay = dayFrom(now, closeAfter);
  if (edition.validTo && closeDay > edition.validTo) closeDay = edition.validTo;
  return { edition, openDay, closeDay, opensAt: `${openDay}T09:00`, closesAt: `${closeDay}T18:00`, year: Number(openDay.slice(0, 4)) };
}

/** Days before now, never before the call opened (the window may have opened later when an edition is new). */
function dayIn(now: Date, openDay: string, daysAgo: number) {
  const earliest = Math.round((fromShanghaiLocal(`${openDay}T00:00`).getTime() - fromShanghaiLocal(`${shanghaiDate(now)}T00:00`).getTime()) / DAY_MS);
  return Math.max(daysAgo, earliest);
}

// ----- 大兴: 2026-style construction-project round (京兴人社发〔2025〕21号 第四条、第九条（二）; 2026 notice) -----

function daxingPlan(ctx: Ctx): Plan | null {
  const w = callWindow(ctx.now, 'daxing-2025');
  if (!w) return null;
  const program = w.edition.programs.find((p) => p.id === 'construction-project')!;
  const quota = param(program.quota, w.openDay)?.value;
  const template = w.edition.calls.find((c) => c.program === 'construction-project');
  // 2026 notice 二（二）4: projects close by the end of October of the round's year — here the end of the fifth
  // month after the window closes, so a project planned from the next month fits.
  const firstMonth = addMonths(w.closeDay.slice(0, 7), 1);
  const projectsCloseBy = lastDayOf(addMonths(firstMonth, 4));
  const closeDate = `${Number(projectsCloseBy.slice(0, 4))}年${Number(projectsCloseBy.slice(5, 7))}月底`;
  const d = (days: number) => dayIn(ctx.now, w.openDay, days);
  const noticeText = [
    `各相关单位：`,
    `为促进技能大师工作室持续创新，加快科技成果转化，提升技能人才服务“两区”建设能力，根据北京市大兴区人力资源和社会保障局、北京市大兴区财政局《关于印发<大兴区技能大师工作室建设管理办法>的通知》（京兴人社发〔2025〕21号）要求，组织开展${w.year}年大兴区技能大师工作室建设项目评选工作，现就有关事项通知如下：`,
    `一、评选范围和条件`,
    `已被认定为“大兴区技能大师工作室”的工作室可申报建设项目，建设项目每年评选一次，每次评选不超过${quota ?? 10}个，项目建设期一般不超过1年。工作室申报的建设项目内容应符合大兴区“三区一门户”功能定位，已列入北京产业禁限目录范围的项目不纳入申报范围。`,
    `二、申报材料及要求`,
    `1.大兴区技能大师工作室建设项目工作计划书（附件1），主要包括项目名称、项目类别、工作对象、成果名称、预期目标、项目时间进度安排、监督保障措施以及项目所需经费计划；2.大兴区技能大师工作室建设项目申报书；3.申报单位的银行开户许可证复印件；4.申报材料真实性承诺书（附件2）。`,
    `申报的建设项目应为计划实施或正在实施的项目，已完成的项目不在申报范围内。本次申报的建设项目应于${closeDate}前完成结项。建设项目核心内容须由工作室实施，不得委托第三方实施。`,
    `三、申报程序`,
    `网上申报后，大兴区人力资源和社会保障局对申报材料进行完整性审核（初审），材料不齐或不符合要求的，告知申报单位补齐补正；随后组织专家评审，对拟定的建设项目名单公示5个工作日。对经评审确定的建设项目，给予最高5万元的经费补助，在项目结束后对评审考核通过的建设项目拨付相应经费。`,
    `四、申报时间`,
    `自${fmtDay(w.openDay)}起至${fmtDay(w.closeDay)}18:00前。`,
    `五、联系方式`,
    `联系人：周云汉、姜锦颐；联系电话：81298272；联系地址：大兴区永华南里14号艺苑桐城行政办公区人力资源公共服务中心121室。`,
  ].join('\n');
  return {
    key: 'daxing',
    jurisdiction: 'daxing',
    createdAt: beforeOpening(atDay(ctx.now, deskDay(ctx.now, d(-11)), '16:30'), w.opensAt),
    call: {
      policyId: 'daxing-2025',
      program: 'construction-project',
      title: `${w.year}年大兴区技能大师工作室建设项目评选`,
      year: w.year,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      quota,
      projectsCloseBy,
      contacts: template?.contacts ?? [{ name: '周云汉、姜锦颐', phone: '81298272' }],
      noticeText,
    },
    apps: [
      {
        unit: 'unit-a',
        studioRecognized: true,
        outcome: 'returned',
        startDay: d(-9),
        submitDay: d(-6),
        returnDay: d(-2),
        forms: daxingProject(ctx, 'unit-a', d(-6), firstMonth, DAXING_PROJECTS['unit-a']),
        materials: { 'bank-account-permit': [file('银行开户许可证（复印件）.png', 'png')] },
        correction: {
          items: [
            { kind: 'material', id: 'bank-account-permit', comment: '银行开户许可证复印件未加盖单位公章且账号不清晰，请重新上传加盖公章的彩色扫描件' },
            { kind: 'form', id: 'work-plan', comment: '经费计划中“设备设施更新完善”一项请列明设备名称、数量和单价' },
          ],
          deadlineWorkingDays: 5,
          note: '初审：材料基本齐全，以下两项需补正（2026年通知三（二）：材料不齐或不符合要求的，告知申报单位补齐补正）。',
        },
      },
      {
        unit: 'unit-d',
        studioRecognized: true,
        outcome: 'submitted',
        startDay: d(-8),
        submitDay: d(-4),
        forms: daxingProject(ctx, 'unit-d', d(-4), firstMonth, DAXING_PROJECTS['unit-d']),
        materials: { 'bank-account-permit': [file('银行开户许可证.pdf', 'pdf')] },
      },
      {
        unit: 'unit-e',
        studioRecognized: true,
        outcome: 'submitted',
        startDay: d(-7),
        submitDay: d(-3),
        forms: daxingProject(ctx, 'unit-e', d(-3), firstMonth, DAXING_PROJECTS['unit-e']),
        materials: { 'bank-account-permit': [file('开户许可证.pdf', 'pdf')] },
      },
      {
        unit: 'unit-g',
        studioRecognized: true,
        outcome: 'submitted',
        startDay: d(-5),
        submitDay: d(-1),
        forms: daxingProject(ctx, 'unit-g', d(-1), firstMonth, DAXING_PROJECTS['unit-g']),
        materials: { 'bank-account-permit': [file('银行开户许可证.pdf', 'pdf')] },
      },
      {
        // A draft half-way: the plan's first part written, no budget, proposal and commitment not yet started.
        unit: 'unit-f',
        studioRecognized: true,
        outcome: 'draft',
        startDay: d(-2),
        forms: {
          'work-plan': {
            unitName: ctx.units.get('unit-f')?.name ?? '',
            projectName: '无菌制剂生产设备维护保养培训资源建设项目',
            category: '培训资源建设',
            workObjects: ['技术工人', '培训资料'],
            outcomeName: '《无菌灌装线维护保养实训教程》',
          },
        },
        materials: {},
      },
    ],
  };
}

/**
 * 大兴 studio recognition runs every two years (京兴人社发〔2025〕21号 第四条), counted from the edition's first
 * year: a round is open only in those years. New studios file the studio and its project together (第十条).
 */
function daxingStudioPlan(ctx: Ctx): Plan | null {
  const w = callWindow(ctx.now, 'daxing-2025');
  if (!w) return null;
  const program = w.edition.programs.find((p) => p.id === 'studio-recognition')!;
  if ((w.year - Number(w.edition.validFrom.slice(0, 4))) % program.cadence.everyYears !== 0) return null;
  const quota = param(program.quota, w.openDay)?.value;
  const d = (days: number) => dayIn(ctx.now, w.openDay, days);
  const firstMonth = addMonths(w.closeDay.slice(0, 7), 2);
  const noticeText = [
    `各相关单位：`,
    `根据《大兴区技能大师工作室建设管理办法》（京兴人社发〔2025〕21号），现组织开展${w.year}年大兴区技能大师工作室评选工作。工作室每两年评选一次，每次不超过${quota ?? 3}个（第四条）。`,
    `新申报的工作室须同时提交工作室及建设项目申报材料（第十条）：大兴区技能大师工作室申报表、申报报告、营业执照或事业单位法人证书、相关证明材料、申报材料真实性承诺书，以及建设项目工作计划书、申报书和银行开户许可证复印件（第九条）。`,
    `工作室名称为“大兴区+技能大师姓名+职业名称+技能大师工作室”（第九条（一）2）。除技能大师外，团队应有3名以上本单位正式员工（第七条（二）5）。`,
    `申报时间：${fmtDay(w.openDay)}起至${fmtDay(w.closeDay)}18:00前。`,
    `联系人：周云汉、姜锦颐；联系电话：81298272；联系地址：大兴区永华南里14号艺苑桐城行政办公区人力资源公共服务中心121室。`,
  ].join('\n');
  const unitL = ctx.units.get('unit-l');
  const master = { masterName: '蒋立波', occupation: '工具钳工' };
  const project = daxingProject(ctx, 'unit-l', d(-2), firstMonth, {
    ...DAXING_PROJECTS['unit-a'],
    projectName: '硬质合金刀具刃磨技艺传承项目',
    category: '技艺传承推广',
    outcomeName: '《数控刀具刃磨工艺规范》及培养刃磨技师3名',
  });
  return {
    key: 'daxing-studio',
    jurisdiction: 'daxing',
    createdAt: beforeOpening(atDay(ctx.now, deskDay(ctx.now, d(-11)), '16:00'), w.opensAt),
    call: {
      policyId: 'daxing-2025',
      program: 'studio-recognition',
      title: `${w.year}年大兴区技能大师工作室评选`,
      year: w.year,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      quota,
      contacts: w.edition.calls[0]?.contacts ?? [{ name: '周云汉、姜锦颐', phone: '81298272' }],
      noticeText,
    },
    apps: [
      {
        unit: 'unit-l',
        studioRecognized: false,
        outcome: 'submitted',
        startDay: d(-8),
        submitDay: d(-2),
        forms: {
          'studio-application': {
            unitName: unitL?.name ?? '',
            creditCode: unitL?.creditCode ?? '',
            unitAddress: unitL?.address ?? '',
            contactName: unitL?.contactName ?? '',
            contactPhone: unitL?.contactPhone ?? '',
            ...master,
            idNumber: idNumber('110224', '1976-09-18', '017'),
            occupationListed: true,
            skillLevel: 'senior-technician',
            certificateNumber: 'Y000011000000173266',
            post: '刃磨车间主任',
            frontlineYears: 29,
            achievements: '从事刀具刃磨29年，主持攻关硬质合金钻头刃口崩刃问题，刀具寿命提高40%；近五年带徒15名，其中技师6名。',
            honours: '北京市技术能手；大兴区优秀高技能人才',
            studioName: `大兴区${master.masterName}${master.occupation}技能大师工作室`,
            direction: '围绕精密刀具刃磨和涂层前处理，开展技艺传承和技术攻关，服务区内航空、汽车零部件企业。',
            team: [
              { name: '蒋凡', idNumber: idNumber('110115', '1988-03-05', '031'), occupation: '工具钳工', qualification: '技师', formalEmployee: true },
              { name: '宋佳', idNumber: idNumber('110115', '1992-12-14', '048'), occupation: '磨工', qualification: '高级工', formalEmployee: true },
              { name: '邓涛', idNumber: idNumber('130625', '1990-06-27', '075'), occupation: '机械工程', qualification: '工程师', formalEmployee: true },
            ],
          },
          ...project,
          commitment: { ...project.commitment, scope: '工作室及建设项目' },
        },
        materials: {
          'studio-report': [file('申报报告.pdf', 'pdf')],
          'unit-licence': [file('营业执照.png', 'png')],
          'supporting-evidence': [file('技能等级证书及荣誉证书.pdf', 'pdf')],
          'bank-account-permit': [file('银行开户许可证.pdf', 'pdf')],
        },
      },
      {
        unit: 'unit-m',
        studioRecognized: false,
        outcome: 'draft',
        startDay: d(-3),
        forms: {
          'studio-application': { unitName: ctx.units.get('unit-m')?.name ?? '', masterName: '冯建军', occupation: '印刷操作员', studioName: '大兴区冯建军印刷操作员技能大师工作室' },
        },
        materials: { 'unit-licence': [file('营业执照.png', 'png')] },
      },
    ],
  };
}

const NO_UNIT: DemoFormUnit = { name: '', creditCode: '', address: '', contactName: '', contactPhone: '', legalRepresentative: '' };
const unitOf = (ctx: Ctx, key: string): DemoFormUnit => ctx.units.get(key) ?? NO_UNIT;

const fmtDay = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

const DAXING_PROJECTS: Record<string, DaxingProject> = {
  'unit-a': {
    projectName: '精密数控加工技艺传承与青年技工培养项目',
    category: '技艺传承推广',
    workObjects: ['技术工人', '培训资料'],
    outcomeName: '《五轴数控加工典型工艺案例集》及培养技能骨干12名',
    expectedGoals: '完成航空结构件、精密模具等典型零件工艺案例20个，编写案例集一册；通过师带徒培养技师4名、高级工8名；单位关键工序一次交检合格率由95%提升至98%。',
    phases: [
      ['启动与调研', 0, 0, '梳理典型零件和工艺难点，确定带徒名单，签订师带徒协议。'],
      ['师带徒实训', 1, 2, '每周两次五轴加工实操训练，逐件编写工艺案例。'],
      ['技能考核', 3, 3, '组织技师、高级工技能等级认定考核。'],
      ['总结结项', 4, 4, '成果汇编、考核验收、提交结项报告。'],
    ],
    supervision: '单位设立项目专账，经费专款专用；人力资源部每月检查进度并形成台账，财务部审核每笔支出，工作室领办人对成果质量负责。',
    budget: [
      ['人才培训', '实训耗材及刀具', 20000],
      ['技能人才交流推广', '案例集编印 300 册', 10000],
      ['设备设施更新完善', '刀具预调仪', 15000],
    ],
    necessity: '区内航空零部件企业急需五轴加工技能人才，本单位青年技工占比超过六成，高技能人才断档明显，亟需通过师带徒加快培养。',
    feasibility: '工作室拥有五轴加工中心3台、技师5名，领办人从事数控加工28年，近三年带徒23名，具备实施条件。',
    budgetRationale: '经费按京兴人社发〔2025〕21号第十五条用于人才培训、交流推广和设备更新，价格参照近一年采购合同和市场询价。',
    benefits: '培养骨干12名，案例集向区内同行企业免费推广，预计减少废品损失每年约30万元。',
    evaluation: '以案例数量、考核通过人数和关键工序合格率为考核指标，结项时逐项对照计划书验收。',
    oversight: '项目进度和经费使用接受区人社局监督检查，过程资料和票据存档备查。',
  },
  'unit-d': {
    projectName: '汽车底盘焊接工艺革新与标准化作业项目',
    category: '技术革新',
    workObjects: ['生产工序', '工作标准'],
    outcomeName: '《底盘副车架机器人焊接作业指导书》及焊接夹具改进2项',
    expectedGoals: '优化副车架机器人焊接参数，焊缝一次合格率由93%提升至98%；编制作业指导书1套并在3条产线推行；改进焊接夹具2项，单件节拍缩短8%。',
    phases: [
      ['问题诊断', 0, 0, '统计近一年焊接缺陷，确定攻关清单。'],
      ['工艺试验', 1, 2, '开展焊接参数正交试验，改进夹具定位结构。'],
      ['标准固化', 3, 4, '编制作业指导书，产线试行并培训操作工40人次。'],
    ],
    supervision: '项目由工作室领办人负责，质量部每月复核试验数据，财务部按预算审核报销，重大调整报区人社局备案。',
    budget: [
      ['技术技能创新研发', '焊接试验材料及检测', 18000],
      ['设备设施更新完善', '快换定位销及夹具改制', 16000],
      ['人才培训', '产线操作工培训教材', 6000],
    ],
    necessity: '副车架焊接缺陷是本单位客户投诉的主要来源，现有作业方法依赖个人经验，需要固化为标准。',
    feasibility: '工作室有焊工技师4名、焊接工程师2名，拥有焊接机器人工作站2套和焊缝检测设备。',
    budgetRationale: '各项支出均与工艺试验和夹具改进直接相关，试验材料按实际消耗测算，夹具改制按供应商报价。',
    benefits: '预计每年减少返修工时1200小时，作业指导书可在区内同类企业推广。',
    evaluation: '以焊缝合格率、节拍和指导书推行情况为指标，对照试行前后三个月数据评价。',
    oversight: '试验记录、会议纪要和票据按月归档，接受区人社局和财政部门检查。',
  },
  'unit-e': {
    projectName: '景泰蓝掐丝技艺传承推广项目',
    category: '技艺传承推广',
    workObjects: ['技术工人', '教材'],
    outcomeName: '《景泰蓝掐丝技法图解》教材及非遗技艺体验课程',
    expectedGoals: '整理掐丝、点蓝传统技法36项并编写图解教材1册；带徒8名，其中4名达到高级工水平；面向区内中小学开展非遗体验课12场、受众600人次。',
    phases: [
      ['技法整理', 0, 1, '由领办人口述示范，团队拍摄记录并整理技法要点。'],
      ['教材编写', 2, 3, '编写图解教材，开展师带徒集中授艺。'],
      ['推广展示', 3, 4, '进校园开展体验课，举办师徒作品展。'],
    ],
    supervision: '工作室制定授艺计划和考勤制度，单位财务专人管理项目经费，按季度向区人社局报送进展。',
    budget: [
      ['技能人才交流推广', '教材编印及作品展布展', 22000],
      ['人才培训', '铜丝、釉料等授艺耗材', 15000],
      ['技能人才交流推广', '进校园体验课材料包', 8000],
    ],
    necessity: '景泰蓝制作技艺为国家级非物质文化遗产，本单位掐丝技师平均年龄55岁，技艺传承面临断层。',
    feasibility: '领办人为区级非遗传承人，从业35年；单位有授艺工作室120平方米，与区内3所学校已建立合作。',
    budgetRationale: '耗材按带徒人数和课时测算，印刷、布展费用按询价，支出范围符合京兴人社发〔2025〕21号第十五条。',
    benefits: '培养非遗技艺传承人才，扩大大兴非遗品牌影响，教材可用于区内职业培训。',
    evaluation: '以技法整理数量、徒弟考核结果和体验课场次、人次为指标，结项时提交影像资料佐证。',
    oversight: '授艺记录、课程签到和经费票据全部存档，接受区人社局监督。',
  },
  'unit-g': {
    projectName: '配电网不停电作业技能培训资源开发项目',
    category: '培训资源建设',
    workObjects: ['技术工人', '培训资料', '技术规程'],
    outcomeName: '配电网不停电作业实训课程包（含12个作业项目视频与考核标准）',
    expectedGoals: '开发不停电作业实训课程12项，配套考核标准；培训一线作业人员60人次，取得带电作业资格人数增加15人；作业安全事件为零。',
    phases: [
      ['课程设计', 0, 0, '依据不停电作业规程梳理12个典型作业项目。'],
      ['资源开发', 1, 3, '拍摄作业示范视频，编写课件和考核标准。'],
      ['试点培训', 4, 4, '组织两期试点培训并修订课程。'],
    ],
    supervision: '单位安全监察部全程监督实训安全，工作室每月召开进度会，经费支出由财务部按预算审核。',
    budget: [
      ['人才培训', '课程视频拍摄与课件制作', 25000],
      ['设备设施更新完善', '绝缘工器具实训套件', 20000],
    ],
    necessity: '临空经济区新建配电网规模大、可靠性要求高，不停电作业人员缺口约30人，现有培训以师傅口传为主。',
    feasibility: '工作室有高级技师2名、技师6名，拥有不停电作业实训场地，与区内职业院校已有合作基础。',
    budgetRationale: '拍摄制作按市场价，工器具按三家询价取低，支出用途符合办法第十五条。',
    benefits: '提升区域配电网供电可靠性，课程包可供区内电力企业共享使用。',
    evaluation: '以课程数量、培训人次、取证人数为指标，结项时提交培训记录和考核成绩。',
    oversight: '实训过程影像和签到表存档，经费使用接受区人社局和审计监督。',
  },
};

/** The three forms of a 大兴 project application of a recognised studio (第十条; 2026 notice 附件1、附件2). */
function daxingProject(ctx: Ctx, unitKey: string, signDay: number, firstMonth: string, p: DaxingProject) {
  return daxingProjectForms(unitOf(ctx, unitKey), p, dayFrom(ctx.now, signDay), firstMonth);
}

// ----- 经开区: studio recognition and funding (京技管发〔2024〕1号; 2026 办事指南) -----

function etdzPlan(ctx: Ctx): Plan | null {
  const w = callWindow(ctx.now, 'etdz-2024');
  if (!w) return null;
  const template = w.edition.calls.find((c) => c.program === 'studio-recognition');
  const d = (days: number) => dayIn(ctx.now, w.openDay, days);
  const noticeText = [
    `一、政策依据`,
    `《北京经济技术开发区技能大师工作室建设管理办法（试行）》（京技管发〔2024〕1号）第十四条“经评审首次认定为经开区技能大师工作室的，按照每个工作室20万元的标准给予一次性资助。”`,
    `二、申报条件`,
    `在经开区范围内依法实际经营的企事业单位、社会团体及行业组织；除领办人外，应为工作室配备一支由3名以上正式员工组成的技术技能人才团队。领办人长期在生产服务一线岗位工作，具有技师及以上国家职业资格或技能等级证书，在职在聘，距法定退休年龄2年以上（含2年）。`,
    `三、支持标准`,
    `经评审首次认定为经开区技能大师工作室的，按照每个工作室20万元的标准给予一次性资助；取得国家、北京市技能大师工作室称号的，分别按照20万元和10万元的标准给予一次性奖励。`,
    `四、申报材料`,
    `申报表在线填写；企业营业执照选取电子证照；承诺书、银行账户信息下载模板填写，加盖公章，彩色扫描上传；证书、获奖证书、专利原件彩色扫描上传；工作室管理制度、场所照片加盖公章彩色扫描上传；领办人及工作室成员劳动合同原件彩色扫描上传。`,
    `收到打印纸质材料短信通知后，在3个工作日内从平台下载带水印全套申报材料打印，一式一份有序胶装，递交至政务服务大厅“政策申报”窗口。`,
    `五、办理程序`,
    `网上申报 → 初审（经开区营商环境建设局） → 审核（经开区人力资源和社会保障服务中心） → 线下受理 → 专家评审 → 确定扶持结果 → 公示 → 资金拨付。`,
    `六、申报时间`,
    `${fmtDay(w.openDay)}至${fmtDay(w.closeDay)}。`,
  ].join('\n');
  const scans = (name: string) => [file(name, 'pdf')];
  return {
    key: 'etdz',
    jurisdiction: 'etdz',
    createdAt: beforeOpening(atDay(ctx.now, deskDay(ctx.now, d(-11)), '15:00'), w.opensAt),
    call: {
      policyId: 'etdz-2024',
      program: 'studio-recognition',
      // The concluded round of the registry demo (about 170 days earlier) is the year's first batch when the years agree.
      title: `${w.year}年经开区技能大师工作室认定资助${shanghaiDate(new Date(ctx.now.getTime() - 170 * DAY_MS)).startsWith(String(w.year)) ? '（第二批）' : ''}`,
      year: w.year,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      contacts: template?.contacts ?? [{ name: '经开区人力资源和社会保障服务中心', phone: '010-86355977' }],
      noticeText,
    },
    apps: [
      {
        unit: 'unit-b',
        studioRecognized: false,
        outcome: 'submitted',
        startDay: d(-8),
        submitDay: d(-2),
        forms: etdzForms(ctx, 'unit-b', d(-3), ETDZ_STUDIOS['unit-b']),
        materials: {
          commitment: scans('承诺书（盖章）.pdf'),
          'bank-account': scans('银行账户信息（盖章）.pdf'),
          'skill-certificate': [file('高级技师证书.png', 'png')],
          'studio-rules': scans('工作室管理制度及工作职责.pdf'),
          'venue-photos': [file('工作室场所照片.png', 'png')],
          'labour-contracts': scans('领办人及成员劳动合同.pdf'),
        },
      },
      {
        unit: 'unit-h',
        studioRecognized: false,
        outcome: 'submitted',
        startDay: d(-7),
        submitDay: d(-1),
        forms: etdzForms(ctx, 'unit-h', d(-1), ETDZ_STUDIOS['unit-h']),
        materials: {
          commitment: scans('承诺书.pdf'),
          'bank-account': scans('银行账户信息.pdf'),
          'patents-inventions': scans('实用新型专利证书.pdf'),
          'studio-rules': scans('工作室管理制度.pdf'),
          'venue-photos': [file('实训场所照片.png', 'png')],
          'labour-contracts': scans('劳动合同.pdf'),
        },
      },
      {
        // A draft: the unit part of the 申报表 filled, the master and team not yet.
        unit: 'unit-i',
        studioRecognized: false,
        outcome: 'draft',
        startDay: d(-1),
        forms: {
          'studio-application': (() => {
            const full = etdzForms(ctx, 'unit-i', d(-1), ETDZ_STUDIOS['unit-i'])['studio-application'];
            const { unitName, creditCode: code, unitType, unitAddress, contactName, contactPhone, studioName, direction } = full;
            return { unitName, creditCode: code, unitType, unitAddress, contactName, contactPhone, studioName, direction };
          })(),
        },
        materials: { 'studio-rules': scans('工作室管理制度（初稿）.pdf') },
      },
    ],
  };
}

const ETDZ_STUDIOS: Record<string, EtdzStudio> = {
  'unit-b': {
    leaderName: '王振华',
    id: ['110228', '1979-04-16', '031'],
    mobile: '13911850273',
    occupation: '工业机器人系统运维员',
    skillLevel: 'senior-technician',
    certificateNumber: 'Y000011000000215873',
    post: '智能产线运维班组长',
    frontlineYears: 22,
    honours: ['北京市有突出贡献的高技能人才'],
    innovations: '一种工业机器人末端快换装置（实用新型专利）；焊装线机器人离线编程优化方法。',
    studioName: '王振华工业机器人运维技能大师工作室',
    direction: '围绕新能源汽车智能产线，开展工业机器人故障诊断、预防性维护和离线编程技术攻关，推行名师带徒。',
    targets: '三年内培养技师10名、高级工20名；形成机器人运维标准作业程序12项；每年开展技术交流推广活动不少于4次。',
    support: '单位每年安排专项资金30万元，提供200平方米实训场地及六轴机器人实训工作站4套。',
    talentPipeline: '现有机器人运维岗位员工86人，其中高级技师3人、技师11人、高级工32人，形成梯次结构。',
    team: [
      ['陈立新', ['110105', '1985-09-02', '057'], '工业机器人系统运维员', '技师'],
      ['赵敏', ['110108', '1990-03-21', '024'], '电工', '高级工'],
      ['周凯', ['130682', '1992-11-08', '015'], '机械工程', '工程师'],
      ['吴婷', ['110115', '1994-06-30', '046'], '工业机器人系统操作员', '高级工'],
    ],
  },
  'unit-h': {
    leaderName: '沈建明',
    id: ['110101', '1975-12-05', '013'],
    mobile: '13601296648',
    occupation: '数控车工',
    skillLevel: 'technician',
    certificateNumber: 'S000011000000188420',
    post: '精密加工车间主任',
    frontlineYears: 27,
    honours: ['享受北京市政府技师特殊津贴'],
    innovations: '一种薄壁套筒类零件车削防变形夹具（实用新型专利）。',
    studioName: '沈建明精密数控车削技能大师工作室',
    direction: '聚焦半导体装备精密零部件车削加工，攻关薄壁件变形、难加工材料切削等工艺难题。',
    targets: '每年解决工艺难题不少于3项；三年培养技师6名；编写内部培训教材2部。',
    support: '单位提供专项经费每年20万元、工作室场地150平方米及数控车床4台。',
    talentPipeline: '车工岗位员工54人，其中技师6人、高级工21人。',
    team: [
      ['刘斌', ['110224', '1986-02-14', '035'], '数控车工', '技师'],
      ['张璐', ['110106', '1991-07-19', '028'], '机械设计', '工程师'],
      ['高伟', ['110115', '1993-10-01', '011'], '数控车工', '高级工'],
    ],
  },
  'unit-i': {
    leaderName: '林海',
    id: ['110102', '1978-08-11', '053'],
    mobile: '13522178034',
    occupation: '半导体分立器件和集成电路装调工',
    skillLevel: 'technician',
    certificateNumber: '',
    post: '装调部主管',
    frontlineYears: 19,
    honours: [],
    studioName: '林海半导体装备装调技能大师工作室',
    direction: '围绕刻蚀、薄膜沉积设备整机装调，开展装调工艺标准化和青年装调工培养。',
    targets: '',
    support: '',
    talentPipeline: '',
    team: [],
  },
};

function etdzForms(ctx: Ctx, unitKey: string, signDay: number, s: EtdzStudio) {
  return etdzStudioForms(unitOf(ctx, unitKey), s, dayFrom(ctx.now, signDay), { bankName: '中国工商银行北京经济技术开发区支行', accountNumber: '0200 2145 0920 0087 316' });
}

// ----- 顺义: studio recognition (顺义区技能大师工作室管理办法（试行）征求意见稿) -----

function shunyiPlan(ctx: Ctx): Plan | null {
  const w = callWindow(ctx.now, 'shunyi-draft');
  if (!w) return null;
  const program = w.edition.programs.find((p) => p.id === 'studio-recognition')!;
  const quota = param(program.quota, w.openDay)?.value;
  const d = (days: number) => dayIn(ctx.now, w.openDay, days);
  const noticeText = [
    `各有关单位：`,
    `根据《顺义区技能大师工作室管理办法（试行）》，现组织开展${w.year}年顺义区技能大师工作室申报认定工作。`,
    `一、申报条件（第四条）`,
    `凡在顺义区注册或经营的企事业单位，依托技艺精湛、贡献突出的高技能人才建立的技能大师工作室均可申报。技能大师长期在生产服务一线岗位工作，原则上应取得技师及以上国家职业资格证书或职业技能等级证书（高精尖产业、新兴产业领域可适度放宽到高级工），在职在聘，距法定退休年龄2年以上（含2年）；除领办人外，为工作室配备一支由3名以上正式员工组成的技术技能人才团队。`,
    `二、申报材料（第五条）`,
    `（一）顺义区技能大师工作室申报表（附件1）；（二）其他材料：领办人及工作室成员国家职业资格或技能等级证书、获奖证书复印件，国家专利或主要创新发明材料，相关工作成果材料；工作室各项配套制度以及场所、设备等工作条件情况说明或照片。以上材料一式2份，A4纸黑白打印装订成册，同时报送电子文档。`,
    `三、认定与支持（第六条、第八条）`,
    `区人力资源和社会保障局对拟定名单进行不少于5个工作日的公示，每年认定不超过${quota ?? 5}家；对经认定的工作室所在企业给予10万元资金支持。`,
    `四、申报时间`,
    `${fmtDay(w.openDay)}至${fmtDay(w.closeDay)}18:00（第五条：每年8月底前报送）。`,
  ].join('\n');
  return {
    key: 'shunyi',
    jurisdiction: 'shunyi',
    createdAt: beforeOpening(atDay(ctx.now, deskDay(ctx.now, d(-11)), '11:00'), w.opensAt),
    call: {
      policyId: 'shunyi-draft',
      program: 'studio-recognition',
      title: `${w.year}年顺义区技能大师工作室申报认定`,
      year: w.year,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      quota,
      // The draft names no contact; the demo desk's (王芳, shunyi-officer) is shown, marked as a demo number.
      contacts: [{ name: '王芳（顺义区人力资源和社会保障局）', phone: '010-69443000（演示）', address: '北京市顺义区（以区人社局公布的地址为准）', hours: '工作日上午9:00—12:00，下午1:30—5:00' }],
      noticeText,
    },
    apps: [
      {
        unit: 'unit-c',
        studioRecognized: false,
        outcome: 'returned',
        startDay: d(-9),
        submitDay: d(-5),
        returnDay: d(-1),
        forms: { 'studio-application': shunyiForm(ctx, 'unit-c', d(-5), SHUNYI_STUDIOS['unit-c']) },
        materials: {
          'leader-evidence': [file('领办人技能等级证书及获奖证书.pdf', 'pdf')],
          'team-evidence': [file('工作室成员证书及工作成果.pdf', 'pdf')],
          'studio-conditions': [file('工作室配套制度及场所照片.pdf', 'pdf'), file('维修车间照片.png', 'png')],
        },
        correction: {
          items: [
            { kind: 'material', id: 'team-evidence', comment: '工作室成员材料缺少吴昊的技能等级证书，请补充上传' },
            { kind: 'form', id: 'studio-application', comment: '“申报单位意见”需写明单位对工作室资金、场地的具体支持承诺' },
          ],
          deadlineWorkingDays: 5,
          note: '初审：申报表和证书材料需补正后重新提交。',
        },
      },
      {
        unit: 'unit-j',
        studioRecognized: false,
        outcome: 'submitted',
        startDay: d(-6),
        submitDay: d(-3),
        forms: { 'studio-application': shunyiForm(ctx, 'unit-j', d(-3), SHUNYI_STUDIOS['unit-j']) },
        materials: {
          'leader-evidence': [file('领办人证书及专利材料.pdf', 'pdf')],
          'team-evidence': [file('团队成员证书.pdf', 'pdf')],
          'studio-conditions': [file('工作室场所及设备情况说明.pdf', 'pdf')],
        },
      },
      {
        unit: 'unit-k',
        studioRecognized: false,
        outcome: 'draft',
        startDay: d(-2),
        forms: {
          'studio-application': (() => {
            const { unitName, studioName, filledOn, name, sex, ethnicity, birthMonth, occupation, skillLevel, idNumber: id } = shunyiForm(ctx, 'unit-k', d(-2), SHUNYI_STUDIOS['unit-k']);
            return { unitName, studioName, filledOn, name, sex, ethnicity, birthMonth, occupation, skillLevel, idNumber: id };
          })(),
        },
        materials: { 'leader-evidence': [file('酿酒师技能等级证书.png', 'png')] },
      },
    ],
  };
}

const SHUNYI_STUDIOS: Record<string, ShunyiStudio> = {
  'unit-c': {
    name: '韩立军',
    id: ['110113', '1977-05-23', '071'],
    ethnicity: '汉族',
    politicalStatus: '中共党员',
    education: '大专',
    occupation: '民航机械维修员',
    skillLevel: 'senior-technician',
    position: '航线维修部主任',
    workStart: '1996-07',
    mobile: '13801163592',
    studioName: '韩立军航空器维修技能大师工作室',
    unitSupport: '单位每年安排专项经费25万元，提供机库内工作室用房180平方米、发动机孔探仪等设备，并将工作室带徒成效纳入部门考核。',
    direction: '围绕空港航线维修，开展发动机孔探检测、起落架故障排除等技术攻关，编写维修经验案例，每年带动不少于100人次技艺提升（第十三条）。',
    unitOpinion: '同意申报。',
  },
  'unit-j': {
    name: '曹晓燕',
    id: ['110113', '1982-10-09', '062'],
    ethnicity: '满族',
    politicalStatus: '群众',
    education: '中专',
    occupation: '汽车装调工',
    skillLevel: 'technician',
    position: '总装车间质量班长',
    workStart: '2001-08',
    mobile: '13910047825',
    studioName: '曹晓燕汽车装调技能大师工作室',
    unitSupport: '单位提供工作室场地100平方米、整车装调实训工位2个，每年专项经费15万元，并建立技能津贴激励制度。',
    direction: '聚焦新能源汽车总装调试，开展电气故障诊断、装配质量改进和青年装调工培养。',
    unitOpinion: '经单位审核，申报材料真实，同意推荐申报顺义区技能大师工作室，单位承诺为工作室提供稳定的资金和场地支持。',
  },
  'unit-k': {
    name: '魏长顺',
    id: ['110113', '1973-02-17', '035'],
    ethnicity: '汉族',
    politicalStatus: '群众',
    education: '高中',
    occupation: '酿酒师',
    skillLevel: 'senior-technician',
    position: '酿造车间技术总监',
    workStart: '1991-03',
    mobile: '13701092846',
    studioName: '魏长顺传统白酒酿造技艺技能大师工作室',
    unitSupport: '',
    direction: '',
    unitOpinion: '',
  },
};

/** 顺义 附件1: birth month and sex as the ID number says (the form's own check). */
function shunyiForm(ctx: Ctx, unitKey: string, fillDay: number, s: ShunyiStudio) {
  return shunyiStudioForm(unitOf(ctx, unitKey), s, dayFrom(ctx.now, fillDay));
}

// ---------------------------------------------------------------------------------------------------------
// Steps through the services
// ---------------------------------------------------------------------------------------------------------

interface Step {
  at: Date;
  what: string;
  run(): Promise<void>;
}

async function openCall(db: Db, ctx: Ctx, plan: Plan) {
  const officer = ctx.officers.get(plan.jurisdiction);
  if (!officer) return;
  const call = await createCall(db, plan.call, officer.program, [plan.jurisdiction], plan.createdAt);
  ctx.callIds.set(plan.key, call.id);
}

function applicationSteps(db: Db, ctx: Ctx, plan: Plan, a: AppPlan): Step[] {
  const unit = () => ctx.units.get(a.unit);
  const appId = () => ctx.appIds.get(a.unit);
  const ready = () => !!unit() && !!ctx.callIds.get(plan.key);
  const steps: Step[] = [];
  const startAt = atDay(ctx.now, a.startDay, '09:40');
  steps.push({
    at: startAt,
    what: `${a.unit} starts`,
    run: async () => {
      if (!ready()) return;
      const app = await applicationsService.createApplication(db, unit()!.caller, { callId: ctx.callIds.get(plan.key)!, studioRecognized: a.studioRecognized }, startAt);
      ctx.appIds.set(a.unit, app.id);
    },
  });
  // Forms on the first day, a few minutes apart; materials the day after.
  Object.entries(a.forms).forEach(([formId, data], i) => {
    const at = new Date(startAt.getTime() + (i + 1) * 7 * 60_000);
    steps.push({
      at,
      what: `${a.unit} saves ${formId}`,
      run: async () => {
        if (!appId()) return;
        await applicationsService.saveForm(db, unit()!.caller, appId()!, formId, { data, version: 0 }, at);
      },
    });
  });
  const materialDay = Math.min(a.startDay + 1, a.submitDay ?? -1, -1);
  let n = 0;
  for (const [itemId, files] of Object.entries(a.materials)) {
    for (const f of files) {
      const at = atDay(ctx.now, materialDay, `14:${String(10 + 3 * n++).padStart(2, '0')}`);
      steps.push({
        at,
        what: `${a.unit} uploads ${itemId}`,
        run: async () => {
          if (!appId()) return;
          const bytes = await f.bytes();
          await applicationsService.uploadMaterial(db, ctx.storage, unit()!.caller, appId()!, itemId, { stream: Readable.from([bytes]), filename: f.name }, at);
        },
      });
    }
  }
  if (a.outcome !== 'draft' && a.submitDay !== undefined) {
    const at = atDay(ctx.now, a.submitDay, '16:20');
    steps.push({
      at,
      what: `${a.unit} submits`,
      run: async () => {
        if (!appId()) return;
        await applicationsService.submitApplication(db, unit()!.caller, appId()!, {}, at);
      },
    });
  }
  if (a.outcome === 'returned' && a.returnDay !== undefined && a.correction) {
    const submittedAt = atDay(ctx.now, a.submitDay ?? a.returnDay, '16:20').getTime();
    // After the submission, whatever the calendar (an edition only days old leaves no room).
    const at = new Date(Math.max(atDay(ctx.now, deskDay(ctx.now, a.returnDay, (a.submitDay ?? a.returnDay - 1) + 1), '10:30').getTime(), submittedAt + 70 * 60_000));
    const correction = a.correction;
    steps.push({
      at,
      what: `${plan.jurisdiction} returns ${a.unit}`,
      run: async () => {
        const officer = ctx.officers.get(plan.jurisdiction);
        if (!appId() || !officer) return;
        await applicationsService.returnForCorrection(db, officer.intake, appId()!, correction, at);
      },
    });
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------------------
// Files: small real PDFs (Noto Sans SC) and PNGs, each made once per process and reused
// ---------------------------------------------------------------------------------------------------------

export interface DemoFile {
  name: string;
  bytes(): Promise<Buffer>;
}

const made = new Map<string, Promise<Buffer>>();

export function file(name: string, kind: 'pdf' | 'png'): DemoFile {
  const title = name.replace(/\.(pdf|png)$/, '');
  return {
    name,
    bytes() {
      const key = `${kind}:${title}`;
      let p = made.get(key);
      if (!p) {
        p = kind === 'pdf' ? demoPdf(title) : Promise.resolve(demoPng(title));
        made.set(key, p);
      }
      return p;
    },
  };
}

async function demoPdf(title: string): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: title, Author: '匠心 Jiangxin 演示数据', Creator: 'Jiangxin demo' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFonts().regular);
  doc.font('cjk');
  doc.fontSize(20).fillColor('#a61d24').text(title, { align: 'center' });
  doc.moveDown(1.5);
  doc.fontSize(12).fillColor('#222222');
  doc.text('本文件为匠心技能大师工作室服务平台的演示材料，由演示数据自动生成，不是真实证照或文件。');
  doc.moveDown();
  doc.text('在真实申报中，此处应为按申报指南要求提交的材料扫描件（如需加盖公章、签字或彩色扫描，请按清单要求办理）。');
  doc.moveDown(3);
  doc.fontSize(10).fillColor('#888888').text('演示 · DEMO · 匠心 Jiangxin', { align: 'right' });
  doc.end();
  return done;
}

/** A 240×160 PNG: a light page with a red header band — enough to be a real image the content check accepts. */
function demoPng(seed: string): Buffer {
  const width = 240;
  const height = 160;
  const tint = [...seed].reduce((s, c) => (s + c.charCodeAt(0)) % 40, 0);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x++) {
      const o = row + 1 + x * 3;
      const header = y < 28;
      const frame = x < 8 || x >= width - 8 || y >= height - 8;
      const [r, g, b] = header ? [166, 29, 36] : frame ? [200, 200, 200] : [236 - tint, 240 - tint, 244];
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function pngChunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let c = 0xffffffff;
  for (const b of td) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([len, td, crc]);
}
