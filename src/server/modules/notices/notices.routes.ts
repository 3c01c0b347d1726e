import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AdminNoticeDetail,
  AdminNoticeList,
  FiledObjection,
  FileObjectionRequest,
  HandleObjectionRequest,
  NoticePreview,
  ObjectionStatusQuery,
  ObjectionView,
  PublicObjectionStatus,
  PublishNoticeRequest,
  TRACKING_NUMBER,
} from '../../../shared/notices-admin';
import { actorOf, jurisdictionsWhere } from '../../context';
import { AppError } from '../../errors';
import { getNotice } from '../registry/registry.service';
import { noticePdf } from './notice-pdf';
import * as notices from './notices.service';
import * as objections from './objections.service';

/**
 * Publishing notices (公示) and objections (异议), issue 6. Officer routes check the notice's / call's jurisdiction in
 * the service (another jurisdiction's answers 404); the public routes are rate-limited per address.
 */

/** Objections filed per address and window (issue 6: flooding objections is refused with 429 and Retry-After). */
export const OBJECTION_LIMITS = { perAddress: 5, windowMinutes: 10 };
/** Look-ups of an objection's status per address and window (no probing of tracking numbers and contacts). */
const LOOKUP_LIMITS = { perAddress: 30, windowMinutes: 10 };

export function officerOf(request: FastifyRequest): notices.Officer {
  const user = request.user!;
  return { actor: actorOf(request), role: request.actingRole, programJurisdictions: jurisdictionsWhere(user, ['program']), readJurisdictions: jurisdictionsWhere(user, ['program', 'inspector']) };
}

const limited = (max: number, minutes: number, what: string) => ({
  max,
  timeWindow: minutes * 60_000,
  keyGenerator: (request: FastifyRequest) => request.ip,
  errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) => {
    const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000));
    return new AppError('RATE_LIMITED', 429, `${what}过于频繁，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`, undefined, { 'Retry-After': String(retryAfter) });
  },
});

const CallParams = z.object({ callId: z.string().uuid('批次编号无效') }).strict();
const NoticeParams = z.object({ id: z.string().uuid('公示编号无效') }).strict();
const ObjectionParams = z.object({ id: z.string().min(1).max(64) }).strict();
const ObjectionAttachmentParams = z.object({ id: z.string().uuid('异议编号无效'), attachmentId: z.string().uuid('材料编号无效') }).strict();
const PreviewQuery = z.object({ startsOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional() }).strict();

