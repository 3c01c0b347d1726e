import { z } from 'zod';
import { IsoDate } from './calendar';

/**
 * Change requests of a studio (变更申请, 京兴人社发〔2025〕21号 第十七条; 顺义 征求意见稿 第十四条) and the studio's
 * history (issue 7): request and response schemas shared by the server and the web app. Which kinds a studio may
 * file comes from its edition's `changeRules`; an edition without any (经开区) has none.
 */

export const ChangeKind = z
  .enum(['leader-unable', 'leader-replaced', 'leader-retirement-extension', 'unit-renamed', 'unit-moved'])
  .describe('变更类型：领办人不能继续开展工作 / 更换领办人 / 返聘或延迟退休 / 单位名称变更 / 工作地址变更 — change kind');
export type ChangeKind = z.infer<typeof ChangeKind>;

export const CHANGE_KIND_NAMES: Record<ChangeKind, { zh: string; en: string }> = {
  'leader-unable': { zh: '领办人不能继续开展工作（情况说明）', en: 'Leader unable to continue (situation report)' },
  'leader-replaced': { zh: '更换领办人', en: 'New leader' },
  'leader-retirement-extension': { zh: '领办人返聘或延迟退休', en: 'Leader rehired or retiring later' },
  'unit-renamed': { zh: '所在单位名称变更（合并重组等）', en: 'Unit renamed (merger, restructuring)' },
  'unit-moved': { zh: '工作地址变更（搬迁等）', en: 'Address changed (move)' },
};

export const ChangeStatus = z.enum(['submitted', 'approved', 'rejected', 'withdrawn']).describe('submitted 待审核 / approved 已同意 / rejected 已驳回 / withdrawn 已撤回');
export type ChangeStatus = z.infer<typeof ChangeStatus>;

