import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { fromShanghaiLocal } from '../../../shared/time';
import { annualReports, applications, auditEvents, calls, outbox, revocationCases, studioHistory, studios, studioTitles, units } from '../../db/schema';
import { runDailyChecks } from '../../jobs/daily';
import { revocationCheck } from '../../jobs/revocation-check';

/**
 * 取消称号 (京兴人社发〔2025〕21号 第十八条): the daily check's triggers with a test clock across year boundaries, the
 * officer's findings and decisions through HTTP, and the demo's cases.
 */

const START = '2026-11-23T02:00:00Z';
const clock = testClock(START);
let t: TestApp;
const bj = (local: string) => fromShanghaiLocal(local);

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  // One construction-project round each June (第四条: 建设项目每年评选一次), 2025 … 2030, besides the demo's.
  for (const year of [2025, 2026, 2027, 2028, 2029, 2030]) {
    await t.database.db.insert(calls).values({
      id: `round-${year}`,
      jurisdictionId: 'daxing',
      editionId: 'daxing-2025',
      program: 'construction-project',
      title: `${year}年大兴区技能大师工作室建设项目评选（测试）`,
      year,
      opensAt: bj(`${year}-06-10T09:00`),
      closesAt: bj(`${year}-06-26T18:00`),
      contacts: [{ phone: '81298272' }],
      noticeText: '测试批次',
      createdAt: bj(`${year}-06-01T09:00`),
    });
  }
}, 300_000);
afterAll(() => t.close());

async function as(username: string) {
  return t.login(username);
}

let seq = 0;
async function makeStudio(o: { recognizedOn: string; jurisdiction?: 'daxing' | 'shunyi' | 'etdz'; withUnit?: boolean; leader?: string }) {
  const db = t.database.db;
  seq++;
  let unitId: string | null = null;
  if (o.withUnit !== false) {
    unitId = randomUUID();
    await db.insert(units).values({ id: unitId, name: `测试单位${seq}`, creditCode: `TEST${String(seq).padStart(4, '0')}${randomUUID().slice(0, 8)}`, jurisdictionId: o.jurisdiction ?? 'daxing', contactPhone: '13800000000' });
  }
  const id = randomUUID();
  const jurisdiction = o.jurisdiction ?? 'daxing';
  const editionId = { daxing: 'daxing-2025', shunyi: 'shunyi-draft', etdz: 'etdz-2024' }[jurisdiction];
  const leader = o.leader ?? `测试${seq}`;
  await db.insert(studios).values({
    id,
    jurisdictionId: jurisdiction,
    editionId,
    name: `大兴区${leader}钳工技能大师工作室`,
    unitId,
    unitName: `测试单位${seq}`,
    leaderName: leader,
    occupation: '钳工',
    level: 'district',
    recognizedOn: o.recognizedOn,
    recognizedYear: Number(o.recognizedOn.slice(0, 4)),
    status: 'active',
    teamSize: 4,
    plaqueNumber: `T-JNDS-${seq}-${randomUUID().slice(0, 6)}`,
    createdAt: bj(`${o.recognizedOn}T10:00`),
    updatedAt: bj(`${o.recognizedOn}T10:00`),
  });
  await db.insert(studioTitles).values({ id: randomUUID(), studioId: id, level: 'district', awardedOn: o.recognizedOn, document: '京兴人社发〔2025〕9号', createdAt: bj(`${o.recognizedOn}T10:00`) });
  return { id, unitId };
}

async function apply(unitId: string, year: number, status: string) {
  await t.database.db.insert(applications).values({
    id: randomUUID(),
    number: `DX-${year}-CP-T${randomUUID().slice(0, 8)}`,
    callId: `round-${year}`,
    unitId,
    jurisdictionId: 'daxing',
    program: 'construction-project',
    status,
    submittedAt: bj(`${year}-06-20T10:00`),
    createdAt: bj(`${year}-06-18T10:00`),
    updatedAt: bj(`${year}-09-01T10:00`),
  });
}

