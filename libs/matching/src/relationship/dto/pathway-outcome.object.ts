import { Pathway } from '@app/core';
import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { PathwayOutcomeRow } from '../relationship.repository';

/** One line of outcomeSummary: distance travelled on one pathway. */
@ObjectType('PathwayOutcome')
export class PathwayOutcomeObject {
  @Field(() => Pathway)
  pathway: Pathway;

  @Field(() => Int, { description: 'People with both a START and an END rating for this pathway.' })
  people: number;

  @Field(() => Float, { description: 'Mean of END minus START rating.' })
  meanChange: number;

  @Field(() => Int)
  improved: number;

  static from(row: PathwayOutcomeRow): PathwayOutcomeObject {
    return Object.assign(new PathwayOutcomeObject(), {
      pathway: row.pathway,
      people: Number(row.people),
      meanChange: Number(row.meanChange),
      improved: Number(row.improved),
    });
  }
}
