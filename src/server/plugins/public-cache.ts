import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_COOKIE } from './auth';

/**
 * An in-process cache of the public pages' JSON (calls, notices, the registry, policies) for callers without a
 * session (issue 8: public pages ≥ 5,000 req/s, invalidated on publish). A route opts in with
 * `config: { publicCache: true }`.
 *
 * Invalidation: any successful write through this instance empties the cache at once (publishing a notice,
 * upholding an objection, a decision, a revocation …), except the writes that never change a public page
 * (drafts, uploads and submissions of applications, sign-in, the unit's own records, notifications, review work).
 * Other instances see a change within `PUBLIC_CACHE_MS` (default 1 s), the life of an entry (as does a read that raced the write). Entries are also keyed by the minute of the
 * app's clock, so a call that closes or a notice that ends (both at whole minutes) is never served from before.
 */
const MAX_ENTRIES = 500;
/** Writes that cannot change a public page: they do not empty the cache (the deadline rush is made of them). */
const PRIVATE_WRITES = /^\/api\/(applications|auth|unit|notifications|review)(\/|$|\?)/;

interface Entry {
  at: number;
  body: string;
  type: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Serve anonymous GETs of this route from the public-page cache. */
    publicCache?: boolean;
  }
  interface FastifyRequest {
    publicCacheKey?: string;
  }
}

export const publicCachePlugin = fp(async (app: FastifyInstance) => {
  const ttl = app.deps.config.publicCacheMs ?? 0;
  if (ttl <= 0) return;
  const entries = new Map<string, Entry>();

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' || !request.routeOptions.config?.publicCache || request.cookies?.[SESSION_COOKIE]) return;
    const minute = Math.floor(app.deps.now().getTime() / 60_000);
    const key = `${minute} ${request.url}`;
    const hit = entries.get(key);
    if (hit && Date.now() - hit.at < ttl) {
      return reply.header('content-type', hit.type).header('x-cache', 'hit').send(hit.body);
    }
    request.publicCacheKey = key;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // A write has committed by now: empty the cache before its answer leaves, so the writer's next read is fresh.
    if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && reply.statusCode < 400 && !PRIVATE_WRITES.test(request.url)) entries.clear();
    const key = request.publicCacheKey;
    if (!key || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, { at: Date.now(), body: payload, type: String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8') });
    reply.header('x-cache', 'miss');
    return payload;
  });
});
