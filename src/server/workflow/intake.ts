import type { Role } from '../../shared/accounts';
import { AppError } from '../errors';

/** Every application status; intake's transitions are below, the review's per edition in review.ts. */
export const APPLICATION_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交，待初审', en: 'Submitted' },
  returned: { zh: '退回补正', en: 'Returned for correction' },
  resubmitted: { zh: '已补正，待初审', en: 'Resubmitted' },
  // The review half (issue 5, src/server/workflow/review.ts): the edition's stages decide which an application passes.
  'substantive-review': { zh: '待实质审核', en: 'Awaiting substantive review' },
  'paper-intake': { zh: '待线下受理', en: 'Awaiting the paper dossier' },
  'expert-review': { zh: '专家评审中', en: 'In expert review' },
  scored: { zh: '评审完成，待排名', en: 'Review complete' },
  proposed: { zh: '拟入选', en: 'Proposed' },
  'not-proposed': { zh: '未拟入选', en: 'Not proposed' },
  rejected: { zh: '不予通过', en: 'Rejected' },
  // After the review (issue 6): the notice (公示) makes the outcome public; the decision confirms it.
  'in-notice': { zh: '公示中', en: 'In public notice' },
  'not-selected': { zh: '未入选', en: 'Not selected' },
  withdrawn: { zh: '公示异议成立，已撤销', en: 'Withdrawn after objection' },
  approved: { zh: '已认定', en: 'Approved' },
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;

export type IntakeAction = 'submit' | 'return' | 'resubmit';

interface Transition {
  from: ApplicationStatus[];
  to: ApplicationStatus;
  roles: Role[];
  /** Why it is refused when the status does not allow it. */
  refusal: string;
}

/** The transition table: no `if (status === …)` elsewhere (STYLE.md 6). */
export const INTAKE_TRANSITIONS: Record<IntakeAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['applicant'], refusal: '申报已提交，不能重复提交' },
  return: { from: ['submitted', 'resubmitted'], to: 'returned', roles: ['intake'], refusal: '只有待初审的申报可以退回补正' },
  resubmit: { from: ['returned'], to: 'resubmitted', roles: ['applicant'], refusal: '只有被退回补正的申报可以重新提交' },
};

/** Statuses in which the unit may still change something (all of it in a draft; the listed items when returned). */
export const EDITABLE: ApplicationStatus[] = ['draft', 'returned'];

export function transition(current: string, action: IntakeAction, role: Role | null): { from: string; to: ApplicationStatus } {
  const t = INTAKE_TRANSITIONS[action];
  if (!role || !t.roles.includes(role)) throw new AppError('TRANSITION_FORBIDDEN', 403, '当前角色不能执行此操作');
  if (!t.from.includes(current as ApplicationStatus)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', 409, `${t.refusal}（当前状态：${statusName(current)}）`);
  }
  return { from: current, to: t.to };
}

export function statusName(status: string): string {
  return (APPLICATION_STATUSES as Record<string, { zh: string }>)[status]?.zh ?? status;
}