async function history(studioId: string, kind: string, happenedOn: string) {
  await t.database.db.insert(studioHistory).values({ id: randomUUID(), studioId, kind, happenedOn, createdAt: bj(`${happenedOn}T10:00`) });
}

/** Runs the daily check at a Beijing local time; returns the cases of `studioId` for `trigger`. */
async function checkAt(local: string) {
  clock.set(bj(local));
  const [run] = await runDailyChecks(t.database.db, clock.now(), { jobs: [revocationCheck], force: true });
  expect(run.status).toBe('ran');
  return run;
}
async function casesOf(studioId: string, trigger?: string) {
  const rows = await t.database.db.select().from(revocationCases).where(eq(revocationCases.studioId, studioId));
  return rows.filter((c) => !trigger || c.triggerId === trigger);
}

describe('[REVOCATION] demo data', () => {
  it('an open case raised by the check on a 大兴 studio, the revoked 周永强 studio with its decided case and history; none for unit-a’s national studio, 经开区 or 顺义', async () => {
    const db = t.database.db;
    const all = await db.select({ c: revocationCases, s: studios }).from(revocationCases).innerJoin(studios, eq(studios.id, revocationCases.studioId));
    const demo = all.filter((r) => !r.s.name.includes('钳工')); // the test's own studios are 钳工
    const open = demo.filter((r) => r.c.status === 'open' && r.c.raisedBy === 'system' && r.c.raisedOn === '2026-11-23');
    expect(open.some((r) => r.s.leaderName === '张国华' && r.c.triggerId === 'no-work-over-a-year')).toBe(true);
    const zhou = demo.find((r) => r.s.leaderName === '周永强')!;
    expect(zhou.c).toMatchObject({ status: 'revoked', triggerId: 'leader-stopped', decisionDocument: expect.stringContaining('京兴人社发') });
    const hist = await db.select().from(studioHistory).where(eq(studioHistory.studioId, zhou.s.id));
    expect(hist.map((h) => h.kind).sort()).toEqual(['leader-stopped', 'revoked']);
    expect(demo.some((r) => r.s.leaderName === '赵德明')).toBe(false);
    expect(demo.some((r) => r.s.jurisdictionId !== 'daxing')).toBe(false);
  });
});

describe('[REVOCATION] 第十八条（一）连续两年未申报建设项目 — counted in completed round years after recognition', () => {
  it('recognised 2025-04-01, no application in the 2025 and 2026 rounds: not held on 2026-12-31, held on 2027-01-01; running twice raises one case', async () => {
    const a = await makeStudio({ recognizedOn: '2025-04-01' });
    await checkAt('2026-12-31T23:59');
    expect(await casesOf(a.id, 'no-project-two-years')).toEqual([]);
    await checkAt('2027-01-01T00:00');
    await checkAt('2027-01-01T08:00');
    const cases = await casesOf(a.id, 'no-project-two-years');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: 'open', raisedBy: 'system', raisedOn: '2027-01-01', citation: '京兴人社发〔2025〕21号 第十八条（一）' });
    expect(cases[0].facts.details).toMatchObject({ years: [2025, 2026], key: 'years:2025,2026' });
    expect(cases[0].facts.summary).toContain('2025 年、2026 年');
    expect(cases[0].facts.summary).toContain('2025-04-01 认定');
  });

  it('a studio recognised after the 2025 rounds opened (June; the demo’s in October) cannot fail before the end of 2027', async () => {
    const b = await makeStudio({ recognizedOn: '2025-11-01' });
    await checkAt('2027-01-01T09:00');
    expect(await casesOf(b.id, 'no-project-two-years')).toEqual([]);
    await checkAt('2027-12-31T23:59');
    expect(await casesOf(b.id, 'no-project-two-years')).toEqual([]);
    await checkAt('2028-01-01T00:01');
    const [c] = await casesOf(b.id, 'no-project-two-years');
    expect(c.facts.details).toMatchObject({ years: [2026, 2027] });
  });

  it('an application in 2026 breaks the run: held only after 2027 and 2028 pass without one', async () => {
    const s = await makeStudio({ recognizedOn: '2025-04-01' });
    await apply(s.unitId!, 2026, 'not-selected');
    await checkAt('2027-01-02T09:00');
    await checkAt('2028-01-02T09:00');
    expect(await casesOf(s.id, 'no-project-two-years')).toEqual([]);
    await checkAt('2029-01-01T09:00');
    const [c] = await casesOf(s.id, 'no-project-two-years');
    expect(c.facts.details).toMatchObject({ years: [2027, 2028] });
  });

  it('a dismissed case is not raised again for the same years; a new year without application raises it again', async () => {
    const s = await makeStudio({ recognizedOn: '2025-04-01' });
    await checkAt('2027-01-01T09:00');
    const [first] = await casesOf(s.id, 'no-project-two-years');
    clock.set(bj('2027-01-05T10:00'));
    const officer = await as('daxing-officer');
    const res = await t.app.inject({ method: 'POST', url: `/api/revocation-cases/${first.id}/dismiss`, headers: { cookie: officer }, payload: { reason: '单位已说明 2027 年将申报，暂不取消', version: first.version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'dismissed', decisionReason: '单位已说明 2027 年将申报，暂不取消' });
    await checkAt('2027-01-06T09:00');
    await checkAt('2027-12-31T09:00');
    expect(await casesOf(s.id, 'no-project-two-years')).toHaveLength(1);
    await checkAt('2028-01-01T09:00');
    const cases = await casesOf(s.id, 'no-project-two-years');
    expect(cases).toHaveLength(2);
    expect(cases.find((c) => c.status === 'open')!.facts.details).toMatchObject({ years: [2025, 2026, 2027] });
  });
});

