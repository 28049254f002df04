import { DeliveryMode, Gender, Pathway, RiskLevel } from '@app/core';
import { PersonFacts, SchemeFacts, referralEligibility } from './referral-eligibility';

const scheme: SchemeFacts = {
  active: true,
  genders: [],
  minAge: 18,
  maxAge: null,
  maxRiskLevel: RiskLevel.MEDIUM,
  pathways: [Pathway.ACCOMMODATION],
  languages: [],
  deliveryModes: [DeliveryMode.IN_PERSON],
  national: false,
  coverageLocalAuthorities: ['E08000035'],
  radiusKm: null,
  distanceKm: null,
};

const person: PersonFacts = {
  gender: Gender.MALE,
  age: 30,
  riskLevel: RiskLevel.LOW,
  needs: [Pathway.ACCOMMODATION, Pathway.HEALTH],
  languages: [],
  releaseOutcode: 'LS6',
  releaseLocalAuthorityCode: 'E08000035',
};

describe('referralEligibility', () => {
  it.each<[string, Partial<SchemeFacts>, Partial<PersonFacts>, RegExp | null]>([
    ['eligible', {}, {}, null],
    ['inactive scheme', { active: false }, {}, /inactive/],
    ["women's scheme, man referred", { genders: [Gender.FEMALE] }, {}, /serves FEMALE only/],
    ['too young', {}, { age: 17 }, /aged 18 or over/],
    ['too old', { maxAge: 25 }, { age: 26 }, /aged up to 25/],
    ['risk above the maximum', {}, { riskLevel: RiskLevel.HIGH }, /risk up to MEDIUM/],
    ['risk at the maximum', {}, { riskLevel: RiskLevel.MEDIUM }, null],
    ['no need overlaps', {}, { needs: [Pathway.HEALTH] }, /none of the needs/],
    ['speaks English among others', {}, { languages: ['pl', 'en'] }, null],
    ['needs a language the scheme lacks', {}, { languages: ['pl'] }, /no language/],
    ['needs a language the scheme offers', { languages: ['pl'] }, { languages: ['PL'] }, null],
    [
      'other local authority',
      {},
      { releaseLocalAuthorityCode: 'E08000003', releaseOutcode: 'M1' },
      /cover the release location M1/,
    ],
    ['national', { national: true }, { releaseLocalAuthorityCode: 'E08000003' }, null],
    ['within radius', { coverageLocalAuthorities: [], radiusKm: 20, distanceKm: 12 }, {}, null],
    ['outside radius', { coverageLocalAuthorities: [], radiusKm: 20, distanceKm: 21 }, {}, /cover/],
    [
      'remote-only never covers by radius',
      {
        coverageLocalAuthorities: [],
        radiusKm: 20,
        distanceKm: 1,
        deliveryModes: [DeliveryMode.PHONE],
      },
      {},
      /cover/,
    ],
  ])('%s', (_name, schemeOverride, personOverride, expected) => {
    const reasons = referralEligibility(
      { ...scheme, ...schemeOverride },
      { ...person, ...personOverride },
    );
    if (expected === null) expect(reasons).toEqual([]);
    else expect(reasons).toEqual([expect.stringMatching(expected)]);
  });

  it('lists every broken rule', () => {
    const reasons = referralEligibility(scheme, {
      ...person,
      age: 16,
      riskLevel: RiskLevel.VERY_HIGH,
      needs: [Pathway.HEALTH],
    });
    expect(reasons).toHaveLength(3);
  });
});
