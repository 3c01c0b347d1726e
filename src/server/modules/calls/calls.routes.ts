import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CallStats } from '../../../shared/applications';
import { CallDetail, CallOptions, CallSummary, CreateCallRequest, ManagedCall } from '../../../shared/calls';
import { actorOf } from '../../context';
import * as callsService from './calls.service';

const CallParams = z.object({ id: z.string().uuid('批次编号无效') }).strict();
const OFFICERS = ['program', 'intake', 'inspector'] as const;

/** Jurisdictions where the caller holds one of `roles`. */
function jurisdictionsOf(request: FastifyRequest, roles: readonly string[]) {
  return [...new Set(request.user!.roles.filter((x) => roles.includes(x.role) && x.jurisdiction).map((x) => x.jurisdiction!))];
}

export async function callsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/calls',
    { config: { access: 'public', publicCache: true }, schema: { tags: ['calls'], summary: '申报批次（公开） / Calls, public', response: { 200: z.array(CallSummary) } } },
    async () => callsService.listCalls(db, now()),
  );

  r.get(
    '/api/calls/managed',
    {
      config: { access: OFFICERS },
      schema: { tags: ['calls'], summary: '本辖区的申报批次（含未开始、已截止）及申报数量 / The jurisdiction’s calls with counts', response: { 200: z.array(ManagedCall) } },
    },
    async (request) => callsService.listManagedCalls(db, jurisdictionsOf(request, OFFICERS), now()),
  );

  r.get(
    '/api/calls/options',
    {
      config: { access: ['program'] },
      schema: { tags: ['calls'], summary: '可开设申报批次的政策版本、项目与名额上限 / Editions, programs and quota caps a call may use', response: { 200: CallOptions } },
    },
    async (request) => callsService.callOptions(jurisdictionsOf(request, ['program']), now()),
  );

  r.get(
    '/api/calls/:id/stats',
    {
      config: { access: OFFICERS },
      schema: { tags: ['calls'], summary: '申报批次按状态统计 / Applications of a call by status', params: CallParams, response: { 200: CallStats } },
    },
    async (request) => callsService.callStats(db, request.params.id, jurisdictionsOf(request, OFFICERS)),
  );

  r.get(
    '/api/calls/:id',
    { config: { access: 'public', publicCache: true }, schema: { tags: ['calls'], summary: '申报批次详情 / One call', params: CallParams, response: { 200: CallDetail } } },
    async (request) => callsService.getCallDetail(db, request.params.id, now()),
  );

  r.post(
    '/api/calls',
    {
      config: { access: ['program'] },
      schema: { tags: ['calls'], summary: '开设申报批次 / Open a call', body: CreateCallRequest, response: { 201: CallDetail } },
    },
    async (request, reply) => {
      const call = await callsService.createCall(db, request.body, actorOf(request, null), jurisdictionsOf(request, ['program']), now());
      return reply.code(201).send(call);
    },
  );
}
