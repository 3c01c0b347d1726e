import { getEdition } from '../../../policy/editions';
import type { Citation, Edition, Obligation } from '../../../policy/types';

/**
 * The yearly report duty of an edition, read from its data (never from a district name):
 * - the report: the obligation `annual-report` with a yearly due date (大兴 京兴人社发〔2025〕21号 第十九条（三）: 每年12月末;
 *   顺义 第十三条, date inferred from 大兴's practice);
 * - a person-times minimum: any yearly obligation with a `minimum` in 人次 (顺义 第十三条: 每年不少于100人次).
 * An edition without them (经开区 京技管发〔2024〕1号) gives its studios no report.
 */
export interface ReportDuty {
  edition: Edition;
  obligation: Obligation & { due: { yearly: string } };
  personTimes: { minimum: number; obligation: Obligation } | null;
}

const isYearly = (o: Obligation): o is Obligation & { due: { yearly: string } } => !!o.due && 'yearly' in o.due;

export const citeText = (c: Citation) => `${c.document} ${c.article}`;

export function reportDutyOf(editionId: string): ReportDuty | null {
  const edition = getEdition(editionId);
  if (!edition) return null;
  const obligation = edition.obligations.find((o) => o.id === 'annual-report' && isYearly(o));
  if (!obligation || !isYearly(obligation)) return null;
  const min = edition.obligations.find((o) => isYearly(o) && o.minimum && o.minimum.unit.zh === '人次');
  return { edition, obligation, personTimes: min?.minimum ? { minimum: min.minimum.quantity, obligation: min } : null };
}

/** The report of `year` is due on the obligation's MM-DD of that year. */
export const dueOnFor = (duty: ReportDuty, year: number) => `${year}-${duty.obligation.due.yearly}`;

export function requirementsOf(duty: ReportDuty) {
  return {
    citation: citeText(duty.obligation.citation),
    text: duty.obligation.text.zh,
    inferred: duty.obligation.citation.inferred ?? null,
    personTimes: duty.personTimes
      ? { minimum: duty.personTimes.minimum, citation: citeText(duty.personTimes.obligation.citation), text: duty.personTimes.obligation.text.zh }
      : null,
  };
}

/** Calendar days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const t = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/** A report is overdue while it is not filed (draft, or returned for correction) after its due date. */
export const isOverdue = (r: { status: string; dueOn: string }, today: string) => (r.status === 'draft' || r.status === 'returned') && today > r.dueOn;

/** Which reminder is due today for an unfiled report: 30 and 7 days before, and the overdue notice after. */
export function reminderKindFor(dueOn: string, today: string): 'before-30' | 'before-7' | 'overdue' | null {
  const left = daysBetween(today, dueOn);
  if (left < 0) return 'overdue';
  if (left <= 7) return 'before-7';
  if (left <= 30) return 'before-30';
  return null;
}
