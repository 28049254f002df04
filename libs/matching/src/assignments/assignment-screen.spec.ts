import {
  BarredList,
  DbsLevel,
  DeliveryMode,
  Gender,
  Pathway,
  RiskLevel,
  VolunteerStatus,
} from '@app/core';
import {
  CheckFacts,
  ClearanceRequirement,
  VettingCheckKind,
  VettingCheckStatus,
  evaluateClearance,
} from '@app/vetting';
import { MentorFacts, PlacementFacts, mentorFit } from '../matches/mentor-fit';
import { seededRandom } from './testing/seeded-random';

// The assumptions behind proposeAssignments' screen (assignment-candidates.service.ts): a mentor
// excluded in the best case (distance 0, the earliest release date, no needs or languages) is
// excluded for every referral of that risk level.

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe('the screen’s best case', () => {
  it('mentorFit: excluded at distance 0 with no needs or languages ⇒ excluded for any', () => {
    const next = seededRandom(77);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
    const some = <T>(values: readonly T[]) => values.filter(() => next() < 0.4);
    let excluded = 0;
    for (let i = 0; i < 6_000; i++) {
      const maxMentees = Math.floor(next() * 4);
      const mentor: MentorFacts = {
        status: pick(Object.values(VolunteerStatus)),
        accountDisabled: next() < 0.1,
        gender: pick(Object.values(Gender)),
        languages: ['en', ...some(['pl', 'ur'])],
        pathways: some(Object.values(Pathway)),
        livedExperience: next() < 0.3,
        deliveryModes: some(Object.values(DeliveryMode)),
        travelRadiusKm: Math.round(next() * 40),
        maxMentees,
        activeMentees: Math.floor(next() * (maxMentees + 1)),
        activeSince: next() < 0.5 ? addDays('2026-11-26', -Math.floor(next() * 800)) : null,
        distanceKm: 0,
        clearanceMissing: next() < 0.3 ? ['DBS STANDARD'] : [],
      };
      const placement: PlacementFacts = {
        needs: [],
        riskLevel: pick(Object.values(RiskLevel)),
        languages: [],
        schemeGenders: next() < 0.2 ? [Gender.FEMALE] : [],
        schemeDeliveryModes: some(Object.values(DeliveryMode)),
        today: '2026-11-26',
      };
      if (mentorFit(mentor, placement).exclusions.length === 0) continue;
      excluded++;
      const anyOther = mentorFit(
        { ...mentor, distanceKm: next() * 100 },
        { ...placement, needs: some(Object.values(Pathway)), languages: ['en', ...some(['pl'])] },
      );
      expect(anyOther.exclusions.length).toBeGreaterThan(0);
    }
    expect(excluded).toBeGreaterThan(1500);
  });

  it('clearance: not cleared on a day ⇒ not cleared on any later day', () => {
    const next = seededRandom(78);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
    const day = () => addDays('2026-06-01', Math.floor(next() * 1200));
    const requirement = (): ClearanceRequirement => ({
      dbsLevel: pick(Object.values(DbsLevel)),
      barredLists: next() < 0.3 ? [BarredList.ADULTS] : [],
      prisonsServed: next() < 0.5 ? ['HMP Leeds'] : [],
    });
    let notCleared = 0;
    for (let i = 0; i < 6_000; i++) {
      const checks: CheckFacts[] = Array.from({ length: Math.floor(next() * 7) }, () => ({
        kind: pick(Object.values(VettingCheckKind)),
        status: pick(Object.values(VettingCheckStatus)),
        dbsLevel: pick(Object.values(DbsLevel)),
        barredLists: next() < 0.4 ? [BarredList.ADULTS] : [],
        expiresOn: next() < 0.4 ? null : day(),
        decidedAt: next() < 0.2 ? null : `${day()}T10:00:00.000Z`,
        superseded: next() < 0.1,
      }));
      const wanted = requirement();
      const earlier = day();
      if (evaluateClearance(checks, wanted, earlier).cleared) continue;
      notCleared++;
      const later = addDays(earlier, Math.floor(next() * 400));
      expect(evaluateClearance(checks, wanted, later).cleared).toBe(false);
    }
    expect(notCleared).toBeGreaterThan(1500);
  });
});
