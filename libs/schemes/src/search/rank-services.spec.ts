import { DeliveryMode, Gender, OrganisationSpecialism, Pathway, RiskLevel } from '@app/core';
import { RankCandidate, RankQuery, rankOne, rankServices } from './rank-services';

const { ACCOMMODATION, EDUCATION_TRAINING_EMPLOYMENT: WORK, HEALTH } = Pathway;

function scheme(overrides: Partial<RankCandidate> & { id: string }): RankCandidate {
  return {
    name: overrides.id,
    pathways: [ACCOMMODATION, WORK],
    deliveryModes: [DeliveryMode.IN_PERSON],
    coverageLocalAuthorities: [],
    national: false,
    prisonsServed: [],
    capacity: 10,
    activeMentees: 0,
    organisationSpecialisms: [],
    distanceKm: 5,
    ...overrides,
  };
}

const leeds: RankQuery = {
  outcode: 'LS6',
  localAuthority: { code: 'E08000035', name: 'Leeds' },
  prison: { code: 'LEI', name: 'HMP Leeds' },
  radiusKm: 40,
  needs: [ACCOMMODATION, WORK],
  gender: Gender.FEMALE,
  age: 34,
  riskLevel: RiskLevel.MEDIUM,
  language: null,
  preferredSpecialisms: [],
};

describe('rankOne: reasons a prison officer can read aloud', () => {
  it.each<[string, Partial<RankCandidate>, Partial<RankQuery>, string[]]>([
    [
      'through the gate, by local authority, with distance',
      { prisonsServed: ['LEI'], coverageLocalAuthorities: ['E08000035'], distanceKm: 4.24 },
      {},
      [
        'meets people in HMP Leeds before release',
        'covers Leeds',
        '4.2 km from LS6',
        'covers 2 of 2 needs: accommodation, work',
        '10 of 10 places free',
      ],
    ],
    [
      'radius only: the distance is the coverage',
      { distanceKm: 12.06, pathways: [WORK, HEALTH] },
      {},
      ['12.1 km from LS6', 'covers 1 of 2 needs: work', '10 of 10 places free'],
    ],
    [
      'national: no distance',
      { national: true, distanceKm: 150 },
      { needs: [] },
      ['national service', '10 of 10 places free'],
    ],
    [
      'remote-only by local authority',
      {
        deliveryModes: [DeliveryMode.PHONE, DeliveryMode.ONLINE],
        coverageLocalAuthorities: ['E08000035'],
        distanceKm: 3,
      },
      { needs: [ACCOMMODATION] },
      [
        'covers Leeds',
        'by phone or online only',
        'covers 1 of 1 needs: accommodation',
        '10 of 10 places free',
      ],
    ],
    [
      'women-led organisation for a woman',
      { organisationSpecialisms: [OrganisationSpecialism.WOMEN, OrganisationSpecialism.FAITH] },
      { needs: [] },
      ['5.0 km from LS6', 'women-led organisation', '10 of 10 places free'],
    ],
    [
      'faith on request and young adults at 18–25',
      {
        organisationSpecialisms: [
          OrganisationSpecialism.FAITH,
          OrganisationSpecialism.YOUNG_PEOPLE,
        ],
      },
      {
        needs: [],
        gender: Gender.MALE,
        age: 19,
        preferredSpecialisms: [OrganisationSpecialism.FAITH],
      },
      [
        '5.0 km from LS6',
        'faith-based organisation',
        'specialises in young adults (18–25)',
        '10 of 10 places free',
      ],
    ],
    [
      'full: waiting list',
      { capacity: 4, activeMentees: 4 },
      { needs: [] },
      ['5.0 km from LS6', 'no places free (waiting list)'],
    ],
    [
      'language and high risk',
      {},
      { needs: [], language: 'pl', riskLevel: RiskLevel.HIGH },
      [
        '5.0 km from LS6',
        'offers support in Polish',
        'accepts high risk of serious harm',
        '10 of 10 places free',
      ],
    ],
    [
      'searched by local authority: distance from its centre',
      { coverageLocalAuthorities: ['E08000035'], distanceKm: 2 },
      { outcode: null, needs: [] },
      ['covers Leeds', '2.0 km from the centre of Leeds', '10 of 10 places free'],
    ],
  ])('%s', (_name, candidate, query, reasons) => {
    expect(rankOne(scheme({ id: 'a', ...candidate }), { ...leeds, ...query }).reasons).toEqual(
      reasons,
    );
  });

  it('gives no distance for national or remote-only schemes, and says who is through the gate', () => {
    const national = rankOne(scheme({ id: 'n', national: true, distanceKm: 80 }), leeds);
    const remote = rankOne(
      scheme({
        id: 'r',
        deliveryModes: [DeliveryMode.PHONE],
        coverageLocalAuthorities: ['E08000035'],
      }),
      leeds,
    );
    const gate = rankOne(scheme({ id: 'g', prisonsServed: ['LEI'] }), leeds);
    expect([national.distanceKm, remote.distanceKm, gate.distanceKm]).toEqual([null, null, 5]);
    expect([national.throughTheGate, gate.throughTheGate]).toEqual([false, true]);
    expect(
      rankOne(scheme({ id: 'g', prisonsServed: ['LEI'] }), { ...leeds, prison: null })
        .throughTheGate,
    ).toBe(false);
  });
});

