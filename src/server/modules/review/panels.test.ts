import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { creditCodeCheckChar } from '../../../policy/rules/id-numbers';
import { accessLog, applicationMaterials, applications, auditEvents, files, reviewAssignments, units, userRoles, users } from '../../db/schema';
import { DEMO_PASSWORD } from '../../demo/seed';
import { hashPassword } from '../accounts/accounts.service';
import { openCall } from '../applications/applications.test-helpers';
import { tinyPdf } from '../../../../test/helpers/fixtures';
import { drawPanel } from './draw';

/**
 * Expert panels of a 大兴 call (京兴人社发〔2025〕21号 第十一条: 组织相关领域专家进行专业评审). The text sets no panel
 * numbers; the edition's review rules (inferred) give 3 experts per application, panels of 7 and 3 years of
 * former-employer avoidance (回避).
 */

const clock = testClock('2026-07-06T02:00:00Z'); // Monday 10:00 Beijing time, after the call closed
let t: TestApp;
let officer: string;
let callId: string;
const code = (first17: string) => first17 + creditCodeCheckChar(first17);

// Applicant units of the call. U1 is the demo unit-a; the others are seeded here.
const U2 = { name: '北京兴旺焊接技术有限公司', creditCode: code('91110115MA0TEXT02') };
const U3 = { name: '北京大兴汽车服务有限公司', creditCode: code('91110115MA0TEXT03') };
const U4 = { name: '北京永华烹饪学校', creditCode: code('52110115MA0TEXT04') };
let U1: { name: string; creditCode: string };
const apps: { id: string; number: string; unit: string }[] = [];
const ids: Record<string, string> = {};

async function json(res: { statusCode: number; body: string; json(): any }, status: number) {
  expect(res.statusCode, res.body).toBe(status);
  return res.body ? res.json() : undefined;
}
const get = async (url: string, cookie: string, status = 200) => json(await t.app.inject({ method: 'GET', url, headers: { cookie } }), status);
const send = async (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload: unknown, status: number) =>
  json(await t.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) }), status);

/** Extra expert accounts (role expert in 大兴), so a panel of 7 can be drawn. */
async function seedExpertAccount(username: string, displayName: string) {
  const id = randomUUID();
  await t.database.db.insert(users).values({ id, username, displayName, passwordHash: await hashPassword(DEMO_PASSWORD) });
  await t.database.db.insert(userRoles).values({ userId: id, role: 'expert', jurisdictionId: 'daxing' });
}

/** A PDF attached to an application (as its unit uploaded it before submission); returns the material id. */
async function attachMaterial(applicationId: string) {
  const stored = await t.app.deps.storage.put(Readable.from(tinyPdf('评审测试材料')), { maxBytes: 1_000_000 });
  const fileId = randomUUID();
  const id = randomUUID();
  await t.database.db.insert(files).values({ id: fileId, storageKey: stored.key, originalName: '工作计划书.pdf', mimeType: 'application/pdf', size: stored.size, sha256: stored.sha256, createdAt: clock.now() });
  await t.database.db.insert(applicationMaterials).values({ id, applicationId, itemId: 'work-plan-pdf', fileId, createdAt: clock.now() });
  return id;
}

/** An application already past the desk stages (the desk slice's transitions are tested there). */
async function seedApplicationInExpertReview(unitId: string, n: number, title: string) {
  const id = randomUUID();
  const number = `DX-2026-XM-90${String(n).padStart(2, '0')}`;
  await t.database.db.insert(applications).values({
    id, number, callId, unitId, jurisdictionId: 'daxing', program: 'construction-project', status: 'expert-review', version: 5, title, leaderName: `大师${n}`,
    submittedAt: clock.now(), createdAt: clock.now(), updatedAt: clock.now(),
  });
  return { id, number };
}

