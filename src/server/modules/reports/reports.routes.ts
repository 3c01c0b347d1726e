import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AcceptReportRequest,
  AnnualReport,
  OpenReportRequest,
  REPORT_FILE_MAX_BYTES,
  ReportListQuery,
  ReportObligation,
  ReturnReportRequest,
  SaveReportRequest,
  SubmitReportRequest,
} from '../../../shared/reports';
import { AppError } from '../../errors';
import { fundingCallerOf } from '../funding/funding.caller';
import * as reports from './reports.service';

const ReportFileId = z.object({ id: z.string().uuid('年度报告编号无效'), fileId: z.string().uuid('附件编号无效') }).strict();
const ReportId = z.object({ id: z.string().uuid('年度报告编号无效').describe('年度报告编号 / report id') }).strict();
const StudioId = z.object({ id: z.string().min(1).max(64).describe('工作室编号 / studio id') }).strict();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const READERS = ['applicant', 'program', 'intake', 'inspector'] as const;
const TAGS = ['annual-reports'];

/** Annual reports of recognised studios, reminders and overdue flags (issue 7). */
export async function annualReportsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now, storage } = app.deps;

  r.get(
    '/api/annual-reports',
    {
      config: { access: READERS },
      schema: {
        tags: TAGS,
        summary: '年度报告列表 / Annual reports',
        description: '单位：本单位工作室的年度报告；区人社局、纪检监察：本辖区全部工作室的年度报告。可按年度、状态、是否逾期筛选。',
        querystring: ReportListQuery,
        response: { 200: z.array(AnnualReport) },
      },
    },
    async (request) => reports.listReports(db, fundingCallerOf(request), request.query, now()),
  );

  r.get(
    '/api/annual-reports.xlsx',
    {
      config: { access: ['program', 'inspector'] },
      schema: { tags: TAGS, summary: '导出年度报告（Excel） / Export annual reports', querystring: ReportListQuery },
    },
    async (request, reply) => {
      const xlsx = await reports.exportReports(db, fundingCallerOf(request), request.query, now());
      reply.header('content-type', XLSX);
      reply.header('content-disposition', `attachment; filename="annual-reports.xlsx"; filename*=UTF-8''${encodeURIComponent('年度报告.xlsx')}`);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'no-store');
      return reply.send(xlsx);
    },
  );

  r.get(
    '/api/annual-reports/obligations',
    {
      config: { access: READERS },
      schema: {
        tags: TAGS,
        summary: '工作室的年度报告义务 / Studios’ yearly report duty',
        description: '有年度报告义务的工作室（依其适用的政策），以及尚可开启的报告年度（当年、上一年）。经开区政策未规定年度报告，其工作室不在列。',
        response: { 200: z.array(ReportObligation) },
      },
    },
    async (request) => reports.listObligations(db, fundingCallerOf(request), now()),
  );

  r.post(
    '/api/studios/:id/annual-reports',
    {
      config: { access: ['applicant'] },
      schema: { tags: TAGS, summary: '开启某年度的年度报告 / Open the report of a year', params: StudioId, body: OpenReportRequest, response: { 201: AnnualReport } },
    },
    async (request, reply) => reply.code(201).send(await reports.openReport(db, fundingCallerOf(request), request.params.id, request.body.year, now())),
  );

  r.get(
    '/api/annual-reports/:id',
    {
      config: { access: READERS },
      schema: { tags: TAGS, summary: '年度报告 / One annual report', params: ReportId, response: { 200: AnnualReport } },
    },
    async (request) => reports.getReport(db, fundingCallerOf(request), request.params.id, now()),
  );

  r.put(
    '/api/annual-reports/:id',
    {
      config: { access: ['applicant'] },
      schema: { tags: TAGS, summary: '保存年度报告草稿 / Save the draft', params: ReportId, body: SaveReportRequest, response: { 200: AnnualReport } },
    },
    async (request) => reports.saveReport(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/annual-reports/:id/submit',
    {
      config: { access: ['applicant'] },
      schema: { tags: TAGS, summary: '提交年度报告 / Submit the report', params: ReportId, body: SubmitReportRequest, response: { 200: AnnualReport } },
    },
    async (request) => reports.submitReport(db, fundingCallerOf(request), request.params.id, request.body.version, now()),
  );

  r.post(
    '/api/annual-reports/:id/accept',
    {
      config: { access: ['program'] },
      schema: { tags: TAGS, summary: '年度报告审核通过 / Accept the report', params: ReportId, body: AcceptReportRequest, response: { 200: AnnualReport } },
    },
    async (request) => reports.acceptReport(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/annual-reports/:id/return',
    {
      config: { access: ['program'] },
      schema: { tags: TAGS, summary: '退回年度报告 / Return the report for correction', params: ReportId, body: ReturnReportRequest, response: { 200: AnnualReport } },
    },
    async (request) => reports.returnReport(db, fundingCallerOf(request), request.params.id, request.body, now()),
  );

  r.post(
    '/api/annual-reports/:id/files',
    {
      config: { access: ['applicant'] },
      schema: { tags: TAGS, summary: '上传年度报告附件（multipart，字段 file；PDF/JPG/PNG，≤20 MB） / Attach a file', params: ReportId, response: { 201: AnnualReport } },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('MULTIPART_REQUIRED', 415, '请以 multipart/form-data 上传文件（字段名 file）');
      const part = await request.file({ limits: { fileSize: REPORT_FILE_MAX_BYTES + 1, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING', 400, '没有收到文件');
      return reply.code(201).send(await reports.uploadReportFile(db, storage, fundingCallerOf(request), request.params.id, { stream: part.file, filename: part.filename }, now()));
    },
  );

  r.get(
    '/api/annual-reports/:id/files/:fileId',
    { config: { access: READERS }, schema: { tags: TAGS, summary: '下载年度报告附件 / Download an attachment', params: ReportFileId } },
    async (request, reply) => {
      const file = await reports.readReportFile(db, fundingCallerOf(request), request.params.id, request.params.fileId);
      reply.header('content-type', file.mimeType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.originalName)}`);
      reply.header('x-content-type-options', 'nosniff');
      return reply.send(storage.read(file.storageKey));
    },
  );
}
