import { z } from 'zod';

/**
 * The officers' studios dashboard (工作室管理统计) and the unit's studio workspace (我的工作室), issue 7.
 * Request and response schemas shared by the server, the web app and the OpenAPI document.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const DashboardQuery = z
  .object({
    jurisdiction: z.string().trim().min(1).max(32).optional().describe('辖区（默认：本人所有辖区） / jurisdiction, default all of the caller’s'),
    year: z.coerce
      .number({ message: '年度须为数字' })
      .int('年度须为整数')
      .min(2000, '年度不早于 2000 年')
      .max(2100, '年度不晚于 2100 年')
      .optional()
      .describe('统计年度（默认今年，北京时间）：年度报告统计该年及上一年；给出时经费与项目只统计该年 / year'),
  })
  .strict();

const Count = z.object({ key: z.string().describe('分类 / key'), label: z.string().describe('名称 / label'), count: z.number().int().describe('数量 / count') });

export const MoneyYear = z.object({
  year: z.number().int().describe('年度：应拨日（due_on）所在年；尚待条件满足的按列入计划（created_at，北京时间）所在年 / year of due_on, else of created_at'),
  approved: z.number().describe('计划拨付（元） / approved, CNY'),
  paid: z.number().describe('已拨付（元） / paid, CNY'),
  byKind: z
    .array(z.object({ kind: z.string().describe('fixed 定额资助 / capped 限额补助 / award 称号奖励'), approved: z.number(), paid: z.number() }))
    .describe('按资金类别 / by kind'),
});

export const ReportYearCounts = z.object({
  year: z.number().int().describe('报告年度 / report year'),
  dueOn: IsoDate.nullable().describe('最早截止日 / earliest due date'),
  byStatus: z.array(Count).describe('按状态：draft 草稿 / submitted 已提交 / accepted 已通过 / returned 已退回 / missing 未建立 / by status'),
  overdue: z.number().int().describe('已过截止日仍未提交或通过 / past due, neither submitted nor accepted'),
  expected: z.number().int().describe('应报送的工作室数 / studios that owe the report'),
});

export const OverdueReport = z.object({
  reportId: z.string().nullable().describe('年度报告编号（未建立时为空） / report id, null when none exists'),
  studioId: z.string().describe('工作室编号 / studio id'),
  studioName: z.string().describe('工作室名称 / studio name'),
  unitName: z.string().describe('所在单位 / unit'),
  year: z.number().int().describe('年度 / year'),
  dueOn: IsoDate,
  daysOverdue: z.number().int().describe('逾期天数 / days overdue'),
  status: z.string().describe('draft / returned / missing'),
  link: z.string().describe('页面链接 / page link'),
});

export const OverdueProject = z.object({
  projectId: z.string().describe('项目编号 / project id'),
  name: z.string().describe('名称 / name'),
  unitName: z.string().describe('所在单位 / unit'),
  studioName: z.string().nullable().describe('工作室名称 / studio name'),
  closeBy: IsoDate,
  daysOverdue: z.number().int().describe('逾期天数 / days overdue'),
  hasSituationReport: z.boolean().describe('已提交情况说明（第十二条） / a situation report was filed'),
  link: z.string().describe('页面链接 / page link'),
});

export const OpenCase = z.object({
  caseId: z.string().describe('案件编号 / case id'),
  studioId: z.string().describe('工作室编号 / studio id'),
  studioName: z.string().describe('工作室名称 / studio name'),
  triggerId: z.string().describe('情形编号 / trigger id'),
  trigger: z.string().describe('取消称号情形 / trigger'),
  citation: z.string().describe('依据 / rule'),
  raisedOn: IsoDate,
  raisedBy: z.string().describe('system 每日检查 / officer 业务主管认定'),
  link: z.string().describe('页面链接 / page link'),
});

export const DashboardStudio = z.object({
  id: z.string().describe('编号 / id'),
  name: z.string().describe('名称 / name'),
  jurisdiction: z.string().describe('辖区 / jurisdiction'),
  unitName: z.string().describe('所在单位 / unit'),
  leader: z.string().describe('领办人 / leader'),
  occupation: z.string().describe('职业（工种） / occupation'),
  level: z.string().describe('district / municipal / national'),
  status: z.string().describe('active / suspended / revoked / dissolved'),
  recognizedOn: IsoDate,
  editionId: z.string().describe('政策版本 / edition'),
  /** Whether the edition grants awards for higher titles (shown with the action). */
  awards: z.array(z.object({ level: z.string(), amount: z.number().nullable(), citation: z.string().nullable() })).describe('该版政策对更高级别称号的奖励 / awards the edition grants'),
});

