import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { studios } from '../db/schema';
import { annualReports, obligationReminders } from '../db/schema/lifecycle';
import { recordAudit, SYSTEM_ACTOR } from '../modules/audit/audit.service';
import { notifyUnit } from '../modules/notifications/notifications.service';
import { citeText, daysBetween, dueOnFor, reminderKindFor, reportDutyOf } from '../modules/reports/reports.policy';
import type { DailyJob } from './daily';

const REMINDER_TITLES = {
  'before-30': (name: string, year: number, dueOn: string) => `年度报告提醒：${name} ${year} 年度报告将于 ${dueOn} 截止（还有 30 天）`,
  'before-7': (name: string, year: number, dueOn: string) => `年度报告提醒：${name} ${year} 年度报告将于 ${dueOn} 截止（不足 7 天）`,
  overdue: (name: string, year: number, dueOn: string) => `年度报告逾期：${name} ${year} 年度报告已于 ${dueOn} 截止，尚未报送`,
} as const;

/**
 * Opens the current year's report of every active studio whose edition has the duty, sends the reminders due today,
 * and flags overdue reports. Each reminder once (obligation_reminders' unique key); a missed day is caught up with the
 * latest reminder that applies. Idempotent: a second run the same day finds everything done.
 */
export async function checkAnnualReports(tx: Tx, today: string, now: Date) {
  const year = Number(today.slice(0, 4));
  const active = await tx.select().from(studios).where(eq(studios.status, 'active'));
  let opened = 0;
  for (const s of active) {
    const duty = reportDutyOf(s.editionId);
    if (!duty || s.recognizedYear > year) continue;
    const inserted = await tx
      .insert(annualReports)
      .values({ id: randomUUID(), studioId: s.id, jurisdictionId: s.jurisdictionId, editionId: s.editionId, year, dueOn: dueOnFor(duty, year), status: 'draft', createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning({ id: annualReports.id });
    opened += inserted.length;
  }

  const byId = new Map(active.map((s) => [s.id, s]));
  const unfiled = active.length
    ? await tx
        .select()
        .from(annualReports)
        .where(and(inArray(annualReports.status, ['draft', 'returned']), inArray(annualReports.studioId, [...byId.keys()])))
    : [];
  const sent = { 'before-30': 0, 'before-7': 0, overdue: 0 };
  let overdue = 0;
  for (const r of unfiled) {
    const kind = reminderKindFor(r.dueOn, today);
    if (!kind) continue;
    if (kind === 'overdue') overdue++;
    const duty = reportDutyOf(r.editionId);
    const studio = byId.get(r.studioId)!;
    const obligationId = duty?.obligation.id ?? 'annual-report';
    const row = { id: randomUUID(), studioId: r.studioId, obligationId, period: String(r.year), kind, sentOn: today, createdAt: now };
    const inserted = await tx.insert(obligationReminders).values(row).onConflictDoNothing().returning({ id: obligationReminders.id });
    if (!inserted.length) continue;
    sent[kind]++;
    const article = duty ? citeText(duty.obligation.citation) : '';
    const left = daysBetween(today, r.dueOn);
    const body =
      kind === 'overdue'
        ? `${studio.name} ${r.year} 年度工作总结及下一年度工作计划应于 ${r.dueOn} 前报送（${article}），至今未报送，已标记为逾期。请尽快在“年度报告”中填写并提交。`
        : `${studio.name} ${r.year} 年度工作总结及下一年度工作计划应于 ${r.dueOn} 前报送（${article}），距截止还有 ${left} 天。${duty?.personTimes ? `请同时填报全年带动技艺提升和创新人次（每年不少于${duty.personTimes.minimum}人次，${citeText(duty.personTimes.obligation.citation)}）。` : ''}`;
    if (studio.unitId) {
      await notifyUnit(tx, studio.unitId, { template: `report.${kind}`, title: REMINDER_TITLES[kind](studio.name, r.year, r.dueOn), body, payload: { reportId: r.id, studioId: r.studioId, year: r.year } }, now);
    }
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      { action: 'report.reminder_sent', entityType: 'annual_report', entityId: r.id, jurisdictionId: r.jurisdictionId, after: { ...row, dueOn: r.dueOn, notified: !!studio.unitId } },
      now,
    );
  }
  return { year, opened, reminders: sent, overdue };
}

/**
 * Annual reports (大兴 京兴人社发〔2025〕21号 第十九条（三）; 顺义 第十三条): opens each studio's report for the year,
 * sends reminders before the due date and flags overdue ones after it — once each (issue 7).
 */
export const annualReportCheck: DailyJob = {
  name: 'annual-reports',
  run: (tx, today, now) => checkAnnualReports(tx, today, now),
};
