import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CallDetail, CallSummary, CreateCallRequest } from '../../../shared/calls';
import { actorOf } from '../../context';
import * as callsService from './calls.service';

const CallParams = z.object({ id: z.string().uuid('批次编号无效') }).strict();

export async function callsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/calls',
    { config: { access: 'public' }, schema: { tags: ['calls'], summary: '申报批次（公开） / Calls, public', response: { 200: z.array(CallSummary) } } },
    async () => callsService.listCalls(db, now()),
  );

  r.get(
    '/api/calls/:id',
    { config: { access: 'public' }, schema: { tags: ['calls'], summary: '申报批次详情 / One call', params: CallParams, response: { 200: CallDetail } } },
    async (request) => callsService.getCallDetail(db, request.params.id, now()),
  );

  r.post(
    '/api/calls',
    {
      config: { access: ['program'] },
      schema: { tags: ['calls'], summary: '开设申报批次 / Open a call', body: CreateCallRequest, response: { 201: CallDetail } },
    },
    async (request, reply) => {
      const jurisdictions = request.user!.roles.filter((x) => x.role === 'program').map((x) => x.jurisdiction!);
      const call = await callsService.createCall(db, request.body, actorOf(request, null), jurisdictions, now());
      return reply.code(201).send(call);
    },
  );
}