beforeAll(async () => {
  clock.set('2026-06-15T02:00:00Z');
  t = await startTestApp({ config: { now: clock.now } });
  officer = await t.login('daxing-officer');
  callId = await openCall(t.app, officer);
  clock.set('2026-07-06T02:00:00Z');
  officer = await t.login('daxing-officer');
  const [unitA] = await t.database.db.select().from(units).where(eq(units.creditCode, '91110115MA01ABCD1J'));
  U1 = { name: unitA.name, creditCode: unitA.creditCode };
  const unitIds = [unitA.id];
  for (const u of [U2, U3, U4]) {
    const id = randomUUID();
    await t.database.db.insert(units).values({ id, ...u, jurisdictionId: 'daxing' });
    unitIds.push(id);
  }
  const titles = ['精密数控加工工艺提升项目', '焊接机器人工艺培训项目', '新能源汽车维修技能传承项目', '中式烹调技艺传承项目'];
  for (let i = 0; i < 4; i++) apps.push({ ...(await seedApplicationInExpertReview(unitIds[i], i + 1, titles[i])), unit: unitIds[i] });
  for (let i = 1; i <= 9; i++) await seedExpertAccount(`pexpert${i}`, `测试专家${i}`);
});
afterAll(() => t.close());

describe('[REVIEW] 第十一条 expert pool (评审专家库)', () => {
  it('the program officer registers experts; the credit code is checked (GB 32100) and the account must be a 大兴 expert', async () => {
    const bad = await send('POST', '/api/review/experts', officer, { name: '错误', employer: '某单位', employerCreditCode: '91110115MA01ABCD1X', username: 'unit-a' }, 400);
    expect(bad.error.fields.employerCreditCode).toContain('校验码');
    expect(bad.error.fields.username).toBe('没有该用户名的本辖区评审专家账号');
    // expert4 holds the expert role in 经开区 and 顺义 only.
    expect((await send('POST', '/api/review/experts', officer, { name: '孙蕾', employer: '某单位', username: 'expert4' }, 400)).error.fields.username).toBeDefined();

    const pool = [
      // Same unit as U1 (by credit code): 同单位 回避.
      { key: 'same', name: '陈测试', employer: '兴业精密（曾用名）', employerCreditCode: U1.creditCode, fields: ['数控加工'], username: 'pexpert1' },
      // Left U2 in 2024: less than 3 years → 原单位 回避.
      { key: 'former', name: '刘测试', employer: '北京市工业技师学院', fields: ['焊接'], formerEmployers: [{ name: U2.name, until: '2024-03-01' }], username: 'pexpert2' },
      // Left U3 in 2022: more than 3 years → may review.
      { key: 'longAgo', name: '赵测试', employer: '北京电子科技职业学院', fields: ['电工电子'], formerEmployers: [{ name: '北京大兴汽车服务有限公司', creditCode: U3.creditCode, until: '2023-07-05' }], username: 'pexpert3' },
      ...[4, 5, 6, 7, 8, 9].map((i) => ({ key: `e${i}`, name: `测试专家${i}`, employer: `北京第${i}职业技能培训学校`, fields: i % 2 ? ['中式烹调'] : ['数控加工', '焊接'], username: `pexpert${i}` })),
      { key: 'noAccount', name: '无账号专家', employer: '北京某研究院', fields: ['数控加工'] },
      { key: 'inactive', name: '停用专家', employer: '北京某研究所', fields: ['焊接'], active: false },
    ];
    // '评审测试' marks this file's experts: the draws below are restricted to it (the demo pool has its own experts).
    for (const { key, ...body } of pool) ids[key] = (await send('POST', '/api/review/experts', officer, { ...body, fields: [...body.fields, '评审测试'] }, 201)).id;
    const dup = await send('POST', '/api/review/experts', officer, { name: '重复', employer: '某单位', username: 'pexpert1' }, 400);
    expect(dup.error.fields.username).toContain('已关联专家库中的 陈测试');

    const list = await get('/api/review/experts?q=' + encodeURIComponent('焊接'), officer);
    expect(list.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(['刘测试', '停用专家']));
    expect(list.find((e: { name: string }) => e.name === '刘测试').username).toBe('pexpert2');
  });

  it('the inspector reads the pool but cannot write (403); another district sees none of it (404 on edit)', async () => {
    const inspector = await t.login('daxing-inspector');
    expect((await get('/api/review/experts', inspector)).filter((e: { id: string }) => Object.values(ids).includes(e.id))).toHaveLength(11);
    await send('POST', '/api/review/experts', inspector, { name: '某', employer: '某单位' }, 403);
    await send('PATCH', `/api/review/experts/${ids.e4}`, inspector, { title: '高级技师' }, 403);
    const etdz = await t.login('etdz-officer');
    const etdzPool = await get('/api/review/experts', etdz);
    expect(etdzPool.filter((e: { jurisdiction: string }) => e.jurisdiction === 'daxing')).toEqual([]);
    await send('PATCH', `/api/review/experts/${ids.e4}`, etdz, { title: '高级技师' }, 404);
    await get('/api/review/experts', await t.login('expert1'), 403);
    expect((await t.app.inject({ method: 'GET', url: '/api/review/experts', headers: { cookie: await t.login('unit-a') } })).statusCode).toBe(403);
  });
});

