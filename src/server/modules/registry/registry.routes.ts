import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NoticeDetail, NoticeListQuery, NoticeSummary, RegistryIdParams, StudioDetail, StudioListQuery, StudioSummary } from '../../../shared/registry';
import * as registryService from './registry.service';

/** Public notices (公示) and the registry of studios. Public routes; a signed-in officer sees more of the registry. */
export async function registryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/notices',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags: ['notices'], summary: '公示（公开） / Public notices', querystring: NoticeListQuery, response: { 200: z.array(NoticeSummary) } },
    },
    async (request) => registryService.listNotices(db, request.query, now()),
  );

  r.get(
    '/api/notices/:id',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags: ['notices'], summary: '公示详情 / One notice', params: RegistryIdParams, response: { 200: NoticeDetail } },
    },
    async (request) => registryService.getNotice(db, request.params.id, now()),
  );

  r.get(
    '/api/studios',
    {
      config: { access: 'public', publicCache: true },
      schema: {
        tags: ['studios'],
        summary: '技能大师工作室名录 / Registry of studios',
        description: '匿名用户看到已认定（正常）的工作室；业务主管、受理和纪检监察看到本辖区全部工作室（含已取消称号的）。',
        querystring: StudioListQuery,
        response: { 200: z.array(StudioSummary) },
      },
    },
    async (request) => registryService.listStudios(db, request.user, request.query),
  );

  r.get(
    '/api/studios/:id',
    {
      config: { access: 'public', publicCache: true },
      schema: { tags: ['studios'], summary: '工作室详情 / One studio', params: RegistryIdParams, response: { 200: StudioDetail } },
    },
    async (request) => registryService.getStudio(db, request.user, request.params.id),
  );
}
