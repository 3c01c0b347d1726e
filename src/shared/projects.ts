import { z } from 'zod';
import { IsoDate } from './calendar';

/**
 * Construction projects after the decision (建设项目实施、结项与评估, issue 7): 京兴人社发〔2025〕21号 第十二条（严格按照建设项目
 * 计划书执行；因特殊原因无法按时完成的，需提交情况说明）, 第十四条（项目结束后评审考核通过的拨付）, and the 2026 大兴 notice
 * 二（二）4（10月底前完成结项）. Request and response schemas shared by the server and the web app.
 */

export const ProjectStatus = z
  .enum(['in-execution', 'closure-submitted', 'passed', 'partly-passed', 'failed'])
  .describe('in-execution 实施中 / closure-submitted 已提交结项 / passed 评估通过 / partly-passed 部分通过 / failed 未通过');
export type ProjectStatus = z.infer<typeof ProjectStatus>;

export const PROJECT_STATUS_NAMES: Record<ProjectStatus, { zh: string; en: string }> = {
  'in-execution': { zh: '实施中', en: 'In execution' },
  'closure-submitted': { zh: '已提交结项', en: 'Closure submitted' },
  passed: { zh: '评估通过', en: 'Passed' },
  'partly-passed': { zh: '部分通过', en: 'Partly passed' },
  failed: { zh: '评估未通过', en: 'Failed' },
};

export const ProjectFlag = z.enum(['overdue', 'late', 'failed']).describe('overdue 逾期未结项 / late 逾期提交结项 / failed 评估未通过');
export type ProjectFlag = z.infer<typeof ProjectFlag>;

