import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../test/helpers/app';
import { openCall } from '../modules/applications/applications.test-helpers';

/**
 * The public pages' cache (issue 8: ≥ 5,000 req/s, invalidated on publish): anonymous reads are served from it,
 * a write that can change a public page empties it before its answer leaves, a signed-in reader is never served
 * from it, and a call's status follows the clock to the minute.
 */
const clock = testClock('2026-06-26T09:58:00Z'); // Friday 17:58 Beijing time, two minutes before a window closes
let t: TestApp;
let officer: string;
let unitA: string;
let newCall: string;

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now, publicCacheMs: 60_000 } });
  officer = await t.login('daxing-officer');
  unitA = await t.login('unit-a');
});
afterAll(() => t.close());

describe('[CACHE] public pages are served from memory and never stale after a write through the app', () => {
  it('a repeated anonymous read is a hit with the same body; a signed-in read is never cached', async () => {
    const first = await get('/api/studios');
    const second = await get('/api/studios');
    expect(first.headers['x-cache']).toBe('miss');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toContain('application/json');
    // The officer's registry includes revoked studios (DESIGN.md contract): never the anonymous copy.
    const asOfficer = await get('/api/studios', officer);
    expect(asOfficer.headers['x-cache']).toBeUndefined();
    expect(asOfficer.json().length).toBeGreaterThan(0);
    expect(asOfficer.json().some((s: { status: string }) => s.status === 'revoked')).toBe(true);
    expect(first.json().some((s: { status: string }) => s.status === 'revoked')).toBe(false);
  });

  it('an officer opening a call empties the cache: the next anonymous read lists it', async () => {
    await get('/api/calls');
    expect((await get('/api/calls')).headers['x-cache']).toBe('hit');
    newCall = await openCall(t.app, officer, { title: '缓存测试批次', opensAt: '2026-06-26T09:00', closesAt: '2026-06-26T18:00' });
    const after = await get('/api/calls');
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json().find((c: { id: string }) => c.id === newCall)).toMatchObject({ status: 'open' });
  });

  it('a unit’s draft saves do not empty it (the deadline rush is made of them)', async () => {
    await get('/api/notices');
    const created = await t.app.inject({ method: 'POST', url: '/api/applications', headers: { cookie: unitA }, payload: { callId: newCall, studioRecognized: true } });
    expect(created.statusCode).toBe(201);
    const form = (created.json().forms as { id: string; version: number }[])[0];
    const saved = await t.app.inject({ method: 'PUT', url: `/api/applications/${created.json().id}/forms/${form.id}`, headers: { cookie: unitA }, payload: { data: {}, version: form.version } });
    expect(saved.statusCode).toBe(200);
    expect((await get('/api/notices')).headers['x-cache']).toBe('hit');
  });

  it('at 18:00 the window closes: the cached "open" is not served past the minute', async () => {
    const before = (await get('/api/calls')).json() as { title: string; status: string }[];
    expect(before.find((c) => c.title === '缓存测试批次')?.status).toBe('open');
    clock.set('2026-06-26T10:00:00Z'); // 18:00 Beijing time
    const after = await get('/api/calls');
    expect(after.headers['x-cache']).toBe('miss');
    expect((after.json() as { title: string; status: string }[]).find((c) => c.title === '缓存测试批次')?.status).toBe('closed');
  });
});
