import type { FastifyInstance } from 'fastify';

/** Review (issue 5): placeholder, filled in by the oversight slice. */
export async function reviewOversightRoutes(_app: FastifyInstance) {}
