import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../helpers/app';
import { apiOperations, fillPath, isErrorShape, tableCounts, type ApiOperation, type JsonSchema } from '../helpers/api-surface';
import { SLICES } from './security';
import { sliceContext, type FuzzTarget } from './security/kit';

/**
 * Hostile input (issue 9): property-based fuzzing (fast-check) of every JSON route of the OpenAPI document, as a
 * caller allowed to call it — arbitrary, oversize, deeply nested, wrong-typed and unicode-tricky bodies, malformed
 * JSON and wrong content types — never produce a 5xx, always answer a refusal in the DESIGN.md error shape
 * `{"error":{"code","message","fields"?}}`, and a refused request writes nothing (audit events and every table's
 * row count unchanged). GET routes with query parameters get arbitrary query strings: 200 or 400, never 5xx.
 * Bounded: ~40 runs per route; fast-check prints the seed and the shrunk counterexample on failure.
 */

const clock = testClock('2026-11-23T02:00:00Z');
const RUNS = 30;

let t: TestApp;
let ops: ApiOperation[];
const cookies = new Map<string, string>();
const ids: Record<string, string> = {};

/**
 * Who fuzzes each JSON route, and on which resource: a caller the route admits, so the body is what gets tested.
 * A JSON route without a target fails the test (new routes must be fuzzed too).
 */
const TARGETS: Record<string, FuzzTarget> = {
  // A failed sign-in is itself a security event: it is recorded in the audit chain (auth.login_failed) by design.
  'POST /api/auth/login': { caller: null, recordsRefusal: 'audit_events' },
  'POST /api/auth/register-unit': { caller: null },
  // A user of its own, so a failed password check cannot disturb the others.
  'POST /api/auth/password': { caller: 'expert2' },
  'POST /api/eligibility/check': { caller: null },
  'PUT /api/admin/calendar/{year}': { caller: 'admin', params: { year: '2027' } },
  // The platform admin's console, on an account nobody here signs in with (expert5) and on 顺义区.
  'POST /api/admin/users': { caller: 'admin' },
  'PATCH /api/admin/users/{id}': { caller: 'admin', params: { id: 'userExpert5' } },
  'POST /api/admin/users/{id}/password': { caller: 'admin', params: { id: 'userExpert5' } },
  'POST /api/admin/jurisdictions': { caller: 'admin' },
  'PATCH /api/admin/jurisdictions/{id}': { caller: 'admin', params: { id: 'shunyi' } },
  'POST /api/calls': { caller: 'daxing-officer' },
  'POST /api/applications': { caller: 'unit-a' },
  'PUT /api/applications/{id}/forms/{formId}': { caller: 'unit-a', params: { id: 'appA', formId: 'work-plan' } },
  'POST /api/applications/{id}/submit': { caller: 'unit-a', params: { id: 'appA' } },
  'POST /api/applications/{id}/return': { caller: 'daxing-officer', params: { id: 'appDaxingSubmitted' } },
  'PUT /api/unit': { caller: 'unit-a' },
  'POST /api/unit/persons': { caller: 'unit-a' },
  'PUT /api/unit/persons/{id}': { caller: 'unit-a', params: { id: 'personA' } },
  'POST /api/unit/users': { caller: 'unit-a' },
  'PUT /api/applications/{id}/people': { caller: 'unit-a', params: { id: 'appA' } },
  'PUT /api/applications/{id}/declarations': { caller: 'unit-a', params: { id: 'appA' } },
  // Review (issue 5), on the demo's 大兴 round in expert review: the desk's transitions are refused there (409), so a
  // well-formed body tests the refusal path; the pool, panel, assignments, proposal and deadline as its program officer.
  'PUT /api/review/applications/{id}/verdicts': { caller: 'daxing-officer', params: { id: 'appDxReview' } },
  'POST /api/review/applications/{id}/accept': { caller: 'daxing-officer', params: { id: 'appDxReview' } },
  'POST /api/review/applications/{id}/pass': { caller: 'daxing-officer', params: { id: 'appDxReview' } },
  'POST /api/review/applications/{id}/reject': { caller: 'daxing-officer', params: { id: 'appDxReview' } },
  'POST /api/review/applications/{id}/paper-receipt': { caller: 'daxing-officer', params: { id: 'appDxReview' } },
  'POST /api/review/experts': { caller: 'daxing-officer' },
  'PATCH /api/review/experts/{id}': { caller: 'daxing-officer', params: { id: 'expertDxPool' } },
  'POST /api/review/calls/{callId}/panel/draw': { caller: 'daxing-officer', params: { callId: 'callDxReview' } },
  'POST /api/review/calls/{callId}/assignments': { caller: 'daxing-officer', params: { callId: 'callDxReview' } },
  'POST /api/review/calls/{callId}/close-review': { caller: 'daxing-officer', params: { callId: 'callDxReview' } },
  'PUT /api/review/calls/{callId}/proposal': { caller: 'daxing-officer', params: { callId: 'callDxReview' } },
  'POST /api/review/calls/{callId}/proposal/submit': { caller: 'daxing-officer', params: { callId: 'callDxReview' } },
  'PUT /api/review/calls/{callId}/deadlines': { caller: 'daxing-officer', params: { callId: 'callDxReview' } },
  // expert1's own submitted sheet (fixed: every write refused) and its declaration (already made).
  'POST /api/review/assignments/{id}/declaration': { caller: 'expert1', params: { id: 'assignmentExpert1' } },
  'PUT /api/review/assignments/{id}/score': { caller: 'expert1', params: { id: 'assignmentExpert1' } },
  'POST /api/review/assignments/{id}/score/submit': { caller: 'expert1', params: { id: 'assignmentExpert1' } },
  // Notices, objections, decisions and funding (issue 6), on the demo's running 大兴 notice (src/server/demo/registry-demo.ts):
  // its call already has a notice (409), the notice still runs (decision 409), unit-a's studio holds the municipal title.
  'POST /api/calls/{callId}/notice': { caller: 'daxing-officer', params: { callId: 'callDxNotice' } },
  // Public (no sign-in); every probe comes from its own address (the route is rate-limited per address).
  'POST /api/notices/{id}/objections': { caller: null, params: { id: 'noticeDx' } },
  'POST /api/objections/{id}/handle': { caller: 'daxing-officer', params: { id: 'objectionDx' } },
  'POST /api/notices/{id}/decision': { caller: 'daxing-officer', params: { id: 'noticeDx' } },
  'POST /api/studios/{id}/titles': { caller: 'daxing-officer', params: { id: 'studioDxA' } },
  'POST /api/disbursements/{id}/payments': { caller: 'daxing-finance', params: { id: 'lineDx' } },
  // The lifecycle (issue 7), declared per domain in test/api/security/*.ts.
  ...Object.assign({}, ...SLICES.map((sl) => sl.fuzz ?? {})),
};

