import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';

// Demo data (loaded for this day) has unit-a's 大兴 project application submitted and then returned for correction.
const clock = testClock('2026-11-23T02:00:00Z');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-inbox-'));
let t: TestApp;
let unitA: string;

type Inbox = { items: { id: string; template: string; title: string; body: string; applicationId: string | null; payload: Record<string, unknown> | null; createdAt: string; readAt: string | null }[]; unread: number; total: number };

const inject = (method: 'GET' | 'POST', url: string, cookie?: string) => t.app.inject({ method, url, headers: cookie ? { cookie } : {} });
const inbox = async (cookie: string, query = ''): Promise<Inbox> => (await inject('GET', `/api/notifications${query}`, cookie)).json();

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now, dataDir } });
  unitA = await t.login('unit-a');
});
afterAll(() => t.close());

describe('[NOTIFY] the in-app inbox', () => {
  it('a unit sees its submission receipt and the 补正 notice, newest first, both unread', async () => {
    const res = await inject('GET', '/api/notifications', unitA);
    expect(res.statusCode).toBe(200);
    const { items, unread, total } = res.json() as Inbox;
    const returned = items.find((m) => m.template === 'application.returned')!;
    const submitted = items.find((m) => m.template === 'application.submitted' && m.applicationId === returned.applicationId)!;
    expect(items.indexOf(returned)).toBeLessThan(items.indexOf(submitted));
    expect(items.map((m) => m.createdAt)).toEqual(items.map((m) => m.createdAt).sort().reverse());
    expect([returned.readAt, submitted.readAt]).toEqual([null, null]);
    expect(unread).toBe(items.filter((m) => !m.readAt).length);
    expect(total).toBe(items.length);
    expect(returned.title).toMatch(/^申报需要补正：DX-\d{4}-XM-\d{4}$/);
    expect(returned.body).toContain('请于');
    expect(returned.payload).toMatchObject({ round: 1, deadline: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(submitted.body).toContain('回执号');
    expect(returned.createdAt > submitted.createdAt).toBe(true);
    expect(returned.createdAt).toMatch(/\+08:00$/);
    // The link goes to the application the unit may open.
    expect((await inject('GET', `/api/applications/${returned.applicationId}`, unitA)).statusCode).toBe(200);
  });

  it('another user sees none of them and cannot mark one read', async () => {
    const officer = await t.login('daxing-officer');
    const mine = await inbox(unitA);
    const other = await inbox(officer);
    expect(other.items.some((m) => mine.items.some((x) => x.id === m.id))).toBe(false);
    const res = await inject('POST', `/api/notifications/${mine.items[0].id}/read`, officer);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOTIFICATION_NOT_FOUND');
    expect((await inbox(unitA)).unread).toBe(mine.unread);
    await inject('POST', `/api/notifications/read-all`, officer);
    expect((await inbox(unitA)).unread).toBe(mine.unread);
    expect((await inbox(unitA)).items[0].readAt).toBeNull();
  });

  it('marking one read lowers the unread count; marking it again keeps the first read time', async () => {
    const before = await inbox(unitA);
    const target = before.items.find((m) => m.template === 'application.submitted')!;
    const first = await inject('POST', `/api/notifications/${target.id}/read`, unitA);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ id: target.id, readAt: '2026-11-23T10:00:00+08:00' });
    clock.advance(60_000);
    expect((await inject('POST', `/api/notifications/${target.id}/read`, unitA)).json().readAt).toBe('2026-11-23T10:00:00+08:00');
    const after = await inbox(unitA);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items.find((m) => m.id === target.id)!.readAt).toBe('2026-11-23T10:00:00+08:00');
    const unreadOnly = await inbox(unitA, '?unreadOnly=true');
    expect(unreadOnly.items.map((m) => m.id)).not.toContain(target.id);
    expect(unreadOnly.items).toHaveLength(after.unread);
  });

  it('read-all marks the rest read', async () => {
    const { unread } = await inbox(unitA);
    const res = await inject('POST', '/api/notifications/read-all', unitA);
    expect(res.json()).toEqual({ updated: unread });
    expect((await inbox(unitA)).unread).toBe(0);
  });

  it('signed out: 401; a malformed id or limit: 400, nothing changed', async () => {
    expect((await inject('GET', '/api/notifications')).statusCode).toBe(401);
    expect((await inject('POST', '/api/notifications/read-all')).statusCode).toBe(401);
    const bad = await inject('POST', '/api/notifications/not-a-uuid/read', unitA);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
    expect((await inject('GET', '/api/notifications?limit=0', unitA)).statusCode).toBe(400);
  });
});
