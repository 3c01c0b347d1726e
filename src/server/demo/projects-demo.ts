import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { getEdition } from '../../policy/editions';
import { param } from '../../policy/rules/conditions';
import { fromShanghaiLocal, shanghaiDate } from '../../shared/time';
import type { Db, DbOrTx } from '../db/client';
import { applicationForms, applications, calls, studios, units, users } from '../db/schema';
import { disbursementPayments, disbursements, projects } from '../db/schema/funding';
import { projectAssessments, projectClosures, projectMilestones, projectUpdates } from '../db/schema/lifecycle';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { milestonesFromPlan, planItemsOf } from '../modules/projects/plan';
import { addMonths, lastDayOf } from './demo-forms';

/**
 * Demo data of the studio lifecycle: 大兴 construction projects at every stage (issue 7), dated relative to `now`:
 * - last year's round (its projects had to close by the end of last month, 2026 通知 二（二）4 style):
 *   unit-d's project passed its closure assessment and was paid (voucher recorded); unit-a's closure report waits for
 *   the assessment; unit-e's is overdue — the closing date passed with no report;
 * - this year's round, under way: unit-a's project with milestones done and progress reported, unit-g's with a
 *   situation report (第十二条 情况说明) waiting for the officer's answer.
 * The capped subsidy lines follow funding's rule (京兴人社发〔2025〕21号 第十四条): awaiting the condition, paid after the pass.
 */

const DAY_MS = 86_400_000;
const EDITION = 'daxing-2025';

interface DemoPlan {
  unit: string;
  leader: string;
  occupation: string;
  projectName: string;
  category: string;
  workObjects: string[];
  outcomeName: string;
  goals: string[];
  /** [phase, first month offset, last month offset, content] relative to the round's first month. */
  phases: [string, number, number, string][];
  supervision: string;
  budget: [string, string, number][];
}

