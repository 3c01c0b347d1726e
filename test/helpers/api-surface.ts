import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/server/db/client';

/** One operation of the OpenAPI document, as the security tests walk it. */
export interface ApiOperation {
  /** `METHOD /path/{param}` exactly as in the OpenAPI document — the key of the declared matrices. */
  key: string;
  method: string;
  path: string;
  /** Content types of the request body, if the operation declares one. */
  bodyTypes: string[];
  /** The JSON schema of a JSON request body, when there is one. */
  bodySchema?: JsonSchema;
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  pathParams: string[];
}

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  [k: string]: unknown;
};

/** Every operation of `GET /api/openapi.json` (the whole API, README "API"). */
export async function apiOperations(app: FastifyInstance): Promise<ApiOperation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  if (res.statusCode !== 200) throw new Error(`openapi.json: ${res.statusCode}`);
  const doc = res.json() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema?: JsonSchema }> }; parameters?: { in: string; name: string; schema: JsonSchema; required?: boolean }[] }>> };
  const ops: ApiOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const M = method.toUpperCase();
      const content = op.requestBody?.content ?? {};
      ops.push({
        key: `${M} ${path}`,
        method: M,
        path,
        bodyTypes: Object.keys(content),
        bodySchema: content['application/json']?.schema,
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: !!p.required })),
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
      });
    }
  }
  return ops;
}

/** The OpenAPI path with its `{param}`s filled in (values URL-encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for path parameter ${name} of ${path}`);
    return encodeURIComponent(params[name]);
  });
}

/** Bookkeeping of refused attempts (rate limits), which a refused request is expected to add to. */
const ATTEMPT_TABLES = new Set(['login_attempts', 'registration_attempts', '__drizzle_migrations']);

/**
 * Row counts of every table of the database (except rate-limit bookkeeping), plus the number of audit events —
 * compared before and after a refused request to show nothing was written (issue 9: "never a write").
 */
export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`)) as unknown as { rows: { table_name: string }[] };
  const names = tables.rows.map((r) => r.table_name).filter((n) => !ATTEMPT_TABLES.has(n) && /^[a-z_]+$/.test(n));
  const select = names.map((n) => `(select count(*) from "${n}")::int as "${n}"`).join(', ');
  const result = (await db.execute(sql.raw(`select ${select}`))) as unknown as { rows: Record<string, number | string>[] };
  return Object.fromEntries(Object.entries(result.rows[0]).map(([k, v]) => [k, Number(v)]));
}

/** The number of audit events (every write records one in its transaction). */
export async function auditCount(db: Db): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from audit_events`)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0].n);
}

/** True when the body is the error shape of the DESIGN.md contract: `{"error":{"code","message","fields"?}}`. */
export function isErrorShape(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  if (keys.length !== 1 || keys[0] !== 'error') return false;
  const error = (body as { error: unknown }).error;
  if (!error || typeof error !== 'object' || Array.isArray(error)) return false;
  const e = error as Record<string, unknown>;
  if (typeof e.code !== 'string' || !e.code || typeof e.message !== 'string' || !e.message) return false;
  if (Object.keys(e).some((k) => !['code', 'message', 'fields'].includes(k))) return false;
  if ('fields' in e) {
    if (!e.fields || typeof e.fields !== 'object' || Array.isArray(e.fields)) return false;
    if (Object.values(e.fields).some((v) => typeof v !== 'string')) return false;
  }
  return true;
}
