import { SentenceType, rehabilitationPeriod } from './rehabilitation';

const base = { convictionDate: '2020-03-10', ageAtConviction: 30 };

describe('rehabilitationPeriod (ROA 1974 as amended 2023)', () => {
  it.each([
    // [description, sentence, spentOn, rule]
    [
      'community order, adult',
      { sentenceType: SentenceType.COMMUNITY_ORDER, sentenceEndDate: '2021-03-09' },
      '2021-03-09',
      'community order, adult: spent when the order ends',
    ],
    [
      'community order, youth',
      {
        sentenceType: SentenceType.COMMUNITY_ORDER,
        sentenceEndDate: '2021-03-09',
        ageAtConviction: 16,
      },
      '2021-03-09',
      'community order, under 18 at conviction: spent when the order ends',
    ],
    [
      'custody 12 months, adult',
      { sentenceType: SentenceType.CUSTODY, custodyMonths: 12, sentenceEndDate: '2021-03-09' },
      '2022-03-09',
      'custody of 1 year or less, adult: 1 year from the end of the sentence',
    ],
    [
      'custody 12 months, youth',
      {
        sentenceType: SentenceType.CUSTODY,
        custodyMonths: 12,
        sentenceEndDate: '2021-03-09',
        ageAtConviction: 17,
      },
      '2021-09-09',
      'custody of 1 year or less, under 18 at conviction: 6 months from the end of the sentence',
    ],
    [
      'custody 13 months, adult',
      { sentenceType: SentenceType.CUSTODY, custodyMonths: 13, sentenceEndDate: '2022-04-09' },
      '2026-04-09',
      'custody over 1 year up to 4 years, adult: 4 years from the end of the sentence',
    ],
    [
      'custody 48 months, youth',
      {
        sentenceType: SentenceType.CUSTODY,
        custodyMonths: 48,
        sentenceEndDate: '2024-03-09',
        ageAtConviction: 15,
      },
      '2026-03-09',
      'custody over 1 year up to 4 years, under 18 at conviction: 2 years from the end of the sentence',
    ],
    [
      'custody 49 months, adult',
      { sentenceType: SentenceType.CUSTODY, custodyMonths: 49, sentenceEndDate: '2024-04-09' },
      '2031-04-09',
      'custody over 4 years, adult: 7 years from the end of the sentence',
    ],
    [
      'custody 60 months, youth',
      {
        sentenceType: SentenceType.CUSTODY,
        custodyMonths: 60,
        sentenceEndDate: '2025-03-09',
        ageAtConviction: 17,
      },
      '2028-09-09',
      'custody over 4 years, under 18 at conviction: 3.5 years from the end of the sentence',
    ],
    [
      'custody 60 months, not serious',
      {
        sentenceType: SentenceType.CUSTODY,
        custodyMonths: 60,
        sentenceEndDate: '2025-03-09',
        seriousOffence: false,
      },
      '2032-03-09',
      'custody over 4 years, adult: 7 years from the end of the sentence',
    ],
    [
      'custody 48 months, serious (not over 4 years)',
      {
        sentenceType: SentenceType.CUSTODY,
        custodyMonths: 48,
        sentenceEndDate: '2024-03-09',
        seriousOffence: true,
      },
      '2028-03-09',
      'custody over 1 year up to 4 years, adult: 4 years from the end of the sentence',
    ],
    [
      'fine, adult',
      { sentenceType: SentenceType.FINE },
      '2021-03-10',
      'fine, adult: 1 year from conviction',
    ],
    [
      'fine, youth',
      { sentenceType: SentenceType.FINE, ageAtConviction: 14 },
      '2020-09-10',
      'fine, under 18 at conviction: 6 months from conviction',
    ],
    [
      'conditional discharge',
      { sentenceType: SentenceType.CONDITIONAL_DISCHARGE, sentenceEndDate: '2022-03-10' },
      '2022-03-10',
      'conditional discharge, adult: spent when the discharge period ends',
    ],
    [
      'conditional caution',
      { sentenceType: SentenceType.CONDITIONAL_CAUTION, sentenceEndDate: '2020-06-10' },
      '2020-06-10',
      'conditional caution, adult: spent when the conditions end',
    ],
    [
      'simple caution',
      { sentenceType: SentenceType.SIMPLE_CAUTION },
      '2020-03-10',
      'simple caution: spent at once',
    ],
  ])('%s', (_name, sentence, spentOn, rule) => {
    expect(rehabilitationPeriod({ ...base, ...sentence })).toEqual({
      neverSpent: false,
      spentOn,
      rule,
    });
  });

  it.each([
    ['indeterminate (life, IPP)', { sentenceType: SentenceType.INDETERMINATE }],
    [
      'custody over 4 years for a Schedule 18 offence',
      {
        sentenceType: SentenceType.CUSTODY,
        custodyMonths: 49,
        sentenceEndDate: '2030-01-01',
        seriousOffence: true,
      },
    ],
    [
      'custody over 4 years for a Schedule 18 offence, under 18',
      {
        sentenceType: SentenceType.CUSTODY,
        custodyMonths: 72,
        sentenceEndDate: '2030-01-01',
        seriousOffence: true,
        ageAtConviction: 17,
      },
    ],
  ])('never spent: %s', (_name, sentence) => {
    const result = rehabilitationPeriod({ ...base, ...sentence });
    expect(result.neverSpent).toBe(true);
    expect(result.spentOn).toBeNull();
    expect(result.rule).toMatch(/never spent/);
  });

  it('clamps to the end of a shorter month', () => {
    const result = rehabilitationPeriod({
      ...base,
      sentenceType: SentenceType.CUSTODY,
      custodyMonths: 6,
      sentenceEndDate: '2023-08-31',
      ageAtConviction: 16,
    });
    expect(result.spentOn).toBe('2024-02-29');
  });
});
