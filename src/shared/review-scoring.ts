import { z } from 'zod';

/**
 * Scoring, ranking and the officer's proposal (issue 5). One schema per request/response (STYLE.md 1): validates on
 * the server, types the web forms, documents the API.
 */

const Id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, '编号无效');
export const AssignmentIdParams = z.object({ id: Id.describe('评审任务编号 / assignment id') }).strict();
export const CallIdParams = z.object({ callId: Id.describe('申报批次编号 / call id') }).strict();

const Citation = z.object({
  document: z.string().describe('文件编号 / document number'),
  article: z.string().describe('条款 / article'),
  inferred: z.string().optional().describe('文本未规定时平台的取值依据 / why the platform chose the value'),
});

export const SaveScoreRequest = z
  .object({
    criteria: z
      .record(z.string().max(64), z.number().nullable())
      .describe('各评分项分值（0 至该项满分，最多一位小数；草稿可留空） / points per criterion (0..max, one decimal; blank in a draft)'),
    comments: z.record(z.string().max(64), z.string().trim().max(2000, '评语不超过 2000 字')).default({}).describe('各评分项评语（极端分值必填） / comment per criterion (mandatory for extreme scores)'),
    overallComment: z.string().trim().max(4000, '总体评价不超过 4000 字').optional().describe('总体评价（提交时必填） / overall comment (required to submit)'),
    version: z.number().int().min(0).describe('客户端所见评分版本，首次保存为 0 / the score version last seen, 0 for the first save'),
  })
  .strict();

export const SubmitScoreRequest = z
  .object({ version: z.number().int().min(1).optional().describe('评分版本 / score version') })
  .strict();

export const ScoreState = z.object({
  criteria: z.record(z.string(), z.number().nullable()).describe('各评分项分值 / points per criterion'),
  comments: z.record(z.string(), z.string()).describe('各评分项评语 / comments'),
  overallComment: z.string().nullable().describe('总体评价 / overall comment'),
  total: z.number().nullable().describe('加权总分（0–100） / weighted total'),
  status: z.enum(['draft', 'submitted']).describe('草稿或已提交 / draft or submitted'),
  version: z.number().int().describe('版本 / version'),
  updatedAt: z.string().describe('最后保存时间 / last saved'),
  submittedAt: z.string().nullable().describe('提交时间 / submitted at'),
});

export const RubricCriterion = z.object({
  id: z.string(),
  title: z.string().describe('评分项 / criterion'),
  titleEn: z.string(),
  weight: z.number().describe('权重 / weight'),
  max: z.number().describe('满分 / maximum'),
  citation: Citation,
});

export const ReviewRulesView = z.object({
  expertsPerApplication: z.number().int(),
  aggregation: z.enum(['mean', 'trimmed-mean']),
  extremeScore: z.object({ below: z.number(), atLeast: z.number() }),
  outlierPoints: z.number(),
  citation: Citation,
});

const SheetField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.string(),
  value: z.unknown(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), type: z.string() })).optional(),
});

export const ScoreSheet = z.object({
  assignment: z.object({
    id: z.string(),
    status: z.string().describe('accepted | submitted'),
    callId: z.string(),
    applicationId: z.string(),
    declaredAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
  }),
  application: z.object({
    id: z.string(),
    number: z.string(),
    title: z.string().nullable(),
    leaderName: z.string().nullable(),
    unitName: z.string(),
    program: z.string(),
    programTitle: z.string(),
    callTitle: z.string(),
    status: z.string(),
    /** Scores can change only while the application is in expert review. */
    open: z.boolean().describe('仍在专家评审中，可以评分 / still in expert review'),
    forms: z.array(z.object({ id: z.string(), title: z.string(), sections: z.array(z.object({ title: z.string(), fields: z.array(SheetField) })) })),
    materials: z.array(
      z.object({
        itemId: z.string(),
        title: z.string(),
        files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), mimeType: z.string(), url: z.string() })),
      }),
    ),
  }),
  rubric: z.array(RubricCriterion),
  review: ReviewRulesView,
  score: ScoreState.nullable(),
});

// ---------------------------------------------------------------------------------------------------------
// Officer: scores of a call, closing the review, ranking, proposal
// ---------------------------------------------------------------------------------------------------------

