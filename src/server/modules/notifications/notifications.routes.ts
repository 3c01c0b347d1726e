import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InboxQuery, InboxResponse, MarkAllReadResponse, MarkReadResponse } from '../../../shared/notifications';
import * as inbox from './inbox.service';

const MessageParams = z.object({ id: z.string().uuid('消息编号无效') }).strict();

/** The in-app inbox (issue 4 "Notifications": in-app always): every signed-in user reads only their own. */
export async function notificationsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.deps;

  r.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], summary: '我的站内消息（最新在前，含未读数） / My in-app messages', querystring: InboxQuery, response: { 200: InboxResponse } },
    },
    async (request) => inbox.listInbox(db, request.user!.id, request.query),
  );

  r.post(
    '/api/notifications/read-all',
    { config: { access: 'authenticated' }, schema: { tags: ['notifications'], summary: '全部标为已读 / Mark all read', response: { 200: MarkAllReadResponse } } },
    async (request) => inbox.markAllRead(db, request.user!.id, now()),
  );

  r.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], summary: '标为已读 / Mark one read', params: MessageParams, response: { 200: MarkReadResponse } },
    },
    async (request) => inbox.markRead(db, request.user!.id, request.params.id, now()),
  );
}
