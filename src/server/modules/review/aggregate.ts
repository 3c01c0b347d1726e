/**
 * Scoring arithmetic of the expert review (issue 5), pure: the weighted total of one score sheet, the aggregate
 * of an application's submitted totals, outlier flags and the ranking under the quota. The procedural numbers
 * (aggregation method, outlier distance, extreme-score shares) come from the edition's `review` rules, whose
 * citation says where they come from (e.g. 京兴人社发〔2025〕21号 第十一条, inferred where the text is silent).
 */
import type { ProgramDef, ReviewRules } from '../../../policy/types';

export type Rubric = NonNullable<ProgramDef['rubric']>;
export type RubricCriterion = Rubric[number];

/** Rounds to one decimal (scores and totals are shown with one decimal). */
export function round1(n: number): number {
  return Math.round(n * 10 + Number.EPSILON * 10) / 10;
}

/**
 * Weighted total on 0–100: Σ weight·points/max over the rubric, divided by Σ weight (weights need not add to 1).
 * Returns null while a criterion is missing.
 */
export function weightedTotal(rubric: Rubric, criteria: Record<string, number | null | undefined>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of rubric) {
    const v = criteria[c.id];
    if (v === undefined || v === null || !Number.isFinite(v)) return null;
    sum += (c.weight * v) / c.max;
    weights += c.weight;
  }
  if (weights <= 0) return null;
  return round1((sum / weights) * 100);
}

/** Points of one criterion: a number in 0..max with at most one decimal; returns the refusal text or null. */
export function criterionIssue(c: Pick<RubricCriterion, 'max'>, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '请填写数字';
  if (value < 0 || value > c.max) return `分值应在 0 至 ${c.max} 之间`;
  if (Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) return '分值最多保留一位小数';
  return null;
}

/**
 * Whether a criterion's points are extreme (a comment is mandatory): below `extremeScore.below` × max, or at or above
 * `extremeScore.atLeast` × max.
 */
export function isExtreme(c: Pick<RubricCriterion, 'max'>, value: number, rules: Pick<ReviewRules, 'extremeScore'>): boolean {
  return value < rules.extremeScore.below * c.max || value >= rules.extremeScore.atLeast * c.max;
}

/** Median of a list (the mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The aggregate of an application's submitted totals: the plain mean, or — for 'trimmed-mean' with at least five
 * scores — the mean after dropping one highest and one lowest score.
 */
export function aggregateTotals(totals: readonly number[], method: ReviewRules['aggregation']): { value: number | null; trimmed: boolean } {
  if (!totals.length) return { value: null, trimmed: false };
  const s = [...totals].sort((a, b) => a - b);
  const trimmed = method === 'trimmed-mean' && s.length >= 5;
  const used = trimmed ? s.slice(1, -1) : s;
  return { value: round1(used.reduce((a, b) => a + b, 0) / used.length), trimmed };
}

/**
 * Outliers: an expert's total more than `outlierPoints` away from the median of the OTHER experts' totals of the same
 * application. Needs at least two other totals to compare with. With three experts, one divergent score (50, 85, 88)
 * would also put the two that agree far from "the others" (85 vs median(50, 88) = 69): a score is therefore flagged only
 * when it is also that far from the median of all totals, so the divergent score alone is flagged. Returns, per index,
 * the distance from the others' median when flagged.
 */
export function outliers(totals: readonly number[], outlierPoints: number): ({ otherMedian: number; distance: number } | null)[] {
  const all = median(totals);
  return totals.map((t, i) => {
    const others = totals.filter((_, j) => j !== i);
    if (others.length < 2 || all === null) return null;
    const m = median(others)!;
    const distance = round1(Math.abs(t - m));
    return distance > outlierPoints && Math.abs(t - all) > outlierPoints ? { otherMedian: round1(m), distance } : null;
  });
}

export interface Ranked<T> {
  item: T;
  aggregate: number;
  /** Competition ranking: equal aggregates share a rank (1, 2, 2, 4). */
  rank: number;
  /** Shares its aggregate with another item (never silently broken). */
  tied: boolean;
  /** Rank within the quota (rank ≤ quota); with no quota, every item. */
  withinQuota: boolean;
  /** A tie that straddles the quota line: some of the tied items fit, not all; the officer decides. */
  straddlesQuota: boolean;
}

/**
 * Ranks items by aggregate (highest first). Equal aggregates (to one decimal) share a rank and are flagged; the
 * quota line falls after the `quota`-th place; a tie group that begins within the quota but ends beyond it is flagged
 * `straddlesQuota` for the officer to decide (e.g. 大兴 第十二条 ≤10 projects a round).
 */
export function rank<T>(items: readonly T[], aggregateOf: (item: T) => number, quota: number | null): Ranked<T>[] {
  const sorted = items.map((item) => ({ item, aggregate: round1(aggregateOf(item)) })).sort((a, b) => b.aggregate - a.aggregate);
  const out: Ranked<T>[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1].aggregate === sorted[i].aggregate) j++;
    const r = i + 1; // competition rank
    const groupEnd = j + 1; // last place the group occupies
    const tied = j > i;
    for (let k = i; k <= j; k++) {
      const withinQuota = quota === null || r <= quota;
      const straddlesQuota = quota !== null && tied && r <= quota && groupEnd > quota;
      out.push({ item: sorted[k].item, aggregate: sorted[k].aggregate, rank: r, tied, withinQuota: withinQuota && !straddlesQuota, straddlesQuota });
    }
    i = j + 1;
  }
  return out;
}

/**
 * Departures from the ranking in an officer's proposal (each needs a reason): an item within the quota line left out,
 * or an item proposed while a better-ranked one is not. Items of a tie straddling the quota line are the officer's
 * call and are not departures by themselves. Returns the ids that need a reason, with why.
 */
export function departures(rows: readonly { id: string; rank: number; withinQuota: boolean }[], proposed: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  const bestLeftOut = Math.min(...rows.filter((r) => !proposed.has(r.id)).map((r) => r.rank), Infinity);
  for (const r of rows) {
    if (!proposed.has(r.id) && r.withinQuota) out.set(r.id, '排名在名额线内但未列入拟定名单，须说明理由');
    else if (proposed.has(r.id) && r.rank > bestLeftOut) out.set(r.id, '排名更靠前的申报未列入而列入本申报，须说明理由');
  }
  return out;
}
