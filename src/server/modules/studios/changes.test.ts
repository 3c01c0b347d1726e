import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartFile, tinyPdf } from '../../../../test/helpers/fixtures';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { residentIdCheckChar } from '../../../policy/rules/id-numbers';
import { computeRetirement } from '../../../policy/rules/retirement';
import { auditEvents, changeRequests, persons, studioHistory, studios, studioTitles } from '../../db/schema';
import { unitOf } from '../funding/funding.test-helpers';

// Monday 2026-11-23, 10:00 Beijing time.
const clock = testClock('2026-11-23T02:00:00Z');
let t: TestApp;
const cookies: Record<string, string> = {};
const cookie = (u: string) => ({ cookie: cookies[u]! });

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  for (const u of ['unit-a', 'unit-b', 'unit-c', 'daxing-officer', 'shunyi-officer', 'etdz-officer', 'daxing-inspector']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const JUR = { daxing: 'daxing-2025', shunyi: 'shunyi-draft', etdz: 'etdz-2024' } as const;
const PREFIX = { daxing: '大兴区', shunyi: '顺义区', etdz: '经开区' } as const;

/** A valid 18-digit 身份证号 for a birth date and sex. */
function idNumber(birth: string, sex: 'male' | 'female', seq = 1) {
  const first17 = `110115${birth.replaceAll('-', '')}${String(seq).padStart(2, '0')}${sex === 'male' ? 1 : 2}`;
  return first17 + residentIdCheckChar(first17);
}

let seq = 10;
async function seedPerson(unitUser: string, name: string, birthDate = '1966-05-10', sex: 'male' | 'female' = 'male') {
  const unit = await unitOf(t.database.db, unitUser);
  const id = randomUUID();
  const now = clock.now();
  await t.database.db.insert(persons).values({ id, unitId: unit.id, name, idNumber: idNumber(birthDate, sex, seq++), birthDate, sex, category: 'worker', createdAt: now, updatedAt: now });
  return id;
}

async function seedStudio(o: { jurisdiction: keyof typeof JUR; unit: string; leader: string; occupation?: string; leaderPersonId?: string; status?: string; address?: string }) {
  const unit = await unitOf(t.database.db, o.unit);
  const id = randomUUID();
  const occupation = o.occupation ?? '钳工';
  const now = clock.now();
  await t.database.db.insert(studios).values({
    id,
    jurisdictionId: o.jurisdiction,
    editionId: JUR[o.jurisdiction],
    name: `${PREFIX[o.jurisdiction]}${o.leader}${occupation}技能大师工作室`,
    unitId: unit.id,
    unitName: unit.name,
    leaderName: o.leader,
    leaderPersonId: o.leaderPersonId ?? null,
    occupation,
    level: 'district',
    recognizedOn: '2024-06-01',
    recognizedYear: 2024,
    status: o.status ?? 'active',
    teamSize: 4,
    address: o.address ?? '北京市某区某路 1 号',
    revokedOn: o.status === 'revoked' ? '2026-03-01' : null,
    revocationArticle: o.status === 'revoked' ? '京兴人社发〔2025〕21号 第十八条（一）' : null,
    createdAt: now,
    updatedAt: now,
  });
  await t.database.db.insert(studioTitles).values({ id: randomUUID(), studioId: id, level: 'district', awardedOn: '2024-06-01', document: '认定名单', award: null, createdAt: now });
  return id;
}

const file = (u: string, studioId: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/studios/${studioId}/change-requests`, headers: cookie(u), payload: body });
const act = (u: string, id: string, what: 'approve' | 'reject' | 'withdraw', body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/change-requests/${id}/${what}`, headers: cookie(u), payload: body });
const historyOf = (studioId: string) => t.database.db.select().from(studioHistory).where(eq(studioHistory.studioId, studioId));
const studioRow = async (id: string) => (await t.database.db.select().from(studios).where(eq(studios.id, id)))[0]!;
const count = async (studioId: string) => (await t.database.db.select().from(changeRequests).where(eq(changeRequests.studioId, studioId))).length;