describe('[REVIEW] 第十一条 panel draw with avoidance (回避), reproducible', () => {
  it('excludes same-unit, former employer within 3 years, no account, inactive; keeps one who left more than 3 years ago', async () => {
    const panel = await send('POST', `/api/review/calls/${callId}/panel/draw`, officer, { size: 5, fields: ['评审测试'] }, 201);
    const [draw] = panel.draws;
    const reasonOf = (id: string) => draw.excluded.find((x: { id: string }) => x.id === id)?.reason;
    expect(reasonOf(ids.same)).toBe(`同单位（${U1.name}）`);
    expect(reasonOf(ids.former)).toBe(`原单位（${U2.name}）`);
    expect(reasonOf(ids.noAccount)).toBe('无登录账号');
    expect(reasonOf(ids.inactive)).toBe('已停用');
    expect(draw.candidates.map((c: { id: string }) => c.id)).toContain(ids.longAgo);
    expect(draw.candidates).toHaveLength(7);
    expect(draw.drawn).toHaveLength(5);
    expect(draw.seed).toMatch(/^[0-9a-f]{32}$/);
    // Anyone can re-run the recorded draw with the published algorithm.
    expect(drawPanel({ candidates: draw.candidates.map((c: { id: string }) => c.id), seed: draw.seed, size: 5 })).toEqual(draw.drawn.map((c: { id: string }) => c.id));
    expect(panel.members).toHaveLength(5);
    expect(panel.rules).toMatchObject({ expertsPerApplication: 3, panelSize: 7, formerEmployerAvoidanceYears: 3 });
    expect(panel.rules.citation.document).toBe('京兴人社发〔2025〕21号');
  });

  it('a second draw adds to the panel from the rest; a field nobody has is refused; the inspector verifies the draw', async () => {
    const none = await send('POST', `/api/review/calls/${callId}/panel/draw`, officer, { size: 1, fields: ['景泰蓝'] }, 409);
    expect(none.error.code).toBe('PANEL_NO_CANDIDATES');
    clock.advance(60_000); // draws are listed in time order
    const panel = await send('POST', `/api/review/calls/${callId}/panel/draw`, officer, { fields: ['评审测试'] }, 201); // default size: up to 7
    expect(panel.members).toHaveLength(7);
    const second = panel.draws[1];
    expect(second.excluded.filter((x: { reason: string }) => x.reason === '已在评审组')).toHaveLength(5);
    expect(second.drawn).toHaveLength(2);
    expect((await send('POST', `/api/review/calls/${callId}/panel/draw`, officer, {}, 409)).error.code).toBe('PANEL_FULL');

    const inspector = await t.login('daxing-inspector');
    const verified = await get(`/api/review/draws/${second.id}/verify`, inspector);
    expect(verified).toMatchObject({ matches: true, message: '按记录的随机种子和候选名单重新抽取，结果与记录一致' });
    expect(verified.reproduced).toEqual(verified.recorded);
    await send('POST', `/api/review/calls/${callId}/panel/draw`, inspector, { size: 1 }, 403);
    const etdz = await t.login('etdz-officer');
    await get(`/api/review/calls/${callId}/panel`, etdz, 404);
    await get(`/api/review/draws/${second.id}/verify`, etdz, 404);
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'panel.drawn'), eq(auditEvents.entityId, callId)));
    expect(audits).toHaveLength(2);
  });
});

