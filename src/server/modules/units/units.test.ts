import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { daxingProjectForms } from '../../../../test/helpers/fixtures';
import { creditCodeCheckChar, residentIdCheckChar } from '../../../policy/rules/id-numbers';
import { auditEvents, units, userRoles, users } from '../../db/schema';
import { DEMO_PASSWORD } from '../../demo/seed';
import { hashPassword } from '../accounts/accounts.service';
import { verifyAuditChain } from '../audit/audit.service';

const clock = testClock('2026-06-10T02:00:00Z'); // 10:00 Beijing time, inside the 大兴 2026 project round
let t: TestApp;
let unitA: string;
let unitB: string;
let fresh: string; // a 大兴 unit that has entered nothing yet

const inject = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string | undefined, payload?: unknown) =>
  t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload !== undefined ? { payload: payload as object } : {}) });

/** A fictional 身份证号 with a correct GB 11643 check character. */
const idNo = (first17: string) => first17 + residentIdCheckChar(first17);
/** A fictional 统一社会信用代码 with a correct GB 32100 check character. */
const creditCode = (first17: string) => first17 + creditCodeCheckChar(first17);

const PROFILE = {
  name: '北京新立机电有限公司',
  creditCode: creditCode('91110115MA04XLJD0'),
  address: '北京市大兴区兴华大街 100 号',
  locatedIn: null,
  legalRepresentative: '钱立',
  contactName: '孙敏',
  contactPhone: '13910001234',
  industry: null,
  hasTalentSystem: null,
  providesFundingAndVenue: null,
  hasStudioRules: null,
  existingStudioOccupations: null,
  bankName: '中国工商银行北京大兴支行',
  bankAccount: '0200012345678901234',
  bankPermitNumber: 'J1000123456701',
  branches: [],
};

const person = (over: Record<string, unknown> = {}) => ({
  name: '王建军',
  idNumber: idNo('11011519800315101'),
  category: 'worker',
  occupation: '数控车工',
  occupationListed: true,
  hasNationalStandard: true,
  skillLevel: 'senior-technician',
  frontlineYears: 22,
  employed: true,
  isFormalEmployee: true,
  leadsAnotherStudio: false,
  honours: ['北京市技术能手'],
  ...over,
});

async function auditCount() {
  return (await t.database.db.select({ id: auditEvents.id }).from(auditEvents)).length;
}

/** A unit registered in `jurisdiction` with one applicant account, created the way the admin would. */
async function addUnit(username: string, jurisdiction: string, code: string) {
  const unitId = randomUUID();
  const userId = randomUUID();
  await t.database.db.insert(units).values({ id: unitId, name: `${username} 测试单位`, creditCode: code, jurisdictionId: jurisdiction });
  await t.database.db.insert(users).values({ id: userId, username, displayName: username, passwordHash: await hashPassword(DEMO_PASSWORD), unitId });
  await t.database.db.insert(userRoles).values({ userId, role: 'applicant', jurisdictionId: jurisdiction });
  return t.login(username);
}

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  unitA = await t.login('unit-a');
  unitB = await t.login('unit-b');
  fresh = await addUnit('xinli', 'daxing', creditCode('91110115MA04XLJD0'));
});
afterAll(() => t.close());

