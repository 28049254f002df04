import { CalendarDate } from '@app/core';
import { Field, ObjectType } from '@nestjs/graphql';
import { CertificateFilteringObject } from './certificate-filtering.object';

@ObjectType('RehabilitationResult')
export class RehabilitationResultObject {
  @Field()
  neverSpent: boolean;

  @Field(() => CalendarDate, {
    nullable: true,
    description: 'The day the conviction becomes spent; null when never spent.',
  })
  spentOn: string | null;

  @Field()
  spentToday: boolean;

  @Field({
    description:
      "The rule applied, in words, e.g. 'custody over 1 year up to 4 years, adult: 4 years from the end of the sentence'.",
  })
  rule: string;

  @Field(() => CertificateFilteringObject, {
    description:
      'When STANDARD and ENHANCED certificates stop showing it automatically (DBS filtering).',
  })
  filtering: CertificateFilteringObject;

  @Field({ description: 'Always shown with the result: this is guidance, not legal advice.' })
  disclaimer: string;
}
