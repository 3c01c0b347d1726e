import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { auditEvents, outbox, studios } from '../../db/schema';
import { annualReports, obligationReminders } from '../../db/schema/lifecycle';
import { annualReportCheck } from '../../jobs/annual-report-check';
import { runDailyChecks } from '../../jobs/daily';

// 京兴人社发〔2025〕21号 第十九条（三）: 每年12月末报送; 顺义 第十三条 (date inferred from 大兴). The demo is loaded on
// 2026-11-23; the clock then walks through December and across the year boundary, in Beijing time.
const clock = testClock('2026-11-23T02:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
});
afterAll(() => t.close());

const run = async (at: string) => {
  clock.set(at);
  return runDailyChecks(t.database.db, clock.now(), { jobs: [annualReportCheck], force: true });
};
const snapshot = async () => ({
  reports: (await t.database.db.select().from(annualReports)).length,
  reminders: (await t.database.db.select().from(obligationReminders)).length,
  outbox: (await t.database.db.select().from(outbox).where(like(outbox.template, 'report.%'))).length,
  audits: (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'report.reminder_sent'))).length,
});
const remindersOf = (period: string, kind: string) =>
  t.database.db.select().from(obligationReminders).where(and(eq(obligationReminders.period, period), eq(obligationReminders.kind, kind)));
async function studioOf(leader: string) {
  const [s] = await t.database.db.select().from(studios).where(eq(studios.leaderName, leader));
  return s;
}

describe('[REPORTS JOB] daily check: reminders 30 and 7 days before 12-31, overdue the day after — once each', () => {
  it('sends nothing on the load day (38 days left), and a second run changes nothing', async () => {
    const before = await snapshot();
    const [r] = await run('2026-11-23T03:00:00Z');
    expect(r.result).toMatchObject({ year: 2026, opened: 0, reminders: { 'before-30': 0, 'before-7': 0, overdue: 0 } });
    expect(await snapshot()).toEqual(before);
  });

  it('on 12-01 (30 days before) every unfiled 2026 report gets its reminder, in-app and by e-mail/SMS to the unit, once', async () => {
    const [first] = await run('2026-12-01T01:00:00Z');
    const unfiled = (await t.database.db.select().from(annualReports).where(eq(annualReports.year, 2026))).filter((r) => r.status === 'draft');
    expect(first.result).toMatchObject({ reminders: { 'before-30': unfiled.length, 'before-7': 0 } });
    expect((await remindersOf('2026', 'before-30')).length).toBe(unfiled.length);
    const zhao = await studioOf('赵德明');
    const messages = await t.database.db.select().from(outbox).where(eq(outbox.template, 'report.before-30'));
    const toUnitA = messages.filter((m) => (m.payload as { studioId?: string } | null)?.studioId === zhao.id);
    expect(toUnitA.map((m) => m.channel).sort()).toEqual(expect.arrayContaining(['email', 'in-app', 'sms']));
    expect(toUnitA[0].body).toContain('京兴人社发〔2025〕21号 第十九条（三）');
    expect(toUnitA[0].title).toContain('2026-12-31');
    const ma = await studioOf('马丽');
    const toUnitC = messages.find((m) => (m.payload as { studioId?: string } | null)?.studioId === ma.id && m.channel === 'in-app');
    expect(toUnitC?.body).toContain('不少于100人次');

    const after = await snapshot();
    const [second] = await run('2026-12-01T09:00:00Z');
    expect(second.result).toMatchObject({ reminders: { 'before-30': 0, 'before-7': 0, overdue: 0 } });
    expect(await snapshot()).toEqual(after);
  });

  it('a report filed before the 7-day reminder gets no further reminder; on 12-24 the others get theirs', async () => {
    clock.set('2026-12-20T02:00:00Z');
    const unitA = await t.login('unit-a');
    const zhao = await studioOf('赵德明');
    const [r] = await t.database.db.select().from(annualReports).where(and(eq(annualReports.studioId, zhao.id), eq(annualReports.year, 2026)));
    const saved = await t.app.inject({ method: 'PUT', url: `/api/annual-reports/${r.id}`, headers: { cookie: unitA }, payload: { version: r.version, summary: '全年总结', nextYearPlan: '明年计划' } });
    const sub = await t.app.inject({ method: 'POST', url: `/api/annual-reports/${r.id}/submit`, headers: { cookie: unitA }, payload: { version: saved.json().version } });
    expect(sub.json()).toMatchObject({ status: 'submitted', late: false });

    const [res] = await run('2026-12-24T01:00:00Z');
    const sent7 = await remindersOf('2026', 'before-7');
    expect(sent7.length).toBe((res.result as { reminders: { 'before-7': number } }).reminders['before-7']);
    expect(sent7.length).toBeGreaterThan(0);
    expect(sent7.some((x) => x.studioId === zhao.id)).toBe(false);
    // On the due day itself (12-31) nothing is overdue yet.
    const before = await snapshot();
    const [due] = await run('2026-12-31T14:00:00Z'); // 22:00 Beijing time
    expect(due.result).toMatchObject({ opened: 0, overdue: 1, reminders: { 'before-30': 0, 'before-7': 0, overdue: 0 } }); // only 2025's 张国华, already notified
    expect(await snapshot()).toEqual(before);
  });

  it('across the year boundary (2026-12-31 → 2027-01-01 Beijing): the unfiled 2026 reports become overdue, notified once, and the 2027 reports open', async () => {
    const [res] = await run('2026-12-31T16:30:00Z'); // 2027-01-01 00:30 Beijing time
    const open2026 = (await t.database.db.select().from(annualReports).where(eq(annualReports.year, 2026))).filter((r) => r.status === 'draft' || r.status === 'returned');
    const r2027 = await t.database.db.select().from(annualReports).where(eq(annualReports.year, 2027));
    expect(res.runOn).toBe('2027-01-01');
    expect(res.result).toMatchObject({ year: 2027, opened: r2027.length, reminders: { overdue: open2026.length } });
    expect(r2027.every((r) => r.dueOn === '2027-12-31' && r.status === 'draft')).toBe(true);
    const etdz = await t.database.db.select().from(studios).where(eq(studios.jurisdictionId, 'etdz'));
    expect(r2027.some((r) => etdz.some((s) => s.id === r.studioId))).toBe(false);
    expect((await remindersOf('2026', 'overdue')).length).toBe(open2026.length);

    const officer = await t.login('daxing-officer');
    const overdue = (await t.app.inject({ method: 'GET', url: '/api/annual-reports?overdue=true&year=2026', headers: { cookie: officer } })).json();
    expect(overdue.length).toBe(open2026.filter((r) => r.jurisdictionId === 'daxing').length);
    expect(overdue.every((r: { state: string; daysLeft: number }) => r.state === 'overdue' && r.daysLeft === -1)).toBe(true);
    const zhao = (await t.app.inject({ method: 'GET', url: '/api/annual-reports?year=2026', headers: { cookie: officer } })).json().find((r: { studioName: string }) => r.studioName.includes('赵德明'));
    expect(zhao).toMatchObject({ state: 'submitted', overdue: false });

    const after = await snapshot();
    const [again] = await run('2027-01-01T03:00:00Z');
    expect(again.result).toMatchObject({ opened: 0, reminders: { 'before-30': 0, 'before-7': 0, overdue: 0 } });
    expect(await snapshot()).toEqual(after);
    const audits = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'report.reminder_sent'));
    expect(audits.length).toBe(after.reminders - (await t.database.db.select().from(obligationReminders)).filter((x) => x.sentOn < '2026-11-23').length);
  });
});
