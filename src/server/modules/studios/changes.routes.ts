import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApproveChangeRequest,
  ChangeListQuery,
  ChangeRequestView,
  CreateChangeRequest,
  RejectChangeRequest,
  StudioChangeRules,
  StudioHistory,
  WithdrawChangeRequest,
} from '../../../shared/changes';
import { AppError } from '../../errors';
import { fundingCallerOf } from '../funding/funding.caller';
import * as changes from './changes.service';

const Id = z.object({ id: z.string().uuid('编号无效').describe('编号 / id') }).strict();
const IdFile = z.object({ id: z.string().uuid('编号无效'), fileId: z.string().uuid('文件编号无效') }).strict();
const StudioId = z.object({ id: z.string().min(1).max(64).describe('工作室编号 / studio id') }).strict();

const READERS = ['applicant', 'program', 'intake', 'inspector'] as const;

/** Change requests of studios (大兴 第十七条 / 顺义 第十四条) and the studio history (issue 7). */
export async function changeRequestsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now, storage } = app.deps;

  r.get(
    '/api/change-requests',
    {
      config: { access: READERS },
      schema: { tags: ['studios'], summary: '变更申请列表 / Change requests', querystring: ChangeListQuery, response: { 200: z.array(ChangeRequestView) } },
    },
    async (request) => changes.listChangeRequests(db, fundingCallerOf(request), request.query),
  );

  r.get(
    '/api/change-requests/:id',
    { config: { access: READERS }, schema: { tags: ['studios'], summary: '变更申请详情 / One change request', params: Id, response: { 200: ChangeRequestView } } },
    async (request) => changes.getChangeRequest(db, fundingCallerOf(request), request.params.id),
  );

  r.post(
    '/api/studios/:id/change-requests',
    {
      config: { access: ['applicant'] },
      schema: {
        tags: ['studios'],
        summary: '提交变更申请 / File a change request',
        description: '按工作室所依据办法的变更规定（如 京兴人社发〔2025〕21号 第十七条）提交；同一工作室同类事项只能有一件待审核的申请。',
        params: StudioId,
        body: CreateChangeRequest,
        response: { 201: ChangeRequestView },
      },
    },
    async (request, reply) => reply.code(201).send(await changes.createChangeRequest(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.post(
    '/api/change-requests/:id/files',
    {
      config: { access: ['applicant'] },
      schema: { tags: ['studios'], summary: '补充变更申请材料（multipart，字段 file；PDF/JPG/PNG，≤20 MB） / Add a document', params: Id },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('MULTIPART_REQUIRED', 415, '请以 multipart/form-data 上传文件（字段名 file）');
      const part = await request.file({ limits: { fileSize: 20 * 1024 * 1024 + 1, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING', 400, '没有收到文件');
      return reply.code(201).send(await changes.addFile(db, storage, fundingCallerOf(request), request.params.id, { stream: part.file, filename: part.filename }, now()));
    },
  );

  r.get(
    '/api/change-requests/:id/files/:fileId',
    { config: { access: READERS }, schema: { tags: ['studios'], summary: '下载变更申请材料 / Download a document', params: IdFile } },
    async (request, reply) => {
      const { file, stream } = await changes.readFile(db, storage, fundingCallerOf(request), request.params.id, request.params.fileId);
      reply.header('content-type', file.mimeType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(stream);
    },
  );

  r.post(
    '/api/change-requests/:id/approve',
    {
      config: { access: ['program'] },
      schema: { tags: ['studios'], summary: '同意变更（审核同意并备案） / Approve', params: Id, body: ApproveChangeRequest, response: { 200: ChangeRequestView } },
    },
    async (request) => changes.approveChangeRequest(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/change-requests/:id/reject',
    {
      config: { access: ['program'] },
      schema: { tags: ['studios'], summary: '驳回变更申请（须填写理由） / Reject with a reason', params: Id, body: RejectChangeRequest, response: { 200: ChangeRequestView } },
    },
    async (request) => changes.rejectChangeRequest(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/change-requests/:id/withdraw',
    {
      config: { access: ['applicant'] },
      schema: { tags: ['studios'], summary: '撤回变更申请 / Withdraw', params: Id, body: WithdrawChangeRequest, response: { 200: ChangeRequestView } },
    },
    async (request) => changes.withdrawChangeRequest(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.get(
    '/api/studios/:id/history',
    { config: { access: READERS }, schema: { tags: ['studios'], summary: '工作室沿革 / Studio history', params: StudioId, response: { 200: StudioHistory } } },
    async (request) => changes.getStudioHistory(db, fundingCallerOf(request), request.params.id),
  );

  r.get(
    '/api/studios/:id/change-rules',
    {
      config: { access: READERS },
      schema: { tags: ['studios'], summary: '本工作室适用的变更规定 / The edition’s change rules for this studio', params: StudioId, response: { 200: StudioChangeRules } },
    },
    async (request) => changes.getChangeRules(db, fundingCallerOf(request), request.params.id),
  );
}