export const StudiosDashboard = z.object({
  asOf: IsoDate.describe('统计日（北京时间） / as of'),
  year: z.number().int().describe('年度 / year'),
  jurisdictions: z.array(z.object({ id: z.string(), name: z.string() })).describe('本次统计的辖区 / jurisdictions counted'),
  totals: z.object({
    studios: z.number().int().describe('工作室数 / studios'),
    active: z.number().int().describe('正常运转的工作室 / active studios'),
    projectsRunning: z.number().int().describe('实施中项目 / projects in execution'),
    projectsOverdue: z.number().int().describe('逾期未结项 / overdue projects'),
    approved: z.number().describe('计划拨付（元） / scheduled, CNY'),
    paid: z.number().describe('已拨付（元） / paid, CNY'),
    reportsOverdue: z.number().int().describe('逾期年度报告 / overdue reports'),
    openCases: z.number().int().describe('未结案件 / open cases'),
  }),
  studiosByStatus: z.array(Count).describe('按状态 / by status'),
  studiosByOccupation: z.array(Count).describe('前 8 个职业及“其他” / top 8 occupations and other'),
  studiosByLevel: z.array(Count).describe('按级别 / by level'),
  projectsByStage: z.array(Count).describe('项目状态；overdue = 已过结项截止日（close_by）仍未提交结项报告 / stages plus overdue'),
  moneyByYear: z.array(MoneyYear).describe('经费按年度 / money by year'),
  reports: z.array(ReportYearCounts).describe('本年度与上一年度 / this year and last'),
  casesByTrigger: z.array(Count.extend({ citation: z.string() })).describe('未结案件按情形 / open cases by trigger'),
  overdueReports: z.array(OverdueReport).describe('前 10 条 / top 10'),
  overdueProjects: z.array(OverdueProject).describe('前 10 条 / top 10'),
  openCases: z.array(OpenCase).describe('前 10 条 / top 10'),
  studios: z.array(DashboardStudio).describe('工作室数 / studios'),
});

// ---------------------------------------------------------------------------------------------------------------
// The unit's studio workspace
// ---------------------------------------------------------------------------------------------------------------

export const NextStep = z.object({
  key: z.string().describe('稳定标识 / stable key'),
  kind: z.enum(['annual-report', 'person-times', 'closure', 'situation', 'closure-returned', 'revocation', 'change', 'payment', 'info']).describe('类型 / kind'),
  severity: z.enum(['overdue', 'soon', 'todo', 'info']).describe('overdue 已逾期 / soon 30 天内 / todo 待办 / info 提示'),
  title: z.string().describe('要做的事（中文） / what to do'),
  detail: z.string().nullable().describe('说明 / detail'),
  dueOn: IsoDate.nullable(),
  daysLeft: z.number().int().nullable().describe('距截止日天数，负数为已逾期 / days left, negative when overdue'),
  citation: z.string().nullable().describe('依据 / rule'),
  link: z.string().nullable().describe('去处理的页面 / page to act on'),
});

export const WorkspaceObligation = z.object({
  id: z.string().describe('编号 / id'),
  text: z.string().describe('义务内容 / obligation'),
  citation: z.string().describe('依据 / rule'),
  inferred: z.string().nullable().describe('条文未规定日期时平台采用的做法 / the practice inferred where the text is silent'),
  nextDue: IsoDate.nullable(),
  daysLeft: z.number().int().nullable().describe('剩余天数 / days left'),
  period: z.number().int().nullable().describe('对应年度 / the year it is for'),
  state: z.enum(['done', 'in-progress', 'returned', 'not-started', 'overdue', 'met', 'below', 'not-reported', 'ongoing']).describe('完成情况 / state'),
  stateText: z.string().describe('状态说明 / state in words'),
  figure: z.number().nullable().describe('已报送的数字（如人次） / figure reported'),
  minimum: z.number().nullable().describe('最低要求 / minimum'),
  link: z.string().nullable().describe('页面链接 / page link'),
});

