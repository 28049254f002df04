import { Field, Float, ObjectType } from '@nestjs/graphql';
import { SchemeObject } from './scheme.object';

@ObjectType('ServiceMatch')
export class ServiceMatchObject {
  @Field(() => SchemeObject)
  scheme: SchemeObject;

  @Field(() => Float, {
    nullable: true,
    description:
      "Distance from the release location to the scheme's base; null for national or remote-only schemes.",
  })
  distanceKm: number | null;

  @Field(() => Float)
  score: number;

  @Field(() => [String], {
    description:
      "Human-readable reasons for the ranking, e.g. 'covers Leeds', 'meets people at HMP Leeds'.",
  })
  reasons: string[];

  @Field()
  hasCapacity: boolean;

  @Field()
  throughTheGate: boolean;
}