describe('[REVIEW] 第十一条 assignments and conflict-of-interest declarations', () => {
  let matrix: any;
  const loadMatrix = async () => (matrix = await get(`/api/review/calls/${callId}/assignments`, officer));

  it('auto-assign gives every application 3 experts, balanced, never a known conflict', async () => {
    // An expert moves to U4 after the draw: now a known same-unit conflict with the 4th application.
    const panel = await get(`/api/review/calls/${callId}/panel`, officer);
    const mover = panel.members[0];
    ids.mover = mover.id;
    const moved = await send('PATCH', `/api/review/experts/${mover.id}`, officer, { employer: U4.name, employerCreditCode: U4.creditCode }, 200);
    // A partial edit changes only what it names.
    expect(moved).toMatchObject({ employer: U4.name, fields: mover.fields, active: true, username: mover.username });

    const result = await send('POST', `/api/review/calls/${callId}/assignments/auto`, officer, undefined, 200);
    expect(result).toMatchObject({ created: 12, shortfalls: [] });
    await loadMatrix();
    for (const app of matrix.applications) expect(app.activeCount).toBe(3);
    const loads = matrix.experts.map((e: { load: { active: number } }) => e.load.active);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(2);
    // Field first: the 数控加工 application goes to the three 数控加工 experts.
    const expertsOf = (i: number) => matrix.applications.find((a: { id: string }) => a.id === apps[i].id).cells.filter((c: { status: string | null }) => c.status === 'pending').map((c: { expertId: string }) => c.expertId);
    const fieldsOf = (id: string) => matrix.experts.find((e: { id: string }) => e.id === id).fields;
    for (const id of expertsOf(0)) expect(fieldsOf(id)).toContain('数控加工');
    const fourth = matrix.applications.find((a: { id: string }) => a.id === apps[3].id);
    const moverCell = fourth.cells.find((c: { expertId: string }) => c.expertId === mover.id);
    expect(moverCell).toMatchObject({ status: null, avoidance: '同单位' });
    // Running it again changes nothing.
    expect(await send('POST', `/api/review/calls/${callId}/assignments/auto`, officer, undefined, 200)).toMatchObject({ created: 0 });
  });

  it('a manual assignment with a known conflict is refused with the reason, and nothing is written', async () => {
    const refused = await send('POST', `/api/review/calls/${callId}/assignments`, officer, { applicationIds: [apps[3].id, apps[0].id], expertIds: [ids.mover] }, 409);
    expect(refused.error.code).toBe('ASSIGNMENT_CONFLICT');
    expect(refused.error.message).toContain(`${apps[3].number} × `);
    expect(refused.error.message).toContain('同单位回避');
    const rows = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.callId, callId));
    expect(rows).toHaveLength(12);
    await send('POST', `/api/review/calls/${callId}/assignments`, await t.login('daxing-inspector'), { applicationIds: [apps[0].id], expertIds: [ids.mover] }, 403);
    await send('POST', `/api/review/calls/${callId}/assignments`, await t.login('etdz-officer'), { applicationIds: [apps[0].id], expertIds: [ids.mover] }, 404);
  });

  it('an expert sees the list (unit, leader, title) but cannot open an application before declaring, nor another expert’s', async () => {
    const panel = await get(`/api/review/calls/${callId}/panel`, officer);
    const withWork = panel.members.filter((m: { load: { active: number } }) => m.load.active > 0);
    const [a, b] = withWork;
    const cookieA = await t.login(a.username);
    const mine = await get('/api/review/my-assignments', cookieA);
    expect(mine.counts).toMatchObject({ toDeclare: a.load.active, pending: a.load.active, done: 0 });
    const first = mine.items[0];
    expect(first).toMatchObject({ status: 'pending', statusName: '待声明', callId });
    expect(first.unitName).toBeTruthy();
    expect(first.leaderName).toMatch(/^大师/);
    expect(first.citation.article).toBe('第十一条');

    const file = await attachMaterial(first.applicationId);
    await get(`/api/applications/${first.applicationId}/materials/${file}`, cookieA, 404);
    await get(`/api/applications/${first.applicationId}`, cookieA, 404);
    expect(await get('/api/applications', cookieA)).toEqual([]);

    const cookieB = await t.login(b.username);
    const theirs = (await get('/api/review/my-assignments', cookieB)).items[0];
    await send('POST', `/api/review/assignments/${theirs.id}/declaration`, cookieA, { hasConflict: false }, 404);

    const accepted = await send('POST', `/api/review/assignments/${first.id}/declaration`, cookieA, { hasConflict: false }, 200);
    expect(accepted.status).toBe('accepted');
    // Declared: the application opens to this expert (DESIGN.md: GET /api/applications gives "an expert its
    // assignments"), its material files too; every read lands in the access log.
    const download = await t.app.inject({ method: 'GET', url: `/api/applications/${first.applicationId}/materials/${file}`, headers: { cookie: cookieA } });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect((await get(`/api/applications/${first.applicationId}`, cookieA)).id).toBe(first.applicationId);
    expect((await get('/api/applications', cookieA)).map((x: { id: string }) => x.id)).toEqual([first.applicationId]);
    const reads = await t.database.db.select().from(accessLog).where(eq(accessLog.applicationId, first.applicationId));
    expect(reads.some((r) => r.role === 'expert' && r.what === 'application')).toBe(true);
    // Another expert without that assignment still cannot download it.
    const stranger = withWork.find((m: { id: string }) => !matrix.applications.find((x: { id: string }) => x.id === first.applicationId).cells.some((c: { expertId: string; status: string | null }) => c.expertId === m.id && c.status));
    if (stranger) await get(`/api/applications/${first.applicationId}/materials/${file}`, await t.login(stranger.username), 404);
    const again = await send('POST', `/api/review/assignments/${first.id}/declaration`, cookieA, { hasConflict: true, kind: 'relative' }, 409);
    expect(again.error.code).toBe('ALREADY_DECLARED');
    // Officer endpoints are closed to experts.
    await get(`/api/review/calls/${callId}/panel`, cookieA, 403);
  });

  it('declaring a conflict re-assigns the application to another panel member and tells the officer', async () => {
    const panel = await get(`/api/review/calls/${callId}/panel`, officer);
    const member = panel.members.find((m: { load: { pending: number } }) => m.load.pending > 0);
    const cookie = await t.login(member.username);
    const item = (await get('/api/review/my-assignments', cookie)).items.find((x: { status: string }) => x.status === 'pending');
    const res = await send('POST', `/api/review/assignments/${item.id}/declaration`, cookie, { hasConflict: true, kind: 'relative', note: '申报项目负责人系本人表弟' }, 200);
    expect(res).toMatchObject({ status: 'conflict', reassigned: true });
    await get(`/api/applications/${item.applicationId}`, cookie, 404);

    await loadMatrix();
    const app = matrix.applications.find((a: { id: string }) => a.id === item.applicationId);
    expect(app.activeCount).toBe(3);
    const old = app.cells.find((c: { expertId: string }) => c.expertId === member.id);
    expect(old).toMatchObject({ status: 'conflict', statusName: '已回避', conflict: { kind: 'relative', note: '申报项目负责人系本人表弟' } });
    const [row] = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, item.id));
    expect(row.replacedBy).toBeTruthy();
    const [replacement] = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.id, row.replacedBy!));
    expect(replacement).toMatchObject({ applicationId: item.applicationId, status: 'pending' });
    expect(replacement.expertId).not.toBe(member.id);

    const inbox = await get('/api/notifications', officer);
    const items = Array.isArray(inbox) ? inbox : inbox.items;
    expect(items.some((n: { title: string }) => n.title === `专家回避，已自动改派：${item.number}`)).toBe(true);
    const mine = await get('/api/review/my-assignments', cookie);
    expect(mine.counts.conflict).toBe(1);
  });

  it('the officer withdraws a pending assignment but not a submitted one; a member who submitted scores stays on the panel', async () => {
    await loadMatrix();
    const cell = matrix.applications[0].cells.find((c: { status: string | null }) => c.status === 'pending');
    await send('DELETE', `/api/review/assignments/${cell.assignmentId}`, officer, undefined, 204);
    await send('DELETE', `/api/review/assignments/${cell.assignmentId}`, officer, undefined, 409);
    // Auto-assign fills the gap again (possibly with the same expert: a withdrawn assignment is revived).
    expect((await send('POST', `/api/review/calls/${callId}/assignments/auto`, officer, undefined, 200)).created).toBe(1);

    // The scoring slice marks a submitted score; here the row is set directly.
    await loadMatrix();
    const done = matrix.applications[1].cells.find((c: { status: string | null }) => c.status === 'pending');
    await t.database.db.update(reviewAssignments).set({ status: 'submitted', submittedAt: clock.now() }).where(eq(reviewAssignments.id, done.assignmentId));
    expect((await send('DELETE', `/api/review/assignments/${done.assignmentId}`, officer, undefined, 409)).error.code).toBe('ASSIGNMENT_SUBMITTED');
    expect((await send('DELETE', `/api/review/calls/${callId}/panel/${done.expertId}`, officer, undefined, 409)).error.code).toBe('PANEL_MEMBER_HAS_SCORES');
    await send('DELETE', `/api/review/assignments/${done.assignmentId}`, await t.login('daxing-inspector'), undefined, 403);
  });

  it('removing a member withdraws their open assignments, which auto-assign then gives to others', async () => {
    await loadMatrix();
    const victim = matrix.experts.find((e: { load: { submitted: number; active: number }; onPanel: boolean }) => e.onPanel && e.load.submitted === 0 && e.load.active > 0);
    await send('DELETE', `/api/review/calls/${callId}/panel/${victim.id}`, officer, undefined, 204);
    await loadMatrix();
    expect(matrix.applications.some((a: { activeCount: number }) => a.activeCount < 3)).toBe(true);
    await send('POST', `/api/review/calls/${callId}/assignments/auto`, officer, undefined, 200);
    await loadMatrix();
    for (const app of matrix.applications) expect(app.activeCount).toBe(3);
    const panel = await get(`/api/review/calls/${callId}/panel`, officer);
    expect(panel.members.find((m: { id: string }) => m.id === victim.id).status).toBe('removed');
  });

  it('two officers auto-assigning at once never give an application more than 3 experts', async () => {
    await loadMatrix();
    const open = matrix.applications[2].cells.filter((c: { status: string | null }) => c.status === 'pending' || c.status === 'accepted').slice(0, 2);
    for (const c of open) await send('DELETE', `/api/review/assignments/${c.assignmentId}`, officer, undefined, 204);
    const [a, b] = [await t.login('daxing-officer'), await t.login('daxing-officer')];
    const results = await Promise.all([a, b].map((cookie) => t.app.inject({ method: 'POST', url: `/api/review/calls/${callId}/assignments/auto`, headers: { cookie } })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.reduce((n, r) => n + r.json().created, 0)).toBe(open.length);
    await loadMatrix();
    for (const app of matrix.applications) expect(app.activeCount).toBe(3);
  });
});

