import { DeliveryMode, Gender, Pathway, RiskLevel, VolunteerStatus } from '@app/core';
import { MentorFacts, PlacementFacts, mentorFit } from './mentor-fit';

const mentor: MentorFacts = {
  status: VolunteerStatus.APPROVED,
  accountDisabled: false,
  gender: Gender.MALE,
  languages: ['en'],
  pathways: [Pathway.ACCOMMODATION],
  livedExperience: false,
  deliveryModes: [DeliveryMode.IN_PERSON],
  travelRadiusKm: 20,
  maxMentees: 2,
  activeMentees: 0,
  activeSince: null,
  distanceKm: 5,
  clearanceMissing: [],
};

const placement: PlacementFacts = {
  needs: [Pathway.ACCOMMODATION, Pathway.HEALTH],
  riskLevel: RiskLevel.LOW,
  languages: [],
  schemeGenders: [],
  schemeDeliveryModes: [DeliveryMode.IN_PERSON, DeliveryMode.PHONE],
  today: '2026-11-26',
};

describe('mentorFit: hard rules', () => {
  it.each<[string, Partial<MentorFacts>, Partial<PlacementFacts>, RegExp | null]>([
    ['fits', {}, {}, null],
    ['paused', { status: VolunteerStatus.PAUSED }, {}, /status PAUSED/],
    [
      'account disabled',
      { accountDisabled: true },
      {},
      /^account disabled: cannot sign in to answer$/,
    ],
    [
      'not cleared',
      { clearanceMissing: ['DBS STANDARD'] },
      {},
      /not cleared in time: DBS STANDARD/,
    ],
    ['full', { activeMentees: 2 }, {}, /no capacity \(2 of 2/],
    ['too far, in person only', { distanceKm: 48 }, {}, /lives 48 km away \(travels 20 km\)/],
    ['too far but by phone', { distanceKm: 48, deliveryModes: [DeliveryMode.PHONE] }, {}, null],
    [
      'too far, online but the scheme is not',
      { distanceKm: 48, deliveryModes: [DeliveryMode.ONLINE] },
      {},
      /lives 48 km/,
    ],
    ["man on a women's scheme", {}, { schemeGenders: [Gender.FEMALE] }, /female mentors only/],
    [
      "woman on a women's scheme",
      { gender: Gender.FEMALE },
      { schemeGenders: [Gender.FEMALE] },
      null,
    ],
    ['HIGH risk, never active', {}, { riskLevel: RiskLevel.HIGH }, /HIGH risk: needs a year/],
    [
      'HIGH risk, 11 months active',
      { activeSince: '2026-01-01' },
      { riskLevel: RiskLevel.HIGH },
      /year/,
    ],
    [
      'VERY_HIGH risk, exactly a year',
      { activeSince: '2025-11-26' },
      { riskLevel: RiskLevel.VERY_HIGH },
      null,
    ],
  ])('%s', (_name, m, p, expected) => {
    const fit = mentorFit({ ...mentor, ...m }, { ...placement, ...p });
    if (expected === null) expect(fit.exclusions).toEqual([]);
    else expect(fit.exclusions).toEqual([expect.stringMatching(expected)]);
  });
});

describe('mentorFit: ranking', () => {
  it('scores each component and explains itself', () => {
    const fit = mentorFit(
      {
        ...mentor,
        pathways: [Pathway.ACCOMMODATION, Pathway.HEALTH],
        languages: ['en', 'pl'],
        livedExperience: true,
        activeMentees: 1,
      },
      { ...placement, languages: ['pl'] },
    );
    expect(fit.components).toEqual([
      { name: 'needsExpertise', value: 1, weight: 40, points: 40 },
      { name: 'distance', value: 0.75, weight: 20, points: 15 },
      { name: 'load', value: 0.5, weight: 15, points: 7.5 },
      { name: 'sharedLanguage', value: 1, weight: 15, points: 15 },
      { name: 'livedExperience', value: 1, weight: 10, points: 10 },
    ]);
    expect(fit.score).toBe(87.5);
    expect(fit.reasons).toEqual([
      'knows 2 of 2 needs (accommodation, health)',
      '5 km away (travels 20 km)',
      '1 of 2 mentees',
      'speaks pl',
      'has lived experience',
    ]);
  });

  it('ranks more expertise, nearer and less loaded higher', () => {
    const base = mentorFit(mentor, placement).score;
    expect(
      mentorFit({ ...mentor, pathways: [Pathway.ACCOMMODATION, Pathway.HEALTH] }, placement).score,
    ).toBeGreaterThan(base);
    expect(mentorFit({ ...mentor, distanceKm: 1 }, placement).score).toBeGreaterThan(base);
    expect(mentorFit({ ...mentor, activeMentees: 1 }, placement).score).toBeLessThan(base);
  });
});
