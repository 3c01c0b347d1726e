import { z } from 'zod';
import { NoticeContact } from './registry';

/**
 * Publishing a public notice (公示) and handling objections (异议), issue 6: request and response schemas shared by
 * the server routes and the web app. The period: 京兴人社发〔2025〕21号 第十一条（公示期为 5 个工作日）; 经开区 办事指南 六（七）;
 * 顺义 第六条（不少于5个工作日）.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const OBJECTION_STATUSES = {
  open: { zh: '待处理', en: 'Open' },
  investigating: { zh: '核查中', en: 'Under investigation' },
  upheld: { zh: '异议成立', en: 'Upheld' },
  dismissed: { zh: '异议不成立', en: 'Dismissed' },
} as const;
export const ObjectionStatus = z.enum(['open', 'investigating', 'upheld', 'dismissed']).describe('open 待处理 / investigating 核查中 / upheld 异议成立 / dismissed 异议不成立');
export type ObjectionStatus = z.infer<typeof ObjectionStatus>;

/** Tracking number of an objection, e.g. YY-DX-2026-0001. */
export const TRACKING_NUMBER = /^YY-[A-Z]{2}-\d{4}-\d{4,6}$/;

export const PublishNoticeRequest = z
  .object({
    title: z.string().trim().min(4, '标题至少 4 个字').max(200, '标题不超过 200 字').optional().describe('公示标题（缺省按批次生成） / title'),
    body: z.string().trim().min(10, '公示正文至少 10 个字').max(20_000, '公示正文过长').describe('公示正文 / notice text'),
    contacts: z.array(NoticeContact).min(1, '请至少填写一个异议受理联系方式').max(10).describe('异议受理联系方式 / contacts'),
    allowAnonymousObjections: z.boolean().default(false).describe('是否受理匿名异议 / accept anonymous objections'),
    startsOn: IsoDate.optional().describe('公示开始日（缺省为发布当日，非工作日顺延） / first day'),
  })
  .strict();
export type PublishNoticeRequest = z.input<typeof PublishNoticeRequest>;

export const NoticePeriod = z.object({
  startsOn: IsoDate.describe('公示开始日 / first day'),
  endsOn: IsoDate.describe('公示截止日 / last day'),
  endsAt: z.string().describe('公示结束时刻（截止日 17:00，北京时间） / ends at'),
  workingDays: z.number().describe('公示期（法定工作日） / working days'),
  provisional: z.boolean().describe('所涉年度尚无国务院放假安排，结果为暂定 / provisional'),
  basis: z.array(z.string()).describe('所依据的工作日安排 / schedules relied on'),
  citation: z.string().describe('依据条款 / article'),
});
export type NoticePeriod = z.infer<typeof NoticePeriod>;

export const PreviewItem = z.object({
  applicationId: z.string(),
  number: z.string().describe('申报编号 / application number'),
  name: z.string().describe('公示名称（工作室或项目） / name as published'),
  projectName: z.string().nullable(),
  unit: z.string(),
  leader: z.string(),
  amount: z.number().nullable(),
  rank: z.number(),
  proposed: z.boolean().describe('是否拟入选 / proposed'),
});

export const NoticePreview = z.object({
  callId: z.string(),
  callTitle: z.string(),
  program: z.string(),
  ready: z.boolean().describe('拟定名单已提交，可以发布 / proposal submitted'),
  reason: z.string().nullable().describe('不能发布的原因 / why not'),
  period: NoticePeriod,
  defaultTitle: z.string(),
  defaultBody: z.string(),
  contacts: z.array(NoticeContact),
  items: z.array(PreviewItem),
});
export type NoticePreview = z.infer<typeof NoticePreview>;

export const AdminNoticeSummary = z.object({
  id: z.string(),
  jurisdiction: z.string().describe('辖区 / jurisdiction'),
  callId: z.string(),
  callTitle: z.string(),
  title: z.string(),
  program: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  endsAt: z.string(),
  running: z.boolean().describe('公示中 / running'),
  state: z.string().describe('published 已发布 / concluded 已认定 / cancelled 已撤销'),
  itemCount: z.number(),
  withdrawnCount: z.number(),
  openObjections: z.number().describe('未办结异议数 / objections not yet decided'),
  objectionCount: z.number(),
  publishedAt: z.string().nullable(),
});
export type AdminNoticeSummary = z.infer<typeof AdminNoticeSummary>;

export const PendingCall = z.object({
  callId: z.string(),
  callTitle: z.string(),
  program: z.string(),
  proposalSubmittedAt: z.string().nullable(),
  proposedCount: z.number(),
  period: NoticePeriod,
});