describe('[CHANGES] 京兴人社发〔2025〕21号 第十七条: 领办人不能继续开展工作的，提交情况说明', () => {
  it('files the situation report; approval records leader-stopped with the date in the studio history', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '钱立新' });
    const res = await file('unit-a', studioId, { kind: 'leader-unable', reason: '领办人已于本月退休，不再返聘。', effectiveOn: '2026-11-01', requested: { situation: 'retired' } });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ status: 'submitted', kind: 'leader-unable', citation: '京兴人社发〔2025〕21号 第十七条' });
    expect(created.ruleText).toContain('情况说明');

    const ok = await act('daxing-officer', created.id, 'approve', { version: created.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('approved');
    const h = await historyOf(studioId);
    expect(h).toEqual([expect.objectContaining({ kind: 'leader-stopped', happenedOn: '2026-11-01', citation: '京兴人社发〔2025〕21号 第十七条', changeRequestId: created.id })]);
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, created.id), eq(auditEvents.action, 'change.approved')));
    expect(audits).toHaveLength(1);
  });

  it('needs the reason of the stop', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '钱立二' });
    const res = await file('unit-a', studioId, { kind: 'leader-unable', reason: '领办人不能继续开展工作。', effectiveOn: '2026-11-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty(['requested.situation']);
    expect(await count(studioId)).toBe(0);
  });
});

describe('[CHANGES] 京兴人社发〔2025〕21号 第十七条: 需更换领办人的，应按照本办法申报条件和工作流程重新进行申报', () => {
  it('refuses a leader change as a change request, with guidance to file a new application', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '孔繁星' });
    const res = await file('unit-a', studioId, { kind: 'leader-replaced', reason: '原领办人退休，拟更换领办人。', effectiveOn: '2026-11-01', requested: { leaderName: '王新' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NEW_APPLICATION_REQUIRED');
    expect(res.json().error.message).toContain('第十七条');
    expect(res.json().error.message).toContain('重新提交认定申请');
    expect(await count(studioId)).toBe(0);
  });
});

