import { z } from 'zod';

/**
 * Review dashboard per call and the inspector's (纪检监察) record of a call's whole review (issue 5).
 * Times are ISO instants; dates are Beijing calendar dates 'YYYY-MM-DD'.
 */

const Iso = z.string().describe('时间（ISO 8601） / instant');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const ReviewCallSummary = z.object({
  id: z.string().describe('申报批次 / call id'),
  title: z.string().describe('批次名称 / title'),
  jurisdictionId: z.string().describe('辖区 / jurisdiction'),
  editionId: z.string().describe('政策版本 / policy edition'),
  documentNumber: z.string().describe('政策文号 / document number'),
  program: z.string().describe('项目类型 / program'),
  year: z.number().describe('年度 / year'),
  quota: z.number().nullable().describe('名额 / quota'),
  closesAt: Iso,
  total: z.number().describe('已提交的申报数 / applications past submission'),
  byStatus: z.record(z.string(), z.number()).describe('各状态申报数 / applications per status'),
  stages: z
    .array(z.object({ id: z.string(), title: z.string(), count: z.number() }))
    .describe('按政策环节顺序的申报数 / applications per stage in the edition’s order'),
});
export type ReviewCallSummary = z.infer<typeof ReviewCallSummary>;

export const DashboardStage = z.object({
  id: z.string().describe('环节 / stage id (completeness-check … rejected)'),
  title: z.string().describe('环节名称 / stage title'),
  article: z.string().nullable().describe('政策依据 / citation'),
  count: z.number().describe('处于该环节的申报数 / applications at the stage'),
  byStatus: z.record(z.string(), z.number()).describe('细分状态 / per status'),
});

export const OverdueItem = z.object({
  kind: z.enum(['correction', 'paper-dossier', 'expert-review']).describe('逾期类型 / what is overdue'),
  applicationId: z.string(),
  applicationNumber: z.string().describe('申报编号 / application number'),
  unitName: z.string().describe('申报单位 / unit'),
  dueOn: Day.describe('期限 / due date'),
  daysOverdue: z.number().describe('逾期天数（自然日） / calendar days overdue'),
  reason: z.string().describe('原因 / why it is overdue'),
  expertName: z.string().nullable().describe('评审专家（专家评审逾期时） / expert'),
});

export const ExpertProgress = z.object({
  expertId: z.string(),
  name: z.string().describe('专家 / expert'),
  employer: z.string().describe('工作单位 / employer'),
  assigned: z.number().describe('分配的申报数（不含撤回） / assigned'),
  declared: z.number().describe('已声明利益冲突情况 / declared'),
  conflicts: z.number().describe('声明存在利益冲突 / conflicts declared'),
  submitted: z.number().describe('已提交评分 / score sheets submitted'),
  pending: z.number().describe('待评（已分配未提交且无冲突） / still to score'),
});

export const ReviewDashboard = z.object({
  call: ReviewCallSummary,
  today: Day.describe('今天（北京时间） / today in Beijing'),
  stages: z.array(DashboardStage),
  overdue: z.array(OverdueItem),
  expertReviewDeadline: z
    .object({ dueOn: Day, setByName: z.string().nullable(), setAt: Iso })
    .nullable()
    .describe('专家评审截止日 / the expert-review deadline'),
  experts: z.array(ExpertProgress),
  proposal: z
    .object({
      status: z.enum(['none', 'draft', 'submitted']).describe('拟定名单状态 / proposal state'),
      items: z.number().describe('排名条目 / ranked items'),
      proposed: z.number().describe('拟入选数 / proposed'),
      quota: z.number().nullable().describe('名额 / quota'),
      updatedAt: Iso.nullable(),
      submittedAt: Iso.nullable(),
    })
    .describe('拟定名单 / the proposal'),
});
export type ReviewDashboard = z.infer<typeof ReviewDashboard>;

export const SetDeadlineRequest = z
  .object({
    stage: z.literal('expert-review').describe('环节（目前为专家评审） / stage (expert-review)'),
    dueOn: Day.describe('截止日（北京时间） / due date in Beijing'),
  })
  .strict();
export type SetDeadlineRequest = z.infer<typeof SetDeadlineRequest>;

const Name = z.string().nullable();