export const AdminNoticeList = z.object({
  notices: z.array(AdminNoticeSummary),
  pending: z.array(PendingCall).describe('拟定名单已提交、尚未公示的批次 / calls ready to publish'),
});
export type AdminNoticeList = z.infer<typeof AdminNoticeList>;

export const ObjectionAttachment = z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number() });

export const ObjectionView = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  itemId: z.string().nullable(),
  itemName: z.string().nullable().describe('异议对象（空为整个名单） / item objected to'),
  anonymous: z.boolean(),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  body: z.string(),
  status: ObjectionStatus,
  statusName: z.string(),
  version: z.number(),
  reply: z.string().nullable(),
  handling: z.array(z.object({ action: z.string(), reply: z.string(), by: z.string().nullable(), at: z.string() })),
  filedAt: z.string(),
  attachments: z.array(ObjectionAttachment),
});
export type ObjectionView = z.infer<typeof ObjectionView>;

export const AdminNoticeItem = z.object({
  id: z.string(),
  position: z.number(),
  applicationId: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  applicationStatus: z.string().nullable(),
  name: z.string(),
  projectName: z.string().nullable(),
  unit: z.string(),
  leader: z.string(),
  occupation: z.string().nullable(),
  amount: z.number().nullable(),
  withdrawn: z.boolean(),
  withdrawnReason: z.string().nullable(),
  openObjections: z.number(),
});

export const AdminNoticeDetail = AdminNoticeSummary.extend({
  body: z.string(),
  contacts: z.array(NoticeContact),
  allowAnonymousObjections: z.boolean(),
  workingDays: z.number(),
  calendarBasis: z.array(z.string()),
  items: z.array(AdminNoticeItem),
  objections: z.array(ObjectionView),
});
export type AdminNoticeDetail = z.infer<typeof AdminNoticeDetail>;

export const FileObjectionRequest = z
  .object({
    itemId: z.string().uuid('公示项无效').optional().describe('异议对象（缺省为整个名单） / item'),
    anonymous: z.boolean().default(false).describe('匿名提出（仅当公示允许） / anonymous'),
    name: z.string().trim().max(50, '姓名不超过 50 字').optional().describe('姓名或单位名称 / name'),
    contact: z.string().trim().max(100, '联系方式不超过 100 字').optional().describe('联系电话或电子邮箱 / phone or e-mail'),
    body: z.string().trim().min(10, '异议内容至少 10 个字，请写明事实和理由').max(5000, '异议内容不超过 5000 字').describe('异议事实和理由 / facts and reasons'),
  })
  .strict();
export type FileObjectionRequest = z.input<typeof FileObjectionRequest>;

export const FiledObjection = z.object({
  trackingNumber: z.string().describe('受理编号 / tracking number'),
  queryCode: z.string().describe('查询码（与受理编号一起查询办理结果） / query code'),
  status: ObjectionStatus,
  filedAt: z.string(),
});
export type FiledObjection = z.infer<typeof FiledObjection>;

export const ObjectionStatusQuery = z
  .object({
    contact: z.string().trim().max(100).optional().describe('提交时填写的联系方式 / the contact given'),
    code: z.string().trim().max(32).optional().describe('查询码 / query code'),
  })
  .strict();

export const PublicObjectionStatus = z.object({
  trackingNumber: z.string(),
  noticeId: z.string(),
  noticeTitle: z.string(),
  itemName: z.string().nullable(),
  status: ObjectionStatus,
  statusName: z.string(),
  filedAt: z.string(),
  reply: z.string().nullable(),
  handledAt: z.string().nullable(),
  attachments: z.number(),
});
export type PublicObjectionStatus = z.infer<typeof PublicObjectionStatus>;

export const HandleObjectionRequest = z
  .object({
    action: z.enum(['investigate', 'uphold', 'dismiss']).describe('investigate 核查 / uphold 异议成立（撤销该项） / dismiss 异议不成立'),
    reply: z.string().trim().min(2, '请填写答复意见').max(5000, '答复不超过 5000 字').describe('答复意见（告知异议人） / reply'),
    itemId: z.string().uuid('公示项无效').optional().describe('异议成立时撤销的公示项（异议未指明时必填） / item to withdraw'),
    version: z.number().int().positive().optional().describe('异议版本（防止重复处理） / version'),
  })
  .strict();
export type HandleObjectionRequest = z.input<typeof HandleObjectionRequest>;