describe('[UNIT] the unit profile', () => {
  it('shows the unit its own profile, with the demo facts filled in', async () => {
    const res = await inject('GET', '/api/unit', unitA);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '北京兴业精密机械有限公司', jurisdictionId: 'daxing', locatedIn: 'daxing' });
  });

  it('refuses a 统一社会信用代码 with a wrong GB 32100 check character, naming the field, and writes nothing', async () => {
    const before = (await inject('GET', '/api/unit', unitA)).json();
    const events = await auditCount();
    const good = before.creditCode as string;
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await inject('PUT', '/api/unit', unitA, { ...before, id: undefined, jurisdictionId: undefined, jurisdictionName: undefined, updatedAt: undefined, personCount: undefined, creditCode: bad, name: '改过的名字' });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('CREDIT_CODE_INVALID');
    expect(error.message).toContain('统一社会信用代码');
    expect(error.fields.creditCode).toContain('校验码');
    expect((await inject('GET', '/api/unit', unitA)).json()).toEqual(before);
    expect(await auditCount()).toBe(events);
  });

  it('refuses a contact mobile that is not 11 digits, naming the field', async () => {
    const res = await inject('PUT', '/api/unit', fresh, { ...PROFILE, contactPhone: '81298272' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.contactPhone).toBe('联系人手机号应为11位手机号码');
  });

  it('saves a valid profile and records it in the audit chain', async () => {
    const res = await inject('PUT', '/api/unit', fresh, { ...PROFILE, branches: [{ name: '亦庄分公司', address: '北京经济技术开发区科创街 1 号' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '北京新立机电有限公司', bankPermitNumber: 'J1000123456701', branches: [{ name: '亦庄分公司' }] });
    const [event] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'unit.profile_updated'));
    expect(event.entityId).toBe(res.json().id);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('refuses the credit code of another registered unit (409)', async () => {
    const other = (await inject('GET', '/api/unit', unitA)).json().creditCode;
    const res = await inject('PUT', '/api/unit', fresh, { ...PROFILE, creditCode: other });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields.creditCode).toBeTruthy();
  });

  it('is for applicant units only', async () => {
    expect((await inject('GET', '/api/unit', await t.login('daxing-officer'))).statusCode).toBe(403);
    expect((await inject('GET', '/api/unit', undefined)).statusCode).toBe(401);
  });
});

