import type { Role } from '../../shared/accounts';
import { getEdition } from '../../policy/editions';
import type { StageDef } from '../../policy/types';
import { AppError } from '../errors';
import { APPLICATION_STATUSES, statusName } from './intake';

/**
 * The review half of the workflow (issue 5), as a declarative transition table built per edition and program
 * from the stages its text lists, in order (大兴: 初审 → 专家评审 → 公示 → 确定; 经开区: 初审 → 实质审核 → 线下受理 →
 * 专家评审 → 拟定金额 → 公示 → 拨付; 顺义: 审核 → 评审 → 公示 → 认定). Shared code never names a district: a stage
 * exists for an application exactly when its edition lists it.
 *
 * Statuses: an application waits at a desk stage under the stage's id (`substantive-review`, `paper-intake`,
 * `expert-review`); the completeness check keeps the intake statuses `submitted` / `resubmitted`.
 */
export const REVIEW_STATUSES = {
  'substantive-review': APPLICATION_STATUSES['substantive-review'],
  'paper-intake': APPLICATION_STATUSES['paper-intake'],
  'expert-review': APPLICATION_STATUSES['expert-review'],
  scored: APPLICATION_STATUSES.scored,
  proposed: APPLICATION_STATUSES.proposed,
  'not-proposed': APPLICATION_STATUSES['not-proposed'],
  rejected: APPLICATION_STATUSES.rejected,
} as const;
export type ReviewStatus = keyof typeof REVIEW_STATUSES;

/**
 * What a unit sees of its application while the review runs: nothing of the outcome before the public notice
 * (issue 6 — no early leak through status labels). Every status after acceptance reads 评审中, except 待线下受理:
 * there the unit must act, bringing the printed dossier (京技管发〔2024〕1号 2026 办事指南 五（二）).
 */
export const UNIT_VISIBLE_STATUS: Record<string, string> = {
  'substantive-review': 'in-review',
  'expert-review': 'in-review',
  scored: 'in-review',
  proposed: 'in-review',
  'not-proposed': 'in-review',
};
export const IN_REVIEW_LABEL = { zh: '评审中', en: 'Under review' };

/** Desk stages an application passes through between the completeness check and the ranking, in text order. */
export const DESK_STAGES = ['completeness-check', 'substantive-review', 'paper-intake', 'expert-review'] as const;
export type DeskStage = (typeof DESK_STAGES)[number];

export type ReviewAction =
  | 'accept' // 初审通过 → the next stage
  | 'pass' // 实质审核通过 → the next stage
  | 'receive-paper' // 线下受理：纸质材料与网上一致，收件 → the next stage
  | 'reject' // 不予通过 (with reasons), at a desk stage
  | 'close-review' // 专家评审结束 → scored
  | 'propose' // 列入拟定名单
  | 'not-propose' // 未列入拟定名单
  | 'publish' // 公示发布：拟入选 → 公示中；未拟入选 → 未入选 (issue 6)
  | 'publish-not-selected'
  | 'withdraw' // 异议成立，从公示名单撤销
  | 'confirm'; // 公示期满无异议，认定 / 确定

export interface ReviewTransition {
  action: ReviewAction;
  from: string[];
  to: string;
  roles: Role[];
  /** The stage whose desk takes the action (for the UI and the refusal message). */
  stage: string;
  refusal: string;
}

/** The status an application holds while it waits at a stage. */
function statusAt(stage: string): string {
  return stage === 'completeness-check' ? 'submitted' : stage;
}
function statusesAt(stage: string): string[] {
  return stage === 'completeness-check' ? ['submitted', 'resubmitted'] : [stage];
}

/** The desk stages of a program, in its text's order. */
export function deskStages(editionId: string, program: string): StageDef[] {
  const stages = getEdition(editionId)?.programs.find((p) => p.id === program)?.stages ?? [];
  return stages.filter((s) => (DESK_STAGES as readonly string[]).includes(s.id));
}

