import { addMonths } from '@app/core';
import { RehabilitationPeriod, Sentence, SentenceType } from './rehabilitation';

export interface FilteringSentence extends Sentence {
  /** On the DBS list of specified offences (serious violent, sexual and safeguarding offences). */
  specifiedOffence?: boolean | null;
}

export interface CertificateFiltering {
  /** The day STANDARD and ENHANCED certificates stop showing it automatically; null = never filtered. */
  filteredOn: string | null;
  rule: string;
}

const ADULT_CAUTION_MONTHS = 72; // 6 years
const ADULT_CONVICTION_MONTHS = 132; // 11 years
const YOUTH_CONVICTION_MONTHS = 66; // 5.5 years

const never = (rule: string): CertificateFiltering => ({ filteredOn: null, rule });
const filtered = (filteredOn: string, rule: string): CertificateFiltering => ({ filteredOn, rule });

/** The later of two ISO calendar dates (YYYY-MM-DD compares as text). */
const later = (a: string, b: string): string => (a >= b ? a : b);

/**
 * When DBS filtering takes a caution or conviction off STANDARD and ENHANCED certificates
 * (domain.md, "Volunteers with convictions", Filtering). A BASIC certificate shows unspent
 * convictions only, so `period` (from rehabilitationPeriod) answers for it. Nothing here is ever
 * filtered before it is spent. Guidance, not legal advice.
 */
export function certificateFiltering(
  sentence: FilteringSentence,
  period: RehabilitationPeriod,
): CertificateFiltering {
  const youth = sentence.ageAtConviction < 18;
  const specified = sentence.specifiedOffence ?? false;
  switch (sentence.sentenceType) {
    case SentenceType.SIMPLE_CAUTION:
    case SentenceType.CONDITIONAL_CAUTION: {
      // Youth cautions, reprimands and warnings are not relevant matters at all, specified or not.
      if (youth)
        return filtered(
          sentence.convictionDate,
          'caution at under 18: not disclosed automatically',
        );
      if (specified) return never('specified offence: never filtered');
      const sixYears = addMonths(sentence.convictionDate, ADULT_CAUTION_MONTHS);
      // A conditional caution's conditions end long before 6 years; should one be entered as
      // running longer, it is not filtered while unspent.
      return filtered(
        period.spentOn ? later(sixYears, period.spentOn) : sixYears,
        'adult caution, not a specified offence: filtered 6 years after the caution, once spent',
      );
    }
    case SentenceType.INDETERMINATE:
      return never('life, IPP or other indeterminate sentence: never filtered');
    case SentenceType.CUSTODY:
      return never('custodial or suspended sentence: never filtered');
    case SentenceType.FINE:
    case SentenceType.COMMUNITY_ORDER:
    case SentenceType.CONDITIONAL_DISCHARGE: {
      if (specified) return never('specified offence: never filtered');
      if (period.neverSpent || period.spentOn === null) return never('never spent: never filtered');
      // domain.md states the no-custody and not-specified conditions for adults only; DBS's
      // published rule applies the same two to convictions at under 18 (after 5.5 years).
      return youth
        ? filtered(
            later(addMonths(sentence.convictionDate, YOUTH_CONVICTION_MONTHS), period.spentOn),
            'conviction at under 18 with no custodial sentence, not a specified offence: filtered 5.5 years after conviction, once spent',
          )
        : filtered(
            later(addMonths(sentence.convictionDate, ADULT_CONVICTION_MONTHS), period.spentOn),
            'adult conviction with no custodial sentence, not a specified offence: filtered 11 years after conviction, once spent',
          );
    }
  }
}
