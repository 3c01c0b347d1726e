import { z } from 'zod';
import { IsoDate } from './calendar';

/**
 * Annual reports of recognised studios (年度工作总结及下一年度工作计划, issue 7): 大兴 京兴人社发〔2025〕21号 第十九条（三）
 * “所在单位每年12月末向区人社局报送工作室当年度工作总结及下一年度工作计划”; 顺义 管理办法（征求意见稿）第十三条 “每年应带动不少于
 * 100人次技艺提升和创新 … 每年定期按要求报送”. 经开区 京技管发〔2024〕1号 sets no yearly report: its studios have none.
 * Request and response schemas shared by the server and the web app.
 */

export const ReportStatus = z
  .enum(['draft', 'submitted', 'accepted', 'returned'])
  .describe('draft 未提交 / submitted 已提交 / accepted 已通过 / returned 已退回');
export type ReportStatus = z.infer<typeof ReportStatus>;

/** What the officer's table shows: the status, with 逾期 for a report still not filed after its due date. */
export const ReportState = z.enum(['open', 'submitted', 'overdue', 'returned', 'accepted']).describe('open 未提交 / submitted 已提交 / overdue 逾期 / returned 已退回 / accepted 已通过');
export type ReportState = z.infer<typeof ReportState>;

export const REPORT_STATE_NAMES: Record<ReportState, { zh: string; en: string }> = {
  open: { zh: '未提交', en: 'Not submitted' },
  submitted: { zh: '已提交', en: 'Submitted' },
  overdue: { zh: '逾期', en: 'Overdue' },
  returned: { zh: '已退回', en: 'Returned' },
  accepted: { zh: '已通过', en: 'Accepted' },
};

/**
 * Upper bound of person-times a year. The texts set only a minimum (顺义 第十三条: 不少于100人次); the bound is the
 * platform's (inferred): 100,000 人次 is about 400 a working day, far above any studio's training capacity, so a
 * larger figure is a typing error.
 */
export const PERSON_TIMES_MAX = 100_000;
export const PERSON_TIMES_MAX_NOTE = '文件只规定下限（顺义 第十三条：不少于100人次），上限为平台推断：每年 100,000 人次约合每个工作日 400 人次，远超任何工作室的培训能力，超出视为录入错误';

/** Other figures of the year a report may give (all counts, optional). */
export const FIGURE_KEYS = ['apprentices', 'trainingSessions', 'innovations', 'patents', 'standards', 'competitionAwards'] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];
export const FIGURE_NAMES: Record<FigureKey, { zh: string; en: string }> = {
  apprentices: { zh: '带徒人数', en: 'Apprentices' },
  trainingSessions: { zh: '培训 / 交流活动（场次）', en: 'Training and exchange sessions' },
  innovations: { zh: '技术革新 / 攻关成果（项）', en: 'Innovations' },
  patents: { zh: '专利（项）', en: 'Patents' },
  standards: { zh: '参与制定标准（项）', en: 'Standards' },
  competitionAwards: { zh: '竞赛获奖（人次）', en: 'Competition awards' },
};
/** A count of one figure a year (platform bound, inferred like PERSON_TIMES_MAX). */
export const FIGURE_MAX = 10_000;

