import munkres from 'munkres';
import {
  AssignmentEdge,
  AssignmentProblem,
  AssignmentSolution,
  greedyAssignment,
  solveAssignment,
} from './assignment-solver';
import { seededRandom } from './testing/seeded-random';

function randomProblem(seed: number): AssignmentProblem {
  const next = seededRandom(seed);
  const int = (below: number) => Math.floor(next() * below);
  const rows = 1 + int(7);
  const cols = 1 + int(5);
  const capacities = Array.from({ length: cols }, () => int(3));
  const density = 0.2 + next() * 0.8;
  const edges: AssignmentEdge[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      // Few distinct weights, so ties (and zero weights) are common.
      if (next() < density) edges.push({ row, col, weight: int(next() < 0.5 ? 4 : 30) });
    }
  }
  return { rows, capacities, edges };
}

/** Every plan: the best total, and the most rows assigned among plans with that total. */
function bruteForce(problem: AssignmentProblem): { total: number; assigned: number } {
  const byRow = Array.from({ length: problem.rows }, (_, row) =>
    problem.edges.filter((edge) => edge.row === row),
  );
  const load = problem.capacities.map(() => 0);
  let best = { total: -1, assigned: -1 };
  const visit = (row: number, total: number, assigned: number) => {
    if (row === problem.rows) {
      if (total > best.total || (total === best.total && assigned > best.assigned)) {
        best = { total, assigned };
      }
      return;
    }
    visit(row + 1, total, assigned);
    for (const edge of byRow[row]) {
      if (load[edge.col] >= problem.capacities[edge.col]) continue;
      load[edge.col]++;
      visit(row + 1, total + edge.weight, assigned + 1);
      load[edge.col]--;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** The plan uses real edges with their weights, respects capacities and adds up. */
function expectValid(problem: AssignmentProblem, plan: AssignmentSolution): void {
  const load = problem.capacities.map(() => 0);
  let total = 0;
  let assigned = 0;
  for (let row = 0; row < problem.rows; row++) {
    const col = plan.colOfRow[row];
    if (col === -1) {
      expect(plan.weightOfRow[row]).toBe(0);
      continue;
    }
    const edge = problem.edges.find((e) => e.row === row && e.col === col);
    expect(edge).toBeDefined();
    expect(plan.weightOfRow[row]).toBe(edge!.weight);
    load[col]++;
    total += edge!.weight;
    assigned++;
  }
  load.forEach((used, col) => expect(used).toBeLessThanOrEqual(problem.capacities[col]));
  expect(plan.total).toBe(total);
  expect(plan.assigned).toBe(assigned);
}

describe('solveAssignment', () => {
  it('is optimal (total, then rows assigned) on 1,000 random small problems', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const problem = randomProblem(seed);
      const plan = solveAssignment(problem);
      const greedy = greedyAssignment(problem);
      expectValid(problem, plan);
      expectValid(problem, greedy);
      const best = bruteForce(problem);
      try {
        expect({ total: plan.total, assigned: plan.assigned }).toEqual(best);
        expect(plan.total).toBeGreaterThanOrEqual(greedy.total);
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`, { cause: error });
      }
    }
  });

  it('says how heavy a missing pair may be without changing the optimum (headroom)', () => {
    let checked = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const full = randomProblem(seed);
      const next = seededRandom(seed * 7919);
      const kept = full.edges.filter(() => next() < 0.6);
      const partial = { ...full, edges: kept };
      const plan = solveAssignment(partial);
      const missing = full.edges.filter((edge) => !kept.includes(edge));
      const covered = missing.every((edge) => edge.weight <= plan.headroom![edge.row]);
      if (!covered) continue;
      checked++;
      try {
        expect(plan.total).toBe(bruteForce(full).total);
      } catch (error) {
        throw new Error(`seed ${seed}: ${(error as Error).message}`, { cause: error });
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('beats greedy where taking the best pair first blocks a better plan', () => {
    // Row 0 likes both mentors; row 1 only mentor 0. Greedy gives mentor 0 to row 0.
    const problem: AssignmentProblem = {
      rows: 2,
      capacities: [1, 1],
      edges: [
        { row: 0, col: 0, weight: 90 },
        { row: 0, col: 1, weight: 80 },
        { row: 1, col: 0, weight: 70 },
      ],
    };
    expect(greedyAssignment(problem).total).toBe(90);
    const plan = solveAssignment(problem);
    expect(Array.from(plan.colOfRow)).toEqual([1, 0]);
    expect(plan.total).toBe(150);
  });

  it('fills a column up to its capacity and no further', () => {
    const plan = solveAssignment({
      rows: 3,
      capacities: [2],
      edges: [0, 1, 2].map((row) => ({ row, col: 0, weight: 10 + row })),
    });
    expect(Array.from(plan.colOfRow)).toEqual([-1, 0, 0]);
    expect(plan.total).toBe(23);
  });

  it('leaves rows without edges, or without room, unassigned', () => {
    const plan = solveAssignment({
      rows: 3,
      capacities: [1, 0],
      edges: [
        { row: 0, col: 0, weight: 5 },
        { row: 2, col: 1, weight: 50 },
      ],
    });
    expect(Array.from(plan.colOfRow)).toEqual([0, -1, -1]);
    expect(plan.assigned).toBe(1);
  });

  it('assigns a zero-weight pair rather than leaving the row out', () => {
    const plan = solveAssignment({
      rows: 1,
      capacities: [1],
      edges: [{ row: 0, col: 0, weight: 0 }],
    });
    expect(Array.from(plan.colOfRow)).toEqual([0]);
  });

  it('agrees with the munkres package on random dense square matrices', () => {
    for (const [seed, size] of [
      [42, 200],
      [7, 64],
      [8, 31],
    ]) {
      const next = seededRandom(seed);
      const matrix = Array.from({ length: size }, () =>
        Array.from({ length: size }, () => Math.floor(next() * 1000)),
      );
      const edges = matrix.flatMap((weights, row) =>
        weights.map((weight, col) => ({ row, col, weight })),
      );
      const problem = { rows: size, capacities: new Array<number>(size).fill(1), edges };
      const plan = solveAssignment(problem);
      expectValid(problem, plan);
      const reference = munkres(matrix.map((weights) => weights.map((weight) => -weight)));
      const best = reference.reduce((sum, [row, col]) => sum + matrix[row][col], 0);
      expect(plan.assigned).toBe(size);
      expect(plan.total).toBe(best);
      expect(plan.total).toBeGreaterThan(greedyAssignment(problem).total);
    }
  });

  it('rejects weights that are not non-negative integers', () => {
    expect(() =>
      solveAssignment({ rows: 1, capacities: [1], edges: [{ row: 0, col: 0, weight: 1.5 }] }),
    ).toThrow(RangeError);
  });
});
