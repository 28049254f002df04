import { solveAssignment } from './assignment-solver';
import { CENTS, LazyPairs, planLazily } from './lazy-plan';
import { seededRandom } from './testing/seeded-random';

/**
 * Pairs revealed a batch at a time in descending bound, where a bound is the true score plus
 * up to `slack` and an ineligible pair (true score -1) still has a bound: as in the service.
 */
function lazyPairs(
  seed: number,
  rows: number,
  cols: number,
  slack: number,
): LazyPairs & { truth: { row: number; col: number; weight: number }[] } {
  const next = seededRandom(seed);
  const capacities = Array.from({ length: cols }, () => Math.floor(next() * 3));
  const truth: { row: number; col: number; weight: number }[] = [];
  const order: { col: number; bound: number; score: number }[][] = [];
  for (let row = 0; row < rows; row++) {
    const list: { col: number; bound: number; score: number }[] = [];
    for (let col = 0; col < cols; col++) {
      if (next() < 0.3) continue;
      const eligible = next() < 0.6;
      const score = Math.round(next() * 10_000) / CENTS;
      if (eligible) truth.push({ row, col, weight: Math.round(score * CENTS) });
      list.push({ col, bound: score + next() * slack, score: eligible ? score : -1 });
    }
    order.push(list.sort((a, b) => b.bound - a.bound || a.col - b.col));
  }
  const taken = new Array<number>(rows).fill(0);
  const pairs: { referral: number; volunteer: number; score: number }[] = [];
  let evaluated = 0;
  return {
    truth,
    rows,
    capacities,
    pairs,
    get evaluated() {
      return evaluated;
    },
    unseenBound: (row) => (taken[row] < order[row].length ? order[row][taken[row]].bound : -1),
    evaluate: async (which) => {
      for (const row of which) {
        const to = Math.min(order[row].length, taken[row] === 0 ? 2 : taken[row] * 2);
        for (const item of order[row].slice(taken[row], to)) {
          evaluated++;
          if (item.score >= 0)
            pairs.push({ referral: row, volunteer: item.col, score: item.score });
        }
        taken[row] = to;
      }
      await Promise.resolve();
    },
  };
}

describe('planLazily', () => {
  it('reaches the optimum over all pairs while evaluating some (400 random cases)', async () => {
    let saved = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rows = 1 + (seed % 12);
      const cols = 1 + ((seed * 7) % 15);
      const pairs = lazyPairs(seed, rows, cols, (seed % 4) * 10);
      const { plan, greedy, stats } = await planLazily(pairs);
      const best = solveAssignment({ rows, capacities: pairs.capacities, edges: pairs.truth });
      expect(stats.provenOptimal).toBe(true);
      expect(plan.total).toBe(best.total);
      expect(plan.total).toBeGreaterThanOrEqual(greedy.total);
      saved += rows * cols - stats.evaluatedPairs;
    }
    expect(saved).toBeGreaterThan(0);
  });
});
