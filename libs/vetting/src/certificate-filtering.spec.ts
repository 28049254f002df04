import { certificateFiltering, FilteringSentence } from './certificate-filtering';
import { SentenceType, rehabilitationPeriod } from './rehabilitation';

const base = { convictionDate: '2020-03-10', ageAtConviction: 30 };
const filter = (sentence: Partial<FilteringSentence> & { sentenceType: SentenceType }) => {
  const full = { ...base, ...sentence };
  return certificateFiltering(full, rehabilitationPeriod(full));
};

const ADULT_CONVICTION =
  'adult conviction with no custodial sentence, not a specified offence: filtered 11 years after conviction, once spent';
const YOUTH_CONVICTION =
  'conviction at under 18 with no custodial sentence, not a specified offence: filtered 5.5 years after conviction, once spent';
const ADULT_CAUTION =
  'adult caution, not a specified offence: filtered 6 years after the caution, once spent';
const YOUTH_CAUTION = 'caution at under 18: not disclosed automatically';
const SPECIFIED = 'specified offence: never filtered';
const CUSTODY = 'custodial or suspended sentence: never filtered';
const INDETERMINATE = 'life, IPP or other indeterminate sentence: never filtered';

describe('certificateFiltering (DBS filtering of STANDARD and ENHANCED certificates)', () => {
  describe('convictions', () => {
    it('adult fine: 11 years after conviction', () => {
      expect(filter({ sentenceType: SentenceType.FINE })).toEqual({
        filteredOn: '2031-03-10',
        rule: ADULT_CONVICTION,
      });
    });

    it('adult conditional discharge: 11 years after conviction', () => {
      expect(
        filter({ sentenceType: SentenceType.CONDITIONAL_DISCHARGE, sentenceEndDate: '2022-03-10' }),
      ).toEqual({ filteredOn: '2031-03-10', rule: ADULT_CONVICTION });
    });

    it('adult community order spent later than 11 years after conviction: filtered when spent', () => {
      expect(
        filter({ sentenceType: SentenceType.COMMUNITY_ORDER, sentenceEndDate: '2031-09-01' }),
      ).toEqual({ filteredOn: '2031-09-01', rule: ADULT_CONVICTION });
    });

    it('adult community order spent exactly 11 years after conviction: that day', () => {
      expect(
        filter({ sentenceType: SentenceType.COMMUNITY_ORDER, sentenceEndDate: '2031-03-10' }),
      ).toEqual({ filteredOn: '2031-03-10', rule: ADULT_CONVICTION });
    });

    it('adult community order spent a day after 11 years: the spent date', () => {
      expect(
        filter({ sentenceType: SentenceType.COMMUNITY_ORDER, sentenceEndDate: '2031-03-11' }),
      ).toEqual({ filteredOn: '2031-03-11', rule: ADULT_CONVICTION });
    });

    it('conviction on 29 February + 11 years: 28 February (no 29th that year)', () => {
      expect(filter({ sentenceType: SentenceType.FINE, convictionDate: '2016-02-29' })).toEqual({
        filteredOn: '2027-02-28',
        rule: ADULT_CONVICTION,
      });
    });

    it('youth fine: 5.5 years after conviction', () => {
      expect(filter({ sentenceType: SentenceType.FINE, ageAtConviction: 17 })).toEqual({
        filteredOn: '2025-09-10',
        rule: YOUTH_CONVICTION,
      });
    });

    it('youth conviction on 31 August + 5.5 years: end of February', () => {
      expect(
        filter({
          sentenceType: SentenceType.FINE,
          convictionDate: '2018-08-31',
          ageAtConviction: 16,
        }),
      ).toEqual({ filteredOn: '2024-02-29', rule: YOUTH_CONVICTION });
    });

    it('youth community order spent after 5.5 years: the spent date', () => {
      expect(
        filter({
          sentenceType: SentenceType.COMMUNITY_ORDER,
          sentenceEndDate: '2026-01-01',
          ageAtConviction: 15,
        }),
      ).toEqual({ filteredOn: '2026-01-01', rule: YOUTH_CONVICTION });
    });

    it('18 at conviction is an adult: 11 years', () => {
      expect(filter({ sentenceType: SentenceType.FINE, ageAtConviction: 18 }).filteredOn).toBe(
        '2031-03-10',
      );
    });

    it.each([
      ['adult custody', { custodyMonths: 6, sentenceEndDate: '2020-09-10' }],
      [
        'adult suspended sentence (entered as CUSTODY)',
        { custodyMonths: 12, sentenceEndDate: '2022-03-10' },
      ],
      ['youth custody', { custodyMonths: 4, sentenceEndDate: '2020-07-10', ageAtConviction: 16 }],
      [
        'custody never spent (Schedule 18)',
        { custodyMonths: 60, sentenceEndDate: '2025-03-10', seriousOffence: true },
      ],
    ])('%s: never filtered', (_name, sentence) => {
      expect(filter({ sentenceType: SentenceType.CUSTODY, ...sentence })).toEqual({
        filteredOn: null,
        rule: CUSTODY,
      });
    });

    it('custody of a specified offence: never filtered, for the custody', () => {
      expect(
        filter({
          sentenceType: SentenceType.CUSTODY,
          custodyMonths: 6,
          sentenceEndDate: '2020-09-10',
          specifiedOffence: true,
        }),
      ).toEqual({ filteredOn: null, rule: CUSTODY });
    });

    it.each([
      ['adult fine', { sentenceType: SentenceType.FINE }],
      ['youth fine', { sentenceType: SentenceType.FINE, ageAtConviction: 16 }],
      [
        'adult community order',
        { sentenceType: SentenceType.COMMUNITY_ORDER, sentenceEndDate: '2021-03-10' },
      ],
      [
        'youth conditional discharge',
        {
          sentenceType: SentenceType.CONDITIONAL_DISCHARGE,
          sentenceEndDate: '2021-03-10',
          ageAtConviction: 14,
        },
      ],
    ])('specified offence, %s: never filtered', (_name, sentence) => {
      expect(filter({ ...sentence, specifiedOffence: true })).toEqual({
        filteredOn: null,
        rule: SPECIFIED,
      });
    });

    it('specifiedOffence null counts as not specified', () => {
      expect(filter({ sentenceType: SentenceType.FINE, specifiedOffence: null })).toEqual({
        filteredOn: '2031-03-10',
        rule: ADULT_CONVICTION,
      });
    });

    it.each([
      ['adult', 40],
      ['youth', 17],
    ])('indeterminate sentence, %s: never filtered', (_name, ageAtConviction) => {
      expect(filter({ sentenceType: SentenceType.INDETERMINATE, ageAtConviction })).toEqual({
        filteredOn: null,
        rule: INDETERMINATE,
      });
    });

    it('a conviction never spent is never filtered (defensive: no such non-custodial sentence today)', () => {
      expect(
        certificateFiltering(
          { ...base, sentenceType: SentenceType.FINE },
          { neverSpent: true, spentOn: null, rule: 'never spent' },
        ),
      ).toEqual({ filteredOn: null, rule: 'never spent: never filtered' });
    });
  });

  describe('cautions (the caution date is convictionDate)', () => {
    it('adult simple caution: 6 years after the caution', () => {
      expect(filter({ sentenceType: SentenceType.SIMPLE_CAUTION })).toEqual({
        filteredOn: '2026-03-10',
        rule: ADULT_CAUTION,
      });
    });

    it('adult conditional caution: 6 years after the caution', () => {
      expect(
        filter({ sentenceType: SentenceType.CONDITIONAL_CAUTION, sentenceEndDate: '2020-06-10' }),
      ).toEqual({ filteredOn: '2026-03-10', rule: ADULT_CAUTION });
    });

    it('adult caution on 29 February + 6 years: 28 February', () => {
      expect(
        filter({ sentenceType: SentenceType.SIMPLE_CAUTION, convictionDate: '2020-02-29' }),
      ).toEqual({ filteredOn: '2026-02-28', rule: ADULT_CAUTION });
    });

    it('adult conditional caution whose conditions run past 6 years: not before it is spent', () => {
      expect(
        filter({ sentenceType: SentenceType.CONDITIONAL_CAUTION, sentenceEndDate: '2026-05-01' }),
      ).toEqual({ filteredOn: '2026-05-01', rule: ADULT_CAUTION });
    });

    it.each([SentenceType.SIMPLE_CAUTION, SentenceType.CONDITIONAL_CAUTION])(
      'adult %s of a specified offence: never filtered',
      (sentenceType) => {
        expect(
          filter({ sentenceType, sentenceEndDate: '2020-06-10', specifiedOffence: true }),
        ).toEqual({ filteredOn: null, rule: SPECIFIED });
      },
    );

    it.each([
      ['simple caution', { sentenceType: SentenceType.SIMPLE_CAUTION }],
      [
        'conditional caution',
        { sentenceType: SentenceType.CONDITIONAL_CAUTION, sentenceEndDate: '2020-06-10' },
      ],
      [
        'simple caution, specified offence',
        { sentenceType: SentenceType.SIMPLE_CAUTION, specifiedOffence: true },
      ],
    ])('youth %s: not disclosed automatically, from the caution date', (_name, sentence) => {
      expect(filter({ ...sentence, ageAtConviction: 17 })).toEqual({
        filteredOn: '2020-03-10',
        rule: YOUTH_CAUTION,
      });
    });
  });
});
