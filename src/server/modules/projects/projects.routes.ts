import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssessmentRequest,
  ClosureRequest,
  ClosureReturnRequest,
  MilestoneRequest,
  ProgressRequest,
  ProjectDetail,
  ProjectListQuery,
  ProjectSummary,
  SituationAnswerRequest,
  SituationReportRequest,
  UploadedFile,
} from '../../../shared/projects';
import { AppError } from '../../errors';
import { fundingCallerOf } from '../funding/funding.caller';
import * as service from './projects.service';

const ProjectId = z.object({ id: z.string().uuid('项目编号无效').describe('建设项目编号 / project id') }).strict();
const MilestoneId = ProjectId.extend({ milestoneId: z.string().uuid('进度节点编号无效') }).strict();
const UpdateId = ProjectId.extend({ updateId: z.string().uuid('情况说明编号无效') }).strict();
const ClosureId = ProjectId.extend({ closureId: z.string().uuid('结项报告编号无效') }).strict();
const FileId = ProjectId.extend({ fileId: z.string().uuid('文件编号无效') }).strict();
const Created = z.object({ id: z.string() });

const READERS = ['applicant', 'program', 'inspector'] as const;

/** Construction projects after the decision: milestones, progress, situation reports, closure and assessment (issue 7). */
export async function projectsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now, storage } = app.deps;
  const tags = ['projects'];

  r.get(
    '/api/projects',
    {
      config: { access: READERS },
      schema: { tags, summary: '建设项目列表 / Construction projects', description: '单位看本单位的项目；区人社局和纪检监察看本辖区的项目。flags：overdue 逾期未结项、late 逾期提交结项、failed 评估未通过。', querystring: ProjectListQuery, response: { 200: z.array(ProjectSummary) } },
    },
    async (request) => service.listProjects(db, fundingCallerOf(request), request.query, now()),
  );

  r.get(
    '/api/projects/:id',
    {
      config: { access: READERS },
      schema: { tags, summary: '建设项目详情：计划书、进度、结项、评估、拨付 / One project', params: ProjectId, response: { 200: ProjectDetail } },
    },
    async (request) => service.getProject(db, fundingCallerOf(request), request.params.id, now()),
  );

  r.put(
    '/api/projects/:id/milestones/:milestoneId',
    {
      config: { access: ['applicant'] },
      schema: { tags, summary: '标记进度节点完成（附佐证） / Mark a milestone done', description: '京兴人社发〔2025〕21号 第十二条：严格按照建设项目计划书执行。', params: MilestoneId, body: MilestoneRequest, response: { 200: ProjectDetail } },
    },
    async (request) => service.completeMilestone(db, fundingCallerOf(request), request.params.id, request.params.milestoneId, request.body, now()),
  );

  r.post(
    '/api/projects/:id/updates',
    {
      config: { access: ['applicant'] },
      schema: { tags, summary: '报送项目进展（附佐证） / Report progress', params: ProjectId, body: ProgressRequest, response: { 201: Created } },
    },
    async (request, reply) => reply.code(201).send(await service.addProgress(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.post(
    '/api/projects/:id/situation-reports',
    {
      config: { access: ['applicant'] },
      schema: { tags, summary: '提交情况说明（无法按时完成） / Situation report', description: '京兴人社发〔2025〕21号 第十二条：因特殊原因无法按时完成的，需提交情况说明。', params: ProjectId, body: SituationReportRequest, response: { 201: Created } },
    },
    async (request, reply) => reply.code(201).send(await service.addSituationReport(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.post(
    '/api/projects/:id/situation-reports/:updateId/answer',
    {
      config: { access: ['program'] },
      schema: { tags, summary: '答复情况说明 / Answer a situation report', params: UpdateId, body: SituationAnswerRequest, response: { 200: ProjectDetail } },
    },
    async (request) => service.answerSituationReport(db, fundingCallerOf(request), request.params.id, request.params.updateId, request.body, now()),
  );

  r.post(
    '/api/projects/:id/closures',
    {
      config: { access: ['applicant'] },
      schema: { tags, summary: '提交结项报告 / Submit the closure report', description: '逐项对照计划书的成果和预期目标；成果须在项目周期内取得；结项截止日后提交的标记为逾期（2026年通知 二（二）4）。', params: ProjectId, body: ClosureRequest, response: { 201: ProjectDetail } },
    },
    async (request, reply) => reply.code(201).send(await service.submitClosure(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.post(
    '/api/projects/:id/closures/:closureId/return',
    {
      config: { access: ['program'] },
      schema: { tags, summary: '退回结项报告 / Return the closure report', params: ClosureId, body: ClosureReturnRequest, response: { 200: ProjectDetail } },
    },
    async (request) => service.returnClosure(db, fundingCallerOf(request), request.params.id, request.params.closureId, request.body, now()),
  );

  r.post(
    '/api/projects/:id/assessment',
    {
      config: { access: ['program'] },
      schema: { tags, summary: '结项评估 / Closure assessment', description: '京兴人社发〔2025〕21号 第十四条：项目结束后评审考核通过的拨付。通过或部分通过时补助资金转为待拨付。', params: ProjectId, body: AssessmentRequest, response: { 201: ProjectDetail } },
    },
    async (request, reply) => reply.code(201).send(await service.assessProject(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.post(
    '/api/projects/:id/files',
    {
      config: { access: ['applicant'] },
      schema: { tags, summary: '上传佐证材料（multipart，字段 file；PDF/JPG/PNG，≤20 MB） / Upload evidence', params: ProjectId, response: { 201: UploadedFile } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('MULTIPART_REQUIRED', 415, '请以 multipart/form-data 上传文件（字段名 file）');
      const part = await request.file({ limits: { fileSize: service.MAX_EVIDENCE_BYTES + 1, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING', 400, '没有收到文件');
      return reply.code(201).send(await service.uploadEvidence(db, storage, fundingCallerOf(request), request.params.id, { stream: part.file, filename: part.filename }, now()));
    },
  );

  r.get(
    '/api/projects/:id/files/:fileId',
    { config: { access: READERS }, schema: { tags, summary: '下载佐证材料 / Download evidence', params: FileId } },
    async (request, reply) => {
      const file = await service.readEvidence(db, fundingCallerOf(request), request.params.id, request.params.fileId);
      reply.header('content-type', file.mimeType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(storage.read(file.storageKey));
    },
  );
}
