import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daxingProjectForms, multipartFile, tinyPdf, tinyPng } from '../../../../test/helpers/fixtures';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { applications, outbox } from '../../db/schema';
import { verifyAuditChain } from '../audit/audit.service';
import { DAXING_PROJECT_CALL } from './applications.test-helpers';

const clock = testClock('2026-06-10T02:00:00Z'); // 10:00 Beijing time
let t: TestApp;
let officer: string;
let unitA: string;
let unitB: string;
let callId: string;
let appId: string;
let number: string;

const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string | undefined, payload?: unknown) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

/** The 2026 大兴 project round as the 2026-06-08 notice opened it. */
const CALL = DAXING_PROJECT_CALL;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  officer = await t.login('daxing-officer');
  unitA = await t.login('unit-a');
  unitB = await t.login('unit-b');
});
afterAll(() => t.close());

describe('[INTAKE] an officer opens a call', () => {
  it('refuses a quota above 第四条’s 10 projects a year', async () => {
    const res = await inject('POST', '/api/calls', officer, { ...CALL, quota: 11 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'QUOTA_ABOVE_POLICY', fields: { quota: '不得超过 10' } });
  });

  it('refuses a window outside the edition’s validity (until 2029-12-31)', async () => {
    const res = await inject('POST', '/api/calls', officer, { ...CALL, opensAt: '2030-01-05T09:00', closesAt: '2030-02-01T18:00', year: 2030 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('EDITION_NOT_IN_FORCE');
  });

  it('refuses an officer of another jurisdiction, and a unit', async () => {
    expect((await inject('POST', '/api/calls', await t.login('etdz-officer'), CALL)).statusCode).toBe(403);
    expect((await inject('POST', '/api/calls', unitA, CALL)).statusCode).toBe(403);
  });

  it('opens the 2026 大兴 project call; the public sees it open with the 18:00 close in Beijing time', async () => {
    const res = await inject('POST', '/api/calls', officer, CALL);
    expect(res.statusCode).toBe(201);
    callId = res.json().id;
    // Demo data may hold other calls; this one is listed exactly once, with the contract's fields.
    const list = (await inject('GET', '/api/calls', undefined)).json().filter((c: { id: string }) => c.id === callId);
    expect(list).toEqual([
      expect.objectContaining({ id: callId, policyId: 'daxing-2025', program: 'construction-project', status: 'open', closesAt: '2026-06-26T18:00:00+08:00' }),
    ]);
  });
});

describe('[INTAKE] a unit fills its application', () => {
  it('starts one application per call, numbered', async () => {
    const res = await inject('POST', '/api/applications', unitA, { callId, studioRecognized: true });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    appId = body.id;
    number = body.number;
    expect(number).toMatch(/^DX-2026-XM-\d{4}$/);
    expect(body.status).toBe('draft');
    // 第十条: a recognised studio files only the project materials
    expect(body.forms.map((f: { id: string }) => f.id).sort()).toEqual(['commitment', 'project-proposal', 'work-plan']);
    const again = await inject('POST', '/api/applications', unitA, { callId, studioRecognized: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('APPLICATION_EXISTS');
  });

  it('a unit of another jurisdiction cannot apply to a 大兴 call', async () => {
    const res = await inject('POST', '/api/applications', unitB, { callId });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CALL_OTHER_JURISDICTION');
  });

  it('submitting an empty draft lists precisely what is missing, and changes nothing', async () => {
    const res = await inject('POST', `/api/applications/${appId}/submit`, unitA, {});
    expect(res.statusCode).toBe(400);
    const { code, fields } = res.json().error;
    expect(code).toBe('APPLICATION_INCOMPLETE');
    expect(fields).toMatchObject({
      'forms.work-plan': expect.stringContaining('未填写'),
      'forms.project-proposal': expect.stringContaining('未填写'),
      'materials.bank-account-permit': expect.stringContaining('开户许可证'),
    });
    expect((await inject('GET', `/api/applications/${appId}`, unitA)).json().status).toBe('draft');
  });

  it('saves a draft with problems and says what they are; a stale version is refused (no lost save)', async () => {
    const forms = daxingProjectForms();
    const bad = { ...forms['work-plan'], requestedAmount: 60000 };
    const first = await inject('PUT', `/api/applications/${appId}/forms/work-plan`, unitA, { data: bad, version: 0 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 1, complete: false });
    expect(first.json().issues.length).toBeGreaterThan(0);

    const stale = await inject('PUT', `/api/applications/${appId}/forms/work-plan`, unitA, { data: forms['work-plan'], version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const saved = (await inject('GET', `/api/applications/${appId}`, unitA)).json().forms.find((f: { id: string }) => f.id === 'work-plan');
    expect(saved.data.requestedAmount).toBe(60000);

    for (const [formId, data] of Object.entries(forms)) {
      const version = formId === 'work-plan' ? 1 : 0;
      const res = await inject('PUT', `/api/applications/${appId}/forms/${formId}`, unitA, { data, version });
      expect(res.json(), formId).toMatchObject({ complete: true, issues: [] });
    }
    const list = (await inject('GET', '/api/applications', unitA)).json();
    expect(list[0].title).toBe('精密数控加工技艺传承与青年技工培养项目');
  });

  it('an unknown form, or a form of another unit’s application, is refused', async () => {
    expect((await inject('PUT', `/api/applications/${appId}/forms/no-such-form`, unitA, { data: {}, version: 0 })).statusCode).toBe(404);
    const other = await inject('PUT', `/api/applications/${appId}/forms/work-plan`, unitB, { data: {}, version: 2 });
    expect(other.statusCode).toBe(404); // not its unit: answered as if the application did not exist
  });
});

describe('[INTAKE] materials are checked by content', () => {
  const upload = (itemId: string, name: string, content: Buffer, cookie = unitA) => {
    const mp = multipartFile(name, content);
    return t.app.inject({ method: 'POST', url: `/api/applications/${appId}/materials/${itemId}`, headers: { cookie, ...mp.headers }, payload: mp.payload });
  };

  it('refuses a text file named .pdf, an empty file, and a truncated PDF', async () => {
    const fake = await upload('bank-account-permit', '开户许可证.pdf', Buffer.from('this is not a pdf at all'));
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('FILE_TYPE_INVALID');
    const empty = await upload('bank-account-permit', 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const truncated = await upload('bank-account-permit', 'cut.pdf', tinyPdf().subarray(0, 200));
    expect(truncated.statusCode).toBe(415);
  });

  it('refuses a file over 20 MB', async () => {
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(21 * 1024 * 1024, 0x20)]);
    const res = await upload('bank-account-permit', 'big.pdf', big);
    expect(res.statusCode).toBe(413);
  });

  it('accepts a real PNG under a path-like name, keeping only a safe display name', async () => {
    const res = await upload('bank-account-permit', '../../etc/开户许可证.png', tinyPng());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: '开户许可证.png', mimeType: 'image/png' });
  });

  it('refuses an item that is filled online, and another unit', async () => {
    expect((await upload('work-plan', 'plan.pdf', tinyPdf())).statusCode).toBe(404);
    expect((await upload('bank-account-permit', 'x.pdf', tinyPdf(), unitB)).statusCode).toBe(404);
  });

  it('nothing was stored for the refused uploads', async () => {
    const app = (await inject('GET', `/api/applications/${appId}`, unitA)).json();
    const item = app.checklist.find((m: { id: string }) => m.id === 'bank-account-permit');
    expect(item.files.map((f: { name: string }) => f.name)).toEqual(['开户许可证.png']);
  });
});

describe('[INTAKE] submit, receipt, read-only', () => {
  it('another unit cannot see the application at all', async () => {
    expect((await inject('GET', `/api/applications/${appId}`, unitB)).statusCode).toBe(404);
    expect((await inject('GET', '/api/applications?pageSize=100', unitB)).json().map((a: { id: string }) => a.id)).not.toContain(appId);
  });

  it('submits inside the window and issues a receipt; the unit is notified', async () => {
    const res = await inject('POST', `/api/applications/${appId}/submit`, unitA, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().receipt).toEqual({ number: `${number}-S`, at: '2026-06-10T10:00:00+08:00' });
    expect(res.json().application.status).toBe('submitted');
    const messages = await t.database.db.select().from(outbox).where(sql`template = 'application.submitted'`);
    expect(messages.some((m) => m.body.includes(`${number}-S`))).toBe(true);
  });

  it('a second submission and any edit after submitting are refused', async () => {
    const again = await inject('POST', `/api/applications/${appId}/submit`, unitA, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能重复提交');
    const edit = await inject('PUT', `/api/applications/${appId}/forms/work-plan`, unitA, { data: {}, version: 2 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('APPLICATION_READ_ONLY');
  });

  it('the 大兴 officer sees it in the jurisdiction list; the 经开区 officer does not', async () => {
    const list = (await inject('GET', `/api/applications?callId=${callId}&status=submitted`, officer)).json();
    expect(list.map((a: { number: string }) => a.number)).toEqual([number]);
    const etdz = (await inject('GET', '/api/applications?pageSize=100', await t.login('etdz-officer'))).json();
    expect(etdz.map((a: { id: string }) => a.id)).not.toContain(appId);
    const search = (await inject('GET', `/api/applications?callId=${callId}&q=${encodeURIComponent('兴业精密')}`, officer)).json();
    expect(search).toHaveLength(1);
  });
});

describe('[INTAKE] correction (补正)', () => {
  it('the desk returns it with the exact items and a deadline of 5 working days', async () => {
    const res = await inject('POST', `/api/applications/${appId}/return`, officer, {
      items: [{ kind: 'material', id: 'bank-account-permit', comment: '开户许可证复印件不清晰，请重新扫描' }],
      deadlineWorkingDays: 5,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('returned');
    // 2026-06-10 (Wed) + 5 working days: 06-11, 06-12, 06-15, 06-16, 06-17
    expect(res.json().corrections[0]).toMatchObject({ round: 1, deadline: '2026-06-17' });
  });

  it('a unit cannot return applications', async () => {
    const res = await inject('POST', `/api/applications/${appId}/return`, unitA, { items: [{ kind: 'form', id: 'work-plan', comment: '测试测试' }] });
    expect(res.statusCode).toBe(403);
  });

  it('the unit may fix only the listed items, then resubmits; every round stays in the history', async () => {
    const edit = await inject('PUT', `/api/applications/${appId}/forms/work-plan`, unitA, { data: daxingProjectForms()['work-plan'], version: 2 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('ITEM_NOT_IN_CORRECTION');
    const before = (await inject('GET', `/api/applications/${appId}`, unitA)).json();
    const old = before.checklist.find((m: { id: string }) => m.id === 'bank-account-permit').files[0];
    expect((await inject('DELETE', `/api/applications/${appId}/materials/${old.id}`, unitA)).statusCode).toBe(204);
    const mp = multipartFile('开户许可证-清晰.pdf', tinyPdf());
    const up = await t.app.inject({ method: 'POST', url: `/api/applications/${appId}/materials/bank-account-permit`, headers: { cookie: unitA, ...mp.headers }, payload: mp.payload });
    expect(up.statusCode, up.body).toBe(201);

    clock.set('2026-06-30T02:00:00Z'); // after the call closed: a correction may still be answered
    unitA = await t.login('unit-a'); // the earlier session has been idle too long
    const res = await inject('POST', `/api/applications/${appId}/submit`, unitA, {});
    expect(res.statusCode).toBe(200);
    expect(res.json().receipt.number).toBe(`${number}-B1`);
    const app = res.json().application;
    expect(app.status).toBe('resubmitted');
    expect(app.timeline.map((e: { action: string }) => e.action)).toEqual(['created', 'submitted', 'returned', 'resubmitted']);
    expect(app.corrections[0].answeredAt).toBeTruthy();
  });
});

describe('[INTAKE] the window closes exactly at 18:00', () => {
  it('17:59:59 is open, 18:00:00 is closed, and a new application is refused after it', async () => {
    const statusNow = async () => (await inject('GET', '/api/calls', undefined)).json().find((c: { id: string }) => c.id === callId).status;
    clock.set('2026-06-26T09:59:59Z');
    expect(await statusNow()).toBe('open');
    clock.set('2026-06-26T10:00:00Z');
    expect(await statusNow()).toBe('closed');
    unitA = await t.login('unit-a');
    // unit-a already has one; a fresh unit user would be refused with CALL_NOT_OPEN — shown through the service rule
    const res = await inject('POST', '/api/applications', unitA, { callId });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CALL_NOT_OPEN');
  });

  it('every write above is in the audit chain, and the chain verifies', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
    const [{ n }] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(applications).where(sql`call_id = ${callId}`);
    expect(n).toBe(1);
  });
});
