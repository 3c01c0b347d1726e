import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DismissRequest,
  RevocationCase,
  RevocationCaseDetail,
  RevocationCaseListQuery,
  RevocationFindingRequest,
  RevokeRequest,
  StudioRevocationTriggers,
} from '../../../shared/revocation';
import { fundingCallerOf } from '../funding/funding.caller';
import * as revocation from './revocation.service';

const CaseId = z.object({ id: z.string().min(1).max(64).describe('案件编号 / case id') }).strict();
const StudioId = z.object({ id: z.string().min(1).max(64).describe('工作室编号 / studio id') }).strict();

/** Revocation cases (取消称号, 大兴 第十八条): raised by the daily check or an officer’s finding, decided by the officer (issue 7). */
export async function revocationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/revocation-cases',
    {
      config: { access: ['program', 'inspector'] },
      schema: {
        tags: ['revocation'],
        summary: '取消称号案件 / Revocation cases',
        description: '本辖区的取消称号案件（京兴人社发〔2025〕21号 第十八条），由每日检查发现或业务主管记录；可按状态、情形筛选。',
        querystring: RevocationCaseListQuery,
        response: { 200: z.array(RevocationCase) },
      },
    },
    async (request) => revocation.listCases(db, fundingCallerOf(request), request.query),
  );

  r.get(
    '/api/revocation-cases/:id',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['revocation'], summary: '取消称号案件详情 / One revocation case', params: CaseId, response: { 200: RevocationCaseDetail } },
    },
    async (request) => revocation.getCase(db, fundingCallerOf(request), request.params.id),
  );

  r.get(
    '/api/studios/:id/revocation-triggers',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['revocation'], summary: '工作室适用的取消称号情形 / The triggers of the studio’s edition', params: StudioId, response: { 200: StudioRevocationTriggers } },
    },
    async (request) => revocation.studioTriggers(db, fundingCallerOf(request), request.params.id),
  );

  r.post(
    '/api/studios/:id/revocation-findings',
    {
      config: { access: ['program'] },
      schema: {
        tags: ['revocation'],
        summary: '记录取消称号情形 / Record a revocation finding',
        description: '业务主管记录查实的取消称号情形（第十八条所列之一）及事实、证据；政策未规定情形的辖区（经开区、顺义区）不能记录。',
        params: StudioId,
        body: RevocationFindingRequest,
        response: { 201: RevocationCase },
      },
    },
    async (request, reply) => reply.code(201).send(await revocation.recordFinding(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.post(
    '/api/revocation-cases/:id/revoke',
    {
      config: { access: ['program'] },
      schema: {
        tags: ['revocation'],
        summary: '取消工作室称号 / Revoke the title',
        description: '取消工作室称号，收回铭牌（第十八条）：须写明理由和决定文件文号；工作室退出公开名录，记录与案件保留，通知所在单位。',
        params: CaseId,
        body: RevokeRequest,
        response: { 200: RevocationCaseDetail },
      },
    },
    async (request) => revocation.revoke(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/revocation-cases/:id/dismiss',
    {
      config: { access: ['program'] },
      schema: { tags: ['revocation'], summary: '不予取消 / Dismiss the case', params: CaseId, body: DismissRequest, response: { 200: RevocationCaseDetail } },
    },
    async (request) => revocation.dismiss(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );
}
