import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/helpers/app';
import { auditEvents } from '../../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const check = (payload: unknown) => t.app.inject({ method: 'POST', url: '/api/eligibility/check', payload: payload as object });

/** A 大兴 master who meets every condition the facts can decide (京兴人社发〔2025〕21号 第七条、第八条). */
const DAXING_GOOD_FACTS = {
  leader: {
    birthDate: '1980-05-12',
    sex: 'male',
    category: 'worker',
    occupationListed: true,
    hasNationalStandard: true,
    skillLevel: 'technician',
    frontlineYears: 15,
    employed: true,
    honours: [],
    leadsAnotherStudio: false,
  },
  unit: {
    locatedIn: 'daxing',
    teamFormalEmployees: 4,
    hasTalentSystem: true,
    providesFundingAndVenue: true,
    hasStudioRules: true,
    sameOccupationStudioExists: false,
    industry: 'other',
  },
  studio: { recognized: false, applyingTogether: true },
  project: { stage: 'planned', category: '技艺传承推广', onProhibitedCatalog: false, outsourced: false, startDate: '2026-07-01', endDate: '2026-10-31' },
};

describe('[POLICY] editions are served as the contract says', () => {
  it('GET /api/policies lists the three editions', async () => {
    const res = await get('/api/policies');
    expect(res.statusCode).toBe(200);
    const ids = res.json().map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['daxing-2025', 'etdz-2024', 'shunyi-draft']));
    const daxing = res.json().find((e: { id: string }) => e.id === 'daxing-2025');
    expect(daxing.documentNumber).toBe('京兴人社发〔2025〕21号');
  });

  it('GET /api/policies/daxing-2025 has both programs with cited rules, materials and stages', async () => {
    const e = (await get('/api/policies/daxing-2025')).json();
    expect(e.programs.map((p: { id: string }) => p.id).sort()).toEqual(['construction-project', 'studio-recognition']);
    const studio = e.programs.find((p: { id: string }) => p.id === 'studio-recognition');
    expect(studio.rules.length).toBeGreaterThan(5);
    for (const rule of studio.rules) {
      expect(rule.id).toBeTruthy();
      expect(rule.article).toMatch(/^第.+条/);
      expect(rule.text.length).toBeGreaterThan(4);
    }
    expect(studio.materials.length).toBeGreaterThan(0);
    expect(studio.stages.length).toBeGreaterThan(2);
  });

  it('GET /api/policies/daxing-2025/text serves the document and the 2026 notice verbatim', async () => {
    const body = (await get('/api/policies/daxing-2025/text')).json();
    expect(body.texts).toHaveLength(2);
    expect(body.texts[0].text).toContain('第十八条 工作室出现下列情况之一的，取消工作室称号');
    expect(body.texts[1].text).toContain('2026年6月26日18:00前');
  });

  it('an unknown edition is 404 in the error shape', async () => {
    const res = await get('/api/policies/haidian-2030');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('POLICY_NOT_FOUND');
  });
});

