import { Pathway } from '@app/core';
import { Field, InputType, Int } from '@nestjs/graphql';

/**
 * One pathway's rating. A list argument is not run through the ValidationPipe, so the rules
 * (range, duplicates, the referral's needs) are checked by `ratingProblems`.
 */
@InputType()
export class OutcomeRatingInput {
  @Field(() => Pathway)
  pathway: Pathway;

  @Field(() => Int, { description: '1 (severe need) to 5 (no need).' })
  rating: number;
}