describe('rankServices: the order', () => {
  const order = (candidates: RankCandidate[], query: Partial<RankQuery> = {}, first = 20) =>
    rankServices(candidates, { ...leeds, ...query }, first).map((ranked) => ranked.candidate.id);

  it.each<[string, RankCandidate[], Partial<RankQuery>, string[]]>([
    [
      'through the gate beats everything else together',
      [
        scheme({
          id: 'near-all-needs',
          distanceKm: 0.5,
          organisationSpecialisms: [OrganisationSpecialism.WOMEN],
        }),
        scheme({
          id: 'gate-far-one-need',
          prisonsServed: ['LEI'],
          distanceKm: 39,
          pathways: [WORK],
        }),
      ],
      {},
      ['gate-far-one-need', 'near-all-needs'],
    ],
    [
      'share of needs before distance',
      [
        scheme({ id: 'near-one-need', distanceKm: 1, pathways: [WORK] }),
        scheme({ id: 'far-both-needs', distanceKm: 30 }),
      ],
      {},
      ['far-both-needs', 'near-one-need'],
    ],
    [
      'then the nearer',
      [scheme({ id: 'far', distanceKm: 20 }), scheme({ id: 'near', distanceKm: 2 })],
      {},
      ['near', 'far'],
    ],
    [
      'specialist fit breaks a near tie',
      [
        scheme({ id: 'plain', distanceKm: 3 }),
        scheme({
          id: 'women',
          distanceKm: 4,
          organisationSpecialisms: [OrganisationSpecialism.WOMEN],
        }),
      ],
      {},
      ['women', 'plain'],
    ],
    [
      'specialist fit counts only for whom it fits',
      [
        scheme({ id: 'plain', distanceKm: 3 }),
        scheme({
          id: 'women',
          distanceKm: 4,
          organisationSpecialisms: [OrganisationSpecialism.WOMEN],
        }),
      ],
      { gender: Gender.MALE },
      ['plain', 'women'],
    ],
    [
      'more places free when all else is equal',
      [scheme({ id: 'busy', activeMentees: 9 }), scheme({ id: 'free', activeMentees: 1 })],
      {},
      ['free', 'busy'],
    ],
    [
      'full schemes last, even through the gate',
      [
        scheme({ id: 'full-gate', prisonsServed: ['LEI'], capacity: 3, activeMentees: 3 }),
        scheme({ id: 'national', national: true, pathways: [HEALTH] }),
      ],
      {},
      ['national', 'full-gate'],
    ],
    [
      'a local authority scheme without a base sits between near and far radius schemes',
      [
        scheme({ id: 'la-no-base', coverageLocalAuthorities: ['E08000035'], distanceKm: null }),
        scheme({ id: 'radius-near', distanceKm: 5 }),
        scheme({ id: 'radius-far', distanceKm: 35 }),
      ],
      {},
      ['radius-near', 'la-no-base', 'radius-far'],
    ],
    [
      'equal schemes by name, then id',
      [
        scheme({ id: 'b', name: 'Same' }),
        scheme({ id: 'a', name: 'Same' }),
        scheme({ id: 'c', name: 'Alpha' }),
      ],
      {},
      ['c', 'a', 'b'],
    ],
  ])('%s', (_name, candidates, query, expected) => {
    expect(order(candidates, query)).toEqual(expected);
  });

  it('returns at most `first`', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      scheme({ id: `s${String(i).padStart(2, '0')}`, distanceKm: i }),
    );
    expect(order(many, {}, 3)).toEqual(['s00', 's01', 's02']);
  });
});