describe('[POLICY] POST /api/eligibility/check', () => {
  it('大兴 studio-recognition: a master who meets every decidable condition is eligible; review items do not block', async () => {
    const res = await check({ policyId: 'daxing-2025', program: 'studio-recognition', asOf: '2026-06-20', facts: DAXING_GOOD_FACTS });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.eligible).toBe(true);
    expect(body.findings.some((f: { outcome: string }) => f.outcome === 'review')).toBe(true);
    for (const f of body.findings) expect(Object.keys(f)).toEqual(expect.arrayContaining(['ruleId', 'article', 'outcome', 'message']));
  });

  it('第七条（一）2: a 高级工 in a listed occupation fails, and the finding cites the article', async () => {
    const facts = { ...DAXING_GOOD_FACTS, leader: { ...DAXING_GOOD_FACTS.leader, skillLevel: 'senior' } };
    const body = (await check({ policyId: 'daxing-2025', program: 'studio-recognition', asOf: '2026-06-20', facts })).json();
    expect(body.eligible).toBe(false);
    const failed = body.findings.filter((f: { outcome: string }) => f.outcome === 'fail');
    expect(failed.map((f: { article: string }) => f.article)).toContain('第七条（一）2');
  });

  it('missing facts give unknown and eligible null, never a guess', async () => {
    const body = (await check({ policyId: 'daxing-2025', program: 'studio-recognition', asOf: '2026-06-20', facts: {} })).json();
    expect(body.eligible).toBeNull();
    expect(body.findings.some((f: { outcome: string }) => f.outcome === 'unknown')).toBe(true);
    expect(body.findings.some((f: { outcome: string }) => f.outcome === 'fail')).toBe(false);
  });

  it('the same 58-year-old master passes in 大兴 (no margin) but fails the 2-year margin in 经开区', async () => {
    const facts = { ...DAXING_GOOD_FACTS, leader: { ...DAXING_GOOD_FACTS.leader, birthDate: '1966-06-01' } };
    const daxing = (await check({ policyId: 'daxing-2025', program: 'studio-recognition', asOf: '2026-06-20', facts })).json();
    const etdz = (await check({ policyId: 'etdz-2024', program: 'studio-recognition', asOf: '2026-01-20', facts: { ...facts, unit: { ...facts.unit, locatedIn: 'etdz' } } })).json();
    expect(daxing.eligible).toBe(true);
    expect(etdz.eligible).toBe(false);
  });

  it('bad requests are 400 with field messages: unknown fact, bad date, unknown program', async () => {
    const unknownFact = await check({ policyId: 'daxing-2025', program: 'studio-recognition', asOf: '2026-06-20', facts: { leader: { shoeSize: 42 } } });
    expect(unknownFact.statusCode).toBe(400);
    const badDate = await check({ policyId: 'daxing-2025', program: 'studio-recognition', asOf: '2026-02-30', facts: {} });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields).toHaveProperty('asOf');
    const badProgram = await check({ policyId: 'shunyi-draft', program: 'construction-project', asOf: '2026-06-20', facts: {} });
    expect(badProgram.statusCode).toBe(400);
    const unknownPolicy = await check({ policyId: 'nowhere', program: 'studio-recognition', asOf: '2026-06-20', facts: {} });
    expect(unknownPolicy.statusCode).toBe(404);
  });
});

describe('[CALENDAR] statutory working days and retirement', () => {
  it('5 working days after 2026-09-30 skip 国庆 and count the 调休 Saturday 10-10 (国办发明电〔2025〕7号)', async () => {
    const res = await get('/api/calendar/add-working-days?from=2026-09-30&days=5');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ date: '2026-10-13', provisional: false });
  });

  it('a 2027 result is provisional until an operator enters the 2027 schedule', async () => {
    const before = (await get('/api/calendar/add-working-days?from=2026-12-30&days=2')).json();
    expect(before.provisional).toBe(true);
    expect(before.date).toBe('2027-01-04'); // 2026-12-31 Thu, then 2027-01-01 元旦 (statutory), weekend, Mon 01-04

    const admin = await t.login('admin');
    const officer = await t.login('daxing-officer');
    const payload = { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [], source: '国务院办公厅关于2027年部分节假日安排的通知（演示）' };
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/calendar/2027', headers: { cookie: officer }, payload })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url: '/api/admin/calendar/2027', headers: { cookie: admin }, payload });
    expect(put.statusCode).toBe(200);
    const [event] = await t.database.db.select().from(auditEvents).where(sql`action = 'calendar.override_set'`);
    expect(event.entityId).toBe('2027');

    const after = (await get('/api/calendar/add-working-days?from=2026-12-30&days=2')).json();
    expect(after).toMatchObject({ date: '2027-01-04', provisional: false });
  });

  it('an override with a weekday 调休 or a date outside its year is refused and changes nothing', async () => {
    const admin = await t.login('admin');
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/calendar/2028',
      headers: { cookie: admin },
      payload: { holidays: ['2027-12-31'], workdays: ['2028-01-05'], source: '测试' },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual(['holidays', 'workdays']);
    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/calendar', headers: { cookie: admin } })).json();
    expect(list.map((r: { year: number }) => r.year)).toEqual([2027]);
  });

  it('bad calendar queries are 400', async () => {
    expect((await get('/api/calendar/add-working-days?from=2026-13-01&days=5')).statusCode).toBe(400);
    expect((await get('/api/calendar/add-working-days?from=2026-10-01&days=-1')).statusCode).toBe(400);
    expect((await get('/api/calendar/add-working-days?from=2026-10-01')).statusCode).toBe(400);
  });

  it('retirement follows the 2025 reform: a man born 1965-05 retires at 60 years 2 months', async () => {
    const res = await get('/api/retirement?birthDate=1965-05-15&sex=male&category=worker');
    expect(res.json()).toEqual({ retirementAge: { years: 60, months: 2 }, retirementDate: '2025-07-15' });
    const woman = (await get('/api/retirement?birthDate=1975-03-10&sex=female&category=worker')).json();
    expect(woman.retirementAge).toEqual({ years: 50, months: 2 });
    expect((await get('/api/retirement?birthDate=1965-05-15&sex=x&category=worker')).statusCode).toBe(400);
  });
});
