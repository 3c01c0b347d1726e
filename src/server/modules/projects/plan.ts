import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import { projectMilestones } from '../../db/schema/lifecycle';
import type { Actor } from '../audit/audit.service';
import { recordAudit } from '../audit/audit.service';

/**
 * The approved 计划书 of a project (大兴 附件3 / 2026 通知附件1: 项目名称, 项目类别, 工作对象, 成果名称, 预期目标, 项目时间进度安排,
 * 监督保障措施, 项目所需经费计划) read from the project's baseline (the application's forms as approved).
 */
export interface ScheduleRow {
  phase?: string;
  startMonth?: string;
  endMonth?: string;
  content?: string;
}

export function planOf(baseline: Record<string, unknown>): Record<string, unknown> {
  const wp = baseline['work-plan'];
  if (wp && typeof wp === 'object') return wp as Record<string, unknown>;
  // Another edition's plan form: the first form with a schedule, else the first form.
  for (const v of Object.values(baseline)) if (v && typeof v === 'object' && Array.isArray((v as Record<string, unknown>).schedule)) return v as Record<string, unknown>;
  const first = Object.values(baseline).find((v) => v && typeof v === 'object');
  return (first as Record<string, unknown>) ?? {};
}

const lastDayOfMonth = (ym: string) => new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).toISOString().slice(0, 10);
const MONTH = /^\d{4}-\d{2}$/;

/** The milestones of the plan's 进度安排: one per schedule row, due at the end of its last month. */
export function milestonesFromPlan(baseline: Record<string, unknown>) {
  const schedule = planOf(baseline).schedule;
  if (!Array.isArray(schedule)) return [];
  return (schedule as ScheduleRow[]).map((row, i) => ({
    position: i + 1,
    title: (row.phase ?? '').toString().trim() || `第 ${i + 1} 阶段`,
    description: row.content?.toString().trim() || null,
    startsOn: row.startMonth && MONTH.test(row.startMonth) ? `${row.startMonth}-01` : null,
    dueOn: row.endMonth && MONTH.test(row.endMonth) ? lastDayOfMonth(row.endMonth) : null,
  }));
}

/**
 * The items the closure report answers one by one (2026 通知 二（二）3: 成果、预期目标应具有可实施性、可证明性，结项时将严格对照
 * 计划书考核): the 成果名称, then each 预期目标 (one per line or numbered item of the text).
 */
export function planItemsOf(baseline: Record<string, unknown>): { planItem: string; source: 'outcome' | 'goal' }[] {
  const plan = planOf(baseline);
  const items: { planItem: string; source: 'outcome' | 'goal' }[] = [];
  const outcome = typeof plan.outcomeName === 'string' ? plan.outcomeName.trim() : '';
  if (outcome) items.push({ planItem: outcome, source: 'outcome' });
  const goals = typeof plan.expectedGoals === 'string' ? plan.expectedGoals : '';
  for (const line of goals.split(/\r?\n|(?<=[；;])/)) {
    const text = line.replace(/^\s*(?:[（(]?\d{1,2}[）).、．]|[一二三四五六七八九十]+[、.．]|[-•·])\s*/, '').replace(/[；;]\s*$/, '').trim();
    if (text) items.push({ planItem: text, source: 'goal' });
  }
  return items;
}

/** Creates the project's milestones from its plan (in the caller's transaction), audited as project.milestones_set. */
export async function createMilestones(tx: DbOrTx, actor: Actor, project: { id: string; jurisdictionId: string; baseline: Record<string, unknown> }, now: Date) {
  const rows = milestonesFromPlan(project.baseline).map((m) => ({ id: randomUUID(), projectId: project.id, ...m, status: 'pending', completedOn: null, createdAt: now, updatedAt: now }));
  if (!rows.length) return 0;
  await tx.insert(projectMilestones).values(rows);
  await recordAudit(
    tx,
    actor,
    { action: 'project.milestones_set', entityType: 'project', entityId: project.id, jurisdictionId: project.jurisdictionId, after: { milestones: rows.map((r) => ({ title: r.title, dueOn: r.dueOn })) } },
    now,
  );
  return rows.length;
}