function attachment(reply: FastifyReply, filename: string, fallback: string, type: string, disposition: 'attachment' | 'inline' = 'attachment') {
  reply.header('content-type', type);
  reply.header('content-disposition', `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  reply.header('x-content-type-options', 'nosniff');
}

const trackingNumberOf = (raw: string) => {
  if (!TRACKING_NUMBER.test(raw)) throw new AppError('OBJECTION_NOT_FOUND', 404, '未找到该异议：请核对受理编号和联系方式（或查询码）');
  return raw;
};

export async function noticesRoutes(app: FastifyInstance) {
  await app.register(rateLimit, { global: false });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now, storage } = app.deps;

  // ----------------------------------------------------------------------------------------------- officer

  r.get(
    '/api/calls/:callId/notice/preview',
    {
      config: { access: ['program'] },
      schema: { tags: ['notices'], summary: '公示预览：名单与按日历计算的公示期 / Preview a notice and its period', params: CallParams, querystring: PreviewQuery, response: { 200: NoticePreview } },
    },
    async (request) => notices.previewNotice(db, officerOf(request), request.params.callId, now(), request.query.startsOn),
  );

  r.post(
    '/api/calls/:callId/notice',
    {
      config: { access: ['program'] },
      schema: {
        tags: ['notices'],
        summary: '发布公示 / Publish the notice of a call',
        description: '拟定名单已提交（评审完成）后由本辖区业务主管发布；公示期按政策的工作日数（京兴人社发〔2025〕21号 第十一条等：5 个工作日）由日历计算。',
        params: CallParams,
        body: PublishNoticeRequest,
        response: { 201: AdminNoticeDetail },
      },
    },
    async (request, reply) => reply.code(201).send(await notices.publishNotice(db, officerOf(request), request.params.callId, request.body, now())),
  );

  r.get(
    '/api/officer/notices',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['notices'], summary: '本辖区公示及待发布批次 / Notices of my jurisdictions', response: { 200: AdminNoticeList } },
    },
    async (request) => notices.listAdminNotices(db, officerOf(request), now()),
  );

  r.get(
    '/api/officer/notices/:id',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['notices'], summary: '公示详情（含已撤销项和异议） / One notice with items and objections', params: NoticeParams, response: { 200: AdminNoticeDetail } },
    },
    async (request) => notices.getAdminNotice(db, officerOf(request), request.params.id, now()),
  );

  r.get(
    '/api/notices/:id/objections',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['notices'], summary: '公示的异议 / Objections to a notice', params: NoticeParams, response: { 200: z.array(ObjectionView) } },
    },
    async (request) => objections.listObjections(db, officerOf(request), request.params.id),
  );

  r.post(
    '/api/objections/:id/handle',
    {
      config: { access: ['program'] },
      schema: {
        tags: ['notices'],
        summary: '处理异议：核查 / 异议成立（撤销该项） / 异议不成立 / Handle an objection',
        params: ObjectionParams,
        body: HandleObjectionRequest,
        response: { 200: ObjectionView },
      },
    },
    async (request) => {
      const id = z.string().uuid().safeParse(request.params.id);
      if (!id.success) throw new AppError('OBJECTION_NOT_FOUND', 404, '异议不存在或无权访问');
      return objections.handleObjection(db, officerOf(request), id.data, request.body, now());
    },
  );

  r.get(
    '/api/objections/:id/attachments/:attachmentId',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['notices'], summary: '下载异议证明材料 / An objection attachment', params: ObjectionAttachmentParams },
    },
    async (request, reply) => {
      const file = await objections.readAttachment(db, storage, officerOf(request), request.params.id, request.params.attachmentId);
      attachment(reply, file.name, 'attachment', file.mimeType);
      reply.header('cache-control', 'no-store');
      return reply.send(file.stream);
    },
  );

  r.get(
    '/api/notices/:id/items.xlsx',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: ['notices'], summary: '导出公示名单（Excel） / Export the notice list', params: NoticeParams },
    },
    async (request, reply) => {
      const { xlsx, filename } = await notices.exportNoticeItems(db, officerOf(request), request.params.id, now());
      attachment(reply, filename, 'notice-items.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('cache-control', 'no-store');
      return reply.send(xlsx);
    },
  );

  // ----------------------------------------------------------------------------------------------- public

  r.get(
    '/api/notices/:id/notice.pdf',
    {
      config: { access: 'public' },
      schema: { tags: ['notices'], summary: '公示（可打印 PDF） / The notice as a printable PDF', params: NoticeParams },
    },
    async (request, reply) => {
      const detail = await getNotice(db, request.params.id, now());
      const pdf = await noticePdf(detail);
      attachment(reply, `${detail.title}.pdf`, 'notice.pdf', 'application/pdf', 'inline');
      return reply.send(pdf);
    },
  );

  r.post(
    '/api/notices/:id/objections',
    {
      config: { access: 'public', rateLimit: limited(OBJECTION_LIMITS.perAddress, OBJECTION_LIMITS.windowMinutes, '提交异议') },
      schema: {
        tags: ['notices'],
        summary: '提出异议（公开，无需登录） / File an objection',
        description: `公示期内任何人可提出；须填写姓名和联系方式（公示允许匿名时除外）；同一地址 ${OBJECTION_LIMITS.windowMinutes} 分钟内最多 ${OBJECTION_LIMITS.perAddress} 件。`,
        params: NoticeParams,
        body: FileObjectionRequest,
        response: { 201: FiledObjection },
      },
    },
    async (request, reply) => reply.code(201).send(await objections.fileObjection(db, request.params.id, request.body, { ip: request.ip }, now())),
  );

  r.get(
    '/api/objections/:id',
    {
      config: { access: 'public', rateLimit: limited(LOOKUP_LIMITS.perAddress, LOOKUP_LIMITS.windowMinutes, '查询') },
      schema: {
        tags: ['notices'],
        summary: '查询异议办理结果（受理编号 + 联系方式或查询码） / Status of an objection',
        params: ObjectionParams,
        querystring: ObjectionStatusQuery,
        response: { 200: PublicObjectionStatus },
      },
    },
    async (request) => objections.getObjectionStatus(db, trackingNumberOf(request.params.id), request.query),
  );

  r.post(
    '/api/objections/:id/attachments',
    {
      config: { access: 'public', rateLimit: limited(OBJECTION_LIMITS.perAddress * 4, OBJECTION_LIMITS.windowMinutes, '上传') },
      schema: {
        tags: ['notices'],
        summary: '上传异议证明材料（multipart，字段 file；查询参数 contact 或 code 为凭证） / Attach evidence',
        params: ObjectionParams,
        querystring: ObjectionStatusQuery,
      },
    },
    async (request, reply) => {
      const trackingNumber = trackingNumberOf(request.params.id);
      if (!request.isMultipart()) throw new AppError('MULTIPART_REQUIRED', 415, '请以 multipart/form-data 上传文件（字段名 file）');
      const part = await request.file({ limits: { files: 1 } });
      if (!part) throw new AppError('FILE_MISSING', 400, '没有收到文件');
      const result = await objections.addAttachment(db, storage, trackingNumber, request.query, { stream: part.file, filename: part.filename }, { ip: request.ip }, now());
      return reply.code(201).send(result);
    },
  );
}
