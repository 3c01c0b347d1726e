import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase } from '../../db/client';
import { fromDatabaseError, isConnectionFailure } from '../../errors';

const HealthResponse = z.object({
  status: z.literal('ok').describe('服务正常 / service is up'),
  database: z.enum(['pglite', 'postgres']).describe('数据库类型 / database in use'),
});

const HealthUnavailable = z.object({
  status: z.literal('unavailable').describe('数据库暂时不可用 / the database does not answer'),
  database: z.enum(['pglite', 'postgres']).describe('数据库类型 / database in use'),
});

export async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: '健康检查 / Health', response: { 200: HealthResponse, 503: HealthUnavailable } } },
    async (_request, reply) => {
      try {
        await pingDatabase(app.deps.db);
      } catch (err) {
        // Database restart or outage (issue 9): a load balancer sees 503 and the app recovers by itself.
        if (!isConnectionFailure(err) && (fromDatabaseError(err)?.status ?? 0) !== 503) throw err;
        return reply.code(503).header('retry-after', '5').send({ status: 'unavailable' as const, database: app.deps.dbKind });
      }
      return { status: 'ok' as const, database: app.deps.dbKind };
    },
  );
}