describe('[UNIT] people: the skill master and the team', () => {
  let personId: string;

  it('refuses a 身份证号 with a wrong GB 11643 check digit, naming the field, and writes nothing', async () => {
    const before = (await inject('GET', '/api/unit/persons', fresh)).json();
    const good = idNo('11011519800315101');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const res = await inject('POST', '/api/unit/persons', fresh, person({ idNumber: bad }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID' });
    expect(res.json().error.message).toContain('身份证号');
    expect(res.json().error.fields.idNumber).toContain('校验码');
    expect((await inject('GET', '/api/unit/persons', fresh)).json()).toEqual(before);
  });

  it('derives birth date and sex from the 身份证号 and never takes them from the client', async () => {
    const refused = await inject('POST', '/api/unit/persons', fresh, { ...person(), birthDate: '1990-01-01', sex: 'female' });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields)).toEqual(expect.arrayContaining(['birthDate', 'sex']));

    const res = await inject('POST', '/api/unit/persons', fresh, person());
    expect(res.statusCode).toBe(201);
    const body = res.json();
    personId = body.id;
    expect(body).toMatchObject({ birthDate: '1980-03-15', sex: 'male', idNumber: idNo('11011519800315101') });

    // 17th digit even → female
    const woman = await inject('POST', '/api/unit/persons', fresh, person({ name: '李秀兰', idNumber: idNo('11011519850722102') }));
    expect(woman.json()).toMatchObject({ birthDate: '1985-07-22', sex: 'female' });
  });

  it('refuses the same 身份证号 twice in one unit with a clear message (409)', async () => {
    const res = await inject('POST', '/api/unit/persons', fresh, person({ name: '王建军（重复）' }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PERSON_DUPLICATE');
    expect(res.json().error.message).toContain('已登记');
  });

  it('masks ID numbers in the list (110************123) and shows the full number only when editing', async () => {
    const list = (await inject('GET', '/api/unit/persons', fresh)).json();
    expect(list).toHaveLength(2);
    for (const p of list) {
      expect(p.idNumberMasked).toMatch(/^\d{3}\*{12}[\dX]{3}$/);
      expect(p).not.toHaveProperty('idNumber');
    }
    const one = (await inject('GET', `/api/unit/persons/${personId}`, fresh)).json();
    expect(one.idNumber).toBe(idNo('11011519800315101'));
  });

  it('lets no other unit read, change or delete a person (404)', async () => {
    expect((await inject('GET', `/api/unit/persons/${personId}`, unitB)).statusCode).toBe(404);
    expect((await inject('PUT', `/api/unit/persons/${personId}`, unitB, person({ name: '被改' }))).statusCode).toBe(404);
    expect((await inject('DELETE', `/api/unit/persons/${personId}`, unitB)).statusCode).toBe(404);
    expect((await inject('GET', '/api/unit/persons', unitB)).json().some((p: { id: string }) => p.id === personId)).toBe(false);
    expect((await inject('GET', `/api/unit/persons/${personId}`, fresh)).json().name).toBe('王建军');
  });

  it('updates a person: a new 身份证号 changes the derived birth date', async () => {
    const res = await inject('PUT', `/api/unit/persons/${personId}`, fresh, person({ idNumber: idNo('11011519790101101') }));
    expect(res.statusCode).toBe(200);
    expect(res.json().birthDate).toBe('1979-01-01');
    await inject('PUT', `/api/unit/persons/${personId}`, fresh, person());
  });
});

describe('[ELIGIBILITY] an application’s conditions on what the unit has entered', () => {
  let daxingApp: string;
  let leaderId: string;
  const members: string[] = [];

  const finding = (body: { findings: { ruleId: string }[] }, ruleId: string) => body.findings.find((f) => f.ruleId === ruleId) as
    | { ruleId: string; article: string; outcome: string; message: string }
    | undefined;

  beforeAll(async () => {
    const officer = await t.login('daxing-officer');
    const call = await inject('POST', '/api/calls', officer, {
      policyId: 'daxing-2025',
      program: 'construction-project',
      title: '2026年大兴区技能大师工作室建设项目评选',
      year: 2026,
      opensAt: '2026-06-08T00:00',
      closesAt: '2026-06-26T18:00',
      quota: 10,
      projectsCloseBy: '2026-10-31',
      contacts: [{ name: '周云汉', phone: '81298272' }],
      noticeText: '根据京兴人社发〔2025〕21号，组织开展2026年大兴区技能大师工作室建设项目评选工作。',
    });
    expect(call.statusCode).toBe(201);
    // 第十条: a studio not yet recognised files the studio and the project together, so 第七条 applies.
    const app = await inject('POST', '/api/applications', fresh, { callId: call.json().id, studioRecognized: false });
    expect(app.statusCode).toBe(201);
    daxingApp = app.json().id;
  });

  it('before anything is chosen: 第七条 conditions are unknown and the missing facts are listed', async () => {
    const res = await inject('GET', `/api/applications/${daxingApp}/eligibility`, fresh);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ policyId: 'daxing-2025', program: 'construction-project', asOf: '2026-06-10' });
    // The 2026 round (通知 一（一）) is for recognised studios; the engine says so whatever the unit enters.
    expect(body.findings.find((f: { ruleId: string }) => f.ruleId.endsWith('studio.recognized'))).toMatchObject({ outcome: 'fail' });
    expect(finding(body, 'daxing-2025.unit.located-in')).toMatchObject({ article: '第七条', outcome: 'unknown' });
    expect(finding(body, 'daxing-2025.leader.employed')).toMatchObject({ article: '第七条（一）1', outcome: 'unknown' });
    expect(finding(body, 'daxing-2025.unit.team')).toMatchObject({ article: '第七条（二）5', outcome: 'unknown' });
    expect(body.missing.map((m: { fact: string }) => m.fact)).toEqual(expect.arrayContaining(['unit.locatedIn', 'leader.employed', 'unit.teamFormalEmployees']));
  });

  it('第七条: the unit registered in 大兴 passes once it says so in its profile', async () => {
    await inject('PUT', '/api/unit', fresh, { ...PROFILE, locatedIn: 'daxing', hasTalentSystem: true, providesFundingAndVenue: true, hasStudioRules: true, industry: 'high-tech', existingStudioOccupations: [] });
    const body = (await inject('GET', `/api/applications/${daxingApp}/eligibility`, fresh)).json();
    expect(finding(body, 'daxing-2025.unit.located-in')?.outcome).toBe('pass');
    expect(body.facts.unit).toMatchObject({ locatedIn: 'daxing', hasTalentSystem: true });
    expect(body.missing.map((m: { fact: string }) => m.fact)).not.toContain('unit.locatedIn');
  });

  it('第七条（一）1 and 第七条（二）5: a master not 在职在聘 and a team of 2 fail; employed with 3 formal employees pass', async () => {
    const list = (await inject('GET', '/api/unit/persons', fresh)).json() as { id: string; name: string }[];
    leaderId = list.find((p) => p.name === '王建军')!.id;
    members.push(list.find((p) => p.name === '李秀兰')!.id);
    for (const [name, first17] of [['赵磊', '11011519900211103'], ['周强', '11011519920509105']] as const) {
      members.push((await inject('POST', '/api/unit/persons', fresh, person({ name, idNumber: idNo(first17), skillLevel: 'senior' }))).json().id);
    }
    await inject('PUT', `/api/unit/persons/${leaderId}`, fresh, person({ employed: false }));
    const set = await inject('PUT', `/api/applications/${daxingApp}/people`, fresh, { leaderId, memberIds: members });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ leader: { name: '王建军' }, teamFormalEmployees: 3 });

    const notEmployed = (await inject('GET', `/api/applications/${daxingApp}/eligibility`, fresh)).json();
    expect(finding(notEmployed, 'daxing-2025.leader.employed')).toMatchObject({ article: '第七条（一）1', outcome: 'fail' });
    expect(notEmployed.eligible).toBe(false);

    await inject('PUT', `/api/unit/persons/${leaderId}`, fresh, person({ employed: true }));
    await inject('PUT', `/api/applications/${daxingApp}/people`, fresh, { leaderId, memberIds: members.slice(0, 2) });
    const smallTeam = (await inject('GET', `/api/applications/${daxingApp}/eligibility`, fresh)).json();
    expect(finding(smallTeam, 'daxing-2025.leader.employed')?.outcome).toBe('pass');
    expect(finding(smallTeam, 'daxing-2025.unit.team')).toMatchObject({ outcome: 'fail', article: '第七条（二）5' });

    await inject('PUT', `/api/applications/${daxingApp}/people`, fresh, { leaderId, memberIds: members });
    const full = (await inject('GET', `/api/applications/${daxingApp}/eligibility`, fresh)).json();
    expect(finding(full, 'daxing-2025.unit.team')?.outcome).toBe('pass');
    expect(finding(full, 'daxing-2025.leader.skill-level')).toMatchObject({ article: '第七条（一）2', outcome: 'pass' });
    expect(full.facts.leader).toMatchObject({ birthDate: '1980-03-15', sex: 'male', skillLevel: 'senior-technician', employed: true });
  });

  it('第四条 and the 2026 notice 申报要求4: the project period comes from the saved 计划书 (附件1)', async () => {
    const workPlan = daxingProjectForms()['work-plan'];
    const saved = await inject('PUT', `/api/applications/${daxingApp}/forms/work-plan`, fresh, { data: workPlan, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    const body = (await inject('GET', `/api/applications/${daxingApp}/eligibility`, fresh)).json();
    expect(body.facts.project).toMatchObject({ category: '技艺传承推广', startDate: '2026-07-01', endDate: '2026-10-31' });
    expect(finding(body, 'daxing-2025.project.period')).toMatchObject({ article: '第四条', outcome: 'pass' });
    expect(body.findings.find((f: { ruleId: string }) => f.ruleId.endsWith('project.close-by'))?.outcome).toBe('pass');
    expect(body.missing.map((m: { fact: string }) => m.fact)).not.toContain('project.startDate');
  });

  it('refuses a master from another unit, or the master listed again as a member', async () => {
    const res = await inject('PUT', `/api/applications/${daxingApp}/people`, fresh, { leaderId, memberIds: [leaderId, ...members] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('memberIds');
    const b = (await inject('GET', '/api/unit/persons', unitB)).json()[0];
    const foreign = await inject('PUT', `/api/applications/${daxingApp}/people`, fresh, { leaderId: b.id, memberIds: members });
    expect(foreign.statusCode).toBe(400);
  });

  it('lets no other unit read an application’s eligibility or choose its people (404)', async () => {
    expect((await inject('GET', `/api/applications/${daxingApp}/eligibility`, unitB)).statusCode).toBe(404);
    expect((await inject('PUT', `/api/applications/${daxingApp}/people`, unitB, { leaderId, memberIds: [] })).statusCode).toBe(404);
    // the 大兴 officer sees it (their jurisdiction)
    expect((await inject('GET', `/api/applications/${daxingApp}/eligibility`, await t.login('daxing-officer'))).statusCode).toBe(200);
  });

  it('大兴 asks 在职在聘 only; 经开区 三（二）1（3） also wants two years to statutory retirement — the same master differs', async () => {
    // A man born 1967-06 (worker): under the 2025 reform he retires in early 2028, less than two years after 2026-06-10.
    const nearRetirement = person({ name: '陈国庆', idNumber: idNo('11011519670615101'), honours: ['全国技术能手'] });
    const daxingLeader = (await inject('POST', '/api/unit/persons', fresh, nearRetirement)).json().id;
    await inject('PUT', `/api/applications/${daxingApp}/people`, fresh, { leaderId: daxingLeader, memberIds: members });
    const daxing = (await inject('GET', `/api/applications/${daxingApp}/eligibility`, fresh)).json();
    expect(finding(daxing, 'daxing-2025.leader.employed')?.outcome).toBe('pass');
    expect(daxing.findings.some((f: { ruleId: string }) => f.ruleId.includes('retirement'))).toBe(false);

    const etdzOfficer = await t.login('etdz-officer');
    const call = await inject('POST', '/api/calls', etdzOfficer, {
      policyId: 'etdz-2024',
      program: 'studio-recognition',
      title: '2026年经开区技能大师工作室认定资助（测试批次）',
      year: 2026,
      opensAt: '2026-06-01T09:00',
      closesAt: '2026-06-30T18:00',
      quota: 10,
      contacts: [{ phone: '67881234' }],
      noticeText: '根据京技管发〔2024〕1号开展认定资助。',
    });
    expect(call.statusCode, call.body).toBe(201);
    const etdzApp = (await inject('POST', '/api/applications', unitB, { callId: call.json().id, studioRecognized: false })).json().id;
    const etdzLeader = (await inject('POST', '/api/unit/persons', unitB, nearRetirement)).json().id;
    const team = ((await inject('GET', '/api/unit/persons', unitB)).json() as { id: string }[]).filter((p) => p.id !== etdzLeader).map((p) => p.id);
    expect((await inject('PUT', `/api/applications/${etdzApp}/people`, unitB, { leaderId: etdzLeader, memberIds: team })).statusCode).toBe(200);
    const etdz = (await inject('GET', `/api/applications/${etdzApp}/eligibility`, unitB)).json();
    expect(finding(etdz, 'etdz-2024.leader.employed')?.outcome).toBe('pass');
    expect(finding(etdz, 'etdz-2024.leader.retirement-margin')).toMatchObject({ article: '三（二）1（3）、2（3）', outcome: 'fail' });
    expect(etdz.eligible).toBe(false);
  });

  it('keeps a person named by a submitted application from being deleted', async () => {
    // Simulate the application leaving the draft (the submission rules are the applications module's).
    const { applications } = await import('../../db/schema');
    await t.database.db.update(applications).set({ status: 'submitted' }).where(eq(applications.id, daxingApp));
    const res = await inject('DELETE', `/api/unit/persons/${members[0]}`, fresh);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PERSON_IN_SUBMITTED_APPLICATION');
    const list = (await inject('GET', '/api/unit/persons', fresh)).json();
    expect(list.find((p: { id: string }) => p.id === members[0]).inSubmittedApplication).toBe(true);
    const changed = await inject('PUT', `/api/applications/${daxingApp}/people`, fresh, { leaderId, memberIds: members });
    expect(changed.statusCode).toBe(409);
    // a person no submitted application names can be deleted
    const loose = (await inject('POST', '/api/unit/persons', fresh, person({ name: '临时', idNumber: idNo('11011519950101107') }))).json().id;
    expect((await inject('DELETE', `/api/unit/persons/${loose}`, fresh)).statusCode).toBe(204);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
