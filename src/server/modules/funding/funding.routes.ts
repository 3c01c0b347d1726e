import type { FastifyInstance } from 'fastify';

/** Decisions, titles and funding (issue 6): placeholder, filled in by its slice. */
export async function fundingRoutes(_app: FastifyInstance) {}