export const ExpertScore = z.object({
  assignmentId: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  status: z.string().describe('accepted（评分中）| submitted | pending | conflict / assignment status'),
  /** Only a submitted total is shown; a draft reads "in progress". */
  total: z.number().nullable().describe('已提交的加权总分 / submitted total'),
  inProgress: z.boolean().describe('已保存草稿、尚未提交 / a draft exists'),
  outlier: z.object({ otherMedian: z.number(), distance: z.number() }).nullable().describe('偏离其他专家中位数超过阈值 / outlier'),
  criteria: z.record(z.string(), z.number().nullable()).nullable(),
  overallComment: z.string().nullable(),
});

export const CallScores = z.object({
  call: z.object({ id: z.string(), title: z.string(), editionId: z.string(), program: z.string() }),
  rubric: z.array(RubricCriterion),
  review: ReviewRulesView,
  experts: z.array(z.object({ id: z.string(), name: z.string() })),
  applications: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      title: z.string().nullable(),
      unitName: z.string(),
      status: z.string(),
      statusName: z.string(),
      scores: z.array(ExpertScore),
      submitted: z.number().int(),
      required: z.number().int(),
      aggregate: z.number().nullable(),
      trimmed: z.boolean(),
      outliers: z.number().int(),
    }),
  ),
});

export const CloseReviewRequest = z
  .object({ applicationIds: z.array(Id).max(500).optional().describe('只结束这些申报的评审；不填为全部 / only these applications (default all)') })
  .strict();

export const CloseReviewResponse = z.object({
  closed: z.array(z.object({ id: z.string(), number: z.string() })),
  incomplete: z.array(z.object({ id: z.string(), number: z.string(), submitted: z.number().int(), required: z.number().int() })),
  skipped: z.array(z.object({ id: z.string(), number: z.string(), reason: z.string() })),
});

export const RankingRow = z.object({
  applicationId: z.string(),
  number: z.string(),
  title: z.string().nullable(),
  unitName: z.string(),
  status: z.string(),
  statusName: z.string(),
  aggregate: z.number(),
  trimmed: z.boolean(),
  submitted: z.number().int(),
  rank: z.number().int().describe('名次（同分并列） / rank (ties share)'),
  tied: z.boolean().describe('与他人同分 / tied'),
  withinQuota: z.boolean().describe('在名额线内 / within the quota'),
  straddlesQuota: z.boolean().describe('并列跨越名额线，由经办人决定 / tie across the quota line'),
  suggestedAmount: z.number().nullable().describe('按资助规则建议金额（元） / suggested amount (CNY)'),
  maxAmount: z.number().nullable().describe('金额上限（元） / maximum amount'),
  amountFixed: z.boolean().describe('定额资助 / fixed amount'),
  proposal: z.object({ proposed: z.boolean(), amount: z.number().nullable(), reason: z.string().nullable() }).nullable(),
});

export const Ranking = z.object({
  call: z.object({ id: z.string(), title: z.string(), editionId: z.string(), program: z.string(), programTitle: z.string() }),
  quota: z.object({ value: z.number().int().nullable(), callQuota: z.number().int().nullable(), editionQuota: z.number().int().nullable(), citation: Citation.nullable() }),
  funding: z.object({ kind: z.enum(['fixed', 'capped', 'none']), amount: z.number().nullable(), text: z.string(), citation: Citation.nullable() }),
  rows: z.array(RankingRow),
  /** Applications still in expert review (not yet ranked). */
  pending: z.number().int(),
  proposal: z
    .object({ id: z.string(), status: z.enum(['draft', 'submitted']), version: z.number().int(), updatedAt: z.string(), submittedAt: z.string().nullable() })
    .nullable(),
});

export const ProposalItemInput = z
  .object({
    applicationId: Id.describe('申报 / application'),
    proposed: z.boolean().describe('列入拟定名单 / proposed'),
    amount: z.number().int('金额应为整数元').min(0).max(100_000_000).nullable().optional().describe('拟资助金额（元） / amount (CNY)'),
    reason: z.string().trim().max(1000, '理由不超过 1000 字').nullable().optional().describe('偏离排名的理由 / reason for departing from the ranking'),
  })
  .strict();

export const SaveProposalRequest = z
  .object({
    version: z.number().int().min(0).describe('客户端所见版本，首次保存为 0 / version last seen, 0 for the first save'),
    items: z.array(ProposalItemInput).max(500),
  })
  .strict();

export const SubmitProposalRequest = z
  .object({ version: z.number().int().min(1).optional().describe('拟定名单版本 / proposal version') })
  .strict();