describe('[REVIEW] 第十一条 a declared conflict with nobody left on the panel', () => {
  it('the assignment is set aside, nobody else is given it, and the program officers are told to assign by hand', async () => {
    clock.set('2026-06-16T02:00:00Z');
    const callB = await openCall(t.app, await t.login('daxing-officer'), { title: '2026年大兴区技能大师工作室建设项目评选（回避测试批）' });
    clock.set('2026-07-07T02:00:00Z');
    officer = await t.login('daxing-officer');
    const [unit2] = await t.database.db.select().from(units).where(eq(units.creditCode, U2.creditCode));
    const id = randomUUID();
    await t.database.db.insert(applications).values({
      id, number: 'DX-2026-XM-9101', callId: callB, unitId: unit2.id, jurisdictionId: 'daxing', program: 'construction-project', status: 'expert-review', version: 5,
      title: '中式烹调技艺传承项目', leaderName: '大师B', submittedAt: clock.now(), createdAt: clock.now(), updatedAt: clock.now(),
    });
    const panel = await send('POST', `/api/review/calls/${callB}/panel/draw`, officer, { size: 3, fields: ['中式烹调'] }, 201);
    const members = panel.members.map((m: { id: string }) => m.id);
    // Everyone on the panel gets the application, so nobody is left to take it over.
    expect((await send('POST', `/api/review/calls/${callB}/assignments`, officer, { applicationIds: [id], expertIds: members }, 201)).created).toBe(members.length);
    const cookie = await t.login(panel.members[0].username);
    const item = (await get('/api/review/my-assignments', cookie)).items.find((x: { applicationId: string }) => x.applicationId === id);
    const res = await send('POST', `/api/review/assignments/${item.id}/declaration`, cookie, { hasConflict: true, kind: 'former-employer' }, 200);
    expect(res).toMatchObject({ status: 'conflict', reassigned: false });
    expect(res.message).toContain('已通知业务主管另行分配');
    const rows = await t.database.db.select().from(reviewAssignments).where(eq(reviewAssignments.applicationId, id));
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(members.length - 1);
    expect(rows.find((r) => r.id === item.id)!.replacedBy).toBeNull();
    const inbox = await get('/api/notifications', officer);
    const items = Array.isArray(inbox) ? inbox : inbox.items;
    expect(items.some((n: { title: string }) => n.title === '专家回避，需人工分配：DX-2026-XM-9101')).toBe(true);

    // The same expert sending the declaration twice at once: one is recorded, the other is told (409).
    const other = await t.login(panel.members[1].username);
    const mine = (await get('/api/review/my-assignments', other)).items.find((x: { applicationId: string }) => x.applicationId === id);
    const twice = await Promise.all([0, 1].map(() => t.app.inject({ method: 'POST', url: `/api/review/assignments/${mine.id}/declaration`, headers: { cookie: other }, payload: { hasConflict: false } })));
    expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(twice.find((r) => r.statusCode === 409)!.json().error.code).toBe('ALREADY_DECLARED');
  });
});

