import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplicationListQuery,
  ApplicationSummary,
  CreateApplicationRequest,
  ReturnForCorrectionRequest,
  SaveFormRequest,
  SubmitRequest,
} from '../../../shared/applications';
import { actorOf, jurisdictionsWhere } from '../../context';
import { AppError } from '../../errors';
import * as service from './applications.service';
import { requestPaperDossier } from './paper-dossier.service';

const OFFICER_ROLES = new Set(['intake', 'program', 'inspector']);

/** The caller as the applications service sees it. */
export function callerOf(request: FastifyRequest): service.Caller {
  const user = request.user!;
  return {
    actor: actorOf(request),
    role: request.actingRole,
    unitId: user.roles.some((r) => r.role === 'applicant') ? (user.unit?.id ?? null) : null,
    officerJurisdictions: jurisdictionsWhere(user, OFFICER_ROLES),
  };
}

const Id = z.object({ id: z.string().uuid('申报编号无效') }).strict();
const IdForm = z.object({ id: z.string().uuid('申报编号无效'), formId: z.string().regex(/^[a-z0-9-]{1,64}$/, '表单编号无效') }).strict();
const IdItem = z.object({ id: z.string().uuid('申报编号无效'), itemId: z.string().regex(/^[a-z0-9-]{1,64}$/, '材料编号无效') }).strict();
const IdMaterial = z.object({ id: z.string().uuid('申报编号无效'), materialId: z.string().uuid('文件编号无效') }).strict();

export async function applicationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now, storage } = app.deps;
  const readers = ['applicant', 'intake', 'program', 'inspector', 'expert'] as const;

  r.get(
    '/api/applications',
    {
      config: { access: readers },
      schema: {
        tags: ['applications'],
        summary: '申报列表（按权限） / Applications the caller may see',
        querystring: ApplicationListQuery,
        response: { 200: z.array(ApplicationSummary) },
      },
    },
    async (request, reply) => {
      const result = await service.listApplications(db, callerOf(request), request.query, now());
      reply.header('x-total-count', String(result.total));
      return result.items;
    },
  );

  r.post(
    '/api/applications',
    { config: { access: ['applicant'] }, schema: { tags: ['applications'], summary: '发起申报 / Start an application', body: CreateApplicationRequest } },
    async (request, reply) => reply.code(201).send(await service.createApplication(db, callerOf(request), request.body, now())),
  );

  r.get(
    '/api/applications/:id',
    { config: { access: readers }, schema: { tags: ['applications'], summary: '申报详情 / One application with forms, checklist and timeline', params: Id } },
    async (request) => service.getApplication(db, callerOf(request), request.params.id, now(), { logRead: true }),
  );

  r.put(
    '/api/applications/:id/forms/:formId',
    {
      config: { access: ['applicant'] },
      bodyLimit: 512 * 1024,
      schema: { tags: ['applications'], summary: '保存表单草稿（带版本校验） / Save a form draft', params: IdForm, body: SaveFormRequest },
    },
    async (request) => service.saveForm(db, callerOf(request), request.params.id, request.params.formId, request.body, now()),
  );

  r.post(
    '/api/applications/:id/materials/:itemId',
    {
      config: { access: ['applicant'] },
      schema: { tags: ['applications'], summary: '上传材料（multipart，字段 file；PDF/JPG/PNG，≤20 MB） / Upload a material file', params: IdItem },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('MULTIPART_REQUIRED', 415, '请以 multipart/form-data 上传文件（字段名 file）');
      const part = await request.file({ limits: { fileSize: service.MAX_FILE_BYTES + 1, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING', 400, '没有收到文件');
      const result = await service.uploadMaterial(db, storage, callerOf(request), request.params.id, request.params.itemId, { stream: part.file, filename: part.filename }, now());
      return reply.code(201).send(result);
    },
  );

  r.delete(
    '/api/applications/:id/materials/:materialId',
    { config: { access: ['applicant'] }, schema: { tags: ['applications'], summary: '删除已上传的材料 / Remove an uploaded file', params: IdMaterial } },
    async (request, reply) => {
      await service.removeMaterial(db, storage, callerOf(request), request.params.id, request.params.materialId, now());
      return reply.code(204).send();
    },
  );

  r.get(
    '/api/applications/:id/materials/:materialId',
    { config: { access: readers }, schema: { tags: ['applications'], summary: '下载材料文件 / Download a material file', params: IdMaterial } },
    async (request, reply) => {
      const { file, stream } = await service.readMaterialFile(db, storage, callerOf(request), request.params.id, request.params.materialId, now());
      reply.header('content-type', file.mimeType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(stream);
    },
  );

  r.post(
    '/api/applications/:id/submit',
    { config: { access: ['applicant'] }, schema: { tags: ['applications'], summary: '提交或补正后重新提交 / Submit (or resubmit after correction)', params: Id, body: SubmitRequest } },
    async (request) => service.submitApplication(db, callerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/applications/:id/return',
    {
      config: { access: ['intake'] },
      schema: { tags: ['review'], summary: '退回补正（初审） / Return for correction', params: Id, body: ReturnForCorrectionRequest },
    },
    async (request) => service.returnForCorrection(db, callerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/applications/:id/request-paper-dossier',
    {
      config: { access: ['intake', 'program'] },
      schema: { tags: ['review'], summary: '通知报送纸质材料（政策版本有线下受理环节时） / Ask the unit to bring the paper dossier', params: Id },
    },
    async (request) => {
      const deskJurisdictions = request.user!.roles.filter((g) => (g.role === 'intake' || g.role === 'program') && g.jurisdiction).map((g) => g.jurisdiction!);
      return requestPaperDossier(db, { actor: actorOf(request), deskJurisdictions }, request.params.id, now());
    },
  );
}
