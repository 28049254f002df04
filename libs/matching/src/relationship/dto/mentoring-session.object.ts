import { CalendarDate, Pathway } from '@app/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { MentoringSessionEntity } from '../mentoring-session.entity';

/** A logged session as the contract shows it: the note is deliberately not here. */
@ObjectType('MentoringSession')
export class MentoringSessionObject {
  @Field(() => ID)
  id: string;

  matchId: string;

  @Field(() => CalendarDate)
  date: string;

  @Field(() => Int)
  minutes: number;

  @Field(() => [Pathway])
  pathways: Pathway[];

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  static from(entity: MentoringSessionEntity): MentoringSessionObject {
    return Object.assign(new MentoringSessionObject(), {
      id: entity.id,
      matchId: entity.matchId,
      date: entity.date,
      minutes: entity.minutes,
      pathways: entity.pathways,
      createdAt: entity.createdAt,
    });
  }
}
