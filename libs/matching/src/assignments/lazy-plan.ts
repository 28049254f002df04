import {
  AssignmentProblem,
  AssignmentSolution,
  greedyAssignment,
  solveAssignment,
} from './assignment-solver';

/** Scores have two decimals; the solver works in whole hundredths so every sum is exact. */
export const CENTS = 100;
/** Rounds of "evaluate more pairs where an unseen one could still help" (24, 96, … per row). */
const MAX_ROUNDS = 6;

/** Pairs evaluated so far, and what an unevaluated pair of a row could at best score. */
export interface LazyPairs {
  readonly rows: number;
  readonly capacities: readonly number[];
  readonly pairs: readonly { referral: number; volunteer: number; score: number }[];
  readonly evaluated: number;
  /** The best score an unevaluated pair of the row could have; negative when none is left. */
  unseenBound(row: number): number;
  /** Evaluates more pairs of the given rows. */
  evaluate(rows: readonly number[]): Promise<void>;
}

/** How the plan was reached, for logs and the benchmark. */
export interface PlanStats {
  rows: number;
  evaluatedPairs: number;
  eligiblePairs: number;
  rounds: number;
  /** Every pair not evaluated was shown unable to improve the plan. */
  provenOptimal: boolean;
  /** Time spent evaluating pairs (bounds, distances, mentorFit) and solving, in ms. */
  evaluateMs: number;
  solveMs: number;
}

export interface LazyPlan {
  plan: AssignmentSolution;
  greedy: AssignmentSolution;
  stats: PlanStats;
}

/**
 * The optimal plan over all pairs while evaluating few of them: evaluate each row's best-bounded
 * pairs, solve, and evaluate more only for rows where an unevaluated pair's bound exceeds the
 * row's headroom (its dual value: what it would have to gain to change the plan). When no such
 * row is left the plan is optimal over every pair, evaluated or not.
 */
export async function planLazily(pairs: LazyPairs): Promise<LazyPlan> {
  const all = Array.from({ length: pairs.rows }, (_, row) => row);
  const time = { evaluateMs: 0, solveMs: 0 };
  let t = performance.now();
  await pairs.evaluate(all);
  time.evaluateMs += performance.now() - t;
  t = performance.now();
  let problem = problemOf(pairs);
  let plan = solveAssignment(problem);
  time.solveMs += performance.now() - t;
  let rounds = 1;
  const settled = (row: number) => {
    const unseen = pairs.unseenBound(row);
    return unseen < 0 || Math.ceil(unseen * CENTS) <= plan.headroom![row];
  };
  for (;;) {
    const open = all.filter((row) => !settled(row));
    if (open.length === 0 || rounds === MAX_ROUNDS) break;
    t = performance.now();
    await pairs.evaluate(open);
    time.evaluateMs += performance.now() - t;
    t = performance.now();
    problem = problemOf(pairs);
    plan = solveAssignment(problem);
    time.solveMs += performance.now() - t;
    rounds++;
  }
  return {
    plan,
    greedy: greedyAssignment(problem),
    stats: {
      rows: pairs.rows,
      evaluatedPairs: pairs.evaluated,
      eligiblePairs: pairs.pairs.length,
      rounds,
      provenOptimal: all.every(settled),
      evaluateMs: Math.round(time.evaluateMs),
      solveMs: Math.round(time.solveMs),
    },
  };
}

function problemOf(pairs: LazyPairs): AssignmentProblem {
  return {
    rows: pairs.rows,
    capacities: pairs.capacities,
    edges: pairs.pairs.map((pair) => ({
      row: pair.referral,
      col: pair.volunteer,
      weight: Math.round(pair.score * CENTS),
    })),
  };
}
