import type { SQL } from 'drizzle-orm';
import type { TestApp } from '../../helpers/app';

/**
 * The shared vocabulary of the authorisation matrix and the fuzz targets (test/api/authz-matrix.test.ts,
 * test/api/fuzz.test.ts), so that each domain declares its routes' rows in a slice file of its own
 * (test/api/security/<domain>.ts) and the two suites compose them.
 */

export const CALLERS = [
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
export type Caller = (typeof CALLERS)[number];
/**
 *  - `ok`        allowed: 2xx for a read; for a write 2xx or a refusal of the minimal body (400/409/422) —
 *                never 401/403/404.
 *  - `anon`      401 (sign-in required).
 *  - `forbidden` 403 (the caller's roles may not call the route).
 *  - `hidden`    404 (the resource exists but is outside the caller's scope: another unit, another jurisdiction).
 *  - a number    exactly that status.
 */
export type Outcome = 'ok' | 'anon' | 'forbidden' | 'hidden' | number;
export type Expect = Record<Caller, Outcome>;

/** Anyone, signed in or not. */
export const everyone = (): Expect => Object.fromEntries(CALLERS.map((c) => [c, 'ok'])) as Expect;
/** Any signed-in user. */
export const signedIn = (): Expect => ({ ...everyone(), anonymous: 'anon' });
/** Only the callers named; other signed-in users 403, anonymous 401. */
export const only = (grants: Partial<Expect>): Expect =>
  ({ ...Object.fromEntries(CALLERS.map((c) => [c, c === 'anonymous' ? 'anon' : 'forbidden'])), ...grants }) as Expect;
/** Officers' views of a 大兴 resource: 大兴 officers and inspector; other jurisdictions' officers see nothing. */
export const daxingOfficers = () => only({ 'daxing-officer': 'ok', 'daxing-inspector': 'ok', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden' });
/** Writes on a 大兴 resource by its program officer: other jurisdictions 404; the inspector (read-only) and everyone else 403. */
export const daxingDesk = () => only({ 'daxing-officer': 'ok', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden' });
/** Every officer (each sees their own jurisdiction's, scoped in the service) and the inspector. */
export const officerReaders = () => only({ 'daxing-officer': 'ok', 'etdz-officer': 'ok', 'shunyi-officer': 'ok', 'daxing-inspector': 'ok' });
/** Writes by unit-a on its own resource: other units 404, everyone else 403. */
export const unitAWrite = () => only({ 'unit-a': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden' });
/** A read of unit-a's 大兴 resource: unit-a, 大兴's officer and inspector; other units and jurisdictions 404. */
export const unitAAndDaxingOfficers = (extra: Partial<Expect> = {}) =>
  only({ 'unit-a': 'ok', 'daxing-officer': 'ok', 'daxing-inspector': 'ok', 'unit-b': 'hidden', 'unit-c': 'hidden', 'etdz-officer': 'hidden', 'shunyi-officer': 'hidden', ...extra });

export interface Row {
  /** Path parameter → resource name (a key of the resources the suites gather), or a literal value. */
  params?: Record<string, string>;
  query?: string;
  /**
   * A well-formed body, where the minimal `{}` would be refused by validation before the scope check could show.
   * Receives the gathered resources.
   */
  body?: (resources: Record<string, string>) => unknown;
  expect: Expect;
  /** Callers that must be signed in afresh for this call (logout ends the session). */
  freshSession?: boolean;
  /** Send a tiny PDF as multipart/form-data. */
  multipart?: boolean;
  /** Rate-limited public routes: each call comes from an address of its own. */
  ownAddress?: boolean;
}

/** Who fuzzes a JSON route, and on which resource: a caller the route admits, so the body is what gets tested. */
export interface FuzzTarget {
  caller: string | null;
  params?: Record<string, string>;
  /** A table a refusal is allowed to write to (e.g. a failed sign-in is audited). */
  recordsRefusal?: string;
}

export interface SliceContext {
  app: TestApp;
  /** Runs SQL whose first row has an `id` column; throws when there is none. */
  one(q: SQL): Promise<string>;
  /** Signed-in session cookie of a demo account. */
  login(username: string): Promise<string>;
  now(): Date;
}

/** One domain's rows: reads run first, then writes, then deletions (so an allowed write cannot hide a later row). */
export interface SecuritySlice {
  name: string;
  resources?: (ctx: SliceContext) => Promise<Record<string, string>>;
  reads?: Record<string, Row>;
  writes?: Record<string, Row>;
  deletions?: Record<string, Row>;
  fuzz?: Record<string, FuzzTarget>;
}

export function sliceContext(app: TestApp, now: () => Date, login: (u: string) => Promise<string>): SliceContext {
  return {
    app,
    now,
    login,
    async one(q) {
      const r = (await app.database.db.execute(q)) as unknown as { rows: { id: string }[] };
      if (!r.rows[0]) throw new Error(`demo resource missing: ${JSON.stringify(q.queryChunks?.length ?? '')}`);
      return r.rows[0].id;
    },
  };
}