describe('[CHANGES] 顺义 第十四条: 确需更换领办人的，经审核同意并备案后生效', () => {
  it('approves a new leader: the studio’s leader and name change, the history records before and after', async () => {
    const studioId = await seedStudio({ jurisdiction: 'shunyi', unit: 'unit-c', leader: '冯德胜', occupation: '电工' });
    const newLeader = await seedPerson('unit-c', '褚建国');
    const res = await file('unit-c', studioId, { kind: 'leader-replaced', reason: '原领办人退休，由高级技师褚建国接任。', effectiveOn: '2026-10-15', requested: { leaderPersonId: newLeader } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().requested).toMatchObject({ leaderName: '褚建国', leaderPersonId: newLeader });
    const ok = await act('shunyi-officer', res.json().id, 'approve', { version: res.json().version, reason: '符合条件，同意备案。' });
    expect(ok.statusCode, ok.body).toBe(200);
    const s = await studioRow(studioId);
    expect([s.leaderName, s.leaderPersonId, s.name]).toEqual(['褚建国', newLeader, '顺义区褚建国电工技能大师工作室']);
    const h = await historyOf(studioId);
    expect(h).toEqual([
      expect.objectContaining({ kind: 'leader', before: expect.objectContaining({ leaderName: '冯德胜' }), after: expect.objectContaining({ leaderName: '褚建国' }), citation: expect.stringContaining('第十四条') }),
    ]);
  });

  it('refuses a new leader who already leads another studio (by person, and by name within the unit)', async () => {
    const person = await seedPerson('unit-c', '蒋海峰');
    await seedStudio({ jurisdiction: 'shunyi', unit: 'unit-c', leader: '蒋海峰', occupation: '焊工', leaderPersonId: person });
    await seedStudio({ jurisdiction: 'shunyi', unit: 'unit-c', leader: '沈玉梅', occupation: '茶艺师' });
    const studioId = await seedStudio({ jurisdiction: 'shunyi', unit: 'unit-c', leader: '韦长江', occupation: '钳工' });
    const byPerson = await file('unit-c', studioId, { kind: 'leader-replaced', reason: '原领办人离职，拟更换。', effectiveOn: '2026-10-15', requested: { leaderPersonId: person } });
    expect(byPerson.statusCode).toBe(409);
    expect(byPerson.json().error.code).toBe('LEADER_ANOTHER_STUDIO');
    expect(byPerson.json().error.message).toContain('顺义区蒋海峰焊工技能大师工作室');
    const byName = await file('unit-c', studioId, { kind: 'leader-replaced', reason: '原领办人离职，拟更换。', effectiveOn: '2026-10-15', requested: { leaderName: '沈玉梅' } });
    expect(byName.statusCode).toBe(409);
    expect(byName.json().error.code).toBe('LEADER_ANOTHER_STUDIO');
    expect(await count(studioId)).toBe(0);
  });

  it('checks again at the decision: a new leader given another studio since the filing is refused', async () => {
    const studioId = await seedStudio({ jurisdiction: 'shunyi', unit: 'unit-c', leader: '杨光明', occupation: '钳工' });
    const res = await file('unit-c', studioId, { kind: 'leader-replaced', reason: '原领办人离职，拟更换。', effectiveOn: '2026-10-15', requested: { leaderName: '朱晓燕' } });
    expect(res.statusCode, res.body).toBe(201);
    await seedStudio({ jurisdiction: 'shunyi', unit: 'unit-c', leader: '朱晓燕', occupation: '育婴员' });
    const refused = await act('shunyi-officer', res.json().id, 'approve', { version: res.json().version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LEADER_ANOTHER_STUDIO');
    expect((await studioRow(studioId)).leaderName).toBe('杨光明');
    expect(await historyOf(studioId)).toHaveLength(0);
  });
});

describe('[CHANGES] 第十七条 / 第十四条: 领办人到达退休年龄，返聘或延迟退休的，提交申请及相关材料', () => {
  it('shows the statutory retirement date of a known leader, and records the extension on approval', async () => {
    const person = await seedPerson('unit-a', '秦志远', '1966-05-10', 'male');
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '秦志远', leaderPersonId: person });
    const expected = computeRetirement({ birthDate: '1966-05-10', sex: 'male', category: 'worker' });
    const rules = await t.app.inject({ url: `/api/studios/${studioId}/change-rules`, headers: cookie('unit-a') });
    expect(rules.statusCode, rules.body).toBe(200);
    expect(rules.json().retirement).toMatchObject({ leaderName: '秦志远', retirementDate: expected.retirementDate });
    expect(rules.json().rules.map((r: { kind: string }) => r.kind)).toEqual(['leader-unable', 'leader-replaced', 'leader-retirement-extension', 'unit-renamed', 'unit-moved']);

    const res = await file('unit-a', studioId, { kind: 'leader-retirement-extension', reason: '因工作需要，单位返聘领办人三年。', effectiveOn: expected.retirementDate, requested: { arrangement: 'rehired', until: '2029-12-31' } });
    expect(res.statusCode, res.body).toBe(201);
    const detail = await t.app.inject({ url: `/api/change-requests/${res.json().id}`, headers: cookie('daxing-officer') });
    expect(detail.json().retirement.retirementDate).toBe(expected.retirementDate);
    const ok = await act('daxing-officer', res.json().id, 'approve', { version: res.json().version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await historyOf(studioId)).toEqual([
      expect.objectContaining({ kind: 'leader-retirement-extension', before: expect.objectContaining({ retirementDate: expected.retirementDate }), after: { arrangement: 'rehired', until: '2029-12-31' } }),
    ]);
  });
});

describe('[CHANGES] 第十七条: 因合并重组等原因需变更所在单位名称的，提交变更申请', () => {
  it('renames the unit on the studio; the studio name keeps its format', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '吕春来' });
    const before = await studioRow(studioId);
    const res = await file('unit-a', studioId, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: '北京兴业智造集团有限公司' } });
    expect(res.statusCode, res.body).toBe(201);
    const ok = await act('daxing-officer', res.json().id, 'approve', { version: res.json().version });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await studioRow(studioId);
    expect(after.unitName).toBe('北京兴业智造集团有限公司');
    expect(after.name).toBe(before.name);
    expect(await historyOf(studioId)).toEqual([expect.objectContaining({ kind: 'unit-name', before: { unitName: before.unitName }, after: { unitName: '北京兴业智造集团有限公司' } })]);
  });
});

