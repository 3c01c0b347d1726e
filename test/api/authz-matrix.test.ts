import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testClock, type TestApp } from '../helpers/app';
import { apiOperations, auditCount, fillPath, isErrorShape, tableCounts, type ApiOperation } from '../helpers/api-surface';
import { multipartFile, tinyPdf } from '../helpers/fixtures';
import { SLICES } from './security';
import { CALLERS, everyone, only, signedIn, sliceContext, type Caller, type Expect, type Outcome, type Row } from './security/kit';

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

const sliceRows = (part: 'reads' | 'writes' | 'deletions'): Record<string, Row> => Object.assign({}, ...SLICES.map((sl) => sl[part] ?? {}));

/** Roles that may read applications (applicant, intake, program, inspector, expert) on a 大兴 application of unit-a. */
const readAppOfUnitA = (extra: Partial<Expect> = {}) =>
  only({
    'daxing-officer': 'ok',
    'daxing-inspector': 'ok',
    'unit-a': 'ok',
    'etdz-officer': 'hidden',
    'shunyi-officer': 'hidden',
    expert1: 'hidden', // expert1 has no assignment on appA (experts see only their own assignments' applications)
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
/** Review lists (issue 5): every officer (their own jurisdiction's) and the inspector. */
const reviewReaders = () => only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok' });
/** Review writes on a 大兴 resource: 大兴's officer; other jurisdictions 404; the inspector (read-only) and everyone else 403. */
const daxingDesk = () => only({ 'daxing-officer': 'ok', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden' });


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
  // The platform admin's console (DESIGN.md "Who uses it"): nobody else, in any jurisdiction.
  'GET /api/admin/calendar/{year}/packaged': { params: { year: 'year' }, expect: only({ admin: 'ok' }) },
  'GET /api/admin/users': { expect: only({ admin: 'ok' }) },
  'GET /api/admin/jurisdictions': { expect: only({ admin: 'ok' }) },
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

  // ── review reads (issue 5): the 大兴 round in expert review of the demo data ──
  // Desk queues and call lists: every officer sees their own jurisdiction's (scoped in the service), the inspector reads.
  'GET /api/review/desk': { expect: reviewReaders() },
  'GET /api/review/calls': { expect: reviewReaders() },
  'GET /api/review/experts': { expect: reviewReaders() },
  'GET /api/review/applications/{id}/desk': { params: { id: 'appDxReview' }, expect: daxingCallOfficers() },
  'GET /api/review/calls/{callId}/dashboard': { params: { callId: 'callDxReview' }, expect: daxingCallOfficers() },
  'GET /api/review/calls/{callId}/record': { params: { callId: 'callDxReview' }, expect: daxingCallOfficers() },
  'GET /api/review/calls/{callId}/record.xlsx': { params: { callId: 'callDxReview' }, expect: daxingCallOfficers() },
  'GET /api/review/calls/{callId}/panel': { params: { callId: 'callDxReview' }, expect: daxingCallOfficers() },
  'GET /api/review/draws/{drawId}/verify': { params: { drawId: 'drawDx' }, expect: daxingCallOfficers() },
  'GET /api/review/calls/{callId}/assignments': { params: { callId: 'callDxReview' }, expect: daxingCallOfficers() },
  'GET /api/review/calls/{callId}/scores': { params: { callId: 'callDxReview' }, expect: daxingCallOfficers() },
  'GET /api/review/calls/{callId}/ranking': { params: { callId: 'callDxReview' }, expect: daxingCallOfficers() },
  // Experts: their own tasks only (another expert's assignment is 404, asserted below); nobody else calls these.
  'GET /api/review/my-assignments': { expect: only({ expert1: 'ok' }) },
  'GET /api/review/assignments/{id}/sheet': { params: { id: 'assignmentExpert1' }, expect: only({ expert1: 'ok' }) },

  // ── notices and objections reads (issue 6): the running 大兴 notice with its open objection (src/server/demo/registry-demo.ts) ──
  'GET /api/notices/{id}/notice.pdf': { params: { id: 'noticeDx' }, expect: everyone() },
  // The filer's look-up with the query code: public (no sign-in), each call from its own address (rate-limited).
  'GET /api/objections/{id}': { params: { id: 'objectionDxNumber' }, query: 'code=DEMO2026', expect: everyone(), ownAddress: true },
  // Publishing: the program officer of the call's jurisdiction only (the inspector reads notices, but does not publish).
  'GET /api/calls/{callId}/notice/preview': { params: { callId: 'callDxNotice' }, expect: daxingDesk() },
  'GET /api/officer/notices': { expect: reviewReaders() },
  'GET /api/officer/notices/{id}': { params: { id: 'noticeDx' }, expect: daxingCallOfficers() },
  'GET /api/notices/{id}/objections': { params: { id: 'noticeDx' }, expect: daxingCallOfficers() },
  'GET /api/notices/{id}/items.xlsx': { params: { id: 'noticeDx' }, expect: daxingCallOfficers() },
  'GET /api/objections/{id}/attachments/{attachmentId}': { params: { id: 'objectionDx', attachmentId: 'objectionAttachmentDx' }, expect: daxingCallOfficers() },

  // ── decisions and funding reads (issue 6) ──
  'GET /api/funding/calls': { expect: reviewReaders() },
  'GET /api/funding/calls/{callId}': { params: { callId: 'callDxNotice' }, expect: daxingCallOfficers() },
  // The concluded 经开区 round: its officer exports; 大兴's officer and inspector and 顺义's see nothing.
  'GET /api/funding/calls/{callId}/decided.xlsx': {
    params: { callId: 'callEtdzNotice' },
    expect: only({ 'etdz-officer': 'ok', 'daxing-officer': 'hidden', 'daxing-inspector': 'hidden', 'shunyi-officer': 'hidden' }) },
  // unit-a's studio: its unit and the officers and inspector of 大兴; other units and jurisdictions 404.
  'GET /api/studios/{id}/certificate.pdf': { params: { id: 'studioDxA' }, expect: officersAndUnitA() },
  // The payment schedule, scoped to each reader's jurisdictions (finance, officers, inspector).
  'GET /api/disbursements': { expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok', 'daxing-finance': 'ok' }) },
  'GET /api/disbursements.xlsx': { expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok', 'daxing-finance': 'ok' }) },
  // unit-a's bank permit on its 大兴 project line: 大兴's finance bureau, officer and inspector; other jurisdictions 404.
  'GET /api/disbursements/{id}/bank-materials/{materialId}': {
    params: { id: 'lineDxProject', materialId: 'bankMaterialA' },
    expect: only({ 'daxing-officer': 'ok', 'daxing-inspector': 'ok', 'daxing-finance': 'ok', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden' }) },

  // ── lifecycle reads (issue 7), declared per domain in test/api/security/*.ts ──
  ...sliceRows('reads'),

  // ── writes (minimal bodies) ──
  'POST /api/auth/login': { expect: everyone() },
  'POST /api/auth/register-unit': { expect: everyone() },
  'POST /api/auth/password': { expect: signedIn() },
  'POST /api/eligibility/check': { expect: everyone() },
  'PUT /api/admin/calendar/{year}': { params: { year: 'year' }, expect: only({ admin: 'ok' }) },
  // {} is refused by validation (400); the admin disabling their own account is refused (409): nothing changes.
  'POST /api/admin/users': { expect: only({ admin: 'ok' }) },
  'PATCH /api/admin/users/{id}': { params: { id: 'adminUser' }, body: () => ({ disabled: true }), expect: only({ admin: 'ok' }) },
  'POST /api/admin/users/{id}/password': { params: { id: 'adminUser' }, expect: only({ admin: 'ok' }) },
  'POST /api/admin/jurisdictions': { expect: only({ admin: 'ok' }) },
  'PATCH /api/admin/jurisdictions/{id}': { params: { id: 'daxing' }, expect: only({ admin: 'ok' }) },
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

  // ── review writes (issue 5): well-formed bodies, so another jurisdiction's 404 shows; the inspector is always 403 ──
  // The application is in expert review: the desk's transitions are refused (409) for 大兴's officer, nothing changes.
  'PUT /api/review/applications/{id}/verdicts': {
    params: { id: 'appDxReview' },
    body: () => ({ stage: 'completeness-check', items: [{ kind: 'form', id: 'work-plan', verdict: 'ok' }] }),
    expect: daxingDesk() },
  'POST /api/review/applications/{id}/accept': { params: { id: 'appDxReview' }, body: () => ({ version: 1 }), expect: daxingDesk() },
  'POST /api/review/applications/{id}/pass': { params: { id: 'appDxReview' }, body: () => ({ version: 1 }), expect: daxingDesk() },
  'POST /api/review/applications/{id}/reject': {
    params: { id: 'appDxReview' },
    body: () => ({ version: 1, stage: 'completeness-check', reasons: '不符合第七条规定的申报条件' }),
    expect: daxingDesk() },
  'POST /api/review/applications/{id}/paper-receipt': {
    params: { id: 'appDxReview' },
    body: () => ({ version: 1, outcome: 'received', watermarkCode: 'ABCD2345' }),
    expect: daxingDesk() },
  // The pool: each program officer writes their own jurisdiction's ({} is refused by validation).
  'POST /api/review/experts': { expect: only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok' }) },
  'PATCH /api/review/experts/{id}': { params: { id: 'expertDxPool' }, body: () => ({ title: '高级会计师' }), expect: daxingDesk() },
  // Every account of the pool is already on the panel: 409 (no candidates left).
  'POST /api/review/calls/{callId}/panel/draw': { params: { callId: 'callDxReview' }, expect: daxingDesk() },
  'POST /api/review/calls/{callId}/assignments/auto': { params: { callId: 'callDxReview' }, expect: daxingDesk() },
  // Already assigned: nothing created.
  'POST /api/review/calls/{callId}/assignments': {
    params: { callId: 'callDxReview' },
    body: () => ({ applicationIds: [resources.appDxReview], expertIds: [resources.expertDxExpert1] }),
    expect: daxingDesk() },
  // An application with fewer than 3 submitted scores: listed as incomplete, nothing closed.
  'POST /api/review/calls/{callId}/close-review': { params: { callId: 'callDxReview' }, body: () => ({ applicationIds: [resources.appDxIncomplete] }), expect: daxingDesk() },
  'PUT /api/review/calls/{callId}/proposal': { params: { callId: 'callDxReview' }, body: () => ({ version: 0, items: [] }), expect: daxingDesk() },
  'POST /api/review/calls/{callId}/proposal/submit': { params: { callId: 'callDxReview' }, expect: daxingDesk() },
  'PUT /api/review/calls/{callId}/deadlines': { params: { callId: 'callDxReview' }, body: () => ({ stage: 'expert-review', dueOn: '2026-11-27' }), expect: daxingDesk() },
  // expert1's own submitted sheet: fixed (409); the declaration was made (409).
  'PUT /api/review/assignments/{id}/score': { params: { id: 'assignmentExpert1' }, body: () => ({ criteria: { necessity: 80 }, version: 2 }), expect: only({ expert1: 'ok' }) },
  'POST /api/review/assignments/{id}/score/submit': { params: { id: 'assignmentExpert1' }, expect: only({ expert1: 'ok' }) },
  'POST /api/review/assignments/{id}/declaration': { params: { id: 'assignmentExpert1' }, body: () => ({ hasConflict: false }), expect: only({ expert1: 'ok' }) },

  // ── notices, objections, decisions and funding writes (issue 6): well-formed bodies, refused by state for the caller allowed ──
  // The 大兴 round's notice is already published: 409 for 大兴's officer, another jurisdiction 404, the inspector 403.
  'POST /api/calls/{callId}/notice': {
    params: { callId: 'callDxNotice' },
    body: () => ({ body: '根据京兴人社发〔2025〕21号第十一条，现将拟认定名单予以公示。', contacts: [{ name: '职业能力建设科', phone: '010-69243567' }] }),
    expect: daxingDesk() },
  // Filing an objection is public (京兴人社发〔2025〕21号 第十一条: anyone may object during the notice period); {} is refused by validation.
  'POST /api/notices/{id}/objections': { params: { id: 'noticeDx' }, expect: everyone(), ownAddress: true },
  // The filer's evidence, with the query code as proof: anyone holding it may add (up to 5 files, then 409).
  'POST /api/objections/{id}/attachments': { params: { id: 'objectionDxNumber' }, query: 'code=DEMO2026', multipart: true, expect: everyone(), ownAddress: true },
  // A stale version: 409 for 大兴's officer (nothing handled); another jurisdiction's officer 404.
  'POST /api/objections/{id}/handle': { params: { id: 'objectionDx' }, body: () => ({ action: 'investigate', reply: '已受理，正在核查', version: 99 }), expect: daxingDesk() },
  // The notice still runs (and has an open objection): 409 for 大兴's officer.
  'POST /api/notices/{id}/decision': { params: { id: 'noticeDx' }, body: () => ({ document: '京兴人社发〔2026〕5号' }), expect: daxingDesk() },
  // unit-a's 大兴 studio already holds the municipal title: 409 (no second registration).
  'POST /api/studios/{id}/titles': { params: { id: 'studioDxA' }, body: () => ({ level: 'municipal', awardedOn: '2026-11-02', document: '京人社能发〔2026〕8号' }), expect: daxingDesk() },
  // Above the scheduled amount: 409 for 大兴's finance bureau; nobody else records payments.
  'POST /api/disbursements/{id}/payments': {
    params: { id: 'lineDx' },
    body: () => ({ paidOn: '2026-11-23', amount: 100_000_000, voucherNumber: 'PZ-2026-MATRIX' }),
    expect: only({ 'daxing-finance': 'ok' }) },

  // ── lifecycle writes (issue 7) ──
  ...sliceRows('writes'),

  // ── deletions ──
  'DELETE /api/applications/{id}/materials/{materialId}': { params: { id: 'appA', materialId: 'materialA' }, expect: unitAWrite() },
  'DELETE /api/unit/persons/{id}': { params: { id: 'personA' }, expect: only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' }) },
  // unit-a's own account: another unit cannot see it; unit-a may not remove itself (a refusal, not a denial).
  'DELETE /api/unit/users/{id}': { params: { id: 'userA' }, expect: only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' }) },
  // A member who submitted scores stays on the panel; a submitted assignment cannot be withdrawn (409).
  'DELETE /api/review/calls/{callId}/panel/{expertId}': { params: { callId: 'callDxReview', expertId: 'expertDxScorer' }, expect: daxingDesk() },
  'DELETE /api/review/assignments/{id}': { params: { id: 'assignmentExpert1' }, expect: daxingDesk() },

  ...sliceRows('deletions'),

  // ── sign-out (each caller on a fresh session) ──
  'POST /api/auth/logout': { expect: signedIn(), freshSession: true },
};

let t: TestApp;
let ops: ApiOperation[];
const cookies = new Map<Caller, string>();
const resources: Record<string, string> = {};

type Summary = { id: string; unitId: string; jurisdiction: string; callId: string };
const inject = (method: string, url: string, cookie?: string, extra: { payload?: unknown; headers?: Record<string, string>; remoteAddress?: string } = {}) =>
  t.app.inject({ method: method as 'GET', url, headers: { ...(cookie ? { cookie } : {}), ...extra.headers }, payload: extra.payload as string, remoteAddress: extra.remoteAddress });
/** A fresh client address (10.77.x.y) for each call of a rate-limited public route. */
let addressCounter = 0;
const nextAddress = () => {
  addressCounter++;
  return `10.77.${Math.floor(addressCounter / 250)}.${(addressCounter % 250) + 1}`;
};

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
    adminUser: ((await inject('GET', '/api/auth/me', cookies.get('admin'))).json() as { user: { id: string } }).user.id,
    unknownCode: 'ABCD2345EFGH',
  });
  Object.assign(resources, await reviewResources());
  Object.assign(resources, await noticeResources());
  const ctx = sliceContext(t, clock.now, (u) => Promise.resolve(cookies.get(u as Caller) ?? t.login(u)));
  for (const slice of SLICES) if (slice.resources) Object.assign(resources, await slice.resources(ctx));
  expect(detail.forms.length).toBeGreaterThan(0);
});
afterAll(() => t?.close());

/**
 * Review resources of the demo data (src/server/demo/review-demo.ts): the 大兴 project round in expert review, one of
 * its applications (unit-a's) and one with fewer than 3 submitted scores, its panel draw, a pool member without an
 * account, the demo experts' pool rows, expert1's submitted assignment and another expert's one.
 */
async function reviewResources(): Promise<Record<string, string>> {
  const { sql } = await import('drizzle-orm');
  const one = async (q: ReturnType<typeof sql>) => {
    const r = (await t.database.db.execute(q)) as unknown as { rows: { id: string }[] };
    if (!r.rows[0]) throw new Error('review demo resource missing');
    return r.rows[0].id;
  };
  const callDxReview = await one(sql`select id from calls where edition_id = 'daxing-2025' and program = 'construction-project' and closes_at < ${clock.now().toISOString()} and exists (select 1 from review_assignments r where r.call_id = calls.id) order by closes_at limit 1`);
  const expertOf = (username: string) => one(sql`select e.id from experts e join users u on u.id = e.user_id where e.jurisdiction_id = 'daxing' and u.username = ${username}`);
  const expertDxExpert1 = await expertOf('expert1');
  const expertDxScorer = await expertOf('expert2');
  return {
    callDxReview,
    appDxReview: await one(sql`select a.id from applications a join users u on u.unit_id = a.unit_id where a.call_id = ${callDxReview} and u.username = 'unit-a'`),
    appDxIncomplete: await one(
      sql`select a.id from applications a where a.call_id = ${callDxReview} and (select count(*) from review_assignments r where r.application_id = a.id and r.status = 'submitted') < 3 order by a.number limit 1`,
    ),
    drawDx: await one(sql`select id from panel_draws where call_id = ${callDxReview} order by drawn_at limit 1`),
    expertDxPool: await one(sql`select id from experts where jurisdiction_id = 'daxing' and user_id is null order by name limit 1`),
    expertDxExpert1,
    expertDxScorer,
    assignmentExpert1: await one(sql`select id from review_assignments where call_id = ${callDxReview} and expert_id = ${expertDxExpert1} and status = 'submitted' limit 1`),
    assignmentOther: await one(sql`select id from review_assignments where call_id = ${callDxReview} and expert_id = ${expertDxScorer} and status = 'submitted' limit 1`),
  };
}

/**
 * Notice and funding resources of the demo data (src/server/demo/registry-demo.ts, funding-demo.ts): the running 大兴
 * notice and its call, its open objection (id and tracking number), the concluded 经开区 notice's call, unit-a's 大兴
 * studio, a 大兴 payment line still due — and one piece of evidence the objection's filer adds through the public route
 * (with the demo query code), for the officers' download.
 */
async function noticeResources(): Promise<Record<string, string>> {
  const { sql } = await import('drizzle-orm');
  const one = async (q: ReturnType<typeof sql>) => {
    const r = (await t.database.db.execute(q)) as unknown as { rows: { id: string }[] };
    if (!r.rows[0]) throw new Error('notice demo resource missing');
    return r.rows[0].id;
  };
  const noticeDx = await one(sql`select id from notices where jurisdiction_id = 'daxing' and status = 'published' order by starts_on desc limit 1`);
  const objectionDx = await one(sql`select id from objections where notice_id = ${noticeDx} and status = 'open' order by filed_at limit 1`);
  const objectionDxNumber = await one(sql`select tracking_number as id from objections where id = ${objectionDx}`);
  const upload = multipartFile('evidence.pdf', tinyPdf(), 'application/pdf');
  const added = await inject('POST', `/api/objections/${objectionDxNumber}/attachments?code=DEMO2026`, undefined, { ...upload, remoteAddress: nextAddress() });
  if (added.statusCode !== 201) throw new Error(`objection evidence: ${added.statusCode} ${added.body}`);
  return {
    noticeDx,
    callDxNotice: await one(sql`select call_id as id from notices where id = ${noticeDx}`),
    callEtdzNotice: await one(sql`select call_id as id from notices where jurisdiction_id = 'etdz' and status = 'concluded' order by ends_on desc limit 1`),
    objectionDx,
    objectionDxNumber,
    objectionAttachmentDx: (added.json() as { id: string }).id,
    studioDxA: await one(
      sql`select s.id from studios s join users u on u.unit_id = s.unit_id where u.username = 'unit-a' and s.jurisdiction_id = 'daxing' and s.status = 'active' order by s.recognized_on limit 1`,
    ),
    lineDx: await one(sql`select id from disbursements where jurisdiction_id = 'daxing' and status = 'due' and application_id is null order by created_at, id limit 1`),
    ...(await projectLine()),
  };
}

/**
 * A 大兴 project line tied to unit-a's application, as a decision schedules it (funding.service `scheduleOnDecision`:
 * the application is kept on the line so finance can open the unit's bank permit, 开户许可证), and that permit.
 */
async function projectLine(): Promise<Record<string, string>> {
  const { sql } = await import('drizzle-orm');
  const { disbursements } = await import('../../src/server/db/schema/funding');
  const r = (await t.database.db.execute(
    sql`select m.id, m.application_id, a.unit_id, c.edition_id, a.program, un.name as unit_name from application_materials m
        join applications a on a.id = m.application_id join calls c on c.id = a.call_id join units un on un.id = a.unit_id join users u on u.unit_id = a.unit_id
        where u.username = 'unit-a' and a.jurisdiction_id = 'daxing' and m.item_id ~ '(bank|account-permit)' order by m.id limit 1`,
  )) as unknown as { rows: { id: string; application_id: string; unit_id: string; edition_id: string; program: string; unit_name: string }[] };
  const m = r.rows[0];
  if (!m) throw new Error('no bank permit material of unit-a in the demo data');
  const id = randomUUID();
  const now = clock.now();
  await t.database.db.insert(disbursements).values({
    id,
    jurisdictionId: 'daxing',
    editionId: m.edition_id,
    program: m.program,
    unitId: m.unit_id,
    unitName: m.unit_name,
    applicationId: m.application_id,
    purpose: '建设项目经费补助',
    kind: 'capped',
    amount: 50_000,
    cap: 50_000,
    citation: '京兴人社发〔2025〕21号 第十四条',
    status: 'due',
    dueOn: '2026-11-20',
    createdAt: now,
    updatedAt: now,
  });
  return { lineDxProject: id, bankMaterialA: m.id };
}

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
  if (op.bodyTypes.includes('application/json')) return { url, payload: row.body?.(resources) ?? {}, headers: { 'content-type': 'application/json' } };
  if (row.multipart || op.bodyTypes.some((c) => c.startsWith('multipart/')) || /\/materials\/\{itemId\}$/.test(op.path)) {
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
        const res = await inject(op.method, req.url, cookie, { payload: req.payload, headers: req.headers, remoteAddress: row.ownAddress ? nextAddress() : undefined });
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
      // Public actions of anyone during a notice period, like registering a unit (京兴人社发〔2025〕21号 第十一条: 公示期内
      // 任何人可提出异议): filing an objection and adding its evidence with the tracking number and proof.
      'POST /api/notices/{id}/objections',
      'POST /api/objections/{id}/attachments',
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

  it('an expert sees at most the applications of their own declared assignments (DESIGN.md: "an expert its assignments"); a pending one (declaration first), any other and another expert’s sheet are 404 (issue 5)', async () => {
    const { sql } = await import('drizzle-orm');
    const cookie = cookies.get('expert1');
    const rows = (await t.database.db.execute(
      sql`select r.application_id as id, r.status from review_assignments r join experts e on e.id = r.expert_id join users u on u.id = e.user_id where u.username = 'expert1'`,
    )) as unknown as { rows: { id: string; status: string }[] };
    const declared = new Set(rows.rows.filter((r) => r.status === 'accepted' || r.status === 'submitted').map((r) => r.id));
    const pending = rows.rows.filter((r) => r.status === 'pending').map((r) => r.id);
    expect(declared.size).toBeGreaterThan(0);
    expect(pending.length).toBeGreaterThan(0);
    // Listed: never beyond the declared assignments (whether the list shows them or leaves them to the score sheets).
    expect((await list('expert1')).filter((a) => !declared.has(a.id))).toEqual([]);
    for (const a of await allApplications()) {
      if (declared.has(a.id)) continue;
      expect((await inject('GET', `/api/applications/${a.id}`, cookie)).statusCode, a.id).toBe(404);
    }
    for (const id of pending) expect((await inject('GET', `/api/applications/${id}`, cookie)).statusCode, `pending ${id}`).toBe(404);
    const mine = (await inject('GET', '/api/review/my-assignments', cookie)).json() as { items: { id: string }[] };
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.some((i) => i.id === resources.assignmentOther)).toBe(false);
    const before = await tableCounts(t.database.db);
    const other = resources.assignmentOther;
    for (const [method, url, payload] of [
      ['GET', `/api/review/assignments/${other}/sheet`, undefined],
      ['PUT', `/api/review/assignments/${other}/score`, { criteria: { necessity: 80 }, version: 2 }],
      ['POST', `/api/review/assignments/${other}/score/submit`, {}],
      ['POST', `/api/review/assignments/${other}/declaration`, { hasConflict: false }],
      ['GET', `/api/review/assignments/${randomUUID()}/sheet`, undefined],
    ] as const) {
      expect((await inject(method, url, cookie, { payload })).statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await tableCounts(t.database.db)).toEqual(before);
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
