import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../../../../test/helpers/app';
import { verifyAuditChain } from '../audit/audit.service';

// Monday 2026-11-23, 10:00 Beijing time. The demo's 大兴 notice is published relative to this day.
const clock = testClock('2026-11-23T02:00:00Z');
let t: TestApp;
let cookies: Record<string, string>;

const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

type Notice = { id: string; callId: string; title: string; startsOn: string; endsOn: string; status: string; jurisdiction: string; items: Item[] };
type Item = { name: string; unit: string; amount?: number; leader: string; occupation: string | null };
type Studio = { id: string; name: string; jurisdiction: string; occupation: string; leader: string; level: string; recognizedOn: string; status: string; unit: string };

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  cookies = {};
  for (const u of ['daxing-officer', 'daxing-inspector', 'etdz-officer', 'unit-a', 'expert1']) cookies[u] = await t.login(u);
});
afterAll(() => t.close());

const daxingNotice = async () => ((await get('/api/notices')).json() as Notice[]).find((n) => n.jurisdiction === 'daxing')!;

describe('[NOTICE] GET /api/notices — the public list (DESIGN.md contract)', () => {
  it('answers anonymous callers with exactly the contract fields', async () => {
    const res = await get('/api/notices');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Notice[];
    expect(list.length).toBe(2);
    for (const n of list) {
      expect(n).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          callId: expect.any(String),
          title: expect.any(String),
          startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          endsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          status: expect.stringMatching(/^(running|ended)$/),
        }),
      );
      for (const item of n.items) {
        expect(item).toEqual(expect.objectContaining({ name: expect.any(String), unit: expect.any(String) }));
        if ('amount' in item) expect(typeof item.amount).toBe('number');
      }
    }
    // the call it belongs to is a real call
    const calls = (await get('/api/calls')).json() as { id: string }[];
    for (const n of list) expect(calls.map((c) => c.id)).toContain(n.callId);
  });

  it('大兴 第十一条: the notice running today lasts 5 statutory working days, names in the 第九条 format, projects ≤ 50,000 元', async () => {
    const n = await daxingNotice();
    expect(n.status).toBe('running');
    expect(n.startsOn <= '2026-11-23' && '2026-11-23' <= n.endsOn).toBe(true);
    // Published 2026-11-18: 11-19, 20, 23, 24, 25 (no holidays in this week).
    expect([n.startsOn, n.endsOn]).toEqual(['2026-11-19', '2026-11-25']);
    expect(n.items.length).toBe(3);
    for (const item of n.items) {
      expect(item.name).toMatch(/^大兴区.+技能大师工作室$/);
      expect(item.amount).toBeGreaterThan(0);
      expect(item.amount).toBeLessThanOrEqual(50_000);
    }
    expect(n.items[0]).toMatchObject({ name: '大兴区王建军数控车工技能大师工作室', unit: '北京兴业精密机械有限公司', amount: 50_000, leader: '王建军' });
  });

  it('an item withdrawn from the list is not published', async () => {
    const n = await daxingNotice();
    expect(n.items.map((i) => i.leader)).not.toContain('郑海涛');
    const detail = (await get(`/api/notices/${n.id}`)).json() as Notice;
    expect(detail.items.map((i) => i.leader)).not.toContain('郑海涛');
  });

  it('经开区 2026 办事指南 四（一）: the concluded notice has ended and lists 200,000 元 per studio', async () => {
    const list = (await get('/api/notices')).json() as Notice[];
    const etdz = list.find((n) => n.jurisdiction === 'etdz')!;
    expect(etdz.status).toBe('ended');
    expect((etdz as Notice & { concluded: boolean }).concluded).toBe(true);
    expect(etdz.items.length).toBe(3);
    expect(etdz.items.every((i) => i.amount === 200_000)).toBe(true);
    // running notices come first
    expect(list[0].status).toBe('running');
    expect(((await get('/api/notices?status=ended')).json() as Notice[]).map((n) => n.id)).toEqual([etdz.id]);
  });

  it('the detail has the text, the contacts and the end of the last day in Beijing time', async () => {
    const n = await daxingNotice();
    const res = await get(`/api/notices/${n.id}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.body).toContain('第十一条');
    expect(d.contacts[0]).toMatchObject({ phone: '81298272' });
    expect(d.jurisdiction).toBe('daxing');
    expect(d.publisher).toBe('大兴区人力资源和社会保障局');
    expect(d.concluded).toBe(false);
    expect(d.endsAt).toBe('2026-11-25T17:00:00+08:00');
    expect(d.workingDays).toBe(5);
    expect(d.items[0]).toMatchObject({ leader: '王建军', occupation: '数控车工', projectName: expect.any(String) });
  });

  it('an unknown notice is 404 in the error shape', async () => {
    const res = await get('/api/notices/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOTICE_NOT_FOUND', message: expect.any(String) } });
    expect((await get('/api/notices/nonsense')).statusCode).toBe(404);
  });

  it('a bad filter is refused with 400, not a 500', async () => {
    const res = await get('/api/notices?status=maybe');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBeTypeOf('string');
  });
});

describe('[NOTICE] running or ended follows Beijing time: the notice closes at 17:00 of its last day (京兴人社发〔2025〕21号 第十一条, closing hour inferred)', () => {
  it('is running until 16:59:59 Beijing time of endsOn and ended from 17:00', async () => {
    const { id, endsOn } = await daxingNotice();
    try {
      clock.set(`${endsOn}T08:59:59Z`); // 16:59:59 in Beijing
      expect((await get(`/api/notices/${id}`)).json().status).toBe('running');
      clock.set(`${endsOn}T17:00:00+08:00`);
      expect((await get(`/api/notices/${id}`)).json().status).toBe('ended');
      const list = (await get('/api/notices')).json() as Notice[];
      expect(list.every((n) => n.status === 'ended')).toBe(true);
    } finally {
      clock.set('2026-11-23T02:00:00Z');
    }
  });
});

describe('[NOTICE] demo data loaded before 国庆 2026', () => {
  it('5 working days skip 10-01…10-07 (not weekends alone): 2026-09-28 至 2026-10-09', async () => {
    const holidayClock = testClock('2026-09-30T02:00:00Z');
    const h = await startTestApp({ config: { now: holidayClock.now } });
    try {
      const list = (await h.app.inject({ method: 'GET', url: '/api/notices' })).json() as Notice[];
      const n = list.find((x) => x.jurisdiction === 'daxing')!;
      expect([n.startsOn, n.endsOn, n.status]).toEqual(['2026-09-28', '2026-10-09', 'running']);
    } finally {
      await h.close();
    }
  });
});

describe('[REGISTRY] GET /api/studios — who sees what (DESIGN.md contract)', () => {
  const list = async (cookie?: string, query = '') => {
    const res = await get(`/api/studios${query}`, cookie);
    expect(res.statusCode).toBe(200);
    return res.json() as Studio[];
  };

  it('anonymous callers get the recognised studios of every jurisdiction, in exactly the contract fields', async () => {
    const studios = await list();
    expect(studios.length).toBe(11);
    expect(new Set(studios.map((s) => s.jurisdiction))).toEqual(new Set(['daxing', 'etdz', 'shunyi']));
    for (const s of studios) {
      expect(s).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          name: expect.any(String),
          jurisdiction: expect.any(String),
          occupation: expect.any(String),
          leader: expect.any(String),
          level: expect.stringMatching(/^(district|municipal|national)$/),
          recognizedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          status: 'active',
        }),
      );
    }
  });

  it('大兴 第十八条: a revoked studio is hidden from anonymous callers, units and experts', async () => {
    for (const cookie of [undefined, cookies['unit-a'], cookies.expert1]) {
      const studios = await list(cookie);
      expect(studios.map((s) => s.leader)).not.toContain('周永强');
      expect(studios.every((s) => s.status === 'active')).toBe(true);
    }
    expect(await list(undefined, '?status=revoked')).toEqual([]);
  });

  it('the 大兴 officer and the 大兴 inspector see every 大兴 studio, the revoked one included, and only 大兴', async () => {
    for (const who of ['daxing-officer', 'daxing-inspector']) {
      const studios = await list(cookies[who]);
      expect(studios.length).toBe(5);
      expect(studios.every((s) => s.jurisdiction === 'daxing')).toBe(true);
      expect(studios.find((s) => s.leader === '周永强')).toMatchObject({ status: 'revoked', name: '大兴区周永强电工技能大师工作室' });
    }
  });

  it('an 经开区 officer does not see 大兴’s revoked studio', async () => {
    const studios = await list(cookies['etdz-officer']);
    expect(studios.map((s) => s.leader)).not.toContain('周永强');
    expect(studios.every((s) => s.jurisdiction === 'etdz')).toBe(true);
    expect(studios.length).toBe(4);
  });

  it('filters by jurisdiction, occupation, level and year, and searches name, leader and unit', async () => {
    expect((await list(undefined, '?jurisdiction=shunyi')).map((s) => s.leader).sort()).toEqual(['李春生', '韩卫国', '马丽'].sort());
    expect((await list(undefined, `?occupation=${encodeURIComponent('电工')}`)).map((s) => s.leader)).toEqual(['韩卫国']);
    expect((await list(undefined, '?level=national')).map((s) => s.name)).toEqual(['大兴区赵德明数控铣工技能大师工作室']);
    const recognisedThisYear = await list(undefined, '?year=2026&jurisdiction=etdz');
    expect(recognisedThisYear.map((s) => s.leader).sort()).toEqual(['刘洋', '吴静', '高晓东'].sort());
    expect((await list(undefined, `?q=${encodeURIComponent('孙桂兰')}`)).map((s) => s.occupation)).toEqual(['景泰蓝制作工']);
    expect((await list(undefined, `?q=${encodeURIComponent('顺航')}`)).map((s) => s.leader)).toEqual(['马丽']);
    expect((await list(undefined, `?q=${encodeURIComponent('100%')}`))).toEqual([]);
  });

  it('sorts by name in Chinese (pinyin) order, so each district’s studios stand together', async () => {
    const studios = await list();
    const names = studios.map((s) => s.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
    expect(names[0]).toBe('大兴区刘建平汽车维修工技能大师工作室');
    expect(studios.map((s) => s.jurisdiction)).toEqual([...Array(4).fill('daxing'), ...Array(4).fill('etdz'), ...Array(3).fill('shunyi')]);
  });

  it('refuses an unknown level with 400 in the error shape', async () => {
    const res = await get('/api/studios?level=provincial');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
  });
});

describe('[REGISTRY] GET /api/studios/:id', () => {
  it('shows an active studio to anyone, with team size, unit and its titles in order', async () => {
    const [s] = (await get(`/api/studios?level=national`)).json() as Studio[];
    const res = await get(`/api/studios/${s.id}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ teamSize: 9, unit: '北京兴业精密机械有限公司', level: 'national', status: 'active' });
    expect(d.titles.map((x: { level: string }) => x.level)).toEqual(['district', 'municipal', 'national']);
  });

  it('经开区 第十四条: a studio recognised from the concluded notice links back to it, with its 200,000 元 award', async () => {
    const [s] = (await get(`/api/studios?q=${encodeURIComponent('刘洋')}`)).json() as Studio[];
    const d = (await get(`/api/studios/${s.id}`)).json();
    const etdz = ((await get('/api/notices')).json() as Notice[]).find((n) => n.jurisdiction === 'etdz')!;
    expect(d.sourceNoticeId).toBe(etdz.id);
    expect(d.titles).toEqual([expect.objectContaining({ level: 'district', award: 200_000 })]);
  });

  it('a revoked studio is 404 to the public and to another jurisdiction’s officer, visible to 大兴’s officer with the 第十八条 reason', async () => {
    const revoked = ((await get('/api/studios', cookies['daxing-officer'])).json() as Studio[]).find((s) => s.status === 'revoked')!;
    expect((await get(`/api/studios/${revoked.id}`)).statusCode).toBe(404);
    expect((await get(`/api/studios/${revoked.id}`, cookies['etdz-officer'])).statusCode).toBe(404);
    expect((await get(`/api/studios/${revoked.id}`, cookies['unit-a'])).statusCode).toBe(404);
    const res = await get(`/api/studios/${revoked.id}`, cookies['daxing-inspector']);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revocationArticle: expect.stringContaining('第十八条') });
  });

  it('an unknown studio is 404 in the error shape', async () => {
    const res = await get('/api/studios/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'STUDIO_NOT_FOUND', message: expect.any(String) } });
  });
});

describe('[REGISTRY] demo data', () => {
  it('is recorded in the audit chain, which stays intact', async () => {
    const verification = await verifyAuditChain(t.database.db);
    expect(verification.ok).toBe(true);
  });

  it('appears in the OpenAPI document', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/notices', '/api/notices/{id}', '/api/studios', '/api/studios/{id}']));
  });
});
