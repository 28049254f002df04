import { DeliveryMode, Gender, Pathway, RiskLevel, VolunteerStatus } from '@app/core';
import { MentorFacts, PlacementFacts, mentorFit } from '../matches/mentor-fit';
import { distanceLowerKm, scoreBound } from './score-bound';
import { seededRandom } from './testing/seeded-random';

const PATHWAYS = Object.values(Pathway);
const MODES = Object.values(DeliveryMode);
const LANGUAGES = ['en', 'pl', 'ur', 'cy'];

describe('scoreBound', () => {
  it('is never below mentorFit’s score for an eligible pair, nor -1 for one (20,000 random pairs)', () => {
    const next = seededRandom(2026);
    const some = <T>(values: readonly T[]) => values.filter(() => next() < 0.4);
    let eligible = 0;
    for (let i = 0; i < 20_000; i++) {
      const maxMentees = 1 + Math.floor(next() * 4);
      const mentor: MentorFacts = {
        status: next() < 0.5 ? VolunteerStatus.ACTIVE : VolunteerStatus.APPROVED,
        accountDisabled: false,
        gender: next() < 0.5 ? Gender.FEMALE : Gender.MALE,
        languages: ['en', ...some(LANGUAGES.slice(1))],
        pathways: some(PATHWAYS),
        livedExperience: next() < 0.3,
        deliveryModes: some(MODES),
        travelRadiusKm: Math.round(next() * 60),
        maxMentees,
        activeMentees: Math.floor(next() * maxMentees),
        activeSince: next() < 0.5 ? '2024-01-01' : null,
        distanceKm: next() * 80,
        clearanceMissing: [],
      };
      const placement: PlacementFacts = {
        needs: some(PATHWAYS),
        riskLevel: next() < 0.8 ? RiskLevel.MEDIUM : RiskLevel.HIGH,
        languages: ['en', ...some(LANGUAGES.slice(1))],
        schemeGenders: [],
        schemeDeliveryModes: some(MODES),
        today: '2026-11-26',
      };
      const fit = mentorFit(mentor, placement);
      if (fit.exclusions.length > 0) continue;
      eligible++;
      const bound = scoreBound({
        needsCovered: placement.needs.filter((need) => mentor.pathways.includes(need)).length,
        needsCount: placement.needs.length,
        sharesLanguage: placement.languages.some(
          (language) => language !== 'en' && mentor.languages.includes(language),
        ),
        livedExperience: mentor.livedExperience,
        maxMentees: mentor.maxMentees,
        activeMentees: mentor.activeMentees,
        inPerson: mentor.deliveryModes.includes(DeliveryMode.IN_PERSON),
        remote: [DeliveryMode.PHONE, DeliveryMode.ONLINE].some(
          (mode) =>
            mentor.deliveryModes.includes(mode) && placement.schemeDeliveryModes.includes(mode),
        ),
        travelRadiusKm: mentor.travelRadiusKm,
        distanceLowerKm: Math.max(0, mentor.distanceKm * (0.9 + next() * 0.1) - next()),
      });
      expect(bound).toBeGreaterThanOrEqual(fit.score);
    }
    expect(eligible).toBeGreaterThan(1000);
  });

  it('measures no more than PostGIS’ geography distance, and not much less', () => {
    // ST_Distance on geography (WGS84 spheroid): LS6 to WC2 274.638 km; Cardiff to Bangor 204.761 km.
    const leedsLondon = distanceLowerKm(53.8185, -1.56623, 51.5115, -0.1235);
    expect(leedsLondon).toBeLessThanOrEqual(274.638);
    expect(leedsLondon).toBeGreaterThan(274.638 * 0.98);
    const cardiffBangor = distanceLowerKm(51.4816, -3.1791, 53.2274, -4.1293);
    expect(cardiffBangor).toBeLessThanOrEqual(204.761);
    expect(cardiffBangor).toBeGreaterThan(204.761 * 0.98);
    expect(distanceLowerKm(10, 10, 10, 10)).toBe(0);
  });
});
