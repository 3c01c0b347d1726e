import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../helpers/app';
import { apiOperations, auditCount, fillPath, isErrorShape, tableCounts, type ApiOperation } from '../helpers/api-surface';
import { multipartFile, tinyPdf } from '../helpers/fixtures';

/**
 * The authorisation matrix (issue 9): every route of the OpenAPI document, called as every demo role, anonymously,
 * as an officer of another jurisdiction and as another unit, answers as declared below. A route without a row
 * fails the test, so a new route must be declared here before it lands.
 *
 * Outcomes:
 *  - `ok`        allowed: 2xx for a read; for a write 2xx or a refusal of the minimal body (400/409/422) —
 *                never 401/403/404.
 *  - `anon`      401 (sign-in required).
 *  - `forbidden` 403 (the caller's roles may not call the route).
 *  - `hidden`    404 (the resource exists but is outside the caller's scope: another unit, another jurisdiction).
 *  - a number    exactly that status (e.g. 404 for a code that matches no printout).
 * Every refused call (any 4xx) must write nothing: audit events and every table's row count are compared before/after.
 */

const clock = testClock('2026-11-23T02:00:00Z'); // 10:00 Beijing time, a working day with calls open

const CALLERS = [
  'anonymous',
  'admin',
  'daxing-officer',
  'etdz-officer', // also "an officer of another jurisdiction" wherever the resource is 大兴's
  'shunyi-officer',
  'expert1',
  'daxing-inspector',
  'daxing-finance',
  'unit-a',
  'unit-b', // also "another unit" wherever the resource is unit-a's
  'unit-c',
] as const;
type Caller = (typeof CALLERS)[number];
type Outcome = 'ok' | 'anon' | 'forbidden' | 'hidden' | number;
type Expect = Record<Caller, Outcome>;

/** Anyone, signed in or not. */
const everyone = (): Expect => Object.fromEntries(CALLERS.map((c) => [c, 'ok'])) as Expect;
/** Any signed-in user. */
const signedIn = (): Expect => ({ ...everyone(), anonymous: 'anon' });
/** Only the callers named; other signed-in users 403, anonymous 401. */
const only = (grants: Partial<Expect>): Expect =>
  ({ ...Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 'anon' : 'forbidden'])), ...grants }) as Expect;

/** Roles that may read applications (applicant, intake, program, inspector, expert) on a 大兴 application of unit-a. */
const readAppOfUnitA = (extra: Partial<Expect> = {}) =>
  only({
    'daxing-officer': 'ok',
    'daxing-inspector': 'ok',
    'unit-a': 'ok',
    'etdz-officer': 'hidden',
    'shunyi-officer': 'hidden',
    expert1: 'hidden', // no expert assignments exist yet
    'unit-b': 'hidden',
    'unit-c': 'hidden',
    ...extra,
  });
