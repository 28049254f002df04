import { addMonths } from '@app/core';

/** Sentence types of the Rehabilitation of Offenders Act 1974 table in domain.md. */
export enum SentenceType {
  CUSTODY = 'CUSTODY',
  COMMUNITY_ORDER = 'COMMUNITY_ORDER',
  FINE = 'FINE',
  CONDITIONAL_DISCHARGE = 'CONDITIONAL_DISCHARGE',
  CONDITIONAL_CAUTION = 'CONDITIONAL_CAUTION',
  SIMPLE_CAUTION = 'SIMPLE_CAUTION',
  INDETERMINATE = 'INDETERMINATE',
}

export interface Sentence {
  sentenceType: SentenceType;
  /** Custodial term imposed, in months (CUSTODY only). */
  custodyMonths?: number | null;
  convictionDate: string;
  /** End of the sentence, order or discharge; for custody the end of the licence. */
  sentenceEndDate?: string | null;
  ageAtConviction: number;
  seriousOffence?: boolean | null;
}

export interface RehabilitationPeriod {
  neverSpent: boolean;
  spentOn: string | null;
  rule: string;
}

/** What a sentence needs besides its type; the resolver reports a missing one as BAD_USER_INPUT. */
export function requiredFields(type: SentenceType): ('custodyMonths' | 'sentenceEndDate')[] {
  switch (type) {
    case SentenceType.CUSTODY:
      return ['custodyMonths', 'sentenceEndDate'];
    case SentenceType.COMMUNITY_ORDER:
    case SentenceType.CONDITIONAL_DISCHARGE:
    case SentenceType.CONDITIONAL_CAUTION:
      return ['sentenceEndDate'];
    default:
      return [];
  }
}

/**
 * The conviction and sentence-end dates this guidance answers for: 1900-01-01 to 2199-12-31. Earlier
 * dates are no conviction a living person asks about, later ones no real sentence (the longest period,
 * 7 years, still ends long before 9999); outside them the resolver answers BAD_USER_INPUT naming the
 * field, rather than computing a date that cannot be written or that PostgreSQL's calendar lacks.
 */
export const EARLIEST_SENTENCE_DATE = '1900-01-01';
export const LATEST_SENTENCE_DATE = '2199-12-31';

const never = (rule: string): RehabilitationPeriod => ({ neverSpent: true, spentOn: null, rule });
const spent = (spentOn: string, rule: string): RehabilitationPeriod => ({
  neverSpent: false,
  spentOn,
  rule,
});

/**
 * When a conviction becomes spent in England and Wales (ROA 1974 as amended by PCSCA 2022 s.193,
 * in force 28 October 2023). Periods run from the end of the sentence (including licence) for
 * custody, and from conviction for a fine; under-18s at conviction get half the adult period.
 * Guidance, not legal advice.
 */
export function rehabilitationPeriod(sentence: Sentence): RehabilitationPeriod {
  const youth = sentence.ageAtConviction < 18;
  const who = youth ? 'under 18 at conviction' : 'adult';
  const end = sentence.sentenceEndDate ?? sentence.convictionDate;
  switch (sentence.sentenceType) {
    case SentenceType.INDETERMINATE:
      return never('life, IPP or other indeterminate sentence: never spent');
    case SentenceType.SIMPLE_CAUTION:
      return spent(sentence.convictionDate, 'simple caution: spent at once');
    case SentenceType.COMMUNITY_ORDER:
      return spent(end, `community order, ${who}: spent when the order ends`);
    case SentenceType.CONDITIONAL_DISCHARGE:
      return spent(end, `conditional discharge, ${who}: spent when the discharge period ends`);
    case SentenceType.CONDITIONAL_CAUTION:
      return spent(end, `conditional caution, ${who}: spent when the conditions end`);
    case SentenceType.FINE:
      return youth
        ? spent(
            addMonths(sentence.convictionDate, 6),
            'fine, under 18 at conviction: 6 months from conviction',
          )
        : spent(addMonths(sentence.convictionDate, 12), 'fine, adult: 1 year from conviction');
    case SentenceType.CUSTODY:
      return custody(
        sentence.custodyMonths ?? 0,
        end,
        youth,
        who,
        sentence.seriousOffence ?? false,
      );
  }
}

function custody(
  months: number,
  end: string,
  youth: boolean,
  who: string,
  serious: boolean,
): RehabilitationPeriod {
  if (months > 48 && serious) {
    return never(
      'custody over 4 years for a serious sexual, violent or terrorism offence (Schedule 18, Sentencing Act 2020): never spent',
    );
  }
  const [band, adultMonths] =
    months <= 12
      ? ['custody of 1 year or less', 12]
      : months <= 48
        ? ['custody over 1 year up to 4 years', 48]
        : ['custody over 4 years', 84];
  const periodMonths = youth ? adultMonths / 2 : adultMonths;
  return spent(
    addMonths(end, periodMonths),
    `${band}, ${who}: ${describeMonths(periodMonths)} from the end of the sentence`,
  );
}

function describeMonths(months: number): string {
  if (months % 12 === 0) return months === 12 ? '1 year' : `${months / 12} years`;
  if (months < 12) return `${months} months`;
  return `${months / 12} years`;
}
