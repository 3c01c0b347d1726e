import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AssignRequest, DeclarationRequest, DrawPanelRequest, Expert, ExpertInput, ExpertListQuery, UpdateExpertRequest } from '../../../shared/review-panels';
import { actorOf, jurisdictionsWhere } from '../../context';
import * as service from './panels.service';

/** The caller as the panels service sees it: program jurisdictions (write) and program + inspector ones (read). */
function reviewerOf(request: FastifyRequest): service.Reviewer {
  const user = request.user!;
  return { actor: actorOf(request), userId: user.id, programJurisdictions: jurisdictionsWhere(user, ['program']), readJurisdictions: jurisdictionsWhere(user, ['program', 'inspector']) };
}

const CallId = z.object({ callId: z.string().uuid('申报批次编号无效') }).strict();
const Id = z.object({ id: z.string().uuid('编号无效') }).strict();
const CallExpert = z.object({ callId: z.string().uuid('申报批次编号无效'), expertId: z.string().uuid('专家编号无效') }).strict();
const DrawId = z.object({ drawId: z.string().uuid('抽取记录编号无效') }).strict();

/**
 * Expert pool, panel draw, assignments and declarations (issue 5). Program officers write in their jurisdictions;
 * the inspector (纪检监察) reads and verifies draws; experts see only their own assignments.
 */
export async function reviewPanelsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;
  const readers = ['program', 'inspector'] as const;
  const tags = ['review-panels'];

  r.get(
    '/api/review/experts',
    { config: { access: readers }, schema: { tags, summary: '评审专家库 / Expert pool', querystring: ExpertListQuery, response: { 200: z.array(Expert) } } },
    async (request) => service.listExperts(db, reviewerOf(request), request.query),
  );
  r.post(
    '/api/review/experts',
    { config: { access: ['program'] }, schema: { tags, summary: '登记评审专家 / Add an expert to the pool', body: ExpertInput, response: { 201: Expert } } },
    async (request, reply) => reply.code(201).send(await service.createExpert(db, reviewerOf(request), request.body, now())),
  );
  r.patch(
    '/api/review/experts/:id',
    { config: { access: ['program'] }, schema: { tags, summary: '修改评审专家信息 / Edit an expert', params: Id, body: UpdateExpertRequest, response: { 200: Expert } } },
    async (request) => service.updateExpert(db, reviewerOf(request), request.params.id, request.body, now()),
  );

  r.get(
    '/api/review/calls/:callId/panel',
    { config: { access: readers }, schema: { tags, summary: '批次评审组：成员、抽取记录、回避 / A call’s panel, draws and exclusions', params: CallId } },
    async (request) => service.getPanel(db, reviewerOf(request), request.params.callId),
  );
  r.post(
    '/api/review/calls/:callId/panel/draw',
    { config: { access: ['program'] }, schema: { tags, summary: '随机抽取评审专家（回避后） / Draw experts at random after avoidance', params: CallId, body: DrawPanelRequest } },
    async (request, reply) => reply.code(201).send(await service.drawPanelForCall(db, reviewerOf(request), request.params.callId, request.body, now())),
  );
  r.delete(
    '/api/review/calls/:callId/panel/:expertId',
    { config: { access: ['program'] }, schema: { tags, summary: '移出评审组（未提交评分的专家） / Remove an expert from the panel', params: CallExpert } },
    async (request, reply) => {
      await service.removeMember(db, reviewerOf(request), request.params.callId, request.params.expertId, now());
      return reply.code(204).send();
    },
  );
  r.get(
    '/api/review/draws/:drawId/verify',
    { config: { access: readers }, schema: { tags, summary: '复核抽取：按记录的种子重新抽取 / Re-run a recorded draw', params: DrawId } },
    async (request) => service.verifyDraw(db, reviewerOf(request), request.params.drawId),
  );

  r.get(
    '/api/review/calls/:callId/assignments',
    { config: { access: readers }, schema: { tags, summary: '分配矩阵：申报 × 专家 / Assignment matrix', params: CallId } },
    async (request) => service.listAssignments(db, reviewerOf(request), request.params.callId, now()),
  );
  r.post(
    '/api/review/calls/:callId/assignments/auto',
    { config: { access: ['program'] }, schema: { tags, summary: '自动分配（领域优先、负载均衡、回避） / Auto-assign', params: CallId } },
    async (request) => service.autoAssign(db, reviewerOf(request), request.params.callId, now()),
  );
  r.post(
    '/api/review/calls/:callId/assignments',
    { config: { access: ['program'] }, schema: { tags, summary: '手工分配（多选） / Assign selected applications to selected experts', params: CallId, body: AssignRequest } },
    async (request, reply) => reply.code(201).send(await service.assignManually(db, reviewerOf(request), request.params.callId, request.body, now())),
  );
  r.delete(
    '/api/review/assignments/:id',
    { config: { access: ['program'] }, schema: { tags, summary: '撤回评审任务（提交评分前） / Withdraw an assignment', params: Id } },
    async (request, reply) => {
      await service.withdrawAssignment(db, reviewerOf(request), request.params.id, now());
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/review/my-assignments',
    { config: { access: ['expert'] }, schema: { tags, summary: '我的评审任务（待办与已完成） / My assignments' } },
    async (request) => service.listMyAssignments(db, request.user!.id),
  );
  r.post(
    '/api/review/assignments/:id/declaration',
    { config: { access: ['expert'] }, schema: { tags, summary: '利益冲突声明（查看申报前） / Conflict-of-interest declaration', params: Id, body: DeclarationRequest } },
    async (request) => service.declare(db, actorOf(request), request.user!.id, request.params.id, request.body, now()),
  );
}