describe('[REVOCATION] 第十八条（一）连续五年申报建设项目未入选', () => {
  it('five completed years of applications that ended not selected: not held on 2029-12-31, held on 2030-01-01; an approval breaks it', async () => {
    const e = await makeStudio({ recognizedOn: '2024-12-01' });
    const f = await makeStudio({ recognizedOn: '2024-12-01' });
    const statuses = ['not-selected', 'rejected', 'not-proposed', 'withdrawn', 'not-selected'];
    for (const [i, status] of statuses.entries()) {
      await apply(e.unitId!, 2025 + i, status);
      await apply(f.unitId!, 2025 + i, i === 2 ? 'approved' : status);
    }
    await checkAt('2029-12-31T23:59');
    expect(await casesOf(e.id, 'not-selected-five-years')).toEqual([]);
    await checkAt('2030-01-01T00:00');
    const [c] = await casesOf(e.id, 'not-selected-five-years');
    expect(c.facts.details).toMatchObject({ years: [2025, 2026, 2027, 2028, 2029] });
    expect(c.facts.summary).toContain('2025—2029 年连续 5 个评选年度');
    expect(await casesOf(f.id, 'not-selected-five-years')).toEqual([]);
    // Neither studio failed to apply, nor lacked activity.
    expect(await casesOf(e.id, 'no-project-two-years')).toEqual([]);
  });
});

