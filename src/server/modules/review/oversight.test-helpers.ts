/**
 * Seeding a call's review for the oversight tests (module and browser): the 大兴 call and one application go through
 * the API (submit, return for correction — real timeline and audit events); what the desk, panel and scoring slices
 * write is inserted directly into their tables, as those tables define it.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client';
import {
  accessLog,
  applicationEvents,
  applications,
  calls,
  experts,
  panelDraws,
  panelMembers,
  paperDossierRequests,
  proposalItems,
  proposals,
  reviewAssignments,
  reviewScores,
  reviewVerdicts,
  units,
  users,
} from '../../db/schema';
import { openCall, seedDaxingProjectApplication } from '../applications/applications.test-helpers';

/** A unit name a spreadsheet would run as a formula (issue 9): the export must keep it text. */
export const FORMULA_UNIT = '=HYPERLINK("http://evil.example","北京精工")';
export const PROJECT_CRITERIA = ['necessity', 'feasibility', 'budget', 'benefits', 'evaluation', 'oversight'];

export interface SeededReview {
  callId: string;
  etdzCallId: string;
  returned: { id: string; number: string };
  inReview: { id: string; number: string };
  scored: { id: string; number: string };
  paper: { id: string; number: string };
  drawId: string;
  experts: Record<'e1' | 'e2' | 'e3' | 'e5' | 'outside', string>;
  assignments: Record<'b1' | 'b2' | 'b3' | 'b5' | 'c1' | 'c2' | 'c5', string>;
  expertReadAt: Date;
}

const at = (iso: string) => new Date(iso);

/**
 * Call this with the clock at 2026-06-15 10:00 Beijing (inside the 2026 大兴 project window, 2026-06-08 … 06-26).
 * Result, seen from 2026-07-10: the returned application is overdue (补正 by 2026-06-23), the 经开区 paper dossier is
 * overdue (due 2026-06-20); with an expert-review deadline before 07-10, expert2's accepted and expert5's pending
 * assignments are overdue.
 */
