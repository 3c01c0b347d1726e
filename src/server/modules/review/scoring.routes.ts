import type { FastifyInstance } from 'fastify';

/** Review (issue 5): placeholder, filled in by the scoring slice. */
export async function reviewScoringRoutes(_app: FastifyInstance) {}