describe('[REVOCATION] 第十八条（一）超过一年未开展工作 — activity inferred from the records', () => {
  it('last activity an annual report submitted 2025-12-31: exactly one year on 2026-12-31 is not more; held on 2027-01-01', async () => {
    const g = await makeStudio({ recognizedOn: '2025-03-10' });
    await t.database.db.insert(annualReports).values({
      id: randomUUID(),
      studioId: g.id,
      jurisdictionId: 'daxing',
      editionId: 'daxing-2025',
      year: 2025,
      dueOn: '2025-12-31',
      status: 'submitted',
      submittedAt: bj('2025-12-31T10:00'),
      createdAt: bj('2025-12-01T10:00'),
      updatedAt: bj('2025-12-31T10:00'),
    });
    await checkAt('2026-12-31T23:59');
    expect(await casesOf(g.id, 'no-work-over-a-year')).toEqual([]);
    await checkAt('2027-01-01T00:00');
    const [c] = await casesOf(g.id, 'no-work-over-a-year');
    expect(c.facts.details).toMatchObject({ lastActivityOn: '2025-12-31', lastActivity: '提交年度报告', oneYearOn: '2026-12-31' });
    expect(c.citation).toBe('京兴人社发〔2025〕21号 第十八条（一）');
  });

  it('an application submitted counts as activity; with none, the recognition day starts the year', async () => {
    const h = await makeStudio({ recognizedOn: '2026-06-01' });
    await apply(h.unitId!, 2027, 'not-selected'); // submitted 2027-06-20
    await checkAt('2027-06-01T09:00'); // exactly one year after recognition: not more
    expect(await casesOf(h.id, 'no-work-over-a-year')).toEqual([]);
    await checkAt('2028-06-20T09:00');
    expect(await casesOf(h.id, 'no-work-over-a-year')).toEqual([]);
    await checkAt('2028-06-21T09:00');
    const [c] = await casesOf(h.id, 'no-work-over-a-year');
    expect(c.facts.details).toMatchObject({ lastActivityOn: '2027-06-20' });
  });
});

describe('[REVOCATION] 第十八条（二）领办人停止开展工作 and （三）所在单位外迁', () => {
  it('leader stopped 2026-07-15 with no new leader: held after the 6-month grace (2027-01-16), not with a new leader', async () => {
    const i = await makeStudio({ recognizedOn: '2025-05-01' });
    const j = await makeStudio({ recognizedOn: '2025-05-01' });
    await history(i.id, 'leader-stopped', '2026-07-15');
    await history(j.id, 'leader-stopped', '2026-07-15');
    await history(j.id, 'leader', '2026-09-01');
    await checkAt('2027-01-15T23:59');
    expect(await casesOf(i.id, 'leader-stopped')).toEqual([]);
    await checkAt('2027-01-16T00:00');
    const [c] = await casesOf(i.id, 'leader-stopped');
    expect(c.facts.details).toMatchObject({ stoppedOn: '2026-07-15', graceEndsOn: '2027-01-15', graceMonths: 6 });
    expect(c.citation).toBe('京兴人社发〔2025〕21号 第十八条（二）');
    expect(await casesOf(j.id, 'leader-stopped')).toEqual([]);
  });

  it('unit moved out of the district on 2026-12-31 (approved change): held from that day', async () => {
    const k = await makeStudio({ recognizedOn: '2025-05-01' });
    await history(k.id, 'unit-left-jurisdiction', '2026-12-31');
    await checkAt('2026-12-30T09:00');
    expect(await casesOf(k.id, 'unit-ceased')).toEqual([]);
    await checkAt('2026-12-31T09:00');
    const [c] = await casesOf(k.id, 'unit-ceased');
    expect(c).toMatchObject({ citation: '京兴人社发〔2025〕21号 第十八条（三）', status: 'open' });
  });

  it('顺义 lists no trigger: a studio without any record for years never gets a case', async () => {
    const s = await makeStudio({ recognizedOn: '2025-01-10', jurisdiction: 'shunyi' });
    await checkAt('2031-01-02T09:00');
    expect(await casesOf(s.id)).toEqual([]);
  });
});

