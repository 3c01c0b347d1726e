import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApplicationExportQuery, CallTemplateForm, DossierVerification, VERIFICATION_CODE } from '../../../shared/documents';
import { callerOf } from '../applications/applications.routes';
import * as service from './documents.service';

const AppId = z.object({ id: z.string().uuid('申报编号无效') }).strict();
const CallId = z.object({ id: z.string().uuid('批次编号无效') }).strict();
const CallForm = z.object({ id: z.string().uuid('批次编号无效'), formId: z.string().regex(/^[a-z0-9-]{1,64}$/, '表单编号无效') }).strict();
const Code = z.object({ code: z.string().regex(VERIFICATION_CODE, '核验码格式不正确') }).strict();

/** attachment; filename="<ascii fallback>"; filename*=UTF-8''<the Chinese name> (RFC 6266 / 5987). */
function attachment(reply: FastifyReply, filename: string, fallback: string, type: string) {
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-store');
}

/** The origin the printout's QR code points to (the host the caller used to reach the platform). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export async function documentsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now, storage } = app.deps;

  r.get(
    '/api/applications/:id/dossier.pdf',
    {
      config: { access: ['applicant', 'intake', 'program', 'inspector'] },
      schema: {
        tags: ['documents'],
        summary: '下载申报材料汇编 PDF（每页水印：单位、申报编号、下载时间） / The watermarked dossier PDF',
        params: AppId,
      },
    },
    async (request, reply) => {
      const { pdf, number } = await service.downloadDossier(db, storage, callerOf(request), request.params.id, now(), originOf(request));
      attachment(reply, `申报材料-${number}.pdf`, `dossier-${number}.pdf`, 'application/pdf');
      return reply.send(pdf);
    },
  );

  r.get(
    '/api/dossiers/verify/:code',
    {
      config: { access: 'public' },
      schema: {
        tags: ['documents'],
        summary: '核验申报材料打印件（封面二维码） / Verify a printed dossier against the online record',
        params: Code,
        response: { 200: DossierVerification },
      },
    },
    async (request) => service.verifyDossier(db, request.params.code),
  );

  r.get(
    '/api/calls/:id/templates',
    {
      config: { access: 'public' },
      schema: { tags: ['documents'], summary: '申报批次可下载的空白表单模板 / Blank form templates of a call', params: CallId, response: { 200: z.array(CallTemplateForm) } },
    },
    async (request) => service.listTemplates(db, request.params.id),
  );

  r.get(
    '/api/calls/:id/templates/:formId(^[a-z0-9-]{1,64}).pdf',
    {
      config: { access: 'public' },
      schema: { tags: ['documents'], summary: '空白表单模板 PDF / A blank form as PDF', params: CallForm },
    },
    async (request, reply) => {
      const { pdf, title } = await service.templatePdf(db, request.params.id, request.params.formId);
      attachment(reply, `${title}.pdf`, `${request.params.formId}.pdf`, 'application/pdf');
      reply.header('cache-control', 'public, max-age=300');
      return reply.send(pdf);
    },
  );

  r.get(
    '/api/calls/:id/applications.xlsx',
    {
      config: { access: ['program', 'intake', 'inspector'] },
      schema: {
        tags: ['documents'],
        summary: '导出申报批次的申报列表（Excel，筛选同列表） / Export a call’s applications to Excel',
        params: CallId,
        querystring: ApplicationExportQuery,
      },
    },
    async (request, reply) => {
      const { xlsx, filename } = await service.exportApplications(db, callerOf(request), request.params.id, request.query, now());
      attachment(reply, filename, 'applications.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(xlsx);
    },
  );
}
