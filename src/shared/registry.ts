import { z } from 'zod';

/** Public notices (公示) and the registry of studios (技能大师工作室名录): request and response schemas. */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const NoticeStatus = z.enum(['running', 'ended']).describe('running 公示中 / ended 已结束（按北京时间当日与公示期比较）');
export const StudioLevel = z.enum(['district', 'municipal', 'national']).describe('称号级别：区级 / 市级 / 国家级 / title level');
export const StudioStatus = z
  .enum(['active', 'suspended', 'revoked', 'dissolved'])
  .describe('状态：active 正常 / suspended 暂停 / revoked 已取消称号 / dissolved 已撤销 / status');

export const STUDIO_LEVEL_NAMES: Record<z.infer<typeof StudioLevel>, { zh: string; en: string }> = {
  district: { zh: '区级', en: 'District' },
  municipal: { zh: '市级', en: 'Municipal' },
  national: { zh: '国家级', en: 'National' },
};

export const NoticeContact = z.object({
  name: z.string().optional().describe('联系人 / contact person'),
  phone: z.string().describe('联系电话 / phone'),
  address: z.string().optional().describe('地址 / address'),
  hours: z.string().optional().describe('办公时间 / office hours'),
  email: z.string().optional().describe('电子邮箱 / e-mail'),
});

export const NoticeItem = z.object({
  id: z.string().describe('公示项编号（提出异议时指明对象） / item id'),
  name: z.string().describe('工作室或项目名称 / studio or project name'),
  unit: z.string().describe('所在单位 / unit'),
  amount: z.number().optional().describe('资助或补助金额（元），政策公布金额时给出 / amount in CNY where published'),
  leader: z.string().describe('领办人 / leader'),
  occupation: z.string().nullable().describe('职业（工种） / occupation'),
  projectName: z.string().nullable().describe('同时申报的建设项目 / project filed with it'),
});

export const NoticeSummary = z.object({
  id: z.string().describe('公示编号 / notice id'),
  callId: z.string().describe('申报批次 / call'),
  title: z.string().describe('公示标题 / title'),
  startsOn: IsoDate.describe('公示开始日 / first day'),
  endsOn: IsoDate.describe('公示截止日（当日 17:00 止，北京时间） / last day, ends at 17:00 Beijing time'),
  status: NoticeStatus,
  items: z.array(NoticeItem).describe('公示名单（已撤回的不列出） / the list, withdrawn items left out'),
  jurisdiction: z.string().describe('辖区 / jurisdiction'),
  jurisdictionName: z.string().describe('辖区名称 / jurisdiction name'),
  program: z.string().describe('项目类型 / program'),
  workingDays: z.number().describe('公示期（工作日） / length in statutory working days'),
  publishedAt: z.string().nullable().describe('发布时间（北京时间，ISO 8601） / published at'),
  concluded: z.boolean().describe('已作出认定决定 / decision taken'),
});

export const NoticeDetail = NoticeSummary.extend({
  body: z.string().describe('公示正文 / notice text'),
  contacts: z.array(NoticeContact).describe('联系方式（异议受理） / contacts for objections'),
  endsAt: z.string().describe('公示结束时刻（北京时间，ISO 8601） / the moment the notice ends'),
  documentNumber: z.string().describe('依据文件 / policy document'),
  publisher: z.string().describe('发布单位 / published by'),
  callTitle: z.string().describe('申报批次名称 / call title'),
  decisionDocument: z.string().nullable().describe('认定文件 / decision document'),
  calendarBasis: z.array(z.string()).describe('计算公示期所依据的工作日安排 / schedules the end day relied on'),
  allowAnonymousObjections: z.boolean().describe('受理匿名异议 / anonymous objections accepted'),
  acceptingObjections: z.boolean().describe('正在受理异议（公示期内） / objections can be filed now'),
  openObjections: z.number().describe('尚未办结的异议数 / objections not yet decided'),
});

export const NoticeListQuery = z
  .object({
    jurisdiction: z.string().max(32).optional().describe('辖区 / jurisdiction'),
    status: NoticeStatus.optional(),
  })
  .strict();

export const StudioSummary = z.object({
  id: z.string().describe('工作室编号 / studio id'),
  name: z.string().describe('工作室名称 / name'),
  jurisdiction: z.string().describe('辖区 / jurisdiction'),
  occupation: z.string().describe('职业（工种） / occupation'),
  leader: z.string().describe('领办人 / leader'),
  level: StudioLevel,
  recognizedOn: IsoDate.describe('认定日期 / recognised on'),
  status: StudioStatus,
  jurisdictionName: z.string().describe('辖区名称 / jurisdiction name'),
  unit: z.string().describe('所在单位 / unit'),
});

export const StudioTitle = z.object({
  level: StudioLevel,
  awardedOn: IsoDate.describe('授予日期 / awarded on'),
  document: z.string().describe('文件 / document'),
  award: z.number().nullable().describe('一次性资助或奖励（元） / one-time award in CNY'),
});

export const StudioDetail = StudioSummary.extend({
  teamSize: z.number().describe('团队人数（不含领办人） / team members besides the leader'),
  plaqueNumber: z.string().nullable().describe('铭牌编号 / plaque number'),
  summary: z.string().nullable().describe('简介 / summary'),
  documentNumber: z.string().describe('认定依据 / policy document'),
  titles: z.array(StudioTitle).describe('称号历史 / titles held'),
  revokedOn: IsoDate.nullable().describe('取消称号日期 / revoked on'),
  revocationReason: z.string().nullable().describe('取消原因 / reason'),
  revocationArticle: z.string().nullable().describe('依据条款 / article'),
  sourceNoticeId: z.string().nullable().describe('认定公示 / the notice it came from'),
  projects: z
    .array(
      z.object({
        id: z.string(),
        name: z.string().describe('建设项目名称 / project name'),
        status: z.string().describe('in-execution 实施中（其后状态见项目管理） / status'),
        periodStart: IsoDate.nullable().describe('计划开始 / planned start'),
        periodEnd: IsoDate.nullable().describe('计划结束 / planned end'),
        approvedAmount: z.number().nullable().describe('确定的补助金额（元） / approved amount'),
        decidedOn: IsoDate.describe('确定日期 / decided on'),
      }),
    )
    .optional()
    .describe('建设项目（京兴人社发〔2025〕21号 第十二条） / construction projects'),
});

export const StudioListQuery = z
  .object({
    jurisdiction: z.string().max(32).optional().describe('辖区 / jurisdiction'),
    occupation: z.string().max(64).optional().describe('职业（工种） / occupation'),
    level: StudioLevel.optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional().describe('认定年度 / year recognised'),
    status: StudioStatus.optional(),
    q: z.string().trim().max(100).optional().describe('检索：名称、领办人、单位 / search: name, leader, unit'),
  })
  .strict();

export const RegistryIdParams = z.object({ id: z.string().min(1).max(64).describe('编号 / id') }).strict();

export type NoticeSummary = z.infer<typeof NoticeSummary>;
export type NoticeDetail = z.infer<typeof NoticeDetail>;
export type StudioSummary = z.infer<typeof StudioSummary>;
export type StudioDetail = z.infer<typeof StudioDetail>;
export type StudioListQuery = z.infer<typeof StudioListQuery>;