export const CHANGE_STATUS_NAMES: Record<ChangeStatus, { zh: string; en: string }> = {
  submitted: { zh: '待审核', en: 'Submitted' },
  approved: { zh: '已同意', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const LEADER_UNABLE_SITUATIONS = {
  retired: { zh: '退休', en: 'Retired' },
  left: { zh: '离职', en: 'Left the unit' },
  ill: { zh: '重大疾病', en: 'Serious illness' },
  other: { zh: '其他不可抗因素', en: 'Other force majeure' },
} as const;

const Name = (what: string, max = 60) => z.string().trim().min(2, `请填写${what}`).max(max, `${what}不超过 ${max} 字`);

/** What the unit asks for; which fields a kind needs is checked by the service (with `fields`). */
export const RequestedChange = z
  .object({
    situation: z.enum(['retired', 'left', 'ill', 'other']).optional().describe('领办人不能继续开展工作的原因：退休 / 离职 / 重大疾病 / 其他 — why the leader stops'),
    leaderName: Name('新领办人姓名', 30).optional().describe('新领办人姓名 / new leader name'),
    leaderPersonId: z.string().uuid('人员编号无效').optional().describe('新领办人（本单位已登记人员） / new leader, a person of the unit'),
    leaderIdNumber: z.string().trim().max(18, '身份证号为 18 位').optional().describe('新领办人身份证号 / new leader resident ID number'),
    arrangement: z.enum(['rehired', 'deferred']).optional().describe('返聘 / 延迟退休 — rehired or retiring later'),
    until: IsoDate.optional().describe('返聘或延迟退休至 / rehired or deferred until'),
    unitName: Name('变更后的单位名称', 100).optional().describe('变更后的单位名称 / new unit name'),
    address: z.string().trim().min(5, '请填写变更后的工作地址').max(200, '工作地址不超过 200 字').optional().describe('变更后的工作地址 / new address'),
    leavesJurisdiction: z.boolean().optional().describe('搬迁后是否迁出本区 / does the move leave the district'),
  })
  .strict();
export type RequestedChange = z.infer<typeof RequestedChange>;

export const CreateChangeRequest = z
  .object({
    kind: ChangeKind,
    reason: z.string().trim().min(5, '请说明变更原因（至少 5 个字）').max(2000, '原因不超过 2000 字').describe('变更原因 / 情况说明 — reason'),
    effectiveOn: IsoDate.describe('事项发生日期（退休、搬迁、更名之日） / the day it happened'),
    requested: RequestedChange.default({}),
    fileIds: z.array(z.string().uuid('文件编号无效')).max(10, '最多引用 10 个已上传的文件').default([]).describe('引用本单位已上传的文件 / files of the unit already uploaded'),
  })
  .strict();
export type CreateChangeRequest = z.infer<typeof CreateChangeRequest>;

const Version = z.number({ message: '缺少版本号' }).int().positive().describe('版本号（防止重复处理） / version');

export const ApproveChangeRequest = z
  .object({
    version: Version,
    reason: z.string().trim().max(2000, '意见不超过 2000 字').optional().describe('审核意见（可选） / note'),
  })
  .strict();

export const RejectChangeRequest = z
  .object({
    version: Version,
    reason: z.string({ message: '请填写驳回理由' }).trim().min(2, '请填写驳回理由').max(2000, '理由不超过 2000 字').describe('驳回理由 / reason'),
  })
  .strict();

export const WithdrawChangeRequest = z.object({ version: Version }).strict();

export const ChangeListQuery = z
  .object({
    status: ChangeStatus.optional(),
    studioId: z.string().uuid('工作室编号无效').optional().describe('工作室 / studio'),
  })
  .strict();

export const RetirementInfo = z.object({
  leaderName: z.string(),
  retirementDate: z.string().describe('法定退休日期 / statutory retirement date'),
  retirementAge: z.object({ years: z.number(), months: z.number() }),
  basis: z.string(),
});
export type RetirementInfo = z.infer<typeof RetirementInfo>;

export const ChangeFile = z.object({ id: z.string(), name: z.string(), mimeType: z.string(), size: z.number(), url: z.string() });

export const ChangeRequestView = z.object({
  id: z.string(),
  studioId: z.string(),
  studioName: z.string(),
  studioStatus: z.string(),
  unitName: z.string(),
  jurisdiction: z.string(),
  editionId: z.string(),
  kind: ChangeKind,
  kindName: z.string(),
  citation: z.string(),
  ruleText: z.string().nullable(),
  requires: z.string().nullable(),
  before: z.record(z.string(), z.unknown()),
  requested: z.record(z.string(), z.unknown()),
  reason: z.string(),
  effectiveOn: z.string().nullable(),
  files: z.array(ChangeFile),
  status: ChangeStatus,
  statusName: z.string(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  retirement: RetirementInfo.nullable(),
  version: z.number(),
});
export type ChangeRequestView = z.infer<typeof ChangeRequestView>;

export const ChangeRuleView = z.object({
  kind: ChangeKind,
  kindName: z.string(),
  citation: z.string(),
  text: z.string(),
  requires: z.string(),
  requiresNewApplication: z.boolean(),
  open: z.boolean().describe('已有待审核的同类申请 / an open request of this kind exists'),
});

export const StudioChangeRules = z.object({
  studioId: z.string(),
  studioName: z.string(),
  studioStatus: z.string(),
  editionId: z.string(),
  editionTitle: z.string(),
  documentNumber: z.string(),
  current: z.object({ leaderName: z.string(), unitName: z.string(), address: z.string().nullable() }),
  rules: z.array(ChangeRuleView),
  /** Why nothing can be filed (no rules in the edition, or the studio is revoked). */
  notice: z.string().nullable(),
  retirement: RetirementInfo.nullable(),
});
export type StudioChangeRules = z.infer<typeof StudioChangeRules>;

export const HistoryEntry = z.object({
  id: z.string(),
  kind: z.string(),
  kindName: z.string(),
  happenedOn: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  citation: z.string().nullable(),
  note: z.string().nullable(),
  changeRequestId: z.string().nullable(),
  revocationCaseId: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const StudioHistory = z.object({ studioId: z.string(), studioName: z.string(), status: z.string(), entries: z.array(HistoryEntry) });
export type StudioHistory = z.infer<typeof StudioHistory>;

export const HISTORY_KIND_NAMES: Record<string, string> = {
  recognised: '认定',
  title: '称号',
  leader: '领办人变更',
  'leader-stopped': '领办人停止开展工作',
  'leader-retirement-extension': '领办人返聘或延迟退休',
  'unit-name': '单位名称变更',
  address: '工作地址变更',
  'unit-left-jurisdiction': '迁出本区',
  status: '状态变更',
  revoked: '取消称号',
  'revocation-raised': '发现取消称号情形',
  'revocation-dismissed': '不予取消称号',
};