const PLANS: Record<string, DemoPlan> = {
  passed: {
    unit: '北京兴旺汽车零部件有限公司',
    leader: '韩立军',
    occupation: '钳工',
    projectName: '汽车模具钳工装配技艺传承项目',
    category: '技艺传承推广',
    workObjects: ['技术工人', '培训资料'],
    outcomeName: '《冲压模具钳工装配作业指导书》及培养钳工技师 3 名',
    goals: ['编写装配作业指导书一套（含 15 个典型模具案例）', '通过师带徒培养钳工技师 3 名、高级工 6 名', '模具装配一次合格率由 92% 提升至 97%'],
    phases: [
      ['调研与带徒遴选', 0, 0, '梳理典型模具装配难点，确定带徒人员。'],
      ['案例编写与实训', 1, 5, '编写作业指导书，开展每周两次的装配实训。'],
      ['考核与总结', 6, 7, '组织技能考核，汇编成果，提交结项报告。'],
    ],
    supervision: '单位设项目专账，经费专款专用；技术部每月检查进度，财务部审核每笔支出。',
    budget: [
      ['人才培训', '实训耗材与考核费用', 25_000],
      ['技能人才交流推广', '作业指导书编印', 10_000],
      ['设备设施更新完善', '装配检测量具', 13_000],
    ],
  },
  awaiting: {
    unit: '北京兴业精密机械有限公司',
    leader: '赵德明',
    occupation: '数控铣工',
    projectName: '五轴数控铣削典型零件工艺攻关项目',
    category: '技术攻关研发',
    workObjects: ['生产工序', '技术规范'],
    outcomeName: '《航空薄壁件五轴铣削工艺规范》',
    goals: ['攻克薄壁件加工变形难题，形成工艺规范一项', '关键零件加工周期缩短 20%', '培养五轴编程骨干 4 名'],
    phases: [
      ['难点梳理', 0, 1, '收集变形超差零件数据，确定攻关路线。'],
      ['工艺试验', 2, 5, '开展装夹与刀路对比试验，验证参数。'],
      ['规范编制与推广', 6, 7, '编制工艺规范，组织内部推广培训。'],
    ],
    supervision: '工作室每月例会通报进度，质量部对试验数据复核，财务专账核算。',
    budget: [
      ['技术技能创新研发', '试验材料与刀具', 30_000],
      ['人才培训', '五轴编程培训', 15_000],
    ],
  },
  overdue: {
    unit: '北京京南景泰蓝工艺品有限公司',
    leader: '杜长青',
    occupation: '景泰蓝制作工',
    projectName: '景泰蓝掐丝技艺进校园推广项目',
    category: '技艺传承推广',
    workObjects: ['技术工人', '教材'],
    outcomeName: '景泰蓝掐丝校本教材一册',
    goals: ['编写校本教材一册', '在区内 3 所中小学开设传承课堂 30 课时'],
    phases: [
      ['教材编写', 0, 2, '整理掐丝技法，编写校本教材。'],
      ['进校园授课', 3, 6, '在三所学校开设传承课堂。'],
      ['总结', 7, 7, '汇编课堂成果，提交结项报告。'],
    ],
    supervision: '单位指定专人负责，与学校签订授课协议，按月记录课时。',
    budget: [
      ['人才培训', '授课耗材', 20_000],
      ['技能人才交流推广', '教材印制', 10_000],
    ],
  },
  running: {
    unit: '北京兴业精密机械有限公司',
    leader: '赵德明',
    occupation: '数控铣工',
    projectName: '精密数控加工青年技工培养项目',
    category: '技艺创新培训',
    workObjects: ['技术工人', '培训资料'],
    outcomeName: '《五轴数控加工典型工艺案例集》及培养技能骨干 12 名',
    goals: ['完成典型零件工艺案例 20 个，编写案例集一册', '通过师带徒培养技师 4 名、高级工 8 名', '单位关键工序一次合格率提升至 98%'],
    phases: [
      ['启动与调研', 0, 0, '梳理典型零件和工艺难点，确定带徒名单。'],
      ['实训与案例编写', 1, 4, '开展师带徒实训与工艺案例编写。'],
      ['考核验收', 5, 6, '成果汇编、考核验收、提交结项报告。'],
    ],
    supervision: '单位设立项目专账，经费专款专用；人力资源部每月检查进度，财务部审核支出。',
    budget: [
      ['人才培训', '实训耗材及刀具', 20_000],
      ['技能人才交流推广', '案例集编印', 10_000],
      ['设备设施更新完善', '刀具预调仪', 15_000],
    ],
  },
  situation: {
    unit: '北京新航城电力工程有限公司',
    leader: '郝建国',
    occupation: '电工',
    projectName: '配网带电作业实训装置研制项目',
    category: '培训资源建设',
    workObjects: ['技术工人', '技术规程'],
    outcomeName: '配网带电作业实训装置一套及配套实训规程',
    goals: ['研制带电作业实训装置一套', '编写实训规程一册', '年内完成带电作业实训 200 人次'],
    phases: [
      ['方案设计', 0, 1, '完成实训装置方案设计与评审。'],
      ['装置研制', 2, 4, '采购部件，组装调试实训装置。'],
      ['实训与总结', 5, 6, '开展实训，编写规程，提交结项报告。'],
    ],
    supervision: '项目组每两周报告进度，安全部门全程监督实训安全。',
    budget: [
      ['设备设施更新完善', '实训装置部件', 35_000],
      ['人才培训', '实训组织费用', 15_000],
    ],
  },
};

function workPlan(p: DemoPlan, firstMonth: string, submittedOn: string) {
  const budget = p.budget.map(([purpose, detail, amount]) => ({ purpose, detail, amount }));
  return {
    unitName: p.unit,
    submittedOn,
    projectName: p.projectName,
    category: p.category,
    workObjects: p.workObjects,
    outcomeName: p.outcomeName,
    expectedGoals: p.goals.map((g, i) => `${i + 1}. ${g}`).join('\n'),
    schedule: p.phases.map(([phase, a, b, content]) => ({ phase, startMonth: addMonths(firstMonth, a), endMonth: addMonths(firstMonth, b), content })),
    supervision: p.supervision,
    budget,
    requestedAmount: budget.reduce((n, b) => n + b.amount, 0),
  };
}

