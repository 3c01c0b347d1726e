import type { FastifyInstance } from 'fastify';

/** Review (issue 5): placeholder, filled in by the desk slice. */
export async function reviewDeskRoutes(_app: FastifyInstance) {}
