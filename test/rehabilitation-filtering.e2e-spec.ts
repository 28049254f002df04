import { Clock } from '@app/core';
import { TestApi, codeOf } from './support/app';

const QUERY = `query($input: RehabilitationInput!) {
  rehabilitationPeriod(input: $input) {
    neverSpent spentOn spentToday rule
    filtering { filteredOn filteredToday rule }
  }
}`;

const ADULT_CONVICTION =
  'adult conviction with no custodial sentence, not a specified offence: filtered 11 years after conviction, once spent';

// The app's clock is fixed, so filteredToday never depends on the day the test runs.
const TODAY = '2026-11-26';

describe('rehabilitationPeriod: DBS filtering', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
    api.app.get(Clock).set(`${TODAY}T12:00:00Z`);
  });
  afterAll(() => api.stop());

  const filtering = async (input: Record<string, unknown>) =>
    (await api.ok(QUERY, { input })).rehabilitationPeriod.filtering;

  it('an adult fine is filtered 11 years after conviction, without signing in; specifiedOffence defaults to false', async () => {
    const data = await api.ok(QUERY, {
      input: { sentenceType: 'FINE', convictionDate: '2010-01-15', ageAtConviction: 30 },
    });
    expect(data.rehabilitationPeriod).toEqual({
      neverSpent: false,
      spentOn: '2011-01-15',
      spentToday: true,
      rule: 'fine, adult: 1 year from conviction',
      filtering: { filteredOn: '2021-01-15', filteredToday: true, rule: ADULT_CONVICTION },
    });
    expect(
      await filtering({
        sentenceType: 'FINE',
        convictionDate: '2010-01-15',
        ageAtConviction: 30,
        specifiedOffence: null,
      }),
    ).toEqual({ filteredOn: '2021-01-15', filteredToday: true, rule: ADULT_CONVICTION });
  });

  it('filteredToday is true on the filtering day itself and false the day before it', async () => {
    expect(
      await filtering({ sentenceType: 'FINE', convictionDate: '2015-11-26', ageAtConviction: 30 }),
    ).toEqual({
      filteredOn: TODAY,
      filteredToday: true,
      rule: ADULT_CONVICTION,
    });
    expect(
      await filtering({ sentenceType: 'FINE', convictionDate: '2015-11-27', ageAtConviction: 30 }),
    ).toEqual({
      filteredOn: '2026-11-27',
      filteredToday: false,
      rule: ADULT_CONVICTION,
    });
  });

  it('a spent conviction not yet filtered: spentToday true, filteredToday false', async () => {
    const data = await api.ok(QUERY, {
      input: {
        sentenceType: 'COMMUNITY_ORDER',
        convictionDate: '2020-06-01',
        sentenceEndDate: '2022-06-01',
        ageAtConviction: 25,
      },
    });
    expect(data.rehabilitationPeriod).toMatchObject({
      spentOn: '2022-06-01',
      spentToday: true,
      filtering: { filteredOn: '2031-06-01', filteredToday: false, rule: ADULT_CONVICTION },
    });
  });

  it('a conviction at under 18 is filtered after 5.5 years', async () => {
    expect(
      await filtering({ sentenceType: 'FINE', convictionDate: '2012-03-10', ageAtConviction: 16 }),
    ).toEqual({
      filteredOn: '2017-09-10',
      filteredToday: true,
      rule: 'conviction at under 18 with no custodial sentence, not a specified offence: filtered 5.5 years after conviction, once spent',
    });
  });

  it('a specified offence is never filtered', async () => {
    expect(
      await filtering({
        sentenceType: 'FINE',
        convictionDate: '2010-01-15',
        ageAtConviction: 30,
        specifiedOffence: true,
      }),
    ).toEqual({
      filteredOn: null,
      filteredToday: false,
      rule: 'specified offence: never filtered',
    });
  });

  it('a custodial (or suspended) sentence is never filtered, even when long spent', async () => {
    const data = await api.ok(QUERY, {
      input: {
        sentenceType: 'CUSTODY',
        custodyMonths: 6,
        convictionDate: '2000-01-10',
        sentenceEndDate: '2000-07-10',
        ageAtConviction: 17,
      },
    });
    expect(data.rehabilitationPeriod).toMatchObject({
      spentToday: true,
      filtering: {
        filteredOn: null,
        filteredToday: false,
        rule: 'custodial or suspended sentence: never filtered',
      },
    });
  });

  it('an adult caution is filtered after 6 years; a caution at under 18 is not disclosed automatically', async () => {
    expect(
      await filtering({
        sentenceType: 'SIMPLE_CAUTION',
        convictionDate: '2022-04-01',
        ageAtConviction: 40,
      }),
    ).toEqual({
      filteredOn: '2028-04-01',
      filteredToday: false,
      rule: 'adult caution, not a specified offence: filtered 6 years after the caution, once spent',
    });
    expect(
      await filtering({
        sentenceType: 'SIMPLE_CAUTION',
        convictionDate: '2026-11-01',
        ageAtConviction: 15,
      }),
    ).toEqual({
      filteredOn: '2026-11-01',
      filteredToday: true,
      rule: 'caution at under 18: not disclosed automatically',
    });
  });

  it('an indeterminate sentence is never filtered', async () => {
    expect(
      await filtering({
        sentenceType: 'INDETERMINATE',
        convictionDate: '1990-01-10',
        ageAtConviction: 30,
      }),
    ).toEqual({
      filteredOn: null,
      filteredToday: false,
      rule: 'life, IPP or other indeterminate sentence: never filtered',
    });
  });

  it.each([['yes'], [1], [{}]])(
    'refuses specifiedOffence %p as BAD_USER_INPUT, not an internal error',
    async (value) => {
      const result = await api.gql(QUERY, {
        input: {
          sentenceType: 'FINE',
          convictionDate: '2010-01-15',
          ageAtConviction: 30,
          specifiedOffence: value,
        },
      });
      expect(result.data).toBeFalsy();
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    },
  );
});