export const WorkspaceProject = z.object({
  id: z.string().describe('编号 / id'),
  name: z.string().describe('名称 / name'),
  status: z.string().describe('状态 / status'),
  closeBy: IsoDate.nullable(),
  daysLeft: z.number().int().nullable().describe('剩余天数 / days left'),
  overdue: z.boolean().describe('已过结项截止日仍未提交结项报告 / past its closing date without a closure report'),
  closureStatus: z.string().nullable().describe('最新结项报告状态 / latest closure status'),
  approvedAmount: z.number().nullable().describe('核定金额（元） / approved amount'),
  link: z.string().describe('页面链接 / page link'),
});

export const WorkspaceStudio = z.object({
  id: z.string().describe('编号 / id'),
  name: z.string().describe('名称 / name'),
  jurisdiction: z.string().describe('辖区 / jurisdiction'),
  jurisdictionName: z.string().describe('辖区名称 / jurisdiction name'),
  editionId: z.string().describe('政策版本 / edition'),
  documentNumber: z.string().nullable().describe('政策文号 / policy document'),
  level: z.string().describe('称号级别 / level'),
  status: z.string().describe('状态 / status'),
  leader: z.string().describe('领办人 / leader'),
  occupation: z.string().describe('职业（工种） / occupation'),
  recognizedOn: IsoDate,
  plaqueNumber: z.string().nullable().describe('铭牌编号 / plaque number'),
  address: z.string().nullable().describe('工作地址 / address'),
  obligations: z.array(WorkspaceObligation).describe('义务 / obligations'),
  projects: z.array(WorkspaceProject).describe('建设项目 / projects'),
  reports: z.array(z.object({ id: z.string(), year: z.number().int(), status: z.string(), dueOn: IsoDate, personTimes: z.number().nullable(), late: z.boolean(), link: z.string() })).describe('年度报告 / annual reports'),
  changes: z.array(z.object({ id: z.string(), kind: z.string(), status: z.string(), submittedAt: z.string(), citation: z.string(), link: z.string() })).describe('审核中的变更申请 / open change requests'),
  revocationCases: z
    .array(z.object({ id: z.string(), trigger: z.string(), citation: z.string(), raisedOn: IsoDate, summary: z.string() }))
    .describe('未结的取消称号案件：单位有权知悉并说明情况 / open revocation cases: the unit is told so it can answer'),
  money: z.object({ scheduled: z.number(), paid: z.number(), awaiting: z.number().describe('待条件满足（元） / awaiting its condition') }),
  nextSteps: z.array(NextStep).describe('下一步要做什么 / next steps'),
});

export const StudioWorkspace = z.object({
  asOf: IsoDate,
  unitName: z.string().nullable().describe('所在单位 / unit'),
  studios: z.array(WorkspaceStudio).describe('工作室数 / studios'),
});

export type DashboardQuery = z.infer<typeof DashboardQuery>;
export type StudiosDashboard = z.infer<typeof StudiosDashboard>;
export type DashboardStudio = z.infer<typeof DashboardStudio>;
export type StudioWorkspace = z.infer<typeof StudioWorkspace>;
export type WorkspaceStudio = z.infer<typeof WorkspaceStudio>;
export type NextStep = z.infer<typeof NextStep>;
export type OverdueReport = z.infer<typeof OverdueReport>;
export type OverdueProject = z.infer<typeof OverdueProject>;
export type OpenCase = z.infer<typeof OpenCase>;

export const STUDIO_STATUS_ZH: Record<string, string> = { active: '正常运转', suspended: '暂停', revoked: '已取消称号', dissolved: '已撤销' };
export const LEVEL_ZH: Record<string, string> = { district: '区级', municipal: '市级', national: '国家级' };
export const PROJECT_STAGE_ZH: Record<string, string> = {
  'in-execution': '实施中',
  'closure-submitted': '已提交结项',
  passed: '结项通过',
  'partly-passed': '部分通过',
  failed: '未通过',
  overdue: '逾期未结项',
};
export const REPORT_STATUS_ZH: Record<string, string> = { draft: '草稿', submitted: '已提交', accepted: '已通过', returned: '已退回', missing: '未建立' };
export const FUNDING_KIND_ZH: Record<string, string> = { fixed: '定额资助', capped: '限额补助', award: '称号奖励' };