const Uuid = (what: string) => z.string().uuid(`${what}编号无效`);
const FileIds = z.array(Uuid('文件')).max(20, '最多 20 个佐证文件').default([]).describe('佐证材料（已上传文件的编号） / evidence file ids');
const Text = (label: string, max: number) => z.string({ message: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

export const ProjectListQuery = z
  .object({
    status: ProjectStatus.optional(),
    year: z.coerce.number().int().min(2000, '年度无效').max(2100, '年度无效').optional().describe('立项年度 / year decided'),
    flag: ProjectFlag.optional(),
  })
  .strict();

export const MilestoneRequest = z
  .object({
    done: z.literal(true, { message: '只能将节点标记为已完成' }).describe('标记为已完成 / mark done'),
    completedOn: IsoDate.describe('完成日期 / completed on'),
    note: Text('完成情况', 2000).describe('完成情况说明 / what was done'),
    fileIds: FileIds,
  })
  .strict();

export const ProgressRequest = z
  .object({
    reportedOn: IsoDate.describe('进展日期 / date of the work reported'),
    body: Text('进展情况', 5000).describe('进展情况 / progress'),
    milestoneId: Uuid('进度节点').optional().describe('对应的进度节点 / milestone'),
    fileIds: FileIds,
  })
  .strict();

export const SituationReportRequest = z
  .object({
    body: Text('情况说明', 5000).describe('无法按时完成的原因（第十二条） / why the project cannot finish in time'),
    proposedEndOn: IsoDate.describe('申请延至的完成日期 / proposed new end date'),
    fileIds: FileIds,
  })
  .strict();

export const SituationAnswerRequest = z
  .object({
    response: z.enum(['accepted', 'rejected'], { message: '请选择同意或不同意' }).describe('accepted 同意 / rejected 不同意'),
    comment: Text('答复意见', 2000).describe('答复意见 / comment'),
  })
  .strict();

export const Deliverable = z
  .object({
    planItem: Text('计划书中的成果或目标', 5000).describe('计划书中的成果或预期目标（原文） / the plan item'),
    source: z.enum(['outcome', 'goal']).describe('outcome 成果 / goal 预期目标'),
    achieved: Text('完成情况', 5000).describe('实际完成情况 / what was achieved'),
    achievedOn: IsoDate.optional().describe('取得日期（须在项目周期内） / achieved on'),
    met: z.boolean({ message: '请选择是否达成' }).describe('是否达成 / met'),
    fileIds: FileIds,
  })
  .strict();

export const ClosureRequest = z
  .object({
    summary: Text('结项总结', 10000).describe('项目总体完成情况 / summary'),
    deliverables: z.array(Deliverable).min(1, '请逐项对照计划书填写成果和预期目标').max(50).describe('逐项对照计划书的成果与预期目标 / deliverables'),
  })
  .strict();

export const ClosureReturnRequest = z
  .object({ reason: Text('退回原因', 2000).describe('退回原因及修改要求 / why it is returned') })
  .strict();

export const AssessmentRequest = z
  .object({
    outcome: z.enum(['passed', 'partly', 'failed'], { message: '请选择评估结论' }).describe('passed 通过 / partly 部分通过 / failed 未通过'),
    reasons: Text('评估意见', 5000).describe('评估意见及理由 / reasons'),
    items: z
      .array(z.object({ planItem: Text('计划书条目', 5000), accepted: z.boolean(), comment: z.string().trim().max(2000).optional() }).strict())
      .max(50)
      .default([])
      .describe('逐项认定 / per deliverable'),
    expertOpinions: z
      .array(z.object({ expert: Text('专家姓名', 50), opinion: Text('专家意见', 2000) }).strict())
      .max(20)
      .default([])
      .describe('专家意见 / experts’ opinions'),
    payableAmount: z.number().int('金额以元为单位，取整数').min(0, '金额不能为负').max(100_000_000).optional().describe('核定拨付金额（元） / amount to pay'),
  })
  .strict();

export type MilestoneInput = z.input<typeof MilestoneRequest>;
export type ProgressInput = z.input<typeof ProgressRequest>;
export type SituationInput = z.input<typeof SituationReportRequest>;
export type SituationAnswerInput = z.input<typeof SituationAnswerRequest>;
export type ClosureInput = z.input<typeof ClosureRequest>;
export type AssessmentInput = z.input<typeof AssessmentRequest>;

export const ProjectSummary = z.object({
  id: z.string(),
  name: z.string(),
  jurisdictionId: z.string(),
  unitName: z.string(),
  studioId: z.string().nullable(),
  studioName: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  category: z.string().nullable(),
  status: ProjectStatus,
  statusName: z.string(),
  decidedOn: IsoDate,
  year: z.number(),
  periodStart: IsoDate.nullable(),
  periodEnd: IsoDate.nullable(),
  closeBy: IsoDate.nullable(),
  approvedAmount: z.number().nullable(),
  paidAmount: z.number(),
  milestonesDone: z.number(),
  milestonesTotal: z.number(),
  flags: z.array(ProjectFlag),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

const FileRef = z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number(), url: z.string() });
export type FileRef = z.infer<typeof FileRef>;

export const ProjectDetail = ProjectSummary.extend({
  unitId: z.string(),
  editionId: z.string(),
  citation: z.object({ execution: z.string(), situation: z.string(), payment: z.string(), closeBy: z.string() }),
  /** The approved 计划书 (work-plan form data), read-only. */
  plan: z.record(z.string(), z.unknown()),
  /** The items of the plan the closure report answers one by one: its 成果 and 预期目标. */
  planItems: z.array(z.object({ planItem: z.string(), source: z.enum(['outcome', 'goal']) })),
  milestones: z.array(
    z.object({ id: z.string(), position: z.number(), title: z.string(), description: z.string().nullable(), startsOn: z.string().nullable(), dueOn: z.string().nullable(), status: z.string(), completedOn: z.string().nullable(), overdue: z.boolean() }),
  ),
  updates: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['progress', 'situation']),
      milestoneId: z.string().nullable(),
      reportedOn: IsoDate,
      body: z.string(),
      proposedEndOn: z.string().nullable(),
      files: z.array(FileRef),
      officerResponse: z.string().nullable(),
      officerComment: z.string().nullable(),
      respondedAt: z.string().nullable(),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  closures: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      summary: z.string(),
      status: z.enum(['submitted', 'returned', 'assessed']),
      late: z.boolean(),
      submittedAt: z.string(),
      returnReason: z.string().nullable(),
      deliverables: z.array(Deliverable.omit({ fileIds: true }).extend({ files: z.array(FileRef) })),
    }),
  ),
  assessment: z
    .object({
      id: z.string(),
      closureId: z.string(),
      outcome: z.enum(['passed', 'partly', 'failed']),
      reasons: z.string(),
      items: z.array(z.object({ planItem: z.string(), accepted: z.boolean(), comment: z.string().optional() })),
      expertOpinions: z.array(z.object({ expert: z.string(), opinion: z.string() })),
      payableAmount: z.number().nullable(),
      assessedOn: IsoDate,
    })
    .nullable(),
  disbursements: z.array(
    z.object({
      id: z.string(),
      purpose: z.string(),
      kind: z.string(),
      amount: z.number(),
      paidAmount: z.number(),
      status: z.string(),
      condition: z.string().nullable(),
      citation: z.string(),
      dueOn: z.string().nullable(),
      payments: z.array(z.object({ paidOn: z.string(), amount: z.number(), voucherNumber: z.string() })),
    }),
  ),
  /** What the caller may do now (the server decides; the page only shows it). */
  can: z.object({ report: z.boolean(), close: z.boolean(), answer: z.boolean(), returnClosure: z.boolean(), assess: z.boolean() }),
});
export type ProjectDetail = z.infer<typeof ProjectDetail>;

export const UploadedFile = FileRef;
