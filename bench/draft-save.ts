/**
 * Draft save latency with one user on the embedded default (issue 4: p99 ≤ 50 ms): the real app on PGlite in a
 * temporary DATA_DIR, listening on loopback; unit-a saves its 工作计划书 (≈ 2 KB of form JSON) again and again,
 * each save carrying the version the previous one returned, as the autosave does.
 * Run alone with `npx tsx bench/draft-save.ts`; the main bench calls `runDraftSaveBench()`.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { shanghaiDate } from '../src/shared/time';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/client';
import { DEMO_PASSWORD, loadDemoData } from '../src/server/demo/seed';
import { localStorage } from '../src/server/storage/storage';
import { DAXING_PROJECT_CALL } from '../src/server/modules/applications/applications.test-helpers';
import { daxingProjectForms } from '../test/helpers/fixtures';

export interface DraftSaveResult {
  saves: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  bodyBytes: number;
}

export async function runDraftSaveBench({ saves = 500 }: { saves?: number } = {}): Promise<DraftSaveResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-bench-'));
  const database = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
  await database.migrate();
  const now = new Date();
  await loadDemoData(database.db, now, localStorage(path.join(dataDir, 'files')));
  const app = await buildApp({
    config: { port: 0, host: '127.0.0.1', dataDir, demoData: 'off', logLevel: 'silent', trustProxy: false, sessionIdleMinutes: 120, sessionMaxHours: 12 },
    database,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const call = async (cookie: string, method: string, url: string, body?: unknown) => {
      const res = await fetch(base + url, { method, headers: { cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const officer = await login('daxing-officer');
    const year = Number(shanghaiDate(now).slice(0, 4));
    const day = (offset: number) => shanghaiDate(new Date(now.getTime() + offset * 86_400_000));
    const opened = await call(officer, 'POST', '/api/calls', {
      ...DAXING_PROJECT_CALL,
      title: `${year}年大兴区技能大师工作室建设项目评选（基准测试）`,
      year,
      opensAt: `${day(-1)}T09:00`,
      closesAt: `${day(10)}T18:00`,
      projectsCloseBy: undefined,
    });
    const unit = await login('unit-a');
    const mine = (await call(unit, 'GET', `/api/applications?callId=${opened.id}`)) as unknown[];
    const created = mine.length ? (mine[0] as { id: string }) : await call(unit, 'POST', '/api/applications', { callId: opened.id, studioRecognized: true });
    const data = daxingProjectForms()['work-plan'];
    const bodyBytes = Buffer.byteLength(JSON.stringify({ data, version: 1 }));
    let version = 0;
    const times: number[] = [];
    for (let i = 0; i < saves + 20; i++) {
      const t0 = performance.now();
      const saved = await call(unit, 'PUT', `/api/applications/${created.id}/forms/work-plan`, { data: { ...data, projectName: `${data.projectName}（第${i}稿）` }, version });
      const ms = performance.now() - t0;
      version = saved.version;
      if (i >= 20) times.push(ms); // the first saves warm the JIT and PGlite's caches
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return { saves, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times[times.length - 1], bodyBytes };
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void runDraftSaveBench().then((r) => {
    console.log(`draft save (PGlite, one user, ${r.bodyBytes} B form): p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, max ${r.maxMs.toFixed(1)} ms over ${r.saves} saves; target p99 ≤ 50 ms`);
  });
}
