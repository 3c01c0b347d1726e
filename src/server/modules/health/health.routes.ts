import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDatabase } from '../../db/client';

const HealthResponse = z.object({
  status: z.literal('ok').describe('服务正常 / service is up'),
  database: z.enum(['pglite', 'postgres']).describe('数据库类型 / database in use'),
});

export async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: '健康检查 / Health', response: { 200: HealthResponse } } },
    async () => {
      // Fails with 503 (via the error handler) when the database does not answer.
      await pingDatabase(app.deps.db);
      return { status: 'ok' as const, database: app.deps.dbKind };
    },
  );
}