const Count = (label: string, max: number) =>
  z
    .number({ message: `${label}须为数字` })
    .int(`${label}须为整数`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}不能超过 ${max.toLocaleString('en-US')}（上限为平台推断，超出视为录入错误）`);

export const ReportFigures = z
  .object(Object.fromEntries(FIGURE_KEYS.map((k) => [k, Count(FIGURE_NAMES[k].zh, FIGURE_MAX).optional().describe(`${FIGURE_NAMES[k].zh} / ${FIGURE_NAMES[k].en}`)])) as Record<FigureKey, z.ZodOptional<z.ZodNumber>>)
  .strict();

/** Attachments of a report (optional): PDF/JPG/PNG, checked by content, ≤ 20 MB each, at most 20. */
export const REPORT_FILES_MAX = 20;
export const REPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const ReportFile = z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number(), url: z.string() });
export type ReportFile = z.infer<typeof ReportFile>;

const Version = z.number({ message: '缺少版本号' }).int('版本号无效').min(1, '版本号无效').max(1_000_000, '版本号无效').describe('记录版本（防止覆盖他人修改） / record version');
const LongText = (label: string) => z.string({ message: `${label}须为文本` }).max(10_000, `${label}不超过 10,000 字`);

export const SaveReportRequest = z
  .object({
    version: Version,
    summary: LongText('当年度工作总结').optional().describe('当年度工作总结 / summary of the year'),
    nextYearPlan: LongText('下一年度工作计划').optional().describe('下一年度工作计划 / plan for next year'),
    personTimes: Count('带动技艺提升和创新人次', PERSON_TIMES_MAX).nullable().optional().describe('全年带动技艺提升和创新人次（顺义 第十三条） / person-times of skill improvement'),
    figures: ReportFigures.optional().describe('其他数据 / other figures'),
    fileIds: z
      .array(z.string().uuid('附件编号无效'), { message: '附件须为列表' })
      .max(REPORT_FILES_MAX, `附件不超过 ${REPORT_FILES_MAX} 个`)
      .optional()
      .describe('保留的附件（只能删除；上传用 POST /api/annual-reports/:id/files） / attachments kept'),
  })
  .strict();
export type SaveReportRequest = z.infer<typeof SaveReportRequest>;

export const SubmitReportRequest = z.object({ version: Version }).strict();

export const AcceptReportRequest = z
  .object({ version: Version, comment: z.string().trim().max(2_000, '意见不超过 2,000 字').optional().describe('审核意见 / comment') })
  .strict();

export const ReturnReportRequest = z
  .object({
    version: Version,
    comment: z.string({ message: '请填写退回理由' }).trim().min(2, '请填写退回理由（需要补充或更正的内容）').max(2_000, '意见不超过 2,000 字').describe('退回理由 / reason'),
  })
  .strict();

export const OpenReportRequest = z
  .object({ year: z.number({ message: '请填写年度' }).int('年度须为整数').min(2000, '年度无效').max(2100, '年度无效').describe('报告年度 / year') })
  .strict();

export const ReportListQuery = z
  .object({
    year: z.coerce.number().int('年度无效').min(2000, '年度无效').max(2100, '年度无效').optional().describe('年度 / year'),
    status: ReportStatus.optional(),
    state: ReportState.optional(),
    overdue: z.enum(['true', 'false']).optional().describe('只看逾期 / overdue only'),
    studioId: z.string().min(1).max(64).optional().describe('工作室 / studio'),
  })
  .strict();
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const ReportFlag = z.object({
  code: z.string(),
  message: z.string().describe('提示 / message'),
  citation: z.string().describe('依据 / article'),
});

export const ReportRequirements = z.object({
  citation: z.string().describe('报送义务的依据 / article of the obligation'),
  text: z.string().describe('义务原文 / text'),
  inferred: z.string().nullable().describe('文件未规定日期时平台的推断 / inferred due date'),
  personTimes: z
    .object({ minimum: z.number(), citation: z.string(), text: z.string() })
    .nullable()
    .describe('每年人次下限（顺义 第十三条） / yearly person-times minimum'),
});

export const AnnualReport = z.object({
  id: z.string(),
  studioId: z.string(),
  studioName: z.string(),
  unitName: z.string(),
  jurisdiction: z.string(),
  editionId: z.string(),
  year: z.number().int(),
  dueOn: IsoDate,
  /** Days from today to dueOn (negative: past due). */
  daysLeft: z.number().int(),
  status: ReportStatus,
  state: ReportState,
  stateName: z.string(),
  overdue: z.boolean(),
  late: z.boolean(),
  summary: z.string(),
  nextYearPlan: z.string(),
  personTimes: z.number().int().nullable(),
  figures: z.record(z.string(), z.number()),
  files: z.array(ReportFile).describe('附件 / attachments'),
  requirements: ReportRequirements,
  flags: z.array(ReportFlag),
  submittedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
  /** What the caller may do now. */
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type AnnualReport = z.infer<typeof AnnualReport>;

/** A studio's yearly obligation and the report years it may still open (the current and last year). */
export const ReportObligation = z.object({
  studioId: z.string(),
  studioName: z.string(),
  unitName: z.string(),
  jurisdiction: z.string(),
  requirements: ReportRequirements,
  openableYears: z.array(z.number().int()),
});
export type ReportObligation = z.infer<typeof ReportObligation>;