export async function seedReview(
  t: { app: FastifyInstance; login(u: string): Promise<string>; database: { db: Db } },
  /** The call's window when the clock is not 2026-06-15 (browser tests run on the real clock). */
  window: { opensAt: string; closesAt: string; projectsCloseBy: string } | Record<string, never> = {},
): Promise<SeededReview> {
  const db = t.database.db;
  const officer = await t.login('daxing-officer');
  const callId = await openCall(t.app, officer, { title: `2026年大兴区技能大师工作室建设项目评选（评审监督 ${randomUUID().slice(0, 6)}）`, ...window });
  const returned = await seedDaxingProjectApplication(t.app, await t.login('unit-a'), callId, { projectName: '数控加工精度提升与技能传承项目' });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/applications/${returned.id}/return`,
    headers: { cookie: officer },
    payload: { items: [{ kind: 'form', id: 'work-plan', comment: '经费计划合计与申请金额不一致，请核对' }], deadlineWorkingDays: 5 },
  });
  if (res.statusCode !== 200) throw new Error(`return: ${res.statusCode} ${res.body}`);

  const userRows = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, ['daxing-officer', 'expert1', 'expert2', 'expert3', 'expert5', 'etdz-officer']));
  const uid = (u: string) => userRows.find((r) => r.username === u)!.id;
  const officerId = uid('daxing-officer');

  // Two more 大兴 units, one named like a formula.
  const suffix = randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase();
  const [u2, u3] = [randomUUID(), randomUUID()];
  await db.insert(units).values([
    { id: u2, name: FORMULA_UNIT, creditCode: `9111011500${suffix}X1`, jurisdictionId: 'daxing' },
    { id: u3, name: '北京大兴焊接技术有限公司', creditCode: `9111011500${suffix}X2`, jurisdictionId: 'daxing' },
  ]);
  const [call] = await db.select().from(calls).where(eq(calls.id, callId));
  const mkApp = async (unitId: string, number: string, status: string, title: string, jurisdictionId = 'daxing', cId = callId, program = call.program) => {
    const id = randomUUID();
    await db.insert(applications).values({ id, number, callId: cId, unitId, jurisdictionId, program, status, title, leaderName: '王师傅', submittedAt: at('2026-06-12T02:00:00Z'), createdAt: at('2026-06-10T02:00:00Z'), updatedAt: at('2026-06-12T02:00:00Z') });
    await db.insert(applicationEvents).values({ id: randomUUID(), applicationId: id, at: at('2026-06-12T02:00:00Z'), actorName: '申报单位', action: 'submitted', fromStatus: 'draft', toStatus: 'submitted', round: 0 });
    return { id, number };
  };
  const inReview = await mkApp(u2, `DX-2026-XM-R${suffix}1`, 'expert-review', '焊接机器人工艺优化项目');
  const scored = await mkApp(u3, `DX-2026-XM-R${suffix}2`, 'scored', '新能源汽车维修技能提升项目');
  await db.insert(applicationEvents).values({ id: randomUUID(), applicationId: inReview.id, at: at('2026-06-13T02:00:00Z'), actorUserId: officerId, actorName: '周云汉（大兴区人社局）', action: 'accepted', fromStatus: 'submitted', toStatus: 'expert-review', round: 0 });
  await db.insert(reviewVerdicts).values([
    { id: randomUUID(), applicationId: inReview.id, stage: 'completeness-check', round: 0, itemKind: 'form', itemId: 'work-plan', verdict: 'ok', comment: '计划书完整', checkedBy: officerId, checkedAt: at('2026-06-13T01:50:00Z') },
    { id: randomUUID(), applicationId: inReview.id, stage: 'completeness-check', round: 0, itemKind: 'material', itemId: 'business-license', verdict: 'ok', comment: null, checkedBy: officerId, checkedAt: at('2026-06-13T01:51:00Z') },
  ]);

  // The expert pool (without sign-in accounts, so the demo pool's rows do not collide), and one who works for the unit under review (回避).
  const now = at('2026-06-14T02:00:00Z');
  const ex = { e1: randomUUID(), e2: randomUUID(), e3: randomUUID(), e5: randomUUID(), outside: randomUUID() };
  await db.insert(experts).values([
    { id: ex.e1, jurisdictionId: 'daxing', userId: null, name: '陈建国', employer: '北京工业技师学院', fields: ['数控加工'], createdAt: now, updatedAt: now },
    { id: ex.e2, jurisdictionId: 'daxing', userId: null, name: '刘淑华', employer: '北京焊接学会', fields: ['焊接'], createdAt: now, updatedAt: now },
    { id: ex.e3, jurisdictionId: 'daxing', userId: null, name: '赵立新', employer: '北京电力技师学院', fields: ['电工电子'], createdAt: now, updatedAt: now },
    { id: ex.e5, jurisdictionId: 'daxing', userId: null, name: '马卫东', employer: '北京汽车技师学院', fields: ['汽车维修'], createdAt: now, updatedAt: now },
    { id: ex.outside, jurisdictionId: 'daxing', userId: null, name: '钱有才', employer: '北京大兴焊接技术有限公司', fields: ['焊接'], createdAt: now, updatedAt: now },
  ]);
  const drawId = randomUUID();
  await db.insert(panelDraws).values({
    id: drawId,
    callId,
    algorithm: 'sm3-fisher-yates-v1',
    seed: 'b3f1c2d4e5a60718293a4b5c6d7e8f90',
    size: 4,
    fields: [],
    candidates: [ex.e1, ex.e2, ex.e3, ex.e5, ex.outside],
    excluded: [{ expertId: ex.outside, reason: '同一单位回避：现工作单位为申报单位北京大兴焊接技术有限公司' }],
    drawn: [ex.e2, ex.e1, ex.e5, ex.e3],
    drawnBy: officerId,
    drawnAt: at('2026-06-14T03:00:00Z'),
  });
  await db.insert(panelMembers).values([ex.e1, ex.e2, ex.e3, ex.e5].map((expertId) => ({ callId, expertId, drawId, status: 'active', addedAt: at('2026-06-14T03:00:00Z') })));

  const asg = { b1: randomUUID(), b2: randomUUID(), b3: randomUUID(), b5: randomUUID(), c1: randomUUID(), c2: randomUUID(), c5: randomUUID() };
  const assignedAt = at('2026-06-14T04:00:00Z');
  const base = { callId, assignedBy: officerId, assignedAt };
  await db.insert(reviewAssignments).values([
    { ...base, id: asg.b1, applicationId: inReview.id, expertId: ex.e1, status: 'submitted', declaredAt: at('2026-06-14T05:00:00Z'), submittedAt: at('2026-06-14T06:00:00Z') },
    { ...base, id: asg.b2, applicationId: inReview.id, expertId: ex.e2, status: 'accepted', declaredAt: at('2026-06-14T05:10:00Z') },
    { ...base, id: asg.b3, applicationId: inReview.id, expertId: ex.e3, status: 'conflict', declaredAt: at('2026-06-14T05:20:00Z'), conflict: { kind: 'former-employer', note: '三年内曾在该单位任职' }, replacedBy: asg.b5 },
    { ...base, id: asg.b5, applicationId: inReview.id, expertId: ex.e5, status: 'pending' },
    { ...base, id: asg.c1, applicationId: scored.id, expertId: ex.e1, status: 'submitted', declaredAt: at('2026-06-14T05:00:00Z'), submittedAt: at('2026-06-14T07:00:00Z') },
    { ...base, id: asg.c2, applicationId: scored.id, expertId: ex.e2, status: 'submitted', declaredAt: at('2026-06-14T05:00:00Z'), submittedAt: at('2026-06-14T07:10:00Z') },
    { ...base, id: asg.c5, applicationId: scored.id, expertId: ex.e5, status: 'submitted', declaredAt: at('2026-06-14T05:00:00Z'), submittedAt: at('2026-06-14T07:20:00Z') },
  ]);
  const sheet = (assignmentId: string, points: number[], submittedAt: string, comments: Record<string, string> = {}) => ({
    assignmentId,
    criteria: Object.fromEntries(PROJECT_CRITERIA.map((c, i) => [c, points[i]])),
    comments,
    overallComment: '项目目标明确，经费安排基本合理',
    total: Math.round((points.reduce((a, b) => a + b, 0) / points.length) * 100) / 100,
    status: 'submitted',
    updatedAt: at(submittedAt),
    submittedAt: at(submittedAt),
  });
  await db.insert(reviewScores).values([
    sheet(asg.b1, [88, 85, 80, 90, 82, 86], '2026-06-14T06:00:00Z'),
    sheet(asg.c1, [92, 90, 88, 95, 91, 90], '2026-06-14T07:00:00Z', { benefits: '成果可在区内三家企业推广，效益突出' }),
    sheet(asg.c2, [85, 84, 83, 86, 85, 84], '2026-06-14T07:10:00Z'),
    sheet(asg.c5, [55, 80, 78, 82, 80, 79], '2026-06-14T07:20:00Z', { necessity: '同类项目区内已有，必要性不足' }),
    // A draft is not a score yet: the inspector does not see it as submitted.
    { assignmentId: asg.b2, criteria: { necessity: 70 }, comments: {}, status: 'draft', updatedAt: at('2026-06-14T08:00:00Z') },
  ]);
  const proposalId = randomUUID();
  await db.insert(proposals).values({ id: proposalId, callId, status: 'draft', createdBy: officerId, createdAt: at('2026-06-14T09:00:00Z'), updatedAt: at('2026-06-14T09:00:00Z') });
  await db.insert(proposalItems).values({ proposalId, applicationId: scored.id, rank: 1, aggregate: 84.9, proposed: true, amount: 50000, reason: null });

  // Who saw what when: expert1 opened the application it scores.
  const expertReadAt = at('2026-06-14T05:30:00Z');
  await db.insert(accessLog).values({ userId: uid('expert1'), userName: 'expert1', role: 'expert', applicationId: inReview.id, callId, what: 'application', detail: '查看申报材料', at: expertReadAt });

  // 经开区: a paper dossier not brought to the window by its deadline.
  const [unitB] = await db.select().from(units).where(eq(units.creditCode, '91110302MA02XYW7QW'));
  const etdzCallId = randomUUID();
  await db.insert(calls).values({
    id: etdzCallId,
    jurisdictionId: 'etdz',
    editionId: 'etdz-2024',
    program: 'studio-recognition',
    title: `2026年经开区技能大师工作室认定（评审监督 ${suffix}）`,
    year: 2026,
    opensAt: at('2026-05-01T00:00:00Z'),
    closesAt: at('2026-06-10T10:00:00Z'),
    quota: null,
    contacts: [{ phone: '67880000' }],
    noticeText: '经开区技能大师工作室认定（测试）',
    createdBy: uid('etdz-officer'),
    createdAt: at('2026-05-01T00:00:00Z'),
  });
  const paper = await mkApp(unitB.id, `KF-2026-GZS-R${suffix}`, 'paper-intake', '智能制造装调技能大师工作室', 'etdz', etdzCallId, 'studio-recognition');
  await db.insert(paperDossierRequests).values({ id: randomUUID(), applicationId: paper.id, round: 0, deadline: '2026-06-20', requestedBy: uid('etdz-officer'), requestedAt: at('2026-06-13T02:00:00Z') });

  return { callId, etdzCallId, returned, inReview, scored, paper, drawId, experts: ex, assignments: asg, expertReadAt };
}
