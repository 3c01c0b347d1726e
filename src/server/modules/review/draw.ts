import { createHash } from 'node:crypto';

/**
 * The random draw of an expert panel (京兴人社发〔2025〕21号 第十一条: 组织相关领域专家进行专业评审), made reproducible for
 * the inspector (纪检监察): a pure function of the recorded seed and the candidate list in recorded order.
 *
 * Randomness: the i-th 32-bit number is the first 4 bytes of SHA-256(seed ‖ ":" ‖ i); an index below n is taken by
 * rejection sampling (no modulo bias); a Fisher–Yates shuffle from the end takes the first `size` places.
 */
export const DRAW_ALGORITHM = 'sha256-fisher-yates/v1';

function randomStream(seed: string) {
  let counter = 0;
  return {
    /** A uniform integer in [0, n). */
    below(n: number): number {
      const limit = Math.floor(0x1_0000_0000 / n) * n;
      for (;;) {
        const x = createHash('sha256').update(`${seed}:${counter++}`).digest().readUInt32BE(0);
        if (x < limit) return x % n;
      }
    },
  };
}

/** Draws `size` of `candidates` (ids, in recorded order); the result is in draw order. */
export function drawPanel(input: { candidates: readonly string[]; seed: string; size: number }): string[] {
  const pool = [...input.candidates];
  const size = Math.max(0, Math.min(input.size, pool.length));
  const rng = randomStream(input.seed);
  // Partial Fisher–Yates: position k receives a uniform pick among the remaining pool[k..].
  for (let k = 0; k < size; k++) {
    const j = k + rng.below(pool.length - k);
    [pool[k], pool[j]] = [pool[j], pool[k]];
  }
  return pool.slice(0, size);
}