describe('[CHANGES] 第十七条: 工作室不得随意变更工作地址；因搬迁等原因需变更的，提交变更申请', () => {
  it('changes the address; a move out of the district records unit-left-jurisdiction (第十八条（三）)', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '施永利', address: '北京市大兴区金星路 18 号' });
    const res = await file('unit-a', studioId, { kind: 'unit-moved', reason: '生产基地整体搬迁至河北廊坊。', effectiveOn: '2026-11-15', requested: { address: '河北省廊坊市广阳区新源道 8 号', leavesJurisdiction: true } });
    expect(res.statusCode, res.body).toBe(201);
    const ok = await act('daxing-officer', res.json().id, 'approve', { version: res.json().version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await studioRow(studioId)).address).toBe('河北省廊坊市广阳区新源道 8 号');
    const kinds = (await historyOf(studioId)).map((h) => h.kind).sort();
    expect(kinds).toEqual(['address', 'unit-left-jurisdiction']);
  });

  it('a move within the district records only the address', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '张永乐', address: '北京市大兴区金星路 18 号' });
    const res = await file('unit-a', studioId, { kind: 'unit-moved', reason: '厂区搬迁至区内新址。', effectiveOn: '2026-11-15', requested: { address: '北京市大兴区天华街 9 号' } });
    const ok = await act('daxing-officer', res.json().id, 'approve', { version: res.json().version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await historyOf(studioId)).map((h) => h.kind)).toEqual(['address']);
  });
});

