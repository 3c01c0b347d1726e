import { z } from 'zod';

/**
 * The desk stages of the review (issue 5): completeness check (初审 — 大兴 2026 通知 三（二）; 经开区 京技管发〔2024〕1号
 * 办事指南 六（二）; 顺义 第五条、第六条 as inferred), substantive review (实质审核, 经开区 六（三）) and paper receipt
 * (线下受理, 经开区 六（四）、五（二）). Requests and responses of /api/review/applications/:id/* and /api/review/desk.
 */

export const DESK_STAGE_IDS = ['completeness-check', 'substantive-review', 'paper-intake'] as const;
export const VERDICTS = ['ok', 'missing', 'incorrect'] as const;
export type Verdict = (typeof VERDICTS)[number];

const ItemId = z.string().regex(/^[a-z0-9-]{1,64}$/, '事项编号无效');

export const VerdictItem = z
  .object({
    kind: z.enum(['form', 'material']).describe('表单或材料 / form or material'),
    id: ItemId.describe('表单或材料编号 / form or checklist item id'),
    verdict: z.enum(VERDICTS).describe('合格 / 缺失 / 不符合要求 — ok / missing / incorrect'),
    comment: z.string().trim().max(1000).optional().describe('审核意见（不合格时必填） / comment, required unless ok'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.verdict !== 'ok' && (v.comment ?? '').length < 2) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: '判定为缺失或不符合要求时，请写明审核意见' });
    }
  });

export const SaveVerdictsRequest = z
  .object({
    stage: z.enum(DESK_STAGE_IDS).describe('审核环节 / desk stage'),
    items: z.array(VerdictItem).min(1, '至少提交一项审核意见').max(100).describe('逐项审核意见 / item verdicts'),
  })
  .strict();

const Version = z.number().int().min(1).describe('客户端所见的申报版本（乐观锁） / the application version last seen');

export const AcceptRequest = z.object({ version: Version }).strict();

export const PassRequest = z
  .object({ version: Version, comment: z.string().trim().max(2000).optional().describe('审核意见 / comment') })
  .strict();

export const RejectRequest = z
  .object({
    version: Version,
    stage: z.enum(DESK_STAGE_IDS).describe('在哪一审核环节不予通过 / the desk stage'),
    reasons: z.string().trim().min(5, '请写明不予通过的理由（至少 5 个字）').max(2000).describe('不予通过的理由 / reasons'),
  })
  .strict();

export const PaperReceiptRequest = z
  .object({
    version: Version,
    outcome: z.enum(['received', 'to-correct']).describe('收件 / 当场告知补正 — received / to correct'),
    watermarkCode: z
      .string()
      .trim()
      .min(4, '请输入打印件水印上的核验码')
      .max(40)
      .describe('打印件水印（封面二维码）上的核验码 / the verification code printed in the watermark'),
    items: z
      .array(z.object({ id: z.string().min(1).max(80), comment: z.string().trim().min(2, '请写明需要补正的内容').max(1000) }).strict())
      .max(50)
      .optional()
      .describe('当场告知补正的事项 / what the unit is told to fix'),
    comment: z.string().trim().max(2000).optional().describe('说明 / note'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'to-correct' && !v.items?.length && !v.comment) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: '请列出需要补正的事项或写明说明' });
    }
  });

export const DeskQueueQuery = z
  .object({
    stage: z.enum(DESK_STAGE_IDS).default('substantive-review').describe('审核环节 / desk stage'),
    page: z.coerce.number().int().min(1).max(10_000).default(1).describe('页码 / page'),
    pageSize: z.coerce.number().int().min(1).max(100).default(50).describe('每页条数，≤100 / page size'),
  })
  .strict();

const Citation = z.object({ document: z.string(), article: z.string(), inferred: z.string().optional() });

export const DeskItemView = z.object({
  kind: z.enum(['form', 'material']),
  id: z.string(),
  title: z.string().describe('表单或材料名称 / title'),
  order: z.number().nullable().describe('材料清单序号 / checklist order'),
  required: z.boolean(),
  /** Whether anything is on file: a saved form, or at least one uploaded file. */
  present: z.boolean().describe('是否已填写或上传 / filled in or uploaded'),
  files: z.number().describe('已上传文件数 / files uploaded'),
  verdict: z
    .object({ verdict: z.enum(VERDICTS), comment: z.string().nullable(), checkedBy: z.string().nullable(), checkedAt: z.string() })
    .nullable()
    .describe('本轮本环节的审核意见 / this round’s verdict at the current stage'),
  previous: z
    .object({ round: z.number(), stage: z.string(), verdict: z.enum(VERDICTS), comment: z.string().nullable() })
    .nullable()
    .describe('上一轮的审核意见 / the previous round’s verdict'),
  changed: z.boolean().describe('上次退回补正后单位是否修改过此项 / changed by the unit since the last return'),
});

export const DeskAction = z.enum(['accept', 'return', 'reject', 'pass', 'receive-paper', 'paper-to-correct', 'request-paper-dossier']);
export type DeskActionId = z.infer<typeof DeskAction>;

export const DeskView = z.object({
  id: z.string(),
  number: z.string(),
  status: z.string(),
  statusName: z.string(),
  version: z.number(),
  round: z.number(),
  editionId: z.string(),
  jurisdiction: z.string(),
  stage: z.string().nullable().describe('当前所处审核环节 / the desk stage the application waits at'),
  stages: z
    .array(z.object({ id: z.string(), title: z.string(), actor: z.string(), citation: Citation, current: z.boolean(), done: z.boolean() }))
    .describe('本政策版本的审核环节（按原文顺序） / the edition’s desk stages, in order'),
  items: z.array(DeskItemView),
  lastReturnAt: z.string().nullable().describe('最近一次退回补正时间 / when it was last returned'),
  actions: z.array(DeskAction).describe('当前账号此刻可以执行的操作 / what the caller may do now'),
  paperReceipts: z.array(
    z.object({
      id: z.string(),
      round: z.number(),
      outcome: z.string(),
      watermarkCode: z.string().nullable(),
      items: z.array(z.object({ id: z.string(), comment: z.string() })),
      comment: z.string().nullable(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  paperDossier: z.object({ deadline: z.string(), requestedAt: z.string(), round: z.number() }).nullable().describe('待报送的纸质材料通知 / pending paper dossier notice'),
});

export const DeskQueueItem = z.object({
  id: z.string(),
  number: z.string(),
  unitName: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  title: z.string().nullable(),
  status: z.string(),
  statusName: z.string(),
  version: z.number(),
  waitingSince: z.string().nullable().describe('进入本环节的时间（北京时间） / waiting at this stage since'),
  paperDeadline: z.string().nullable().describe('纸质材料报送截止日期 / paper dossier deadline'),
  paperRequestedAt: z.string().nullable(),
});

export const DeskActionResponse = z.object({
  id: z.string(),
  status: z.string(),
  statusName: z.string(),
  version: z.number(),
  message: z.string().describe('结果说明 / what happened'),
});

export const PaperReceiptResponse = DeskActionResponse.extend({
  outdated: z.boolean().describe('打印件是否早于网上材料的最近修改 / the printout predates the latest change online'),
  downloadedAt: z.string().describe('打印件下载时间（北京时间） / when the printout was downloaded'),
});
