import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { corrections } from '../../db/schema';
import { openCall, seedDaxingProjectApplication } from './applications.test-helpers';

const clock = testClock('2026-06-15T02:00:00Z'); // Monday 10:00 Beijing time
let t: TestApp;
let callId: string;

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  callId = await openCall(t.app, await t.login('daxing-officer'));
});
afterAll(() => t.close());

const RETURN = { items: [{ kind: 'form', id: 'work-plan', comment: '经费计划合计与申请金额不一致，请核对' }], deadlineWorkingDays: 5 };

describe('[INTAKE] return for correction (补正)', () => {
  it('the deadline counts statutory working days: 5 from Mon 2026-06-15 skips 端午 (06-19) → 2026-06-23', async () => {
    const unit = await t.login('unit-a');
    const { id } = await seedDaxingProjectApplication(t.app, unit, callId);
    const res = await t.app.inject({ method: 'POST', url: `/api/applications/${id}/return`, headers: { cookie: await t.login('daxing-officer') }, payload: RETURN });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().corrections).toEqual([expect.objectContaining({ round: 1, deadline: '2026-06-23', items: RETURN.items })]);
    // The unit sees exactly which items to fix: only the listed form is editable.
    const seen = (await t.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: { cookie: unit } })).json();
    expect(seen.status).toBe('returned');
    expect(seen.forms.filter((f: { editable: boolean }) => f.editable).map((f: { id: string }) => f.id)).toEqual(['work-plan']);
    expect(seen.checklist.filter((m: { editable: boolean }) => m.editable)).toEqual([]);
  });

  it('two officers returning the same application at once: one wins, the other gets a clear 409, one round recorded', async () => {
    const callB = await openCall(t.app, await t.login('daxing-officer'), { title: '2026年大兴区技能大师工作室建设项目评选（第二批）' });
    const { id } = await seedDaxingProjectApplication(t.app, await t.login('unit-a'), callB);
    const [a, b] = [await t.login('daxing-officer'), await t.login('daxing-officer')];
    const results = await Promise.all(
      [a, b].map((cookie, i) =>
        t.app.inject({ method: 'POST', url: `/api/applications/${id}/return`, headers: { cookie }, payload: { ...RETURN, items: [{ ...RETURN.items[0], comment: `第${i + 1}位审核人的补正意见` }] } }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!.json().error;
    // Whether it lost before or inside the transaction, it is told who returned it first, when, and which round.
    expect(loser.code).toBe('ALREADY_RETURNED');
    expect(loser.message).toMatch(/^该申报已于 2026-06-15 10:00 由 周云汉（大兴区人社局） 退回补正（第 1 轮），不能重复退回/);
    const rounds = await t.database.db.select().from(corrections).where(eq(corrections.applicationId, id));
    expect(rounds).toHaveLength(1);
  });

  it('a draft cannot be returned, an unknown item is refused per field, and another district’s officer does not see it', async () => {
    const callC = await openCall(t.app, await t.login('daxing-officer'), { title: '2026年大兴区技能大师工作室建设项目评选（第三批）' });
    const unit = await t.login('unit-a');
    const { id } = await seedDaxingProjectApplication(t.app, unit, callC, { submit: false });
    const officer = await t.login('daxing-officer');
    const draft = await t.app.inject({ method: 'POST', url: `/api/applications/${id}/return`, headers: { cookie: officer }, payload: RETURN });
    expect(draft.statusCode).toBe(409);
    expect(draft.json().error.message).toContain('只有待初审的申报可以退回补正');
    await t.app.inject({ method: 'POST', url: `/api/applications/${id}/submit`, headers: { cookie: unit }, payload: {} });
    const unknown = await t.app.inject({ method: 'POST', url: `/api/applications/${id}/return`, headers: { cookie: officer }, payload: { ...RETURN, items: [{ kind: 'material', id: 'no-such-item', comment: '请补充' }] } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ 'material.no-such-item': '本申报没有此项' });
    const other = await t.app.inject({ method: 'POST', url: `/api/applications/${id}/return`, headers: { cookie: await t.login('etdz-officer') }, payload: RETURN });
    expect(other.statusCode).toBe(404);
    const tooLong = await t.app.inject({ method: 'POST', url: `/api/applications/${id}/return`, headers: { cookie: officer }, payload: { ...RETURN, deadlineWorkingDays: 31 } });
    expect(tooLong.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `/api/applications/${id}`, headers: { cookie: officer } })).json().status).toBe('submitted');
  });
});