describe('[CHANGES] refusals: one open request per kind, revoked studio, double approval, reasons', () => {
  it('allows one open request per studio and kind (409), again after a withdrawal', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '何文博' });
    const body = { kind: 'unit-moved', reason: '厂区搬迁至区内新址。', effectiveOn: '2026-11-15', requested: { address: '北京市大兴区天华街 10 号' } };
    const first = await file('unit-a', studioId, body);
    expect(first.statusCode, first.body).toBe(201);
    const second = await file('unit-a', studioId, body);
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CHANGE_OPEN_EXISTS');
    // Another kind is fine.
    expect((await file('unit-a', studioId, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: '新名称有限公司' } })).statusCode).toBe(201);
    // Officers cannot withdraw; the unit can, while it waits.
    expect((await act('daxing-officer', first.json().id, 'withdraw', { version: first.json().version })).statusCode).toBe(403);
    const w = await act('unit-a', first.json().id, 'withdraw', { version: first.json().version });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    expect((await act('unit-a', first.json().id, 'withdraw', { version: w.json().version })).statusCode).toBe(409);
    expect((await file('unit-a', studioId, body)).statusCode).toBe(201);
  });

  it('refuses any change on a revoked studio', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '邹德义', status: 'revoked' });
    const res = await file('unit-a', studioId, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: '新名称有限公司' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('STUDIO_REVOKED');
    expect(await count(studioId)).toBe(0);
  });

  it('approving twice is refused (409), as is a stale version; the history has one entry', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '喻宏达' });
    const res = await file('unit-a', studioId, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: '兴业重组有限公司' } });
    const stale = await act('daxing-officer', res.json().id, 'approve', { version: res.json().version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONCURRENT_UPDATE');
    const [a, b] = await Promise.all([
      act('daxing-officer', res.json().id, 'approve', { version: res.json().version }),
      act('daxing-officer', res.json().id, 'approve', { version: res.json().version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const again = await act('daxing-officer', res.json().id, 'approve', { version: 2 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CHANGE_ALREADY_DECIDED');
    expect(await historyOf(studioId)).toHaveLength(1);
  });

  it('a rejection needs a reason; with one, the request is rejected and the studio unchanged', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '柏松林' });
    const res = await file('unit-a', studioId, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: '柏氏重组有限公司' } });
    const empty = await act('daxing-officer', res.json().id, 'reject', { version: res.json().version, reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect((await act('daxing-officer', res.json().id, 'reject', { version: res.json().version })).statusCode).toBe(400);
    const ok = await act('daxing-officer', res.json().id, 'reject', { version: res.json().version, reason: '未提供工商变更登记材料，请补充后重新申请。' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'rejected', decisionReason: '未提供工商变更登记材料，请补充后重新申请。' });
    expect((await studioRow(studioId)).unitName).not.toBe('柏氏重组有限公司');
    expect(await historyOf(studioId)).toHaveLength(0);
  });
});

describe('[CHANGES] 京技管发〔2024〕1号: the guide sets no change rules', () => {
  it('tells the 经开区 unit there is nothing to file and to contact the centre', async () => {
    const studioId = await seedStudio({ jurisdiction: 'etdz', unit: 'unit-b', leader: '金昌盛' });
    const rules = await t.app.inject({ url: `/api/studios/${studioId}/change-rules`, headers: cookie('unit-b') });
    expect(rules.statusCode, rules.body).toBe(200);
    expect(rules.json().rules).toEqual([]);
    expect(rules.json().notice).toContain('京技管发〔2024〕1号');
    const res = await file('unit-b', studioId, { kind: 'unit-moved', reason: '厂区搬迁至新址。', effectiveOn: '2026-11-15', requested: { address: '北京经济技术开发区科创十三街 1 号' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('NO_CHANGE_RULES');
    expect(res.json().error.message).toContain('请直接联系');
    expect(await count(studioId)).toBe(0);
  });
});

describe('[CHANGES] scope, documents and history', () => {
  it('hides another unit’s and another jurisdiction’s requests; the inspector reads but does not decide', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '钟立平' });
    const res = await file('unit-a', studioId, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: '钟氏重组有限公司' } });
    const id = res.json().id;
    expect((await t.app.inject({ url: `/api/change-requests/${id}`, headers: cookie('unit-b') })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/change-requests/${id}`, headers: cookie('daxing-inspector') })).statusCode).toBe(200);
    expect((await act('shunyi-officer', id, 'approve', { version: 1 })).statusCode).toBe(404);
    expect((await act('daxing-inspector', id, 'approve', { version: 1 })).statusCode).toBe(403);
    expect((await file('unit-b', studioId, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: 'x有限公司' } })).statusCode).toBe(404);
    const listB = await t.app.inject({ url: '/api/change-requests', headers: cookie('unit-b') });
    expect(listB.json().some((c: { id: string }) => c.id === id)).toBe(false);
    const listA = await t.app.inject({ url: '/api/change-requests', headers: cookie('unit-a') });
    expect(listA.json().some((c: { id: string }) => c.id === id)).toBe(true);
    const listSy = await t.app.inject({ url: '/api/change-requests', headers: cookie('shunyi-officer') });
    expect(listSy.json().every((c: { jurisdiction: string }) => c.jurisdiction === 'shunyi')).toBe(true);
  });

  it('takes documents checked by content, and refuses referencing another unit’s files', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '萧启明' });
    const res = await file('unit-a', studioId, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: '萧氏重组有限公司' } });
    const id = res.json().id;
    const pdf = multipartFile('营业执照变更.pdf', tinyPdf('license'));
    const up = await t.app.inject({ method: 'POST', url: `/api/change-requests/${id}/files`, headers: { ...cookie('unit-a'), ...pdf.headers }, payload: pdf.payload });
    expect(up.statusCode, up.body).toBe(201);
    const fake = multipartFile('假文件.pdf', Buffer.from('not a pdf at all'));
    const bad = await t.app.inject({ method: 'POST', url: `/api/change-requests/${id}/files`, headers: { ...cookie('unit-a'), ...fake.headers }, payload: fake.payload });
    expect(bad.statusCode).toBe(415);
    const detail = await t.app.inject({ url: `/api/change-requests/${id}`, headers: cookie('daxing-officer') });
    expect(detail.json().files).toEqual([expect.objectContaining({ name: '营业执照变更.pdf', mimeType: 'application/pdf' })]);
    const dl = await t.app.inject({ url: detail.json().files[0].url, headers: cookie('daxing-officer') });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect((await t.app.inject({ url: detail.json().files[0].url, headers: cookie('unit-b') })).statusCode).toBe(404);

    // unit-b references unit-a's uploaded file on its own (经开区 has no rules, so use a 顺义 studio of unit-c).
    const cStudio = await seedStudio({ jurisdiction: 'shunyi', unit: 'unit-c', leader: '贺永年' });
    const ref = await file('unit-c', cStudio, { kind: 'unit-renamed', reason: '合并重组后单位更名。', effectiveOn: '2026-11-10', requested: { unitName: '贺氏有限公司' }, fileIds: [up.json().id] });
    expect(ref.statusCode).toBe(400);
    expect(ref.json().error.code).toBe('FILE_NOT_USABLE');
    // unit-a may reference its own upload on another request.
    const own = await file('unit-a', studioId, { kind: 'unit-moved', reason: '厂区搬迁至区内新址。', effectiveOn: '2026-11-15', requested: { address: '北京市大兴区天华街 11 号' }, fileIds: [up.json().id] });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().files).toHaveLength(1);
  });

  it('GET /api/studios/:id/history lists recognition, titles and every change, oldest first', async () => {
    const studioId = await seedStudio({ jurisdiction: 'daxing', unit: 'unit-a', leader: '汤国栋' });
    await t.database.db.insert(studioTitles).values({ id: randomUUID(), studioId, level: 'municipal', awardedOn: '2025-09-01', document: '市级名单', award: 50000, createdAt: clock.now() });
    const res = await file('unit-a', studioId, { kind: 'unit-moved', reason: '厂区搬迁至区内新址。', effectiveOn: '2026-11-15', requested: { address: '北京市大兴区天华街 12 号' } });
    await act('daxing-officer', res.json().id, 'approve', { version: res.json().version });
    const h = await t.app.inject({ url: `/api/studios/${studioId}/history`, headers: cookie('unit-a') });
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().entries.map((e: { kind: string }) => e.kind)).toEqual(['recognised', 'title', 'address']);
    expect(h.json().entries[2]).toMatchObject({ changeRequestId: res.json().id, citation: '京兴人社发〔2025〕21号 第十七条' });
    expect((await t.app.inject({ url: `/api/studios/${studioId}/history`, headers: cookie('unit-b') })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/studios/${studioId}/history`, headers: cookie('etdz-officer') })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/studios/${studioId}/history`, headers: cookie('daxing-inspector') })).statusCode).toBe(200);
  });
});

describe('[CHANGES] demo data', () => {
  it('has a pending 大兴 rename, an approved 顺义 leader change and an old 大兴 leader-stopped entry', async () => {
    const demo = await t.database.db.select().from(changeRequests);
    expect(demo.some((r) => r.jurisdictionId === 'daxing' && r.kind === 'unit-renamed' && r.status === 'submitted')).toBe(true);
    expect(demo.some((r) => r.jurisdictionId === 'shunyi' && r.kind === 'leader-replaced' && r.status === 'approved')).toBe(true);
    const stopped = await t.database.db.select().from(studioHistory).where(eq(studioHistory.kind, 'leader-stopped'));
    expect(stopped.some((h) => h.happenedOn <= '2026-05-08')).toBe(true);
  });
});
