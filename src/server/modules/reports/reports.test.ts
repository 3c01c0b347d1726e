import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { multipartFile, tinyPdf } from '../../../../test/helpers/fixtures';
import { auditEvents, studios } from '../../db/schema';
import { annualReports } from '../../db/schema/lifecycle';

// The demo is loaded on Mon 2026-11-23, 10:00 Beijing time: this year's reports are open as drafts.
const TODAY = '2026-11-23T02:00:00Z';
const clock = testClock(TODAY);
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
});
afterAll(() => t.close());

const call = (method: 'GET' | 'PUT' | 'POST', url: string, cookie: string, payload?: unknown) => t.app.inject({ method, url, headers: { cookie }, ...(payload !== undefined ? { payload: payload as object } : {}) });

async function studioOf(leader: string) {
  const [s] = await t.database.db.select().from(studios).where(eq(studios.leaderName, leader));
  return s;
}
async function reportOf(leader: string, year: number) {
  const s = await studioOf(leader);
  const [r] = await t.database.db.select().from(annualReports).where(and(eq(annualReports.studioId, s.id), eq(annualReports.year, year)));
  return r;
}
const auditCount = async () => (await t.database.db.select({ id: auditEvents.id }).from(auditEvents)).length;

describe('[REPORTS] 京兴人社发〔2025〕21号 第十九条（三）: 每年12月末报送当年度工作总结及下一年度工作计划', () => {
  it('every active 大兴 and 顺义 studio has this year’s report open, due 12-31; 经开区 (京技管发〔2024〕1号) studios have none', async () => {
    const rows = await t.database.db.select({ r: annualReports, s: studios }).from(annualReports).innerJoin(studios, eq(studios.id, annualReports.studioId)).where(eq(annualReports.year, 2026));
    const active = await t.database.db.select().from(studios).where(eq(studios.status, 'active'));
    for (const s of active.filter((x) => x.jurisdictionId !== 'etdz' && x.recognizedYear <= 2026)) {
      const r = rows.find((x) => x.s.id === s.id);
      expect(r, s.name).toBeTruthy();
      expect(r!.r.dueOn).toBe('2026-12-31');
    }
    expect(rows.some((x) => x.s.jurisdictionId === 'etdz')).toBe(false);

    const unitB = await t.login('unit-b');
    expect((await call('GET', '/api/annual-reports/obligations', unitB)).json()).toEqual([]);
    const etdzStudio = active.find((s) => s.jurisdictionId === 'etdz' && s.unitId)!;
    const refused = await call('POST', `/api/studios/${etdzStudio.id}/annual-reports`, unitB, { year: 2026 });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('NO_REPORT_OBLIGATION');
  });

  it('the unit sees its own reports with due dates and the article; last year’s accepted, this year’s a draft', async () => {
    const unitA = await t.login('unit-a');
    const list = (await call('GET', '/api/annual-reports', unitA)).json();
    expect(list.map((r: { year: number; state: string }) => [r.year, r.state])).toEqual([
      [2026, 'open'],
      [2025, 'accepted'],
    ]);
    expect(list[0].daysLeft).toBe(38);
    expect(list[0].requirements.citation).toBe('京兴人社发〔2025〕21号 第十九条（三）');
    expect(list[0].requirements.personTimes).toBeNull();
    expect(list[0].canEdit).toBe(true);
    // Another unit cannot see it.
    expect((await call('GET', `/api/annual-reports/${list[0].id}`, await t.login('unit-c'))).statusCode).toBe(404);
    expect((await call('GET', `/api/annual-reports/${list[0].id}`, await t.login('shunyi-officer'))).statusCode).toBe(404);
    expect((await call('GET', `/api/annual-reports/${list[0].id}`, await t.login('daxing-inspector'))).statusCode).toBe(200);
  });

  it('bad input is refused with the reason and writes nothing: negative, non-integer, absurd person-times, unknown fields', async () => {
    const unitA = await t.login('unit-a');
    const r = await reportOf('赵德明', 2026);
    const before = await auditCount();
    for (const [body, field] of [
      [{ version: r.version, personTimes: -1 }, 'personTimes'],
      [{ version: r.version, personTimes: 12.5 }, 'personTimes'],
      [{ version: r.version, personTimes: 100_001 }, 'personTimes'],
      [{ version: r.version, figures: { apprentices: -3 } }, 'figures'],
      [{ version: r.version, figures: { bogus: 1 } }, 'figures'],
      [{ version: r.version, summary: 'x'.repeat(10_001) }, 'summary'],
    ] as const) {
      const res = await call('PUT', `/api/annual-reports/${r.id}`, unitA, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().error)).toContain(field);
    }
    const stale = await call('PUT', `/api/annual-reports/${r.id}`, unitA, { version: r.version - 1, summary: '新的总结' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('REPORT_VERSION_CONFLICT');
    expect(await reportOf('赵德明', 2026)).toEqual(r);
    expect(await auditCount()).toBe(before);
  });

  it('a report for a future year, before recognition, or a second one for the same year is refused; a missing past year can be opened once', async () => {
    const unitA = await t.login('unit-a');
    const s = await studioOf('赵德明');
    const future = await call('POST', `/api/studios/${s.id}/annual-reports`, unitA, { year: 2027 });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('REPORT_YEAR_FUTURE');
    const early = await call('POST', `/api/studios/${s.id}/annual-reports`, unitA, { year: s.recognizedYear - 1 });
    expect(early.json().error.code).toBe('REPORT_YEAR_BEFORE_RECOGNITION');
    const dup = await call('POST', `/api/studios/${s.id}/annual-reports`, unitA, { year: 2026 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('REPORT_EXISTS');
    const opened = await call('POST', `/api/studios/${s.id}/annual-reports`, unitA, { year: 2024 });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ year: 2024, dueOn: '2024-12-31', status: 'draft', state: 'overdue', overdue: true });
    expect((await call('POST', `/api/studios/${s.id}/annual-reports`, unitA, { year: 2024 })).statusCode).toBe(409);
    // Only the unit of the studio opens it.
    expect((await call('POST', `/api/studios/${s.id}/annual-reports`, await t.login('unit-c'), { year: 2023 })).statusCode).toBe(404);
    expect((await call('POST', `/api/studios/${s.id}/annual-reports`, await t.login('daxing-officer'), { year: 2023 })).statusCode).toBe(403);
  });

  it('attachments are optional: the unit attaches a PDF (checked by content), the officer downloads it; the draft may drop it', async () => {
    const unitA = await t.login('unit-a');
    const r = await reportOf('赵德明', 2026);
    const fake = multipartFile('总结.pdf', Buffer.from('not a pdf at all'), 'application/pdf');
    const before = await auditCount();
    const refused = await t.app.inject({ method: 'POST', url: `/api/annual-reports/${r.id}/files`, headers: { cookie: unitA, ...fake.headers }, payload: fake.payload });
    expect(refused.statusCode).toBe(415);
    expect(await auditCount()).toBe(before);
    const pdf = multipartFile('2026年度总结附件.pdf', tinyPdf(), 'application/pdf');
    const added = await t.app.inject({ method: 'POST', url: `/api/annual-reports/${r.id}/files`, headers: { cookie: unitA, ...pdf.headers }, payload: pdf.payload });
    expect(added.statusCode, added.body).toBe(201);
    const [file] = added.json().files;
    expect(file).toMatchObject({ name: '2026年度总结附件.pdf', mimeType: 'application/pdf' });
    const got = await t.app.inject({ method: 'GET', url: file.url, headers: { cookie: await t.login('daxing-officer') } });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ method: 'GET', url: file.url, headers: { cookie: await t.login('unit-c') } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: file.url, headers: { cookie: await t.login('daxing-inspector') } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: file.url, headers: { cookie: await t.login('etdz-officer') } })).statusCode).toBe(404);
    // Only the studio's unit attaches files: another unit 404, an officer 403; nothing written.
    const [unitB, dxOfficer] = [await t.login('unit-b'), await t.login('daxing-officer')];
    const counted = await auditCount();
    const byUnitB = await t.app.inject({ method: 'POST', url: `/api/annual-reports/${r.id}/files`, headers: { cookie: unitB, ...pdf.headers }, payload: pdf.payload });
    expect(byUnitB.statusCode).toBe(404);
    const byOfficer = await t.app.inject({ method: 'POST', url: `/api/annual-reports/${r.id}/files`, headers: { cookie: dxOfficer, ...pdf.headers }, payload: pdf.payload });
    expect(byOfficer.statusCode).toBe(403);
    expect(await auditCount()).toBe(counted);
    const other = await call('PUT', `/api/annual-reports/${r.id}`, unitA, { version: added.json().version, fileIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(other.json().error.code).toBe('REPORT_FILE_UNKNOWN');
    const dropped = await call('PUT', `/api/annual-reports/${r.id}`, unitA, { version: added.json().version, fileIds: [] });
    expect(dropped.json().files).toEqual([]);
  });

  it('submitting an empty summary or plan is refused (400 naming the fields); then submit, return with a reason, correct and resubmit (version guard), accept', async () => {
    const unitA = await t.login('unit-a');
    const officer = await t.login('daxing-officer');
    let r = await reportOf('赵德明', 2026);
    const empty = await call('POST', `/api/annual-reports/${r.id}/submit`, unitA, { version: r.version });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('REPORT_INCOMPLETE');
    expect(Object.keys(empty.json().error.fields)).toEqual(['nextYearPlan']);
    expect(empty.json().error.message).toContain('第十九条（三）');
    expect((await reportOf('赵德明', 2026)).status).toBe('draft');

    const saved = await call('PUT', `/api/annual-reports/${r.id}`, unitA, { version: r.version, nextYearPlan: '2027 年新带徒 6 人，开展公益培训 10 场。', figures: { apprentices: 6 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().figures).toEqual({ apprentices: 6 });
    const submitted = await call('POST', `/api/annual-reports/${r.id}/submit`, unitA, { version: saved.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', late: false, canEdit: false });
    // Submitted: the unit can no longer change it.
    expect((await call('PUT', `/api/annual-reports/${r.id}`, unitA, { version: submitted.json().version, summary: 'x' })).json().error.code).toBe('REPORT_NOT_EDITABLE');

    // The inspector reads, never reviews; another district's officer does not see it.
    expect((await call('POST', `/api/annual-reports/${r.id}/accept`, await t.login('daxing-inspector'), { version: submitted.json().version })).statusCode).toBe(403);
    expect((await call('POST', `/api/annual-reports/${r.id}/accept`, await t.login('shunyi-officer'), { version: submitted.json().version })).statusCode).toBe(404);
    const noReason = await call('POST', `/api/annual-reports/${r.id}/return`, officer, { version: submitted.json().version });
    expect(noReason.statusCode).toBe(400);
    const returned = await call('POST', `/api/annual-reports/${r.id}/return`, officer, { version: submitted.json().version, comment: '请补充全年培训人次的明细。' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', state: 'returned', reviewComment: '请补充全年培训人次的明细。' });
    expect((await call('POST', `/api/annual-reports/${r.id}/accept`, officer, { version: returned.json().version })).json().error.code).toBe('REPORT_NOT_SUBMITTED');

    r = await reportOf('赵德明', 2026);
    const corrected = await call('PUT', `/api/annual-reports/${r.id}`, unitA, { version: r.version, summary: `${r.summary}\n培训明细：厂内 18 场 210 人次。` });
    expect(corrected.statusCode).toBe(200);
    expect((await call('POST', `/api/annual-reports/${r.id}/submit`, unitA, { version: r.version })).json().error.code).toBe('REPORT_VERSION_CONFLICT');
    const again = await call('POST', `/api/annual-reports/${r.id}/submit`, unitA, { version: corrected.json().version });
    expect(again.json().status).toBe('submitted');
    const accepted = await call('POST', `/api/annual-reports/${r.id}/accept`, officer, { version: again.json().version, comment: '通过' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', state: 'accepted' });
    const actions = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, r.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['report.saved', 'report.submitted', 'report.returned', 'report.accepted']));
  });
});

describe('[REPORTS] 顺义区技能大师工作室管理办法 第十三条: 每年应带动不少于100人次技艺提升和创新', () => {
  it('person-times are required to submit; below 100 the report is filed and flagged with the article', async () => {
    const unitC = await t.login('unit-c');
    const r = await reportOf('马丽', 2026);
    await call('PUT', `/api/annual-reports/${r.id}`, unitC, { version: r.version, summary: '全年工作总结', nextYearPlan: '下一年度计划' });
    const missing = await call('POST', `/api/annual-reports/${r.id}/submit`, unitC, { version: r.version + 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.personTimes).toContain('第十三条');
    const low = await call('PUT', `/api/annual-reports/${r.id}`, unitC, { version: r.version + 1, personTimes: 80 });
    expect(low.json().requirements.personTimes).toMatchObject({ minimum: 100 });
    const filed = await call('POST', `/api/annual-reports/${r.id}/submit`, unitC, { version: low.json().version });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json().status).toBe('submitted');
    expect(filed.json().flags).toEqual([expect.objectContaining({ code: 'PERSON_TIMES_BELOW_MINIMUM' })]);
    expect(filed.json().flags[0].message).toContain('未达到每年不少于100人次');
    expect(filed.json().flags[0].message).toContain('第十三条');
  });

  it('the demo’s last-year report of 86 人次 shows flagged to the 顺义 officer, who exports the table', async () => {
    const officer = await t.login('shunyi-officer');
    const list = (await call('GET', '/api/annual-reports?year=2025', officer)).json();
    const ma = list.find((r: { studioName: string }) => r.studioName.includes('马丽'));
    expect(ma).toMatchObject({ personTimes: 86, status: 'submitted', canReview: true });
    expect(ma.flags[0].code).toBe('PERSON_TIMES_BELOW_MINIMUM');
    expect(list.every((r: { jurisdiction: string }) => r.jurisdiction === 'shunyi')).toBe(true);
    const xlsx = await call('GET', '/api/annual-reports.xlsx?year=2025', officer);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.getWorksheet('年度报告')!.getSheetValues());
    expect(text).toContain('未达到每年不少于100人次');
    expect((await call('GET', '/api/annual-reports.xlsx', await t.login('unit-c'))).statusCode).toBe(403);
  });

  it('大兴 the overdue demo report (never filed) shows 逾期 to the officer, filtered by overdue', async () => {
    const officer = await t.login('daxing-officer');
    const list = (await call('GET', '/api/annual-reports?overdue=true', officer)).json();
    expect(list.some((r: { studioName: string; year: number; state: string }) => r.studioName.includes('张国华') && r.year === 2025 && r.state === 'overdue')).toBe(true);
    expect(list.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    const byState = (await call('GET', '/api/annual-reports?state=overdue', officer)).json();
    expect(byState.map((r: { id: string }) => r.id).sort()).toEqual(list.filter((r: { status: string }) => r.status === 'draft').map((r: { id: string }) => r.id).sort());
    const bad = await call('GET', '/api/annual-reports?overdue=maybe', officer);
    expect(bad.statusCode).toBe(400);
  });

  it('submitted after the due date → late', async () => {
    clock.set('2027-01-04T02:00:00Z');
    try {
      const unitC = await t.login('unit-c');
      const officer = await t.login('shunyi-officer');
      // The officer returns the 2025 report of 86 人次; the unit corrects and resubmits it, after its due date.
      const r = await reportOf('马丽', 2025);
      const returned = await call('POST', `/api/annual-reports/${r.id}/return`, officer, { version: r.version, comment: '请说明人次未达标的原因及改进措施。' });
      expect(returned.statusCode, returned.body).toBe(200);
      const fixed = await call('PUT', `/api/annual-reports/${r.id}`, unitC, { version: returned.json().version, summary: `${r.summary}\n未达标原因：航班保障任务。` });
      const again = await call('POST', `/api/annual-reports/${r.id}/submit`, unitC, { version: fixed.json().version });
      expect(again.json()).toMatchObject({ status: 'submitted', late: true });
      expect(again.json().flags.map((f: { code: string }) => f.code)).toEqual(['PERSON_TIMES_BELOW_MINIMUM', 'SUBMITTED_LATE']);
    } finally {
      clock.set(TODAY);
    }
  });
});
