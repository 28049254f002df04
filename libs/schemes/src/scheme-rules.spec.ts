import { BarredList, DbsLevel, DeliveryMode, Pathway, RiskLevel } from '@app/core';
import { prisonDisplayName } from './places';
import { SchemeDraft, checkSchemeDraft } from './scheme-rules';

const valid: SchemeDraft = {
  name: 'Gate to Home',
  description: 'Mentoring from the gate',
  pathways: [Pathway.ACCOMMODATION],
  genders: [],
  minAge: 18,
  maxAge: 30,
  maxRiskLevel: RiskLevel.MEDIUM,
  deliveryModes: [DeliveryMode.IN_PERSON],
  languages: ['EN', 'pl'],
  postcode: 'LS6 1AA',
  coverageLocalAuthorities: ['e08000035', 'E08000035'],
  radiusKm: null,
  national: false,
  prisonsServed: [' lei '],
  requiredDbsLevel: DbsLevel.ENHANCED,
  requiredBarredLists: [BarredList.ADULTS],
  capacity: 0,
};

function problem(overrides: Partial<SchemeDraft>): { field: string; message: string } | null {
  try {
    checkSchemeDraft({ ...valid, ...overrides });
    return null;
  } catch (error) {
    return (error as { details: { fields: { field: string; message: string }[] } }).details
      .fields[0];
  }
}

describe('checkSchemeDraft', () => {
  it('normalises codes and languages', () => {
    const scheme = checkSchemeDraft(valid);
    expect(scheme.coverageLocalAuthorities).toEqual(['E08000035']);
    expect(scheme.prisonsServed).toEqual(['LEI']);
    expect(scheme.languages).toEqual(['en', 'pl']);
  });

  it.each<[string, Partial<SchemeDraft>, string | null]>([
    ['valid as it is', {}, null],
    ['no pathway', { pathways: [] }, 'input.pathways'],
    ['no delivery mode', { deliveryModes: [] }, 'input.deliveryModes'],
    ['minimum age above maximum', { minAge: 40, maxAge: 30 }, 'input.maxAge'],
    ['open-ended age range', { minAge: null, maxAge: null }, null],
    ['negative capacity', { capacity: -1 }, 'input.capacity'],
    [
      'barred lists without ENHANCED',
      { requiredDbsLevel: DbsLevel.STANDARD },
      'input.requiredBarredLists',
    ],
    [
      'STANDARD without barred lists',
      { requiredDbsLevel: DbsLevel.STANDARD, requiredBarredLists: [] },
      null,
    ],
    ['not a language code', { languages: ['polish'] }, 'input.languages'],
    ['two letters but not ISO 639-1', { languages: ['qq'] }, 'input.languages'],
    ['radius without a postcode', { postcode: null, radiusKm: 10 }, 'input.radiusKm'],
    [
      'local, no coverage, no radius',
      { coverageLocalAuthorities: [], radiusKm: null },
      'input.coverageLocalAuthorities',
    ],
    ['local by postcode and radius', { coverageLocalAuthorities: [], radiusKm: 15 }, null],
    [
      'national needs neither',
      { national: true, coverageLocalAuthorities: [], postcode: null },
      null,
    ],
    [
      'remote-only by radius covers nowhere',
      { deliveryModes: [DeliveryMode.PHONE], coverageLocalAuthorities: [], radiusKm: 15 },
      'input.coverageLocalAuthorities',
    ],
    ['remote-only with a list', { deliveryModes: [DeliveryMode.ONLINE] }, null],
  ])('%s', (_name, overrides, field) => {
    expect(problem(overrides)?.field ?? null).toBe(field);
  });
});

describe('prisonDisplayName', () => {
  it.each([
    ['Leeds (HMP)', 'HMP Leeds'],
    ['Manchester (HMP & YOI)', 'HMP Manchester'],
    ['Rainsbrook (STC)', 'Rainsbrook STC'],
    ['Somewhere', 'Somewhere'],
  ])('%s → %s', (register, spoken) => {
    expect(prisonDisplayName(register)).toBe(spoken);
  });
});