describe('[REVOCATION] officer findings and decisions through HTTP', () => {
  const finding = (studioId: string, cookie: string, body: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: `/api/studios/${studioId}/revocation-findings`, headers: { cookie }, payload: body });
  const FACTS = { triggerId: 'fund-misuse', facts: '2026 年 10 月专项检查发现项目经费 1.2 万元用于单位日常办公支出', evidence: '区人社局专项检查记录（2026-10-20）' };

  it('refuses a finding without a trigger of the studio’s edition (400), without facts (400), for 顺义 (400), outside the jurisdiction (404), by the inspector (403)', async () => {
    clock.set(START);
    const s = await makeStudio({ recognizedOn: '2025-05-01' });
    const sy = await makeStudio({ recognizedOn: '2025-05-01', jurisdiction: 'shunyi' });
    const officer = await as('daxing-officer');
    const before = (await t.database.db.select().from(revocationCases)).length;
    const bad = await finding(s.id, officer, { ...FACTS, triggerId: 'made-up' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('TRIGGER_NOT_IN_EDITION');
    expect(bad.json().error.message).toContain('第十八条');
    const noFacts = await finding(s.id, officer, { ...FACTS, facts: '' });
    expect(noFacts.statusCode).toBe(400);
    expect(noFacts.json().error.fields).toHaveProperty('facts');
    const shunyi = await finding(sy.id, await as('shunyi-officer'), FACTS);
    expect(shunyi.statusCode).toBe(400);
    expect(shunyi.json().error.message).toContain('没有规定取消工作室称号的情形');
    expect((await finding(s.id, await as('etdz-officer'), FACTS)).statusCode).toBe(404);
    expect((await finding(s.id, await as('daxing-inspector'), FACTS)).statusCode).toBe(403);
    expect((await t.database.db.select().from(revocationCases)).length).toBe(before);

    const ok = await finding(s.id, officer, FACTS);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ raisedBy: 'officer', raisedByName: expect.stringContaining('周云汉'), citation: '京兴人社发〔2025〕21号 第十八条（四）', summary: FACTS.facts, status: 'open' });
    const again = await finding(s.id, officer, FACTS);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CASE_ALREADY_OPEN');
    const triggers = await t.app.inject({ method: 'GET', url: `/api/studios/${s.id}/revocation-triggers`, headers: { cookie: officer } });
    expect(triggers.json().triggers.find((x: { id: string }) => x.id === 'fund-misuse').openCaseId).toBe(ok.json().id);
    expect((await t.app.inject({ method: 'GET', url: `/api/studios/${sy.id}/revocation-triggers`, headers: { cookie: await as('shunyi-officer') } })).json().triggers).toEqual([]);
  });

  it('revoke: reason and document required; two officers at once → one 200, one 409; the studio leaves the public registry, history and cases stay, the unit is told', async () => {
    clock.set(START);
    const s = await makeStudio({ recognizedOn: '2025-05-01', leader: '钱撤销' });
    const officer = await as('daxing-officer');
    const first = (await finding(s.id, officer, FACTS)).json();
    const second = (await finding(s.id, officer, { ...FACTS, triggerId: 'team-ineffective', facts: '工作室成员 2026 年全部离职，未开展任何带徒活动' })).json();
    const revoke = (body: Record<string, unknown>, cookie = officer) => t.app.inject({ method: 'POST', url: `/api/revocation-cases/${first.id}/revoke`, headers: { cookie }, payload: body });
    expect((await revoke({ document: '京兴人社发〔2026〕40号', version: 1 })).statusCode).toBe(400);
    expect((await revoke({ reason: '挪用项目经费，情节严重，取消称号', version: 1 })).statusCode).toBe(400);
    expect((await revoke({ reason: '挪用项目经费，情节严重，取消称号', document: '京兴人社发〔2026〕40号', version: 1 }, await as('daxing-inspector'))).statusCode).toBe(403);
    expect((await revoke({ reason: '挪用项目经费，情节严重，取消称号', document: '京兴人社发〔2026〕40号', version: 1 }, await as('etdz-officer'))).statusCode).toBe(404);

    const pub0 = (await t.app.inject({ method: 'GET', url: '/api/studios' })).json() as { id: string }[];
    expect(pub0.some((x) => x.id === s.id)).toBe(true);

    const body = { reason: '挪用项目经费，情节严重，取消称号', document: '京兴人社发〔2026〕40号', version: 1 };
    const otherOfficer = await as('daxing-officer');
    const [r1, r2] = await Promise.all([revoke(body), revoke(body, otherOfficer)]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const won = r1.statusCode === 200 ? r1 : r2;
    expect(won.json()).toMatchObject({ status: 'revoked', decisionDocument: '京兴人社发〔2026〕40号', studioStatus: 'revoked', version: 2 });
    expect((r1.statusCode === 200 ? r2 : r1).json().error.code).toMatch(/CONCURRENT_UPDATE|CASE_NOT_OPEN/);

    const [studio] = await t.database.db.select().from(studios).where(eq(studios.id, s.id));
    expect(studio).toMatchObject({ status: 'revoked', revokedOn: '2026-11-23', revocationArticle: '京兴人社发〔2025〕21号 第十八条（四）', revocationReason: body.reason, plaqueNumber: null });
    const [other] = await t.database.db.select().from(revocationCases).where(eq(revocationCases.id, second.id));
    expect(other.status).toBe('closed');
    const [entry] = await t.database.db.select().from(studioHistory).where(and(eq(studioHistory.studioId, s.id), eq(studioHistory.kind, 'revoked')));
    expect(entry.before).toMatchObject({ status: 'active', plaqueNumber: expect.stringMatching(/^T-JNDS-/), titles: [expect.objectContaining({ level: 'district' })] });
    expect(entry.revocationCaseId).toBe(first.id);
    expect(await t.database.db.select().from(studioTitles).where(eq(studioTitles.studioId, s.id))).toHaveLength(1);

    // The public registry no longer lists it; the officer still sees it, revoked; the case and history stay.
    const pub = (await t.app.inject({ method: 'GET', url: '/api/studios' })).json() as { id: string }[];
    expect(pub.some((x) => x.id === s.id)).toBe(false);
    const off = (await t.app.inject({ method: 'GET', url: '/api/studios', headers: { cookie: officer } })).json() as { id: string; status: string }[];
    expect(off.find((x) => x.id === s.id)?.status).toBe('revoked');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/revocation-cases/${first.id}`, headers: { cookie: await as('daxing-inspector') } })).json();
    expect(detail.history.map((h: { kind: string }) => h.kind)).toContain('revoked');
    expect(detail.otherCases).toEqual([expect.objectContaining({ id: second.id, status: 'closed' })]);
    expect(detail.articleText).toContain('挪用、滥用项目经费');

    const sent = await t.database.db.select().from(outbox).where(eq(outbox.template, 'revocation.revoked'));
    expect(sent.some((m) => m.title.includes('钱撤销') && m.body.includes('第十八条（四）'))).toBe(true);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, first.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['revocation.finding_recorded', 'revocation.revoked']);

    // Decided cases and revoked studios are refused.
    expect((await revoke(body)).statusCode).toBe(409);
    const late = await finding(s.id, officer, { ...FACTS, triggerId: 'other' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('STUDIO_REVOKED');
    await checkAt('2031-01-02T09:00');
    expect((await casesOf(s.id)).filter((c) => c.status === 'open')).toEqual([]);
  });

  it('a stale version is refused (409) and nothing changes', async () => {
    clock.set(START);
    const s = await makeStudio({ recognizedOn: '2025-05-01' });
    const officer = await as('daxing-officer');
    const c = (await finding(s.id, officer, { ...FACTS, triggerId: 'not-cooperating', facts: '多次通知报送年度材料，单位拒不配合检查' })).json();
    const stale = await t.app.inject({ method: 'POST', url: `/api/revocation-cases/${c.id}/revoke`, headers: { cookie: officer }, payload: { reason: '不配合人社部门日常管理，取消称号', document: '京兴人社发〔2026〕41号', version: 7 } });
    expect(stale.statusCode).toBe(409);
    const [studio] = await t.database.db.select().from(studios).where(eq(studios.id, s.id));
    expect(studio.status).toBe('active');
  });

  it('lists cases for the jurisdiction’s officers with filters; another jurisdiction sees none of them; a unit may not read them', async () => {
    clock.set(START);
    const officer = await as('daxing-officer');
    const list = (await t.app.inject({ method: 'GET', url: '/api/revocation-cases?status=open&trigger=fund-misuse', headers: { cookie: officer } })).json() as { status: string; triggerId: string }[];
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((c) => c.status === 'open' && c.triggerId === 'fund-misuse')).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/revocation-cases', headers: { cookie: await as('etdz-officer') } })).json()).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/revocation-cases', headers: { cookie: await as('unit-a') } })).statusCode).toBe(403);
  });
});

