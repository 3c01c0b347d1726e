import type { FastifyInstance } from 'fastify';

/** Review (issue 5): placeholder, filled in by the panels slice. */
export async function reviewPanelsRoutes(_app: FastifyInstance) {}
