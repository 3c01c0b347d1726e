import { z } from 'zod';

/**
 * Revocation (取消称号, 大兴 京兴人社发〔2025〕21号 第十八条, issue 7): cases raised by the daily check or recorded by the
 * program officer, and the officer's decision — request and response schemas shared by the server and the web app.
 */

export const RevocationCaseStatus = z
  .enum(['open', 'revoked', 'dismissed', 'closed'])
  .describe('open 待处理 / revoked 已取消称号 / dismissed 不予取消 / closed 工作室已因其他情形取消称号，一并结案');
export type RevocationCaseStatus = z.infer<typeof RevocationCaseStatus>;

export const REVOCATION_STATUS_NAMES: Record<RevocationCaseStatus, { zh: string; en: string }> = {
  open: { zh: '待处理', en: 'Open' },
  revoked: { zh: '已取消称号', en: 'Revoked' },
  dismissed: { zh: '不予取消', en: 'Dismissed' },
  closed: { zh: '一并结案', en: 'Closed with another case' },
};

const Id = z.string().min(1).max(64);
const TriggerId = z.string().trim().min(1, '请选择取消称号情形').max(64, '情形编号无效');

export const RevocationCaseListQuery = z
  .object({
    status: RevocationCaseStatus.optional().describe('案件状态 / status'),
    trigger: TriggerId.optional().describe('取消称号情形 / trigger id'),
    studioId: Id.optional().describe('工作室 / studio'),
  })
  .strict();

/** POST /api/studios/:id/revocation-findings — the program officer records a 第十八条 case with its facts. */
export const RevocationFindingRequest = z
  .object({
    triggerId: TriggerId.describe('取消称号情形（本工作室适用政策所列情形之一） / trigger of the studio’s edition'),
    facts: z.string().trim().min(10, '请写明查实的事实（时间、经过、涉及金额或人员等），至少 10 个字').max(4000, '事实不超过 4000 字').describe('查实的事实 / facts found'),
    evidence: z.string().trim().min(2, '请写明证据（检查记录、审计报告、情况说明等）').max(4000, '证据不超过 4000 字').describe('证据 / evidence'),
  })
  .strict();
export type RevocationFindingRequest = z.infer<typeof RevocationFindingRequest>;

const Version = z.number({ message: '缺少案件版本号，请刷新后重试' }).int().min(1).max(1_000_000).describe('案件版本号（防止两人同时处理） / case version');

/** POST /api/revocation-cases/:id/revoke — 取消工作室称号，收回铭牌. */
export const RevokeRequest = z
  .object({
    reason: z.string().trim().min(10, '请写明取消称号的理由（至少 10 个字）').max(2000, '理由不超过 2000 字').describe('取消理由 / reason'),
    document: z.string().trim().min(4, '请填写取消称号的决定文件文号').max(100, '文号不超过 100 字').describe('决定文件文号，如 京兴人社发〔2026〕40号 / decision document'),
    version: Version,
  })
  .strict();
export type RevokeRequest = z.infer<typeof RevokeRequest>;

/** POST /api/revocation-cases/:id/dismiss — 不予取消. */
export const DismissRequest = z
  .object({
    reason: z.string().trim().min(4, '请写明不予取消的理由（至少 4 个字）').max(2000, '理由不超过 2000 字').describe('不予取消的理由 / reason'),
    version: Version,
  })
  .strict();
export type DismissRequest = z.infer<typeof DismissRequest>;

export const RevocationCase = z.object({
  id: z.string(),
  studioId: z.string(),
  studioName: z.string().describe('工作室 / studio'),
  studioStatus: z.string().describe('工作室状态 / studio status'),
  unitName: z.string().describe('所在单位 / unit'),
  leaderName: z.string().describe('领办人 / leader'),
  jurisdiction: z.string(),
  editionId: z.string(),
  triggerId: z.string(),
  trigger: z.string().describe('取消称号情形 / trigger'),
  citation: z.string().describe('依据条款 / article'),
  /** Set when the text is silent and the platform defined how the trigger is measured. */
  inferred: z.string().nullable().describe('推断说明 / inferred'),
  definition: z.string().nullable().describe('自动检查的口径 / what the check looks at'),
  summary: z.string().describe('事实 / facts in words'),
  details: z.record(z.string(), z.unknown()).describe('事实明细 / facts in figures'),
  raisedBy: z.enum(['system', 'officer']).describe('system 系统每日检查 / officer 业务主管记录'),
  raisedByName: z.string().nullable(),
  raisedOn: z.string(),
  status: RevocationCaseStatus,
  decisionReason: z.string().nullable(),
  decisionDocument: z.string().nullable(),
  decidedAt: z.string().nullable().describe('处理时间（ISO） / decided at'),
  decidedByName: z.string().nullable(),
  version: z.number(),
});
export type RevocationCase = z.infer<typeof RevocationCase>;

export const StudioHistoryEntry = z.object({
  id: z.string(),
  kind: z.string(),
  happenedOn: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  citation: z.string().nullable(),
  note: z.string().nullable(),
  revocationCaseId: z.string().nullable(),
});

export const RevocationCaseDetail = RevocationCase.extend({
  /** The article's text (第十八条 and the item), as the edition encodes it. */
  articleText: z.string().describe('条款原文 / the article’s text'),
  studio: z.object({
    plaqueNumber: z.string().nullable(),
    level: z.string(),
    recognizedOn: z.string(),
    revokedOn: z.string().nullable(),
    revocationReason: z.string().nullable(),
    revocationArticle: z.string().nullable(),
  }),
  otherCases: z.array(z.object({ id: z.string(), trigger: z.string(), citation: z.string(), status: RevocationCaseStatus, raisedOn: z.string() })),
  history: z.array(StudioHistoryEntry),
});
export type RevocationCaseDetail = z.infer<typeof RevocationCaseDetail>;

export const RevocationTriggerOption = z.object({
  id: z.string(),
  citation: z.string().describe('依据条款 / article'),
  text: z.string().describe('情形 / trigger'),
  detection: z.enum(['automatic', 'officer-finding']).describe('automatic 系统每日检查 / officer-finding 业务主管记录'),
  definition: z.string().nullable(),
  inferred: z.string().nullable(),
  openCaseId: z.string().nullable().describe('该情形已有待处理案件 / open case of this trigger'),
});

export const StudioRevocationTriggers = z.object({
  studioId: z.string(),
  studioName: z.string(),
  studioStatus: z.string(),
  editionId: z.string(),
  document: z.string().describe('适用政策文件 / edition document'),
  triggers: z.array(RevocationTriggerOption),
});
export type StudioRevocationTriggers = z.infer<typeof StudioRevocationTriggers>;
