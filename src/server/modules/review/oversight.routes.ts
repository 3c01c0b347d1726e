import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReviewCallSummary, ReviewDashboard, ReviewRecord, SetDeadlineRequest } from '../../../shared/review-oversight';
import { actorOf, jurisdictionsWhere } from '../../context';
import * as service from './oversight.service';

const READ_ROLES = new Set(['intake', 'program', 'inspector']);

/** The caller as oversight sees it: where they may read a call's review, and where they run it. */
function callerOf(request: FastifyRequest): service.OversightCaller {
  const user = request.user!;
  return { actor: actorOf(request), readJurisdictions: jurisdictionsWhere(user, READ_ROLES), programJurisdictions: jurisdictionsWhere(user, ['program']) };
}

const CallId = z.object({ callId: z.string().uuid('批次编号无效') }).strict();

/**
 * Review dashboard per call (officers) and the 纪检监察 record of a call's review (inspector, read-only). The only
 * write — the experts' deadline — is the program officer's: the inspector gets 403 before the body is read.
 */
export async function reviewOversightRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;
  const readers = ['program', 'intake', 'inspector'] as const;

  r.get(
    '/api/review/calls',
    {
      config: { access: readers },
      schema: { tags: ['review'], summary: '评审中的申报批次及各环节数量 / Calls in review with counts per stage', response: { 200: z.array(ReviewCallSummary) } },
    },
    async (request) => service.listReviewCalls(db, callerOf(request)),
  );

  r.get(
    '/api/review/calls/:callId/dashboard',
    {
      config: { access: readers },
      schema: {
        tags: ['review'],
        summary: '批次评审看板：各环节数量、逾期事项、专家进度、拟定名单 / Review dashboard of a call',
        params: CallId,
        response: { 200: ReviewDashboard },
      },
    },
    async (request) => service.getDashboard(db, callerOf(request), request.params.callId, now()),
  );

  r.put(
    '/api/review/calls/:callId/deadlines',
    {
      config: { access: ['program'] },
      schema: {
        tags: ['review'],
        summary: '设置专家评审截止日（审计） / Set the expert-review deadline (audited)',
        params: CallId,
        body: SetDeadlineRequest,
        response: { 200: ReviewDashboard },
      },
    },
    async (request) => service.setDeadline(db, callerOf(request), request.params.callId, request.body, now()),
  );

  r.get(
    '/api/review/calls/:callId/record',
    {
      config: { access: ['inspector', 'program'] },
      schema: {
        tags: ['review'],
        summary: '评审全过程记录（纪检监察只读；访问留痕） / The whole review record of a call (read-only, logged)',
        params: CallId,
        response: { 200: ReviewRecord },
      },
    },
    async (request) => service.getRecord(db, callerOf(request), request.params.callId, now()),
  );

  r.get(
    '/api/review/calls/:callId/record.xlsx',
    {
      config: { access: ['inspector', 'program'] },
      schema: { tags: ['review'], summary: '导出评审全过程记录（Excel，每部分一页） / Export the review record as Excel', params: CallId },
    },
    async (request, reply) => {
      const { xlsx, filename } = await service.exportRecord(db, callerOf(request), request.params.callId, now());
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="review-record.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'no-store');
      return reply.send(xlsx);
    },
  );
}