export async function loadProjectsDemo(db: Db, now: Date): Promise<void> {
  const edition = getEdition(EDITION);
  const program = edition?.programs.find((p) => p.id === 'construction-project');
  const rule = program?.funding.find((f) => f.kind === 'capped');
  if (!edition || !program || !rule || rule.kind !== 'capped') return;
  const names = [...new Set(Object.values(PLANS).map((p) => p.unit))];
  const unitRows = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.name, names));
  const unitOf = new Map(unitRows.map((u) => [u.name, u.id]));
  if (unitOf.size !== names.length) return; // the intake demo's units are missing: nothing to attach projects to
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'daxing-officer'));
  const [finance] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'daxing-finance'));
  // Read before the transaction: PGlite has one connection, so nothing may query outside the open transaction.
  const members = await db.select({ id: users.id, unitId: users.unitId }).from(users).where(inArray(users.unitId, [...unitOf.values()]));
  const unitUser = async (unitId: string) => members.find((m) => m.unitId === unitId)?.id ?? null;

  const day = (n: number) => shanghaiDate(new Date(now.getTime() + n * DAY_MS));
  const at = (n: number, hhmm = '10:00') => fromShanghaiLocal(`${day(n)}T${hhmm}`);
  const thisMonth = shanghaiDate(now).slice(0, 7);
  const daysTo = (d: string) => Math.round((Date.parse(`${d}T00:00:00Z`) - Date.parse(`${shanghaiDate(now)}T00:00:00Z`)) / DAY_MS);

  // Last year's round: its plans ran from 10 months ago to 2 months ago; projects closed by the end of last month.
  const oldFirst = addMonths(thisMonth, -10);
  const oldCloseBy = lastDayOf(addMonths(thisMonth, -1));
  // This year's round: plans from 2 months ago to 4 months ahead, closing by the end of the month after.
  const newFirst = addMonths(thisMonth, -2);
  const newCloseBy = lastDayOf(addMonths(thisMonth, 5));

  await db.transaction(async (tx) => {
    const rounds = [
      { first: oldFirst, closeBy: oldCloseBy, opens: -400, closes: -370, decided: -330, title: '上一年度大兴区技能大师工作室建设项目评选' },
      { first: newFirst, closeBy: newCloseBy, opens: -150, closes: -120, decided: -90, title: '本年度大兴区技能大师工作室建设项目评选（已确定项目）' },
    ].map((r) => ({ ...r, id: randomUUID() }));
    for (const r of rounds) {
      await tx.insert(calls).values({
        id: r.id,
        jurisdictionId: 'daxing',
        editionId: EDITION,
        program: 'construction-project',
        title: `${day(r.opens).slice(0, 4)}年${r.title.replace(/^(上一年度|本年度)/, '')}`,
        year: Number(day(r.opens).slice(0, 4)),
        opensAt: at(r.opens, '09:00'),
        closesAt: at(r.closes, '18:00'),
        quota: 10,
        projectsCloseBy: r.closeBy,
        contacts: [{ name: '周云汉、姜锦颐', phone: '81298272' }],
        noticeText: `根据京兴人社发〔2025〕21号组织开展建设项目评选。本批次建设项目应于 ${r.closeBy} 前完成结项。`,
        createdAt: at(r.opens - 3),
      });
    }
    const [oldRound, newRound] = rounds;
    let seq = 900;
    const made: Record<string, { projectId: string; lineId: string; unitId: string; baseline: Record<string, unknown>; milestoneIds: string[]; approved: number; decidedOn: string }> = {};

    const make = async (key: keyof typeof PLANS, round: typeof oldRound, status: string) => {
      const p = PLANS[key];
      const unitId = unitOf.get(p.unit)!;
      const plan = workPlan(p, round.first, day(round.closes - 2));
      const appId = randomUUID();
      const decidedOn = day(round.decided);
      await tx.insert(applications).values({
        id: appId,
        number: `DX-${day(round.opens).slice(0, 4)}-XM-${++seq}`,
        callId: round.id,
        unitId,
        jurisdictionId: 'daxing',
        program: 'construction-project',
        status: 'approved',
        version: 5,
        title: p.projectName,
        leaderName: p.leader,
        round: 0,
        studioRecognized: true,
        submittedAt: at(round.closes - 2),
        createdAt: at(round.closes - 10),
        updatedAt: at(round.decided),
      });
      await tx.insert(applicationForms).values({ applicationId: appId, formId: 'work-plan', data: plan, version: 1, updatedAt: at(round.closes - 2) });
      const [studio] = await tx
        .select({ id: studios.id })
        .from(studios)
        .where(and(eq(studios.unitId, unitId), eq(studios.jurisdictionId, 'daxing'), eq(studios.status, 'active')))
        .limit(1);
      const baseline = { 'work-plan': plan };
      const schedule = plan.schedule;
      const projectId = randomUUID();
      await tx.insert(projects).values({
        id: projectId,
        applicationId: appId,
        jurisdictionId: 'daxing',
        editionId: EDITION,
        unitId,
        studioId: studio?.id ?? null,
        name: p.projectName,
        baseline,
        periodStart: `${schedule[0].startMonth}-01`,
        periodEnd: lastDayOf(schedule[schedule.length - 1].endMonth),
        approvedAmount: plan.requestedAmount,
        closeBy: round.closeBy,
        status,
        decidedOn,
        createdAt: at(round.decided),
        updatedAt: now,
      });
      const milestoneIds: string[] = [];
      for (const m of milestonesFromPlan(baseline)) {
        const id = randomUUID();
        milestoneIds.push(id);
        await tx.insert(projectMilestones).values({ id, projectId, ...m, status: 'pending', completedOn: null, createdAt: at(round.decided), updatedAt: at(round.decided) });
      }
      const cap = param(rule.cap, decidedOn) ?? param(rule.cap);
      const lineId = randomUUID();
      await tx.insert(disbursements).values({
        id: lineId,
        jurisdictionId: 'daxing',
        editionId: EDITION,
        program: 'construction-project',
        unitId,
        unitName: p.unit,
        applicationId: appId,
        studioId: studio?.id ?? null,
        projectId,
        purpose: `${p.projectName} 建设项目经费补助`,
        kind: 'capped',
        amount: Math.min(plan.requestedAmount, cap?.value ?? plan.requestedAmount),
        cap: cap?.value ?? null,
        condition: rule.paidAfter.zh,
        citation: cap ? `${cap.citation.document} ${cap.citation.article}` : '京兴人社发〔2025〕21号 第十四条',
        status: 'awaiting-condition',
        createdAt: at(round.decided),
        updatedAt: at(round.decided),
      });
      made[key] = { projectId, lineId, unitId, baseline, milestoneIds, approved: plan.requestedAmount, decidedOn };
      return made[key];
    };

    /** Milestones done (with a progress update each) up to `upTo` (1-based count). */
    const complete = async (tx2: DbOrTx, key: string, upTo: number, notes: string[]) => {
      const m = made[key];
      const by = await unitUser(m.unitId);
      const ms = milestonesFromPlan(m.baseline);
      for (let i = 0; i < upTo && i < ms.length; i++) {
        const doneOn = ms[i].dueOn && ms[i].dueOn! < shanghaiDate(now) ? day(Math.min(-1, daysTo(ms[i].dueOn!) - 2)) : day(-3);
        await tx2.update(projectMilestones).set({ status: 'done', completedOn: doneOn, updatedAt: now }).where(eq(projectMilestones.id, m.milestoneIds[i]));
        await tx2.insert(projectUpdates).values({ id: randomUUID(), projectId: m.projectId, kind: 'progress', milestoneId: m.milestoneIds[i], reportedOn: doneOn, body: notes[i] ?? `${ms[i].title}已完成`, fileIds: [], createdBy: by, createdAt: fromShanghaiLocal(`${doneOn}T16:00`) });
      }
    };
    const closure = async (key: string, submittedDay: number, status: string) => {
      const m = made[key];
      const id = randomUUID();
      const end = lastDayOf(addMonths(oldFirst, 7));
      const items = planItemsOf(m.baseline);
      await tx.insert(projectClosures).values({
        id,
        projectId: m.projectId,
        version: 1,
        summary: '项目按计划书组织实施，各阶段任务均已完成，成果与佐证材料见逐项对照。',
        deliverables: items.map((it, i) => ({ planItem: it.planItem, source: it.source, achieved: `已完成：${it.planItem}`, achievedOn: day(Math.min(daysTo(end) - 3 - i, submittedDay - 1)), met: true, fileIds: [] })),
        status,
        submittedBy: await unitUser(m.unitId),
        submittedAt: at(submittedDay, '15:30'),
        late: day(submittedDay) > oldCloseBy,
      });
      return { id, items };
    };

    // ── last year's round ──
    await make('passed', oldRound, 'passed');
    await complete(tx, 'passed', 3, ['完成带徒遴选，确定 9 名学员', '作业指导书初稿完成，实训 40 次', '技能考核完成，3 人取得技师证书']);
    const passedClosure = await closure('passed', daysTo(oldCloseBy) - 20, 'assessed');
    const assessedDay = daysTo(oldCloseBy) - 6;
    const assessedOn = day(assessedDay);
    const pm = made.passed;
    await tx.insert(projectAssessments).values({
      id: randomUUID(),
      projectId: pm.projectId,
      closureId: passedClosure.id,
      outcome: 'passed',
      reasons: '成果与计划书逐项一致，佐证材料齐全，经费使用符合第十五条，同意通过结项评估。',
      items: passedClosure.items.map((i) => ({ planItem: i.planItem, accepted: true })),
      expertOpinions: [
        { expert: '王振华（高级技师）', opinion: '作业指导书实用性强，同意通过。' },
        { expert: '陈立新（高级工程师）', opinion: '培养目标已达成，建议推广。' },
      ],
      payableAmount: pm.approved,
      assessedOn,
      assessedBy: officer?.id ?? null,
      createdAt: at(assessedDay, '11:00'),
    });
    const paidDay = Math.min(-2, assessedDay + 4);
    await tx.update(disbursements).set({ status: 'paid', paidAmount: pm.approved, amount: pm.approved, dueOn: assessedOn, version: 3, updatedAt: at(paidDay) }).where(eq(disbursements.id, pm.lineId));
    await tx.insert(disbursementPayments).values({ id: randomUUID(), disbursementId: pm.lineId, jurisdictionId: 'daxing', paidOn: day(paidDay), amount: pm.approved, voucherNumber: `PZ-${day(paidDay).slice(0, 4)}-XM-0501`, recordedBy: finance?.id ?? null, recordedAt: at(paidDay, '14:00') });

    await make('awaiting', oldRound, 'closure-submitted');
    await complete(tx, 'awaiting', 3, ['完成变形超差零件数据采集 126 件', '装夹与刀路对比试验 18 组完成', '工艺规范定稿并内部培训 2 场']);
    await closure('awaiting', daysTo(oldCloseBy) - 2, 'submitted');

    await make('overdue', oldRound, 'in-execution');
    await complete(tx, 'overdue', 1, ['校本教材初稿完成']);

    // ── this year's round, under way ──
    await make('running', newRound, 'in-execution');
    await complete(tx, 'running', 1, ['完成典型零件梳理，确定带徒 12 人，签订师带徒协议']);
    const rm = made.running;
    await tx.insert(projectUpdates).values({ id: randomUUID(), projectId: rm.projectId, kind: 'progress', milestoneId: rm.milestoneIds[1], reportedOn: day(-6), body: '已完成工艺案例 9 个，开展师带徒实训 16 次、累计 48 人次。', fileIds: [], createdBy: await unitUser(rm.unitId), createdAt: at(-6, '17:00') });

    await make('situation', newRound, 'in-execution');
    await complete(tx, 'situation', 1, ['实训装置方案通过专家评审']);
    const sm = made.situation;
    await tx.insert(projectUpdates).values({
      id: randomUUID(),
      projectId: sm.projectId,
      kind: 'situation',
      reportedOn: day(-2),
      body: '绝缘斗臂模拟部件供货商停产，需重新选型采购，预计装置研制推迟约两个月，无法按计划书时间完成（京兴人社发〔2025〕21号 第十二条）。',
      proposedEndOn: lastDayOf(addMonths(newFirst, 8)),
      fileIds: [],
      createdBy: await unitUser(sm.unitId),
      createdAt: at(-2, '09:30'),
    });

    await recordAudit(tx, SYSTEM_ACTOR, { action: 'demo.loaded', entityType: 'projects', after: { projects: Object.keys(made).length } }, now);
  });
}
