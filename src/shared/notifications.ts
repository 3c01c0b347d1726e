import { z } from 'zod';

/** One in-app message of the signed-in user (issue 4 "Notifications": in-app always). */
export const InboxMessage = z.object({
  id: z.string().describe('消息编号 / message id'),
  template: z.string().describe('消息类型，如 application.submitted / message type'),
  title: z.string().describe('标题 / title'),
  body: z.string().describe('正文 / body'),
  applicationId: z.string().nullable().describe('相关申报（如有） / the application it is about, if any'),
  payload: z.record(z.string(), z.unknown()).nullable().describe('附加数据（回执号、补正期限等） / extra data (receipt, correction deadline)'),
  createdAt: z.string().describe('发送时间（北京时间，ISO 8601） / sent at (Beijing time)'),
  readAt: z.string().nullable().describe('已读时间，未读为 null / read at, null while unread'),
});

export const InboxQuery = z
  .object({
    limit: z.coerce.number().int().min(1, '至少 1 条').max(200, '最多 200 条').default(50).describe('返回条数（最新的在前） / how many, newest first'),
    unreadOnly: z.enum(['true', 'false']).optional().describe('只看未读 / unread only'),
  })
  .strict();

export const InboxResponse = z.object({
  items: z.array(InboxMessage).describe('消息，最新的在前 / messages, newest first'),
  unread: z.number().describe('未读条数 / unread count'),
  total: z.number().describe('消息总数 / all messages'),
});

export const MarkReadResponse = z.object({
  id: z.string().describe('消息编号 / message id'),
  readAt: z.string().describe('已读时间（北京时间） / read at (Beijing time)'),
});

export const MarkAllReadResponse = z.object({
  updated: z.number().describe('本次标为已读的条数 / messages marked read now'),
});

export type InboxMessage = z.infer<typeof InboxMessage>;
export type InboxResponse = z.infer<typeof InboxResponse>;
