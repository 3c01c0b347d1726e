import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CallFunding, DecisionRequest, Disbursement, DisbursementListQuery, FundingCall, PaymentRequest, TitleRequest } from '../../../shared/funding';
import * as decisions from './decisions.service';
import { fundingCallerOf } from './funding.caller';
import * as funding from './funding.service';

const NoticeId = z.object({ id: z.string().min(1).max(64).describe('公示编号 / notice id') }).strict();
const StudioId = z.object({ id: z.string().min(1).max(64).describe('工作室编号 / studio id') }).strict();
const LineId = z.object({ id: z.string().uuid('拨付事项编号无效') }).strict();
const LineMaterial = z.object({ id: z.string().uuid('拨付事项编号无效'), materialId: z.string().uuid('文件编号无效') }).strict();
const CallId = z.object({ callId: z.string().uuid('批次编号无效') }).strict();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** attachment; filename="<ascii fallback>"; filename*=UTF-8''<the Chinese name> (RFC 6266 / 5987). */
function attachment(reply: FastifyReply, filename: string, fallback: string, type: string) {
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-store');
}
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

/** Decisions, titles and certificates, the payment schedule and disbursements (issue 6). */
export async function fundingRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now, storage } = app.deps;

  r.post(
    '/api/notices/:id/decision',
    {
      config: { access: ['program'] },
      schema: {
        tags: ['funding'],
        summary: '公示期满确认认定 / Confirm the decision after the notice period',
        description: '公示期满（截止日 17:00，北京时间）且没有未处理完毕的异议时，确认公示名单上未撤销的全部对象：工作室授予称号和铭牌，建设项目进入实施，资金列入拨付计划。',
        params: NoticeId,
        body: DecisionRequest,
      },
    },
    async (request) => decisions.decide(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.get(
    '/api/funding/calls',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['funding'], summary: '公示后待认定和已认定的批次 / Calls after their notice', response: { 200: z.array(FundingCall) } },
    },
    async (request) => funding.listFundingCalls(db, fundingCallerOf(request), now()),
  );

  r.get(
    '/api/funding/calls/:callId',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['funding'], summary: '批次的认定与资金 / One call’s decision and funding', params: CallId, response: { 200: CallFunding } },
    },
    async (request) => funding.getCallFunding(db, fundingCallerOf(request), request.params.callId, now()),
  );

  r.get(
    '/api/funding/calls/:callId/decided.xlsx',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['funding'], summary: '导出认定名单（Excel） / Export the decided list', params: CallId },
    },
    async (request, reply) => {
      const { xlsx, filename } = await funding.exportDecided(db, fundingCallerOf(request), request.params.callId, now());
      attachment(reply, filename, 'decided.xlsx', XLSX);
      return reply.send(xlsx);
    },
  );

  r.post(
    '/api/studios/:id/titles',
    {
      config: { access: ['program'] },
      schema: { tags: ['funding'], summary: '登记工作室入选市级 / 国家级称号 / Record a higher title', params: StudioId, body: TitleRequest },
    },
    async (request, reply) => reply.code(201).send(await funding.recordTitle(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.get(
    '/api/studios/:id/certificate.pdf',
    {
      config: { access: ['applicant', 'program', 'intake', 'inspector'] },
      schema: { tags: ['funding'], summary: '工作室证书（PDF） / Studio certificate', params: StudioId },
    },
    async (request, reply) => {
      const { pdf, filename } = await decisions.studioCertificate(db, fundingCallerOf(request), request.params.id, originOf(request), now());
      attachment(reply, filename, 'certificate.pdf', 'application/pdf');
      return reply.send(pdf);
    },
  );

  r.get(
    '/api/disbursements',
    {
      config: { access: ['finance', 'program', 'inspector'] },
      schema: { tags: ['funding'], summary: '拨付计划与拨付记录 / Payment schedule', querystring: DisbursementListQuery, response: { 200: z.array(Disbursement) } },
    },
    async (request) => funding.listDisbursements(db, fundingCallerOf(request), request.query),
  );

  r.get(
    '/api/disbursements.xlsx',
    {
      config: { access: ['finance', 'program', 'inspector'] },
      schema: { tags: ['funding'], summary: '导出拨付清单（Excel） / Export disbursements', querystring: DisbursementListQuery },
    },
    async (request, reply) => {
      const xlsx = await funding.exportDisbursements(db, fundingCallerOf(request), request.query, now());
      attachment(reply, '拨付清单.xlsx', 'disbursements.xlsx', XLSX);
      return reply.send(xlsx);
    },
  );

  r.post(
    '/api/disbursements/:id/payments',
    {
      config: { access: ['finance'] },
      schema: { tags: ['funding'], summary: '登记拨付 / Record a payment', params: LineId, body: PaymentRequest, response: { 200: Disbursement } },
    },
    async (request) => funding.recordPayment(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.get(
    '/api/disbursements/:id/bank-materials/:materialId',
    {
      config: { access: ['finance', 'program', 'inspector'] },
      schema: { tags: ['funding'], summary: '申报材料中的开户许可证 / The unit’s bank permit material', params: LineMaterial },
    },
    async (request, reply) => {
      const file = await funding.bankMaterial(db, fundingCallerOf(request), request.params.id, request.params.materialId);
      reply.header('content-type', file.mimeType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(storage.read(file.storageKey));
    },
  );
}
