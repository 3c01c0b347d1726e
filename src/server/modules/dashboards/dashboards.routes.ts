import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DashboardQuery, StudiosDashboard, StudioWorkspace } from '../../../shared/dashboards';
import { fundingCallerOf } from '../funding/funding.caller';
import * as dashboards from './dashboards.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Officer dashboards of the studio lifecycle and the applicant’s studio workspace (issue 7). */
export async function dashboardsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/dashboards/studios',
    {
      config: { access: ['program', 'intake', 'inspector'] },
      schema: {
        tags: ['dashboards'],
        summary: '工作室管理统计 / Studios dashboard',
        description:
          '本人所辖辖区的工作室（按状态、职业、级别）、建设项目（按阶段，含逾期未结项）、经费计划与拨付（按年度、类别）、本年度和上一年度的年度报告（按状态，含逾期）、未结的取消称号案件（按情形），以及逾期报告、逾期项目和未结案件清单（各前 10 条）。',
        querystring: DashboardQuery,
        response: { 200: StudiosDashboard },
      },
    },
    async (request) => dashboards.studiosDashboard(db, fundingCallerOf(request), request.query, now()),
  );

  r.get(
    '/api/dashboards/studios.xlsx',
    {
      config: { access: ['program', 'intake', 'inspector'] },
      schema: { tags: ['dashboards'], summary: '导出工作室管理统计（Excel） / Export the studios dashboard', querystring: DashboardQuery },
    },
    async (request, reply) => {
      const { xlsx, filename } = await dashboards.exportDashboard(db, fundingCallerOf(request), request.query, now());
      reply.header('content-type', XLSX);
      reply.header('content-disposition', `attachment; filename="studios-dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('cache-control', 'no-store');
      return reply.send(xlsx);
    },
  );

  r.get(
    '/api/unit/studio-workspace',
    {
      config: { access: ['applicant'] },
      schema: {
        tags: ['dashboards'],
        summary: '我的工作室：义务、项目、报告与待办 / The unit’s studio workspace',
        description: '本单位的工作室及其义务（下一截止日与完成情况）、建设项目、年度报告、审核中的变更申请、未结的取消称号案件、资金计划与拨付，以及“下一步要做什么”。',
        response: { 200: StudioWorkspace },
      },
    },
    async (request) => dashboards.studioWorkspace(db, fundingCallerOf(request), now()),
  );
}
