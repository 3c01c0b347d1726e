import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptRequest,
  DeskActionResponse,
  DeskQueueItem,
  DeskQueueQuery,
  DeskView,
  PaperReceiptRequest,
  PaperReceiptResponse,
  PassRequest,
  RejectRequest,
  SaveVerdictsRequest,
} from '../../../shared/review-desk';
import { actorOf } from '../../context';
import * as service from './desk.service';

/** The caller as the desk sees it. */
function deskCallerOf(request: FastifyRequest): service.DeskCaller {
  return { actor: actorOf(request), grants: request.user!.roles.map((r) => ({ role: r.role, jurisdiction: r.jurisdiction ?? null })) };
}

const Id = z.object({ id: z.string().uuid('申报编号无效') }).strict();

/**
 * Review desk stages (issue 5): 初审 (大兴 2026 通知 三（二）; 经开区 京技管发〔2024〕1号 办事指南 六（二）; 顺义 第五条、第六条 as
 * inferred), 实质审核 (经开区 六（三）), 线下受理 (经开区 六（四）、五（二）). Officers of the application's jurisdiction only:
 * another jurisdiction's officer gets 404; units, experts and finance 403. 退回补正 stays POST /api/applications/:id/return.
 */
export async function reviewDeskRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;
  const readers = ['intake', 'program', 'inspector'] as const;
  const desk = ['intake', 'program'] as const;

  r.get(
    '/api/review/desk',
    {
      config: { access: readers },
      schema: { tags: ['review'], summary: '审核环节待办队列（本辖区） / The queue of a desk stage', querystring: DeskQueueQuery, response: { 200: z.array(DeskQueueItem) } },
    },
    async (request, reply) => {
      const result = await service.deskQueue(db, deskCallerOf(request), request.query);
      reply.header('x-total-count', String(result.total));
      return result.items;
    },
  );

  r.get(
    '/api/review/applications/:id/desk',
    {
      config: { access: readers },
      schema: { tags: ['review'], summary: '逐项审核台：当前环节、逐项意见、上一轮意见、可执行操作 / The desk of one application', params: Id, response: { 200: DeskView } },
    },
    async (request) => service.getDesk(db, deskCallerOf(request), request.params.id, now()),
  );

  r.put(
    '/api/review/applications/:id/verdicts',
    {
      config: { access: desk },
      schema: { tags: ['review'], summary: '保存逐项审核意见（合格/缺失/不符合要求） / Save item verdicts', params: Id, body: SaveVerdictsRequest, response: { 200: DeskView } },
    },
    async (request) => service.saveVerdicts(db, deskCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/review/applications/:id/accept',
    {
      config: { access: desk },
      schema: { tags: ['review'], summary: '初审通过 / Accept at the completeness check', params: Id, body: AcceptRequest, response: { 200: DeskActionResponse } },
    },
    async (request) => service.accept(db, deskCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/review/applications/:id/pass',
    {
      config: { access: desk },
      schema: { tags: ['review'], summary: '实质审核通过（经开区 办事指南 六（三）） / Pass the substantive review', params: Id, body: PassRequest, response: { 200: DeskActionResponse } },
    },
    async (request) => service.pass(db, deskCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/review/applications/:id/reject',
    {
      config: { access: desk },
      schema: { tags: ['review'], summary: '不予通过（须写明理由） / Reject at a desk stage, with reasons', params: Id, body: RejectRequest, response: { 200: DeskActionResponse } },
    },
    async (request) => service.reject(db, deskCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/review/applications/:id/paper-receipt',
    {
      config: { access: desk },
      schema: {
        tags: ['review'],
        summary: '线下受理：核对纸质材料（水印核验码），收件或当场告知补正（经开区 办事指南 六（四）、五（二）） / Record the paper dossier',
        params: Id,
        body: PaperReceiptRequest,
        response: { 200: PaperReceiptResponse },
      },
    },
    async (request) => service.recordPaperReceipt(db, deskCallerOf(request), request.params.id, request.body, now()),
  );
}