/** The same minus experts (routes that do not admit the expert role at all). */
const officersAndUnitA = (extra: Partial<Expect> = {}) => readAppOfUnitA({ expert1: 'forbidden', ...extra });
/** Writes by the applicant on its own application: other units 404, everyone else 403. */
const unitAWrite = () => only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' });
/** The unit's own records (`/api/unit/...`): every applicant has its own. */
const anyUnit = () => only({ 'unit-a': 'ok', 'unit-b': 'ok', 'unit-c': 'ok' });
/** Officers' views of a 大兴 call: 大兴 officers and inspector; other jurisdictions' officers see nothing. */
const daxingCallOfficers = () => only({ 'daxing-officer': 'ok', 'daxing-inspector': 'ok', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden' });

interface Row {
  /** Path parameter → resource name (see `resources`). */
  params?: Record<string, string>;
  query?: string;
  /**
   * A well-formed body, where the minimal `{}` would be refused by validation before the scope check could show
   * (a 400 says nothing about the resource, but the matrix must prove the 404 of another unit or jurisdiction).
   */
  body?: () => unknown;
  expect: Expect;
  /** Callers that must be signed in afresh for this call (logout ends the session). */
  freshSession?: boolean;
}

/**
 * The declared matrix, in the order it is exercised: reads first, then writes, then deletions, then sign-out, so an
 * allowed write cannot hide a later row's resource. Keys are `METHOD /path` as in the OpenAPI document.
 */
const MATRIX: Record<string, Row> = {
  // ── public reads ──
  'GET /api/health': { expect: everyone() },
  'GET /api/auth/register-unit/options': { expect: everyone() },
  'GET /api/policies': { expect: everyone() },
  'GET /api/policies/{id}': { params: { id: 'policy' }, expect: everyone() },
  'GET /api/policies/{id}/text': { params: { id: 'policy' }, expect: everyone() },
  'GET /api/calendar/add-working-days': { query: 'from=2026-11-23&days=5', expect: everyone() },
  'GET /api/retirement': { query: 'birthDate=1976-04-18&sex=male&category=worker', expect: everyone() },
  'GET /api/calls': { expect: everyone() },
  'GET /api/calls/{id}': { params: { id: 'callDaxing' }, expect: everyone() },
  'GET /api/calls/{id}/templates': { params: { id: 'callDaxing' }, expect: everyone() },
  'GET /api/calls/{id}/templates/{formId}.pdf': { params: { id: 'callDaxing', formId: 'formId' }, expect: everyone() },
  'GET /api/notices': { expect: everyone() },
  'GET /api/notices/{id}': { params: { id: 'notice' }, expect: everyone() },
  'GET /api/studios': { expect: everyone() },
  'GET /api/studios/{id}': { params: { id: 'studio' }, expect: everyone() },
  // A code of the right format that no printout carries: 404 for everyone, nothing leaks.
  'GET /api/dossiers/verify/{code}': { params: { code: 'unknownCode' }, expect: Object.fromEntries(CALLERS.map((c) => [c, 404])) as Expect },

  // ── signed-in reads ──
  'GET /api/auth/me': { expect: signedIn() },
  'GET /api/notifications': { expect: signedIn() },
  'GET /api/audit/verify': { expect: only({ admin: 'ok', 'daxing-inspector': 'ok' }) },
  'GET /api/admin/calendar': { expect: only({ admin: 'ok' }) },
  'GET /api/calls/managed': { expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok' }) },
  'GET /api/calls/options': { expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok' }) },
  'GET /api/calls/{id}/stats': { params: { id: 'callDaxing' }, expect: daxingCallOfficers() },
  'GET /api/calls/{id}/applications.xlsx': { params: { id: 'callDaxing' }, expect: daxingCallOfficers() },
  // The list is scoped (asserted below); every reader may call it.
  'GET /api/applications': {
    expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', expert1: 'ok', 'daxing-inspector': 'ok', 'unit-a': 'ok', 'unit-b': 'ok', 'unit-c': 'ok' }),
  },
  'GET /api/applications/{id}': { params: { id: 'appA' }, expect: readAppOfUnitA() },
  'GET /api/applications/{id}/materials/{materialId}': { params: { id: 'appA', materialId: 'materialA' }, expect: readAppOfUnitA() },
  'GET /api/applications/{id}/people': { params: { id: 'appA' }, expect: officersAndUnitA() },
  'GET /api/applications/{id}/eligibility': { params: { id: 'appA' }, expect: officersAndUnitA() },
  'GET /api/applications/{id}/declarations': { params: { id: 'appA' }, expect: officersAndUnitA() },
  'GET /api/applications/{id}/dossier.pdf': { params: { id: 'appA' }, expect: officersAndUnitA() },
  'GET /api/unit': { expect: anyUnit() },
  'GET /api/unit/persons': { expect: anyUnit() },
  'GET /api/unit/persons/{id}': { params: { id: 'personA' }, expect: only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' }) },
  'GET /api/unit/users': { expect: anyUnit() },

  // ── writes (minimal bodies) ──
  'POST /api/auth/login': { expect: everyone() },
  'POST /api/auth/register-unit': { expect: everyone() },
  'POST /api/auth/password': { expect: signedIn() },
  'POST /api/eligibility/check': { expect: everyone() },
  'PUT /api/admin/calendar/{year}': { params: { year: 'year' }, expect: only({ admin: 'ok' }) },
  'POST /api/calls': { expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok' }) },
  'POST /api/applications': { expect: anyUnit() },
  'PUT /api/applications/{id}/forms/{formId}': { params: { id: 'appA', formId: 'formId' }, body: () => ({ data: {}, version: 0 }), expect: unitAWrite() },
  'POST /api/applications/{id}/materials/{itemId}': { params: { id: 'appA', itemId: 'itemId' }, expect: unitAWrite() },
  'PUT /api/applications/{id}/people': { params: { id: 'appA' }, body: () => ({ leaderId: resources.personA, memberIds: [] }), expect: unitAWrite() },
  'PUT /api/applications/{id}/declarations': {
    params: { id: 'appA' },
    body: () => ({ projectStage: null, notOnProhibitedCatalog: null, notOutsourced: null }),
    expect: unitAWrite() },
  'POST /api/applications/{id}/submit': { params: { id: 'appA' }, expect: unitAWrite() },
  // The desk of the application's jurisdiction only; another jurisdiction's desk does not see it.
  'POST /api/applications/{id}/return': {
    params: { id: 'appA' },
    body: () => ({ items: [{ kind: 'form', id: 'work-plan', comment: '请列明设备名称、数量和单价' }] }),
    expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden' }) },
  'POST /api/applications/{id}/request-paper-dossier': { params: { id: 'appA' }, expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden' }) },
  'PUT /api/unit': { expect: anyUnit() },
  'POST /api/unit/persons': { expect: anyUnit() },
  'PUT /api/unit/persons/{id}': {
    params: { id: 'personA' },
    body: () => ({ name: '测试人员', idNumber: '11010519491231002X', category: 'worker' }),
    expect: only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' }) },
  'POST /api/unit/users': { expect: anyUnit() },
  'POST /api/notifications/read-all': { expect: signedIn() },
  // A message of unit-a: only its addressee may mark it.
  'POST /api/notifications/{id}/read': { params: { id: 'messageA' }, expect: { ...Object.fromEntries(CALLERS.map((c) => [c, 'hidden'])), anonymous: 'anon', 'unit-a': 'ok' } as Expect },

  // ── deletions ──
  'DELETE /api/applications/{id}/materials/{materialId}': { params: { id: 'appA', materialId: 'materialA' }, expect: unitAWrite() },
  'DELETE /api/unit/persons/{id}': { params: { id: 'personA' }, expect: only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' }) },
  // unit-a's own account: another unit cannot see it; unit-a may not remove itself (a refusal, not a denial).
  'DELETE /api/unit/users/{id}': { params: { id: 'userA' }, expect: only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' }) },

  // ── sign-out (each caller on a fresh session) ──
  'POST /api/auth/logout': { expect: signedIn(), freshSession: true },
};

let t: TestApp;
let ops: ApiOperation[];
const cookies = new Map<Caller, string>();
const resources: Record<string, string> = {};

type Summary = { id: string; unitId: string; jurisdiction: string; callId: string };
const inject = (method: string, url: string, cookie?: string, extra: { payload?: unknown; headers?: Record<string, string> } = {}) =>
  t.app.inject({ method: method as 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...extra.headers }, payload: extra.payload as string });

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  ops = await apiOperations(t.app);
  // One sign-in per account (login is rate-limited per account and address; successes do not count).
  for (const c of CALLERS) if (c !== 'anonymous') cookies.set(c, await t.login(c));

  const unitA = cookies.get('unit-a')!;
  const [appA] = (await inject('GET', '/api/applications?pageSize=100', unitA)).json() as Summary[];
  const detail = (await inject('GET', `/api/applications/${appA.id}`, unitA)).json() as {
    materials?: { id: string; itemId: string }[];
    checklist?: { id: string; files?: { id: string }[] }[];
    forms: { id: string; editable: boolean }[];
    corrections: { items: { id: string }[] }[];
  };
  const calls = (await inject('GET', '/api/calls')).json() as { id: string; policyId: string; program: string; status: string }[];
  const callDaxing = calls.find((c) => c.id === appA.callId)!;
  const [personA] = (await inject('GET', '/api/unit/persons', unitA)).json() as { id: string }[];
  const [userA] = (await inject('GET', '/api/unit/users', unitA)).json() as { id: string }[];
  const inbox = (await inject('GET', '/api/notifications', unitA)).json() as { items: { id: string }[] };
  const [notice] = (await inject('GET', '/api/notices')).json() as { id: string }[];
  const [studio] = (await inject('GET', '/api/studios')).json() as { id: string }[];
  const materialA = await firstMaterialOf(appA.id);
  Object.assign(resources, {
    appA: appA.id,
    callDaxing: callDaxing.id,
    policy: callDaxing.policyId,
    formId: 'work-plan',
    itemId: 'bank-account-permit',
    materialA,
    personA: personA.id,
    userA: userA.id,
    messageA: inbox.items[0].id,
    notice: notice.id,
    studio: studio.id,
    year: '2026',
    unknownCode: 'ABCD2345EFGH',
  });
  expect(detail.forms.length).toBeGreaterThan(0);
});
afterAll(() => t?.close());

/** A stored material of the application (read from the database: the id the download route takes). */
async function firstMaterialOf(applicationId: string): Promise<string> {
  const { sql } = await import('drizzle-orm');
  const r = (await t.database.db.execute(sql`select id from application_materials where application_id = ${applicationId} order by id limit 1`)) as unknown as { rows: { id: string }[] };
  return r.rows[0].id;
}

/** The request a caller makes to an operation: minimal JSON body `{}`, or a tiny PDF for an upload. */
function requestFor(op: ApiOperation, row: Row) {
  const params = Object.fromEntries(Object.entries(row.params ?? {}).map(([k, v]) => [k, resources[v] ?? v]));
  const url = fillPath(op.path, params) + (row.query ? `?${row.query}` : '');
  if (op.bodyTypes.includes('application/json')) return { url, payload: row.body?.() ?? {}, headers: { 'content-type': 'application/json' } };
  if (op.bodyTypes.some((c) => c.startsWith('multipart/')) || /\/materials\/\{itemId\}$/.test(op.path)) {
    const { payload, headers } = multipartFile('tiny.pdf', tinyPdf(), 'application/pdf');
    return { url, payload, headers };
  }
  return { url, payload: undefined, headers: {} as Record<string, string> };
}

function matches(method: string, outcome: Outcome, status: number): boolean {
  if (typeof outcome === 'number') return status === outcome;
  switch (outcome) {
    case 'anon':
      return status === 401;
    case 'forbidden':
      return status === 403;
    case 'hidden':
      return status === 404;
    case 'ok':
      if (status >= 200 && status < 300) return true;
      return method !== 'GET' && [400, 409, 422].includes(status);
  }
}

describe('[AUTHZ] the declared matrix covers the whole API (issue 9)', () => {
  it('every route of the OpenAPI document has a declared row, and every row is a route', () => {
    const keys = ops.map((o) => o.key);
    expect(keys.filter((k) => !(k in MATRIX)), 'routes without a declared row — add them to MATRIX').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !keys.includes(k)), 'rows for routes that no longer exist').toEqual([]);
  });
});

describe('[AUTHZ] every route as every caller answers as declared; a refused call writes nothing (issue 9)', () => {
  for (const [key, row] of Object.entries(MATRIX)) {
    it(key, async () => {
      const op = ops.find((o) => o.key === key);
      if (!op) return; // reported by the coverage test above
      // Refusals first, so an allowed write cannot change what a later refusal is compared against.
      const order = [...CALLERS].sort((a, b) => Number(row.expect[a] === 'ok') - Number(row.expect[b] === 'ok'));
      const wrong: string[] = [];
      for (const caller of order) {
        const outcome = row.expect[caller];
        const cookie = caller === 'anonymous' ? undefined : row.freshSession ? await t.login(caller) : cookies.get(caller);
        const req = requestFor(op, row);
        const before = await tableCounts(t.database.db);
        const res = await inject(op.method, req.url, cookie, { payload: req.payload, headers: req.headers });
        if (!matches(op.method, outcome, res.statusCode)) wrong.push(`${caller}: expected ${outcome}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        if (res.statusCode >= 400) {
          let body: unknown;
          try {
            body = res.json();
          } catch {
            body = res.body;
          }
          if (!isErrorShape(body)) wrong.push(`${caller}: ${res.statusCode} body is not {"error":{"code","message"}}: ${res.body.slice(0, 160)}`);
        }
        // Any refusal — a denial, or an allowed caller's minimal body refused — writes nothing.
        if (res.statusCode >= 400) {
          const after = await tableCounts(t.database.db);
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length) wrong.push(`${caller}: refused (${res.statusCode}) but wrote to ${changed.join(', ')}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('[AUTHZ] scope properties stated outright (issue 9)', () => {
  const appRoutes = ['', '/people', '/eligibility', '/declarations', '/dossier.pdf'];
  const list = async (caller: Caller) => (await inject('GET', '/api/applications?pageSize=100', cookies.get(caller))).json() as Summary[];
  /** Every application any officer can list: the whole demo data set. */
  const allApplications = async () => {
    const seen = new Map<string, Summary>();
    for (const c of ['daxing-officer', 'etdz-officer', 'shunyi-officer'] as const) for (const a of await list(c)) seen.set(a.id, a);
    return [...seen.values()];
  };

  it('a unit lists only its own applications, and every other application — and guessed ids — is 404 on every application route', async () => {
    const all = await allApplications();
    expect(new Set(all.map((a) => a.jurisdiction)).size).toBe(3);
    for (const unit of ['unit-a', 'unit-b', 'unit-c'] as const) {
      const own = await list(unit);
      expect(own.length).toBeGreaterThan(0);
      // The total shown for paging counts the unit's own applications only (no count of others leaks).
      expect((await inject('GET', '/api/applications?pageSize=100', cookies.get(unit))).headers['x-total-count']).toBe(String(own.length));
      const unitId = own[0].unitId;
      expect(own.every((a) => a.unitId === unitId)).toBe(true);
      const others = all.filter((a) => a.unitId !== unitId);
      expect(others.length).toBeGreaterThan(0);
      for (const id of [...others.map((a) => a.id), randomUUID(), randomUUID()]) {
        for (const suffix of appRoutes) {
          const res = await inject('GET', `/api/applications/${id}${suffix}`, cookies.get(unit));
          expect(res.statusCode, `${unit} GET ${id}${suffix}`).toBe(404);
        }
      }
    }
  });

  it('a unit cannot read, change or delete another unit’s persons, materials or messages', async () => {
    const { sql } = await import('drizzle-orm');
    const db = t.database.db;
    const persons = (await db.execute(sql`select p.id, u.username from persons p join users u on u.unit_id = p.unit_id where u.username in ('unit-a','unit-b','unit-c')`)) as unknown as { rows: { id: string; username: string }[] };
    const materials = (await db.execute(sql`select m.id, m.application_id, u.username from application_materials m join applications a on a.id = m.application_id join users u on u.unit_id = a.unit_id where u.username in ('unit-a','unit-b','unit-c')`)) as unknown as { rows: { id: string; application_id: string; username: string }[] };
    expect(persons.rows.length).toBeGreaterThan(0);
    expect(materials.rows.length).toBeGreaterThan(0);
    for (const unit of ['unit-a', 'unit-b', 'unit-c'] as const) {
      const cookie = cookies.get(unit);
      const before = await tableCounts(db);
      for (const p of persons.rows.filter((r) => r.username !== unit)) {
        expect((await inject('GET', `/api/unit/persons/${p.id}`, cookie)).statusCode).toBe(404);
        expect((await inject('PUT', `/api/unit/persons/${p.id}`, cookie, { payload: { name: '测试人员', idNumber: '11010519491231002X', category: 'worker' } })).statusCode).toBe(404);
        expect((await inject('DELETE', `/api/unit/persons/${p.id}`, cookie)).statusCode).toBe(404);
      }
      for (const m of materials.rows.filter((r) => r.username !== unit)) {
        expect((await inject('GET', `/api/applications/${m.application_id}/materials/${m.id}`, cookie)).statusCode).toBe(404);
        expect((await inject('DELETE', `/api/applications/${m.application_id}/materials/${m.id}`, cookie)).statusCode).toBe(404);
      }
      expect(await tableCounts(db)).toEqual(before);
      const listed = (await inject('GET', '/api/unit/persons', cookie)).json() as { id: string }[];
      const own = new Set(persons.rows.filter((r) => r.username === unit).map((r) => r.id));
      expect(listed.every((p) => own.has(p.id))).toBe(true);
    }
  });

  it('an inspector never writes: every non-GET business route answers 403 to daxing-inspector and nothing changes', async () => {
    // Own-account and stateless routes every signed-in person or visitor may call are not business writes.
    const SELF_SERVICE = new Set([
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/password',
      'POST /api/auth/register-unit',
      'POST /api/eligibility/check',
      'POST /api/notifications/read-all',
      'POST /api/notifications/{id}/read',
    ]);
    const writes = ops.filter((o) => o.method !== 'GET' && !SELF_SERVICE.has(o.key));
    expect(writes.length).toBeGreaterThan(10);
    const cookie = cookies.get('daxing-inspector');
    const before = await tableCounts(t.database.db);
    for (const op of writes) {
      const params = Object.fromEntries(op.pathParams.map((p) => [p, p === 'year' ? '2026' : p.endsWith('Id') && p !== 'materialId' ? 'work-plan' : randomUUID()]));
      const res = await inject(op.method, fillPath(op.path, params), cookie, { payload: op.bodyTypes.length ? {} : undefined });
      expect(res.statusCode, op.key).toBe(403);
    }
    expect(await tableCounts(t.database.db)).toEqual(before);
  });

  it('an expert sees no application while no expert is assigned', async () => {
    expect(await list('expert1')).toEqual([]);
    for (const a of await allApplications()) {
      expect((await inject('GET', `/api/applications/${a.id}`, cookies.get('expert1'))).statusCode).toBe(404);
    }
  });

  it('an officer sees only the applications of their own jurisdiction, and others’ are 404', async () => {
    const all = await allApplications();
    for (const [officer, jurisdiction] of [['daxing-officer', 'daxing'], ['etdz-officer', 'etdz'], ['shunyi-officer', 'shunyi']] as const) {
      const mine = await list(officer);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((a) => a.jurisdiction === jurisdiction)).toBe(true);
      for (const a of all.filter((x) => x.jurisdiction !== jurisdiction)) {
        for (const suffix of appRoutes) expect((await inject('GET', `/api/applications/${a.id}${suffix}`, cookies.get(officer))).statusCode, `${officer} ${a.id}${suffix}`).toBe(404);
      }
    }
    const inspector = await list('daxing-inspector');
    expect(inspector.every((a) => a.jurisdiction === 'daxing')).toBe(true);
  });
});
