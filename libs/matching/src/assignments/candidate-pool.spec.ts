import { VolunteerProfileEntity } from '@app/volunteers';
import { MentorFit } from '../matches/mentor-fit';
import { ReferralEntity } from '../referrals/referral.entity';
import { CandidatePool, topByBound } from './assignment-candidates.service';
import { seededRandom } from './testing/seeded-random';

describe('topByBound', () => {
  it('returns the k largest non-negative values, largest first, lower index on ties', () => {
    const next = seededRandom(5);
    for (let round = 0; round < 200; round++) {
      const values = Float64Array.from({ length: 1 + Math.floor(next() * 300) }, () =>
        next() < 0.2 ? -1 : Math.floor(next() * 20),
      );
      const k = Math.floor(next() * 40);
      const expected = Array.from(values.keys())
        .filter((i) => values[i] >= 0)
        .sort((a, b) => values[b] - values[a] || a - b)
        .slice(0, k);
      expect(Array.from(topByBound(values, k))).toEqual(expected);
    }
  });
});

describe('CandidatePool', () => {
  it('evaluates each referral’s mentors best bound first, in growing batches, past its cache', async () => {
    const mentors = 3000;
    const next = seededRandom(9);
    const bounds = Float64Array.from({ length: mentors }, () =>
      next() < 0.1 ? -1 : Math.round(next() * 10_000) / 100,
    );
    const judged: number[] = [];
    const pool = new CandidatePool(
      [{} as ReferralEntity],
      Array.from(
        { length: mentors },
        () => ({ maxMentees: 2, activeMentees: 1 }) as VolunteerProfileEntity,
      ),
      (_, out) => out.set(bounds),
      (pairs) => {
        judged.push(...pairs.map((pair) => pair.volunteer));
        // Every other mentor is eligible, scoring a little under its bound.
        return Promise.resolve(
          pairs.map(
            (pair) =>
              ({
                exclusions: pair.volunteer % 2 ? ['no'] : [],
                score: bounds[pair.volunteer] - 0.5,
              }) as MentorFit,
          ),
        );
      },
    );
    const order = Array.from(topByBound(bounds, mentors));
    expect(pool.capacities[0]).toBe(1);
    const sizes: number[] = [];
    while (pool.unseenBound(0) !== -1) {
      await pool.evaluate([0]);
      sizes.push(pool.evaluated);
      const seen = pool.evaluated;
      expect(judged).toEqual(order.slice(0, seen));
      expect(pool.unseenBound(0)).toBe(seen < order.length ? bounds[order[seen]] : -1);
    }
    expect(sizes).toEqual([8, 32, 128, 512, 2048, order.length]);
    expect(pool.pairs.map((pair) => pair.volunteer)).toEqual(order.filter((v) => v % 2 === 0));
  });
});