export const RecordApplication = z.object({
  id: z.string(),
  number: z.string().describe('申报编号 / number'),
  unitName: z.string().describe('申报单位 / unit'),
  title: Name.describe('项目或工作室名称 / title'),
  leaderName: Name.describe('领办人 / leader'),
  status: z.string(),
  statusName: z.string().describe('状态 / status'),
  round: z.number().describe('补正轮次 / correction round'),
  submittedAt: Iso.nullable(),
  timeline: z.array(
    z.object({ at: Iso, actorName: Name, action: z.string(), fromStatus: Name, toStatus: Name, round: z.number(), note: Name }),
  ).describe('全过程 / the application’s timeline'),
  corrections: z.array(z.object({ round: z.number(), deadline: Name, items: z.array(z.object({ kind: z.string(), id: z.string(), comment: z.string() })), requestedAt: Iso, answeredAt: Iso.nullable() })),
  verdicts: z.array(
    z.object({ stage: z.string(), round: z.number(), itemKind: z.string(), itemId: z.string(), verdict: z.string(), comment: Name, checkedByName: Name, checkedAt: Iso }),
  ).describe('各轮审核意见 / desk verdicts of every round'),
  paperReceipts: z.array(
    z.object({ round: z.number(), outcome: z.string(), watermarkCode: Name, items: z.array(z.object({ id: z.string(), comment: z.string() })), comment: Name, recordedByName: Name, recordedAt: Iso }),
  ).describe('纸质材料收件 / paper receipts'),
});

const ExpertRef = z.object({ expertId: z.string(), name: z.string() });

export const RecordDraw = z.object({
  id: z.string(),
  algorithm: z.string().describe('抽取算法 / algorithm'),
  seed: z.string().describe('随机种子 / seed'),
  size: z.number(),
  fields: z.array(z.string()).describe('专业领域 / fields'),
  candidates: z.array(ExpertRef).describe('候选专家（按算法所见顺序） / candidates in order'),
  excluded: z.array(ExpertRef.extend({ reason: z.string() })).describe('回避排除 / excluded and why'),
  drawn: z.array(ExpertRef).describe('抽中 / drawn'),
  drawnByName: Name,
  drawnAt: Iso,
  verifyUrl: z.string().describe('复现校验 / reproduction check'),
});

export const RecordAssignment = z.object({
  id: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  status: z.string().describe('pending | accepted | conflict | submitted | withdrawn'),
  assignedByName: Name,
  assignedAt: Iso,
  declaredAt: Iso.nullable(),
  conflict: z.object({ kind: z.string(), note: z.string().optional() }).nullable().describe('声明的利益冲突 / declared conflict'),
  replacedBy: Name,
  submittedAt: Iso.nullable(),
});

export const RecordScore = z.object({
  assignmentId: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  criteria: z.array(
    z.object({ id: z.string(), title: z.string(), weight: z.number(), max: z.number(), points: z.number().nullable(), comment: Name }),
  ).describe('各评分项得分与意见 / points and comment per criterion'),
  overallComment: Name,
  total: z.number().nullable().describe('加权总分（0–100） / weighted total'),
  submittedAt: Iso.nullable(),
});

export const ReviewRecord = z.object({
  call: ReviewCallSummary,
  generatedAt: Iso,
  rubric: z.array(z.object({ id: z.string(), title: z.string(), weight: z.number(), max: z.number(), article: z.string() })),
  applications: z.array(RecordApplication),
  draws: z.array(RecordDraw),
  panel: z.array(z.object({ expertId: z.string(), name: z.string(), employer: z.string(), status: z.string(), drawId: Name, addedAt: Iso })),
  assignments: z.array(RecordAssignment),
  scores: z.array(RecordScore).describe('已提交的评分表 / submitted score sheets'),
  proposal: z
    .object({
      id: z.string(),
      status: z.string(),
      createdByName: Name,
      updatedAt: Iso,
      submittedByName: Name,
      submittedAt: Iso.nullable(),
      items: z.array(
        z.object({
          applicationId: z.string(),
          applicationNumber: z.string(),
          unitName: z.string(),
          rank: z.number(),
          aggregate: z.number(),
          proposed: z.boolean(),
          amount: z.number().nullable(),
          reason: Name.describe('偏离排名的理由 / reason for departing from the ranking'),
        }),
      ),
    })
    .nullable(),
  accessLog: z
    .array(z.object({ id: z.number(), at: Iso, userName: Name, role: Name, applicationId: Name, applicationNumber: Name, what: z.string(), detail: Name }))
    .describe('访问记录（谁在何时看了什么） / who saw what when'),
  audit: z
    .array(
      z.object({
        id: z.number(),
        occurredAt: Iso,
        actorUsername: Name,
        actorRole: Name,
        action: z.string(),
        actionName: z.string(),
        entityType: z.string(),
        entityId: Name,
        hash: z.string().nullable().describe('SM3 哈希（入链后） / SM3 hash once chained'),
      }),
    )
    .describe('相关审计事件 / audit events of these entities'),
});
export type ReviewRecord = z.infer<typeof ReviewRecord>;