/** The transition table of one edition's program, built from its stage list. */
export function reviewTable(editionId: string, program: string): ReviewTransition[] {
  const stages = deskStages(editionId, program);
  const table: ReviewTransition[] = [];
  stages.forEach((stage, i) => {
    const next = stages[i + 1];
    const from = statusesAt(stage.id);
    const to = next ? statusAt(next.id) : 'scored';
    const roles: Role[] = stage.actor === 'intake' ? ['intake'] : ['program'];
    if (stage.id === 'completeness-check') {
      table.push({ action: 'accept', from, to, roles, stage: stage.id, refusal: '只有待初审的申报可以初审通过' });
      table.push({ action: 'reject', from, to: 'rejected', roles, stage: stage.id, refusal: '只有待初审的申报可以不予通过' });
    } else if (stage.id === 'substantive-review') {
      table.push({ action: 'pass', from, to, roles, stage: stage.id, refusal: '只有待实质审核的申报可以审核通过' });
      table.push({ action: 'reject', from, to: 'rejected', roles, stage: stage.id, refusal: '只有待实质审核的申报可以不予通过' });
    } else if (stage.id === 'paper-intake') {
      table.push({ action: 'receive-paper', from, to, roles, stage: stage.id, refusal: '只有待线下受理的申报可以登记收件' });
    } else if (stage.id === 'expert-review') {
      table.push({ action: 'close-review', from, to: 'scored', roles: ['program'], stage: stage.id, refusal: '只有专家评审中的申报可以结束评审' });
    }
  });
  table.push({ action: 'propose', from: ['scored', 'not-proposed', 'proposed'], to: 'proposed', roles: ['program'], stage: 'proposal', refusal: '只有评审完成的申报可以列入拟定名单' });
  table.push({ action: 'not-propose', from: ['scored', 'proposed', 'not-proposed'], to: 'not-proposed', roles: ['program'], stage: 'proposal', refusal: '只有评审完成的申报可以排除出拟定名单' });
  const stageIds = new Set((getEdition(editionId)?.programs.find((p) => p.id === program)?.stages ?? []).map((s) => s.id));
  if (stageIds.has('notice')) {
    table.push({ action: 'publish', from: ['proposed'], to: 'in-notice', roles: ['program'], stage: 'notice', refusal: '只有拟入选的申报可以公示' });
    table.push({ action: 'publish-not-selected', from: ['not-proposed'], to: 'not-selected', roles: ['program'], stage: 'notice', refusal: '只有未拟入选的申报随公示确定为未入选' });
    table.push({ action: 'withdraw', from: ['in-notice'], to: 'withdrawn', roles: ['program'], stage: 'notice', refusal: '只有公示中的申报可以因异议成立撤销' });
  }
  if (stageIds.has('decision')) {
    table.push({ action: 'confirm', from: stageIds.has('notice') ? ['in-notice'] : ['proposed'], to: 'approved', roles: ['program'], stage: 'decision', refusal: '只有公示期满、无未处理异议的申报可以认定' });
  }
  return table;
}

/**
 * Checks one review action against the edition's table (STYLE.md 6): who may take it, from which status.
 * Returns the target status or throws a 403/409 with the reason.
 */
export function reviewTransition(
  app: { status: string; editionId: string; program: string },
  action: ReviewAction,
  role: Role | null,
  stage?: string,
): { from: string; to: string; stage: string } {
  const rows = reviewTable(app.editionId, app.program).filter((t) => t.action === action && (!stage || t.stage === stage));
  if (!rows.length) throw new AppError('TRANSITION_NOT_IN_EDITION', 409, '本申报所依据的政策没有这一环节');
  if (!role || !rows.some((t) => t.roles.includes(role))) throw new AppError('TRANSITION_FORBIDDEN', 403, '当前角色不能执行此操作');
  const row = rows.find((t) => t.from.includes(app.status) && t.roles.includes(role));
  if (!row) throw new AppError('TRANSITION_NOT_ALLOWED', 409, `${rows[0].refusal}（当前状态：${reviewStatusName(app.status)}）`);
  return { from: app.status, to: row.to, stage: row.stage };
}

/** The desk stage an application currently waits at, if any. */
export function currentDeskStage(app: { status: string; editionId: string; program: string }): string | null {
  for (const s of deskStages(app.editionId, app.program)) if (statusesAt(s.id).includes(app.status)) return s.id;
  return null;
}

export const reviewStatusName = statusName;
