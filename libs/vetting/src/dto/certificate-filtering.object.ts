import { CalendarDate } from '@app/core';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CertificateFiltering', {
  description:
    'DBS filtering: when STANDARD and ENHANCED certificates stop showing a conviction or caution automatically. ' +
    'BASIC certificates show unspent convictions only (see spentOn).',
})
export class CertificateFilteringObject {
  @Field(() => CalendarDate, {
    nullable: true,
    description:
      'The day STANDARD and ENHANCED certificates stop showing it automatically; null when never filtered. ' +
      'An ENHANCED check may still include information the police think relevant.',
  })
  filteredOn: string | null;

  @Field({ description: 'Whether it is filtered today (filteredOn is today or earlier).' })
  filteredToday: boolean;

  @Field({
    description: "The filtering rule applied, in words, e.g. 'specified offence: never filtered'.",
  })
  rule: string;
}