/** A fresh client address for each request, so the per-address limits of public routes never stand in for the answer. */
let addressCounter = 0;
const nextAddress = () => {
  addressCounter++;
  return `10.88.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
};

/** Strings that have broken input handling elsewhere: bidi controls, joiners, lone surrogates, NUL, emoji, long Chinese. */
const TRICKY = [
  '\u202Eevil\u202C', // RTL override
  '\u200F\u200E', // RTL / LTR marks
  '👨\u200D👩\u200D👧\u200D👦', // zero-width joiners
  '\uD800', // lone high surrogate (escaped as \ud800 by JSON.stringify)
  '\uDC00x\uD83D', // lone low + dangling high
  'a\u0000b', // NUL
  '\u0000',
  '🧑‍🔧🏭✨',
  '\uFEFF\u00A0\u3000', // BOM, NBSP, ideographic space
  'e\u0301\u0301\u0301', // stacked combining marks
  "'; drop table applications; --",
  '${7*7}{{7*7}}<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '匠'.repeat(20_000), // very long Chinese (60 kB)
  '大'.repeat(300),
  '',
  ' ',
];
const tricky = fc.constantFrom(...TRICKY);
const hostileString = fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant(1e308),
  fc.constant(-0),
  hostileString,
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** A plausible body from the JSON schema: every property with a value of the declared type (not necessarily valid). */
function sample(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.enum?.length) return schema.enum[0];
  if ('const' in schema) return schema.const;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], depth + 1);
  if (schema.allOf?.length) return sample(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sample(v, depth + 1);
      return out;
    }
    case 'array':
      return schema.items ? [sample(schema.items, depth + 1)] : [];
    case 'string':
      if (schema.format === 'uuid') return randomUUID();
      if (schema.format === 'date' || String(schema.pattern ?? '').includes('\\d{4}')) return '2026-11-23';
      return '测试';
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/** Every property path of an object schema (one level of nesting), to aim wrong types at. */
function propertyNames(schema: JsonSchema | undefined): string[] {
  const props = schema?.properties ?? schema?.anyOf?.find((s) => s.properties)?.properties ?? {};
  return Object.keys(props);
}

/** Nested JSON text `depth` deep, built as text (JSON.stringify of such a value is fine, but parsing is the point). */
const deepArray = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const asJson = (v: unknown) => JSON.stringify(v) ?? 'null';

beforeAll(async () => {
  t = await startTestApp({ config: { now: clock.now } });
  ops = await apiOperations(t.app);
  for (const u of ['admin', 'daxing-officer', 'daxing-finance', 'unit-a', 'expert2', 'expert1']) cookies.set(u, await t.login(u));
  const officer = cookies.get('daxing-officer')!;
  const unitA = cookies.get('unit-a')!;
  const [appA] = (await t.app.inject({ method: 'GET', url: '/api/applications', headers: { cookie: unitA } })).json();
  const submitted = (await t.app.inject({ method: 'GET', url: '/api/applications?status=submitted&pageSize=100', headers: { cookie: officer } })).json();
  const [personA] = (await t.app.inject({ method: 'GET', url: '/api/unit/persons', headers: { cookie: unitA } })).json();
  Object.assign(ids, { appA: appA.id, callA: appA.callId, appDaxingSubmitted: submitted[0].id, personA: personA.id });
  const staff = (await t.app.inject({ method: 'GET', url: '/api/admin/users?search=expert5', headers: { cookie: cookies.get('admin')! } })).json();
  ids.userExpert5 = staff.find((u: { username: string }) => u.username === 'expert5').id;
  // Review resources of the demo data (src/server/demo/review-demo.ts).
  const { sql } = await import('drizzle-orm');
  const one = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as unknown as { rows: { id: string }[] }).rows[0]!.id;
  const callDxReview = await one(sql`select id from calls where edition_id = 'daxing-2025' and program = 'construction-project' and closes_at < ${clock.now().toISOString()} and exists (select 1 from review_assignments r where r.call_id = calls.id) order by closes_at limit 1`);
  Object.assign(ids, {
    callDxReview,
    appDxReview: await one(sql`select a.id from applications a join users u on u.unit_id = a.unit_id where a.call_id = ${callDxReview} and u.username = 'unit-a'`),
    expertDxPool: await one(sql`select id from experts where jurisdiction_id = 'daxing' and user_id is null order by name limit 1`),
    assignmentExpert1: await one(
      sql`select r.id from review_assignments r join experts e on e.id = r.expert_id join users u on u.id = e.user_id where r.call_id = ${callDxReview} and u.username = 'expert1' and r.status = 'submitted' limit 1`,
    ),
  });
  // Notice and funding resources of the demo data (src/server/demo/registry-demo.ts, funding-demo.ts).
  const noticeDx = await one(sql`select id from notices where jurisdiction_id = 'daxing' and status = 'published' order by starts_on desc limit 1`);
  const objectionDx = await one(sql`select id from objections where notice_id = ${noticeDx} and status = 'open' order by filed_at limit 1`);
  Object.assign(ids, {
    noticeDx,
    callDxNotice: await one(sql`select call_id as id from notices where id = ${noticeDx}`),
    objectionDx,
    objectionDxNumber: await one(sql`select tracking_number as id from objections where id = ${objectionDx}`),
    studioDxA: await one(
      sql`select s.id from studios s join users u on u.unit_id = s.unit_id where u.username = 'unit-a' and s.jurisdiction_id = 'daxing' and s.status = 'active' order by s.recognized_on limit 1`,
    ),
    lineDx: await one(sql`select id from disbursements where jurisdiction_id = 'daxing' and status = 'due' order by created_at, id limit 1`),
  });
  const ctx = sliceContext(t, clock.now, async (u) => cookies.get(u) ?? t.login(u));
  for (const slice of SLICES) if (slice.resources) Object.assign(ids, await slice.resources(ctx));
  for (const { caller } of Object.values(TARGETS)) if (caller && !cookies.has(caller)) cookies.set(caller, await t.login(caller));
});
afterAll(() => t?.close());

/** Row counts as last seen: unchanged by a refusal, so the next probe's "before" needs no second query. */
let baseline: Record<string, number> | null = null;

interface Sent {
  payload: string | Buffer;
  contentType?: string;
}

/** Sends one hostile request and checks the three promises; returns a description of what went wrong, if anything. */
async function probe(op: ApiOperation, sent: Sent): Promise<string | null> {
  const target = TARGETS[op.key];
  const params = Object.fromEntries(Object.entries(target.params ?? {}).map(([k, v]) => [k, ids[v] ?? v]));
  const before = (baseline ??= await tableCounts(t.database.db));
  const headers: Record<string, string> = {};
  if (target.caller) headers.cookie = cookies.get(target.caller)!;
  if (sent.contentType) headers['content-type'] = sent.contentType;
  const res = await t.app.inject({ method: op.method as 'POST', url: fillPath(op.path, params), headers, payload: sent.payload, remoteAddress: nextAddress() });
  const show = `${res.statusCode} ${res.body.slice(0, 200)}`;
  baseline = null; // re-read after anything that was not refused (an accepted body may write)
  if (res.statusCode >= 500) return `5xx: ${show}`;
  if (res.statusCode >= 400) {
    let body: unknown;
    try {
      body = res.json();
    } catch {
      return `error body is not JSON: ${show}`;
    }
    if (!isErrorShape(body)) return `error body not in {"error":{"code","message","fields"?}}: ${show}`;
    const after = await tableCounts(t.database.db);
    baseline = after;
    const changed = Object.keys(after).filter((k) => after[k] !== before[k] && !(res.statusCode === 401 && k === target.recordsRefusal));
    if (changed.length) return `refused (${res.statusCode}) but wrote to ${changed.join(', ')}`;
  }
  return null;
}

const jsonOps = () => ops.filter((o) => ['POST', 'PUT', 'PATCH'].includes(o.method) && o.bodyTypes.includes('application/json'));

describe('[FUZZ] hostile JSON bodies on every JSON route (issue 9)', () => {
  it('every JSON route of the OpenAPI document has a fuzz target', () => {
    expect(jsonOps().length).toBeGreaterThan(10);
    expect(jsonOps().map((o) => o.key).filter((k) => !(k in TARGETS)), 'JSON routes without a TARGETS row').toEqual([]);
    expect(Object.keys(TARGETS).filter((k) => !jsonOps().some((o) => o.key === k)), 'TARGETS rows that are no JSON route').toEqual([]);
  });

  // First, while unit-a's application is still editable (the fuzzing below may submit it).
  it('well-formed bodies carrying tricky strings reach the database: accepted or refused in shape, never a 5xx (NUL, surrogates, RTL, emoji, long Chinese)', async () => {
    const unitA = cookies.get('unit-a')!;
    const accepted = new Set<string>();
    const send = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
      const before = (baseline ??= await tableCounts(t.database.db));
      const res = await t.app.inject({ method, url, headers: { cookie: unitA, 'content-type': 'application/json' }, payload: asJson(payload) });
      baseline = null;
      if (res.statusCode < 300) accepted.add(`${method} ${url}`);
      const where = `${method} ${url} ${asJson(payload).slice(0, 200)}: ${res.statusCode} ${res.body.slice(0, 200)}`;
      expect(res.statusCode, where).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(isErrorShape(res.json()), where).toBe(true);
        expect(await tableCounts(t.database.db), where).toEqual(before);
      }
      return res;
    };
    // The unit's own profile as the update body (minus the fields only the answer carries).
    const { id: _id, jurisdictionId: _j, jurisdictionName: _jn, updatedAt: _u, personCount: _p, ...profile } = (
      await t.app.inject({ method: 'GET', url: '/api/unit', headers: { cookie: unitA } })
    ).json() as Record<string, unknown>;
    const formUrl = `/api/applications/${ids.appA}/forms/work-plan`;
    // The form's current version, from the conflict answer to a stale one.
    const stale = await send('PUT', formUrl, { data: {}, version: 999_999 });
    let version = Number((stale.json() as { error: { fields?: { version?: string } } }).error.fields?.version ?? 0);
    const text = fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
    await fc.assert(
      fc.asyncProperty(text, text, async (a, b) => {
        await send('POST', '/api/unit/persons', { name: a.slice(0, 50) || '张三', idNumber: '11010519491231002X', category: 'worker', position: b.slice(0, 50), occupation: a.slice(0, 50) });
        const saved = await send('PUT', formUrl, { data: { projectName: a, expectedGoals: b, [b.slice(0, 64) || 'k']: [a, { b }] }, version });
        if (saved.statusCode === 200) version = (saved.json() as { version: number }).version;
        await send('PUT', '/api/unit', { ...profile, name: a.slice(0, 100) || '单位', contactName: b.slice(0, 50) || '联系人', address: `${a}${b}`.slice(0, 200) || '地址' });
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: each of the three writes took some of these strings all the way into the database.
    expect([...accepted].sort()).toEqual(['POST /api/unit/persons', `PUT ${formUrl}`, 'PUT /api/unit'].sort());
  });

  for (const key of Object.keys(TARGETS)) {
    it(`${key}: arbitrary values, JSON texts, wrong-typed or unicode-tricky properties — never a 5xx, errors in shape, no write on refusal`, async () => {
      const op = jsonOps().find((o) => o.key === key);
      if (!op) return; // reported by the coverage test above
      const base = sample(op.bodySchema);
      const names = propertyNames(op.bodySchema);
      const mutated =
        names.length && base && typeof base === 'object'
          ? fc
              .tuple(fc.constantFrom(...names), fc.oneof(wrongValue, tricky))
              .map(([name, value]) => asJson({ ...(base as object), [name]: value }))
          : fc.constant(asJson(base));
      const trickyEverywhere =
        names.length && base && typeof base === 'object'
          ? tricky.map((s) => asJson(Object.fromEntries(Object.entries(base as object).map(([k, v]) => [k, typeof v === 'string' ? s : v]))))
          : fc.constant('{}');
      const body = fc.oneof(
        fc.anything().map(asJson),
        fc.json(),
        fc.jsonValue().map(asJson),
        mutated,
        trickyEverywhere,
        fc.dictionary(fc.oneof(fc.constantFrom(...(names.length ? names : ['x'])), fc.string({ maxLength: 8 })), wrongValue).map(asJson),
      );
      await fc.assert(
        fc.asyncProperty(body, async (payload) => {
          const problem = await probe(op, { payload, contentType: 'application/json' });
          if (problem) throw new Error(`${op.key} with ${payload.slice(0, 300)}: ${problem}`);
        }),
        // Routes that verify a password run argon2id (slow on purpose): fewer runs keep the file quick.
        { numRuns: op.key.startsWith('POST /api/auth/') ? Math.ceil(RUNS / 3) : RUNS },
      );
    });
  }

  /** Hand-made hostile requests sent to every JSON route. */
  const cases: (Sent & { name: string })[] = [
    { name: 'oversize string (2 MB)', payload: asJson({ name: 'a'.repeat(2 * 1024 * 1024) }), contentType: 'application/json' },
    { name: 'oversize Chinese (1.2 MB)', payload: asJson({ title: '匠'.repeat(400_000) }), contentType: 'application/json' },
    { name: 'array nested 1000 deep', payload: deepArray(1000), contentType: 'application/json' },
    { name: 'object nested 1000 deep', payload: deepObject(1000), contentType: 'application/json' },
    { name: 'object nested 1000 deep in a property', payload: `{"data":${deepObject(1000)},"version":0}`, contentType: 'application/json' },
    { name: 'truncated JSON', payload: '{"username": "unit-a", "pass', contentType: 'application/json' },
    { name: 'trailing garbage', payload: '{}}', contentType: 'application/json' },
    { name: 'single quotes', payload: "{'a': 1}", contentType: 'application/json' },
    { name: 'empty body', payload: '', contentType: 'application/json' },
    { name: 'NUL bytes', payload: Buffer.from([0x7b, 0x00, 0x7d]), contentType: 'application/json' },
    { name: 'invalid UTF-8', payload: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), contentType: 'application/json' },
    { name: 'lone surrogate escapes', payload: '{"name":"\\ud800\\udc00\\ud800","title":"\\udfff"}', contentType: 'application/json' },
    { name: 'NUL escape', payload: '{"name":"a\\u0000b","title":"\\u0000"}', contentType: 'application/json' },
    { name: '__proto__ key', payload: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', contentType: 'application/json' },
    { name: 'huge number', payload: '{"version":1e400,"amount":-1e400}', contentType: 'application/json' },
    { name: 'text/plain', payload: '{}', contentType: 'text/plain' },
    { name: 'form-urlencoded', payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { name: 'xml', payload: '<?xml version="1.0"?><a/>', contentType: 'application/xml' },
    { name: 'multipart with no parts', payload: '--x--\r\n', contentType: 'multipart/form-data; boundary=x' },
    { name: 'bogus content type', payload: '{}', contentType: 'application/json; charset=klingon' },
    { name: 'no content type', payload: '{}' },
  ];
  for (const key of Object.keys(TARGETS)) {
    it(`${key}: oversize, 1000-deep, malformed JSON and wrong content types — never a 5xx, errors in shape, nothing written on refusal`, async () => {
      const op = jsonOps().find((o) => o.key === key);
      if (!op) return; // reported by the coverage test above
      const problems: string[] = [];
      for (const c of cases) {
        const problem = await probe(op, c);
        if (problem) problems.push(`${c.name}: ${problem}`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('[FUZZ] arbitrary query strings on GET routes (issue 9)', () => {
  /** Who reads each GET route with query parameters (a caller it admits) and with which path parameters. */
  const READERS: Record<string, string | null> = {
    'GET /api/applications': 'daxing-officer',
    'GET /api/admin/users': 'admin',
    'GET /api/calls/{id}/applications.xlsx': 'daxing-officer',
    'GET /api/notifications': 'unit-a',
    'GET /api/review/desk': 'daxing-officer',
    'GET /api/review/experts': 'daxing-officer',
    'GET /api/calls/{callId}/notice/preview': 'daxing-officer',
    'GET /api/objections/{id}': null,
    'GET /api/disbursements': 'daxing-finance',
    'GET /api/disbursements.xlsx': 'daxing-finance',
    // The lifecycle (issue 7): every list as the 大兴 officer.
    'GET /api/projects': 'daxing-officer',
    'GET /api/annual-reports': 'daxing-officer',
    'GET /api/annual-reports.xlsx': 'daxing-officer',
    'GET /api/change-requests': 'daxing-officer',
    'GET /api/revocation-cases': 'daxing-officer',
    'GET /api/dashboards/studios': 'daxing-officer',
    'GET /api/dashboards/studios.xlsx': 'daxing-officer',
  };
  /** Path parameters other than unit-a's 大兴 call. */
  const PATHS: Record<string, () => Record<string, string>> = {
    'GET /api/objections/{id}': () => ({ id: ids.objectionDxNumber }),
  };
  /** Right answers besides 200 and 400: a look-up whose proof (contact or query code) does not match reads as unknown. */
  const ALSO: Record<string, number[]> = {
    'GET /api/objections/{id}': [404],
    // A jurisdiction the officer does not serve reads as unknown.
    'GET /api/dashboards/studios': [404],
    'GET /api/dashboards/studios.xlsx': [404],
  };

  it('any query parameters, declared or not, answer 200 or 400 (or a declared 404) in shape — never a 5xx', async () => {
    // A 大兴 call (unit-a's), which the 大兴 officer may read: the path parameter is not what is fuzzed here.
    const callId = ids.callA;
    const withQuery = ops.filter((o) => o.method === 'GET' && o.queryParams.length);
    expect(withQuery.length).toBeGreaterThan(3);
    for (const op of withQuery) {
      const names = op.queryParams.map((p) => p.name);
      const value = fc.oneof(hostileString, fc.integer().map(String), fc.constantFrom('-1', '0', '1e9', 'NaN', 'true', '2026-02-30', '9999-12-31', '%', '%00', '[]', '{}'));
      const query = fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 })), fc.oneof(value, fc.array(value, { maxLength: 3 })), { maxKeys: 5 });
      const cookie = READERS[op.key] ? cookies.get(READERS[op.key]!) : undefined;
      const url = fillPath(op.path, PATHS[op.key]?.() ?? Object.fromEntries(op.pathParams.map((p) => [p, callId])));
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          const search = new URLSearchParams();
          for (const [k, v] of Object.entries(q)) for (const one of Array.isArray(v) ? v : [v]) search.append(k, one);
          const res = await t.app.inject({ method: 'GET', url: `${url}?${search}`, headers: cookie ? { cookie } : {}, remoteAddress: nextAddress() });
          const where = `${op.key}?${search.toString().slice(0, 200)}`;
          expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBeOneOf([200, 400, ...(ALSO[op.key] ?? [])]);
          if (res.statusCode >= 400) expect(isErrorShape(res.json()), where).toBe(true);
        }),
        { numRuns: RUNS },
      );
    }
  });
});
