import { Clock, DomainError, Public } from '@app/core';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { certificateFiltering } from './certificate-filtering';
import { RehabilitationResultObject } from './dto/rehabilitation-result.object';
import { RehabilitationInput } from './dto/rehabilitation.input';
import {
  EARLIEST_SENTENCE_DATE,
  LATEST_SENTENCE_DATE,
  rehabilitationPeriod,
  requiredFields,
} from './rehabilitation';

const DISCLAIMER =
  'Guidance, not legal advice: based on the Rehabilitation of Offenders Act 1974 as amended in 2023 (England and Wales). ' +
  'Unlock (unlock.org.uk) and Nacro can check a specific case.';

/**
 * Fair-chance guidance for applicants and coordinators. Public so a person can check before they
 * apply; nothing asked here is stored or logged.
 */
@Resolver()
export class RehabilitationResolver {
  constructor(private readonly clock: Clock) {}

  @Public()
  @Query(() => RehabilitationResultObject)
  rehabilitationPeriod(@Args('input') input: RehabilitationInput): RehabilitationResultObject {
    const today = this.clock.today();
    for (const field of requiredFields(input.sentenceType)) {
      if (input[field] === undefined || input[field] === null) {
        throw DomainError.badInput(`input.${field}`, `is required for ${input.sentenceType}`);
      }
    }
    for (const field of ['convictionDate', 'sentenceEndDate'] as const) {
      const date = input[field];
      if (date && (date < EARLIEST_SENTENCE_DATE || date > LATEST_SENTENCE_DATE)) {
        throw DomainError.badInput(
          `input.${field}`,
          `must be between ${EARLIEST_SENTENCE_DATE} and ${LATEST_SENTENCE_DATE}`,
        );
      }
    }
    if (input.convictionDate > today)
      throw DomainError.badInput('input.convictionDate', 'must not be in the future');
    if (input.sentenceEndDate && input.sentenceEndDate < input.convictionDate) {
      throw DomainError.badInput('input.sentenceEndDate', 'must not be before the conviction date');
    }
    const period = rehabilitationPeriod(input);
    const filtering = certificateFiltering(input, period);
    return {
      ...period,
      spentToday: !period.neverSpent && period.spentOn !== null && period.spentOn <= today,
      filtering: {
        ...filtering,
        filteredToday: filtering.filteredOn !== null && filtering.filteredOn <= today,
      },
      disclaimer: DISCLAIMER,
    };
  }
}
