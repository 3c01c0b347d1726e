import { describe, expect, it } from 'vitest';
import { DRAW_ALGORITHM, drawPanel } from './draw';

const candidates = Array.from({ length: 12 }, (_, i) => `expert-${String(i).padStart(2, '0')}`);

describe('[REVIEW] 第十一条 panel draw (随机抽取评审专家) is reproducible for the inspector', () => {
  it('the same seed and candidate list always give the same experts, in the same order', () => {
    const a = drawPanel({ candidates, seed: 'c0ffee', size: 7 });
    expect(drawPanel({ candidates, seed: 'c0ffee', size: 7 })).toEqual(a);
    expect(a).toHaveLength(7);
    expect(new Set(a).size).toBe(7);
    for (const id of a) expect(candidates).toContain(id);
    expect(DRAW_ALGORITHM).toMatch(/\/v\d+$/);
  });

  it('a different seed gives a different draw; the recorded order of candidates matters', () => {
    const seeds = ['a', 'b', 'c', 'd', 'e'].map((seed) => drawPanel({ candidates, seed, size: 7 }).join(','));
    expect(new Set(seeds).size).toBeGreaterThan(1);
    const reversed = drawPanel({ candidates: [...candidates].reverse(), seed: 'c0ffee', size: 7 });
    expect(reversed).not.toEqual(drawPanel({ candidates, seed: 'c0ffee', size: 7 }));
  });

  it('never draws more than there are candidates, and a draw of 0 is empty', () => {
    expect(drawPanel({ candidates: ['x', 'y'], seed: 's', size: 5 }).sort()).toEqual(['x', 'y']);
    expect(drawPanel({ candidates, seed: 's', size: 0 })).toEqual([]);
    expect(drawPanel({ candidates: [], seed: 's', size: 3 })).toEqual([]);
  });

  it('every candidate has a fair chance: over 3,000 seeds each of 6 is drawn (size 2) about a third of the time', () => {
    const six = candidates.slice(0, 6);
    const hits = new Map(six.map((c) => [c, 0]));
    for (let i = 0; i < 3000; i++) for (const id of drawPanel({ candidates: six, seed: `seed-${i}`, size: 2 })) hits.set(id, hits.get(id)! + 1);
    for (const n of hits.values()) {
      expect(n / 3000).toBeGreaterThan(0.28);
      expect(n / 3000).toBeLessThan(0.39);
    }
  });
});
