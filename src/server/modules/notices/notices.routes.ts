import type { FastifyInstance } from 'fastify';

/** Notices (公示) and objections (异议), issue 6: placeholder, filled in by its slice. */
export async function noticesRoutes(_app: FastifyInstance) {}