describe('[REVIEW] bad input to the panel routes', () => {
  it('wrong types, unknown keys, bad ids and malformed JSON are refused with a 4xx in the error shape, and nothing is written', async () => {
    officer = await t.login('daxing-officer');
    const expert = await t.login('pexpert4');
    const before = (await t.database.db.select().from(auditEvents)).length;
    const bodies: unknown[] = [null, [], 'x', 42, { size: -1 }, { size: 1.5 }, { fields: 'x' }, { extra: 1 }, { hasConflict: 'yes' }, { hasConflict: true, kind: 'cousin' }, { applicationIds: ['nope'], expertIds: [] }, { name: '', employer: 'x' }, { name: 'x'.repeat(60), employer: 'y' }, { formerEmployers: [{ name: 'a', until: '2024/01/01' }] }];
    const unknown = randomUUID();
    const routes: [string, string, string][] = [
      ['POST', '/api/review/experts', officer],
      ['PATCH', `/api/review/experts/${ids.e4}`, officer],
      ['POST', `/api/review/calls/${callId}/panel/draw`, officer],
      ['POST', `/api/review/calls/${callId}/assignments`, officer],
      ['POST', `/api/review/assignments/${unknown}/declaration`, expert],
    ];
    for (const [method, url, cookie] of routes) {
      for (const body of bodies) {
        const res = await t.app.inject({ method: method as 'POST', url, headers: { cookie, 'content-type': 'application/json' }, payload: JSON.stringify(body) });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} → ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} → ${res.body}`).toBeLessThan(500);
        expect(res.json().error.message).toBeTruthy();
      }
      const broken = await t.app.inject({ method: method as 'POST', url, headers: { cookie, 'content-type': 'application/json' }, payload: '{"size":' });
      expect(broken.statusCode).toBe(400);
    }
    for (const url of [`/api/review/calls/not-a-uuid/panel`, `/api/review/draws/${unknown}/verify`, `/api/review/calls/${unknown}/assignments`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: { cookie: officer } })).statusCode).toBeOneOf([400, 404]);
    }
    expect((await t.database.db.select().from(auditEvents)).length).toBe(before);
  });
});

