import { describe, expect, it } from 'vitest';
import { getEdition } from '../../../policy/editions';
import { aggregateTotals, criterionIssue, departures, isExtreme, median, outliers, rank, weightedTotal } from './aggregate';

const daxing = getEdition('daxing-2025')!;
const project = daxing.programs.find((p) => p.id === 'construction-project')!;
const rubric = project.rubric!;
const rules = project.review;

describe('[REVIEW] 京兴人社发〔2025〕21号 第九条（二）2 weighted total of the project rubric (equal weights, 0–100)', () => {
  it('six criteria of 80 give 80; a missing criterion gives no total', () => {
    const all80 = Object.fromEntries(rubric.map((c) => [c.id, 80]));
    expect(weightedTotal(rubric, all80)).toBe(80);
    expect(weightedTotal(rubric, { ...all80, budget: undefined })).toBeNull();
  });
  it('weights and maxima count: 100 on one criterion of weight 3 and 0 on one of weight 1 (max 10) → 75', () => {
    const r = [
      { ...rubric[0], weight: 3, max: 100 },
      { ...rubric[1], weight: 1, max: 10 },
    ];
    expect(weightedTotal(r, { [r[0].id]: 100, [r[1].id]: 0 })).toBe(75);
  });
  it.each([
    [-1, '分值应在 0 至 100 之间'],
    [100.5, '分值应在 0 至 100 之间'],
    [85.25, '分值最多保留一位小数'],
    [85.5, null],
    [0, null],
    [100, null],
  ])('criterion points %s → %s', (v, issue) => {
    expect(criterionIssue({ max: 100 }, v)).toBe(issue);
  });
  it('extreme scores need a comment: below 60 % or at least 95 % of the maximum (第十一条, edition review rules)', () => {
    expect(isExtreme({ max: 100 }, 59.9, rules)).toBe(true);
    expect(isExtreme({ max: 100 }, 60, rules)).toBe(false);
    expect(isExtreme({ max: 100 }, 94.9, rules)).toBe(false);
    expect(isExtreme({ max: 100 }, 95, rules)).toBe(true);
  });
});

describe('[REVIEW] 第十一条 aggregation: trimmed mean with ≥ 5 scores, plain mean below', () => {
  it('five scores: the highest and the lowest are dropped', () => {
    expect(aggregateTotals([90, 80, 70, 60, 20], 'trimmed-mean')).toEqual({ value: 70, trimmed: true });
  });
  it('three scores: plain mean', () => {
    expect(aggregateTotals([90, 80, 71], 'trimmed-mean')).toEqual({ value: 80.3, trimmed: false });
  });
  it("'mean' never trims", () => {
    expect(aggregateTotals([90, 80, 70, 60, 20], 'mean')).toEqual({ value: 64, trimmed: false });
  });
  it('median of even and odd lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('[REVIEW] 第十一条 outliers: more than outlierPoints (15) from the median of the other experts', () => {
  it('one expert far below the others is flagged, the others are not', () => {
    const flags = outliers([82, 85, 60], rules.outlierPoints);
    expect(flags[2]).toEqual({ otherMedian: 83.5, distance: 23.5 });
    expect(flags[0]).toBeNull();
    expect(flags[1]).toBeNull();
  });
  it('with three experts, one divergent score is flagged — not the two that agree (50, 85, 88)', () => {
    expect(outliers([50, 85, 88], 15).map((f) => f !== null)).toEqual([true, false, false]);
  });
  it('five scores: the lowest, far below the rest, is flagged (20 among 82, 80, 78, 76)', () => {
    expect(outliers([82, 80, 78, 76, 20], 15).map((f) => f !== null)).toEqual([false, false, false, false, true]);
  });
  it('exactly 15 points away is not an outlier; two totals cannot be compared', () => {
    expect(outliers([80, 80, 65], 15)[2]).toBeNull();
    expect(outliers([80, 20], 15)).toEqual([null, null]);
  });
});

describe('[REVIEW] 第十二条 ranking under the quota: ties shared and flagged, never silently broken', () => {
  const items = [
    { id: 'a', v: 90 },
    { id: 'b', v: 85 },
    { id: 'c', v: 85 },
    { id: 'd', v: 70 },
  ];
  it('equal aggregates share a rank (1, 2, 2, 4)', () => {
    const r = rank(items, (i) => i.v, null);
    expect(r.map((x) => [x.item.id, x.rank, x.tied])).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, false],
    ]);
    expect(r.every((x) => x.withinQuota)).toBe(true);
  });
  it('a tie straddling the quota line is flagged for the officer; items below are outside the quota', () => {
    const r = rank(items, (i) => i.v, 2);
    expect(r.map((x) => [x.item.id, x.withinQuota, x.straddlesQuota])).toEqual([
      ['a', true, false],
      ['b', false, true],
      ['c', false, true],
      ['d', false, false],
    ]);
  });
  it('a tie fully within the quota is within it', () => {
    const r = rank(items, (i) => i.v, 3);
    expect(r.filter((x) => x.withinQuota).map((x) => x.item.id)).toEqual(['a', 'b', 'c']);
    expect(r.some((x) => x.straddlesQuota)).toBe(false);
  });
});

describe('[REVIEW] 第十二条 departures from the ranking need a reason', () => {
  const rows = [
    { id: 'a', rank: 1, withinQuota: true },
    { id: 'b', rank: 2, withinQuota: true },
    { id: 'c', rank: 3, withinQuota: false },
  ];
  it('following the ranking is no departure', () => {
    expect([...departures(rows, new Set(['a', 'b'])).keys()]).toEqual([]);
  });
  it('leaving b out and taking c: both need a reason', () => {
    expect([...departures(rows, new Set(['a', 'c'])).keys()]).toEqual(['b', 'c']);
  });
});
