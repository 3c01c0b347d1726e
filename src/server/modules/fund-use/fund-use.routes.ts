import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FundUse, RecordExpenditureRequest, RecordExpenditureResponse } from '../../../shared/fund-use';
import { fundingCallerOf } from '../funding/funding.caller';
import * as fundUse from './fund-use.service';

const ProjectId = z.object({ id: z.string().min(1).max(64).describe('建设项目编号 / project id') }).strict();
const StudioId = z.object({ id: z.string().min(1).max(64).describe('工作室编号 / studio id') }).strict();
const ExpenditureId = z.object({ id: z.string().min(1).max(64).describe('经费支出编号 / expenditure id') }).strict();

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The unit, and the officers, inspector and finance of the jurisdiction, read; the unit alone writes its own. */
const READERS = ['applicant', 'program', 'intake', 'inspector', 'finance'] as const;

function attachment(reply: FastifyReply, filename: string, fallback: string) {
  reply.header('content-type', XLSX);
  reply.header('content-disposition', `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('cache-control', 'no-store');
}

/** Fund use against the budget lines and the categories of 京兴人社发〔2025〕21号 第十五条, and the fixed-asset register (issue 7). */
export async function fundUseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;
  const recordDescription =
    '按计划书经费计划的科目和本区政策列明的用途类别（大兴 京兴人社发〔2025〕21号 第十五条；顺义 第八条；经开区未列明类别）登记一笔支出；项目经费的支出日期须在项目实施期内；形成固定资产的须同时登记固定资产（资产编号本单位内唯一，数量 × 单价 = 金额）。超出科目计划或核定金额的可以登记，并予以提示。';

  r.get(
    '/api/projects/:id/fund-use',
    {
      config: { access: READERS },
      schema: { tags: ['fund-use'], summary: '建设项目经费使用情况 / Fund use of a project', params: ProjectId, response: { 200: FundUse } },
    },
    async (request) => fundUse.projectFundUse(db, fundingCallerOf(request), request.params.id),
  );

  r.post(
    '/api/projects/:id/expenditures',
    {
      config: { access: ['applicant'] },
      schema: { tags: ['fund-use'], summary: '登记建设项目经费支出 / Record spending of project money', description: recordDescription, params: ProjectId, body: RecordExpenditureRequest, response: { 201: RecordExpenditureResponse } },
    },
    async (request, reply) => reply.code(201).send(await fundUse.recordProjectExpenditure(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.get(
    '/api/projects/:id/fund-use.xlsx',
    { config: { access: READERS }, schema: { tags: ['fund-use'], summary: '导出建设项目经费使用及固定资产登记（Excel） / Export a project’s fund use', params: ProjectId } },
    async (request, reply) => {
      const { xlsx, filename } = await fundUse.exportFundUse(db, fundingCallerOf(request), 'project', request.params.id, now());
      attachment(reply, filename, 'fund-use.xlsx');
      return reply.send(xlsx);
    },
  );

  r.get(
    '/api/studios/:id/fund-use',
    {
      config: { access: READERS },
      schema: { tags: ['fund-use'], summary: '工作室经费使用情况 / Fund use of a studio’s money', params: StudioId, response: { 200: FundUse } },
    },
    async (request) => fundUse.studioFundUse(db, fundingCallerOf(request), request.params.id),
  );

  r.post(
    '/api/studios/:id/expenditures',
    {
      config: { access: ['applicant'] },
      schema: { tags: ['fund-use'], summary: '登记工作室经费支出 / Record spending of studio money', description: recordDescription, params: StudioId, body: RecordExpenditureRequest, response: { 201: RecordExpenditureResponse } },
    },
    async (request, reply) => reply.code(201).send(await fundUse.recordStudioExpenditure(db, fundingCallerOf(request), request.params.id, request.body, now())),
  );

  r.get(
    '/api/studios/:id/fund-use.xlsx',
    { config: { access: READERS }, schema: { tags: ['fund-use'], summary: '导出工作室经费使用及固定资产登记（Excel） / Export a studio’s fund use', params: StudioId } },
    async (request, reply) => {
      const { xlsx, filename } = await fundUse.exportFundUse(db, fundingCallerOf(request), 'studio', request.params.id, now());
      attachment(reply, filename, 'fund-use.xlsx');
      return reply.send(xlsx);
    },
  );

  r.delete(
    '/api/expenditures/:id',
    {
      config: { access: ['applicant'] },
      schema: { tags: ['fund-use'], summary: '删除经费支出（结项评估后不能删除） / Remove a spending entry', params: ExpenditureId },
    },
    async (request, reply) => {
      await fundUse.removeExpenditure(db, fundingCallerOf(request), request.params.id, now());
      return reply.code(204).send();
    },
  );
}
