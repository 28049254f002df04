import { Clock } from '@app/core';
import { TestApi, codeOf } from './support/app';

const QUERY = `query($input: RehabilitationInput!) {
  rehabilitationPeriod(input: $input) { neverSpent spentOn spentToday rule disclaimer }
}`;

describe('rehabilitationPeriod', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
    api.app.get(Clock).set('2026-11-26T12:00:00Z');
  });
  afterAll(() => api.stop());

  it('works out a spent date for an applicant, without signing in', async () => {
    const data = await api.ok(QUERY, {
      input: { sentenceType: 'CUSTODY', custodyMonths: 30, convictionDate: '2019-05-01', sentenceEndDate: '2021-11-01', ageAtConviction: 24 },
    });
    expect(data.rehabilitationPeriod).toEqual({
      neverSpent: false,
      spentOn: '2025-11-01',
      spentToday: true,
      rule: 'custody over 1 year up to 4 years, adult: 4 years from the end of the sentence',
      disclaimer: expect.stringMatching(/^Guidance, not legal advice/),
    });
  });

  it('says not spent yet when the date is after today, and halves the period under 18', async () => {
    const data = await api.ok(QUERY, {
      input: { sentenceType: 'CUSTODY', custodyMonths: 60, convictionDate: '2022-01-10', sentenceEndDate: '2026-01-10', ageAtConviction: 17 },
    });
    expect(data.rehabilitationPeriod).toMatchObject({ neverSpent: false, spentOn: '2029-07-10', spentToday: false });
  });

  it('reports never spent for a Schedule 18 offence with over 4 years custody', async () => {
    const data = await api.ok(QUERY, {
      input: { sentenceType: 'CUSTODY', custodyMonths: 72, convictionDate: '2010-01-10', sentenceEndDate: '2016-01-10', ageAtConviction: 30, seriousOffence: true },
    });
    expect(data.rehabilitationPeriod).toMatchObject({ neverSpent: true, spentOn: null, spentToday: false });
  });

  it.each([
    [{ sentenceType: 'CUSTODY', convictionDate: '2019-05-01', sentenceEndDate: '2021-11-01', ageAtConviction: 24 }, 'input.custodyMonths'],
    [{ sentenceType: 'COMMUNITY_ORDER', convictionDate: '2019-05-01', ageAtConviction: 24 }, 'input.sentenceEndDate'],
    [{ sentenceType: 'FINE', convictionDate: '2027-05-01', ageAtConviction: 24 }, 'input.convictionDate'],
    [{ sentenceType: 'COMMUNITY_ORDER', convictionDate: '2019-05-01', sentenceEndDate: '2018-01-01', ageAtConviction: 24 }, 'input.sentenceEndDate'],
  ])('refuses %o naming %s', async (input, field) => {
    const result = await api.gql(QUERY, { input });
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions.fields?.[0].field).toBe(field);
  });

  it('refuses an impossible date or age as BAD_USER_INPUT', async () => {
    expect(codeOf(await api.gql(QUERY, { input: { sentenceType: 'FINE', convictionDate: '2019-02-30', ageAtConviction: 24 } }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await api.gql(QUERY, { input: { sentenceType: 'FINE', convictionDate: '2019-02-03', ageAtConviction: 7 } }))).toBe('BAD_USER_INPUT');
  });
});
