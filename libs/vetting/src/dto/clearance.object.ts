import { CalendarDate } from '@app/core';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Clearance')
export class ClearanceObject {
  @Field({
    description:
      "True when every check the scheme (or, without a scheme, the organisation's baseline) requires is CLEAR and in date.",
  })
  cleared: boolean;

  @Field(() => [String], {
    description:
      "What is still missing, e.g. 'DBS ENHANCED with CHILDREN barred list', 'REFERENCE (1 of 2)'.",
  })
  missing: string[];

  @Field(() => CalendarDate, {
    nullable: true,
    description: 'Earliest re-check date among the checks that count.',
  })
  expiresOn: string | null;
}
