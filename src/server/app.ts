import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import '../shared/zod-locale';
import type { AppConfig } from './config';
import type { Database } from './db/client';
import { AppError } from './errors';
import { accountsRoutes } from './modules/accounts/accounts.routes';
import { adminRoutes } from './modules/admin/admin.routes';
import { applicationsRoutes } from './modules/applications/applications.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { callsRoutes } from './modules/calls/calls.routes';
import { documentsRoutes } from './modules/documents/documents.routes';
import { healthRoutes } from './modules/health/health.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { policiesRoutes } from './modules/policies/policies.routes';
import { registryRoutes } from './modules/registry/registry.routes';
import { fundingRoutes } from './modules/funding/funding.routes';
import { noticesRoutes } from './modules/notices/notices.routes';
import { reviewDeskRoutes } from './modules/review/desk.routes';
import { reviewOversightRoutes } from './modules/review/oversight.routes';
import { reviewPanelsRoutes } from './modules/review/panels.routes';
import { reviewScoringRoutes } from './modules/review/scoring.routes';
import { unitsRoutes } from './modules/units/units.routes';
import { projectsRoutes } from './modules/projects/projects.routes';
import { fundUseRoutes } from './modules/fund-use/fund-use.routes';
import { annualReportsRoutes } from './modules/reports/reports.routes';
import { changeRequestsRoutes } from './modules/studios/changes.routes';
import { revocationRoutes } from './modules/studios/revocation.routes';
import { dashboardsRoutes } from './modules/dashboards/dashboards.routes';
import { authPlugin } from './plugins/auth';
import { localStorage } from './storage/storage';
import { errorHandlerPlugin } from './plugins/error-handler';
import { publicCachePlugin } from './plugins/public-cache';

export interface BuildOptions {
  config: AppConfig;
  database: Database;
  /** Pino logger options; false in tests. */
  logger?: boolean | object;
}

/**
 * Drizzle puts a failed query's parameters (password hashes, 身份证号, …) into the error's message and stack;
 * logged errors keep the SQL and the code only. Driver details (`detail`, `where`) are left out too.
 */
function logSafeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const scrub = (text?: string) => text?.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/, '\nparams: [REDACTED]');
  const e = err as Error & { code?: unknown; query?: unknown; statusCode?: unknown; table?: unknown; constraint?: unknown };
  return {
    type: err.name,
    message: scrub(err.message),
    stack: scrub(err.stack),
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.query === 'string' ? { query: e.query } : {}),
    ...(e.statusCode !== undefined ? { statusCode: e.statusCode } : {}),
    ...(typeof e.table === 'string' ? { table: e.table } : {}),
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    ...(err.cause ? { cause: logSafeError(err.cause) } : {}),
  };
}
const LOG_SAFETY = {
  redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
  serializers: { err: logSafeError },
};

/** Builds the Fastify app; used by main.ts and by every test (fastify.inject). */
export async function buildApp({ config, database, logger }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    // Never log credentials, session tokens or ID numbers (issue 9: secrets and logs) — also with a given logger.
    logger: (typeof logger === 'boolean' ? logger : { level: config.logLevel, ...LOG_SAFETY, ...(logger ?? {}) }) as boolean,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { maxParamLength: 200 },
  });
  app.decorate('deps', {
    config,
    db: database.db,
    dbKind: database.kind,
    now: config.now ?? (() => new Date()),
    storage: localStorage(path.join(config.dataDir, 'files')),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorHandlerPlugin);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024 + 1, files: 1, fields: 5, parts: 6 } });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design's CSS-in-JS writes <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only where the request came over TLS (set below); a plain-HTTP demo must stay reachable.
    strictTransportSecurity: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '匠心 Jiangxin API',
        description: '技能大师工作室服务平台接口 / Skill Master Studio platform API',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(authPlugin);
  await app.register(publicCachePlugin);

  await app.register(healthRoutes);
  await app.register(accountsRoutes);
  await app.register(auditRoutes);
  await app.register(policiesRoutes);
  await app.register(callsRoutes);
  await app.register(applicationsRoutes);
  await app.register(notificationsRoutes);
  await app.register(documentsRoutes);
  await app.register(registryRoutes);
  await app.register(unitsRoutes);
  await app.register(reviewDeskRoutes);
  await app.register(reviewPanelsRoutes);
  await app.register(reviewScoringRoutes);
  await app.register(reviewOversightRoutes);
  await app.register(noticesRoutes);
  await app.register(fundingRoutes);
  await app.register(adminRoutes);
  await app.register(projectsRoutes);
  await app.register(fundUseRoutes);
  await app.register(annualReportsRoutes);
  await app.register(changeRequestsRoutes);
  await app.register(revocationRoutes);
  await app.register(dashboardsRoutes);

  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    async () => app.swagger(),
  );

  const webRoot = config.webRoot;
  const hasWeb = !!webRoot && fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api') && !path.extname(request.url.split('?')[0]);
    if (hasWeb && isPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    throw new AppError('NOT_FOUND', 404, `未找到 ${request.method} ${request.url.split('?')[0]}`);
  });
  return app;
}
