import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../shared/accounts';
import type { Access } from '../context';
import { AppError } from '../errors';
import { resolveSession } from '../modules/accounts/accounts.service';

export const SESSION_COOKIE = 'jx_session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Sessions and authorisation in one place: every /api route must declare `config.access` (startup fails
 * otherwise), and the check runs in onRequest — before the body is read or validated — so a role that may
 * not call a route gets 403 whatever it sends.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('user', null);
  app.decorateRequest('actingRole', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    const access = (route.config as { access?: Access } | undefined)?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access rule (config.access)`);
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const { db, config, now } = app.deps;
      request.user = await resolveSession(db, token, { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours }, now());
      if (!request.user) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      else if (UNSAFE.has(request.method)) assertSameOrigin(request);
    }
    if (!access || access === 'public') {
      request.actingRole = request.user?.roles[0]?.role ?? null;
      return;
    }
    if (!request.user) throw new AppError('AUTH_REQUIRED', 401, '请先登录');
    if (access === 'authenticated') {
      request.actingRole = request.user.roles[0]?.role ?? null;
      return;
    }
    const held = new Set<Role>(request.user.roles.map((r) => r.role));
    const role = access.find((r) => held.has(r));
    if (!role) throw new AppError('FORBIDDEN', 403, '当前账号的角色无权执行此操作');
    request.actingRole = role;
  });
});

/**
 * CSRF defence for cookie-authenticated writes (OWASP: verify origin with standard headers). Browsers send
 * Origin on cross-site POSTs and Sec-Fetch-Site; a mismatch is refused. Non-browser clients send neither.
 * Also applied, without a session, to the public write that signs a visitor in (unit registration), so a
 * foreign page cannot sign a visitor into an account it created.
 */
export function assertSameOrigin(request: FastifyRequest) {
  const refuse = () => new AppError('CSRF_REJECTED', 403, '跨站请求被拒绝');
  if (request.headers['sec-fetch-site'] === 'cross-site') throw refuse();
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (origin === 'null') throw refuse();
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw refuse();
  }
  if (host !== request.host) throw refuse();
}
