import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Role } from '../../../shared/accounts';
import {
  AssignmentIdParams,
  CallIdParams,
  CallScores,
  CloseReviewRequest,
  CloseReviewResponse,
  Ranking,
  SaveProposalRequest,
  SaveScoreRequest,
  ScoreSheet,
  SubmitProposalRequest,
  SubmitScoreRequest,
} from '../../../shared/review-scoring';
import { actorOf, jurisdictionsWhere } from '../../context';
import * as service from './scoring.service';

/**
 * The caller of a scoring route: experts are scoped by their own expert-pool rows; officers by the jurisdictions
 * where they hold one of `roles` (another jurisdiction's call is 404).
 */
function callerOf(request: FastifyRequest, roles: readonly Role[]): service.ScoringCaller {
  const user = request.user!;
  return {
    actor: actorOf(request),
    role: request.actingRole,
    userId: user.id,
    jurisdictions: jurisdictionsWhere(user, roles),
  };
}

const EXPERT = ['expert'] as const;
const PROGRAM = ['program'] as const;
/** Reads of scores and the ranking: the program desk, and the inspector (纪检监察, read-only). */
const READERS = ['program', 'inspector'] as const;

/** Review (issue 5): scoring, closing the expert review, ranking under the quota and the officer's proposal. */
export async function reviewScoringRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/review/assignments/:id/sheet',
    {
      config: { access: EXPERT },
      schema: { tags: ['review'], summary: '评分表：申报材料（只读）、评分标准与本人评分 / Score sheet', params: AssignmentIdParams, response: { 200: ScoreSheet } },
    },
    async (request) => service.getSheet(db, callerOf(request, EXPERT), request.params.id, now()),
  );

  r.put(
    '/api/review/assignments/:id/score',
    {
      config: { access: EXPERT },
      schema: { tags: ['review'], summary: '保存评分草稿（带版本校验） / Save a score draft', params: AssignmentIdParams, body: SaveScoreRequest, response: { 200: ScoreSheet } },
    },
    async (request) => service.saveScore(db, callerOf(request, EXPERT), request.params.id, request.body, now()),
  );

  r.post(
    '/api/review/assignments/:id/score/submit',
    {
      config: { access: EXPERT },
      schema: { tags: ['review'], summary: '提交评分（提交后不可修改） / Submit the score', params: AssignmentIdParams, body: SubmitScoreRequest.optional(), response: { 200: ScoreSheet } },
    },
    async (request) => service.submitScore(db, callerOf(request, EXPERT), request.params.id, request.body ?? {}, now()),
  );

  r.get(
    '/api/review/calls/:callId/scores',
    {
      config: { access: READERS },
      schema: { tags: ['review'], summary: '批次评分汇总：各专家总分、离群提示、汇总分与进度 / Scores of a call', params: CallIdParams, response: { 200: CallScores } },
    },
    async (request) => service.callScores(db, callerOf(request, READERS), request.params.callId, now()),
  );

  r.post(
    '/api/review/calls/:callId/close-review',
    {
      config: { access: PROGRAM },
      schema: {
        tags: ['review'],
        summary: '结束专家评审（评分人数已满的申报） / Close the expert review',
        params: CallIdParams,
        body: CloseReviewRequest.optional(),
        response: { 200: CloseReviewResponse },
      },
    },
    async (request) => service.closeReview(db, callerOf(request, PROGRAM), request.params.callId, request.body ?? {}, now()),
  );

  r.get(
    '/api/review/calls/:callId/ranking',
    {
      config: { access: READERS },
      schema: { tags: ['review'], summary: '排名、名额线、建议金额与拟定名单 / Ranking under the quota', params: CallIdParams, response: { 200: Ranking } },
    },
    async (request) => service.ranking(db, callerOf(request, READERS), request.params.callId, now()),
  );

  r.put(
    '/api/review/calls/:callId/proposal',
    {
      config: { access: PROGRAM },
      schema: { tags: ['review'], summary: '保存拟定名单草稿（不超过名额，偏离排名须说明理由） / Save the proposal', params: CallIdParams, body: SaveProposalRequest, response: { 200: Ranking } },
    },
    async (request) => service.saveProposal(db, callerOf(request, PROGRAM), request.params.callId, request.body, now()),
  );

  r.post(
    '/api/review/calls/:callId/proposal/submit',
    {
      config: { access: PROGRAM },
      schema: { tags: ['review'], summary: '提交拟定名单 / Submit the proposal', params: CallIdParams, body: SubmitProposalRequest.optional(), response: { 200: Ranking } },
    },
    async (request) => service.submitProposal(db, callerOf(request, PROGRAM), request.params.callId, request.body ?? {}, now()),
  );
}
