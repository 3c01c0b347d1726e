import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordRequest, LoginRequest, LoginResponse, MeResponse } from '../../../shared/accounts';
import { actorOf } from '../../context';
import { SESSION_COOKIE } from '../../plugins/auth';
import { RegisterUnitRequest, RegistrationOptionsResponse } from '../../../shared/units';
import * as accounts from './accounts.service';
import * as registration from './registration.service';
import { assertSameOrigin } from '../../plugins/auth';

const present = ({ sessionId: _s, ...user }: accounts.SessionUser) => user;

export async function accountsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config, now } = app.deps;
  const settings = { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
  const cookieOptions = (request: FastifyRequest, expires?: Date) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(expires ? { expires } : {}),
  });

  r.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: '登录 / Sign in', body: LoginRequest, response: { 200: LoginResponse } },
    },
    async (request, reply) => {
      const result = await accounts.login(
        db,
        { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id },
        settings,
        now(),
      );
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(request, result.expiresAt));
      return { user: present(result.user) };
    },
  );

  r.get(
    '/api/auth/register-unit/options',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: '单位注册可选辖区 / Jurisdictions a unit may register in', response: { 200: RegistrationOptionsResponse } },
    },
    async () => registration.registrationOptions(db),
  );

  r.post(
    '/api/auth/register-unit',
    {
      config: { access: 'public' },
      // Sets the session cookie: the CSRF origin check applies, before anything else is looked at.
      onRequest: async (request) => assertSameOrigin(request),
      schema: {
        tags: ['auth'],
        summary: '单位注册（统一社会信用代码校验，注册后自动登录） / Register a unit and its first user, then sign in',
        body: RegisterUnitRequest,
        response: { 201: LoginResponse },
      },
    },
    async (request, reply) => {
      const result = await registration.registerUnit(
        db,
        request.body,
        { ip: request.ip, userAgent: request.headers['user-agent'], requestId: request.id },
        settings,
        now(),
      );
      reply.setCookie(SESSION_COOKIE, result.token, cookieOptions(request, result.expiresAt));
      return reply.code(201).send({ user: present(result.user) });
    },
  );

  r.post(
    '/api/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '退出登录 / Sign out' } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      await accounts.logout(db, request.user!, actorOf(request), now());
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/auth/me',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: '当前用户 / Current user', response: { 200: MeResponse } } },
    async (request) => ({ user: present(request.user!) }),
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: '修改密码 / Change password', body: ChangePasswordRequest },
    },
    async (request, reply) => {
      await accounts.changePassword(db, request.user!, request.body, actorOf(request), now());
      return reply.code(204).send();
    },
  );
}
