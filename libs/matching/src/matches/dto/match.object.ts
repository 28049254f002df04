import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { MatchStatus } from '../match-status';
import { MatchEntity } from '../match.entity';

/** A match (`volunteer` and `referral` are field resolvers, each checking who asks). */
@ObjectType('Match')
export class MatchObject {
  @Field(() => ID)
  id: string;

  @Field(() => MatchStatus)
  status: MatchStatus;

  volunteerId: string;

  referralId: string;

  @Field(() => GraphQLISODateTime)
  proposedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  endedAt: Date | null;

  static from(entity: MatchEntity): MatchObject {
    return Object.assign(new MatchObject(), {
      id: entity.id,
      status: entity.status,
      volunteerId: entity.volunteerId,
      referralId: entity.referralId,
      proposedAt: entity.proposedAt,
      respondedAt: entity.respondedAt,
      endedAt: entity.endedAt,
    });
  }
}
