import { VolunteerProfileObject } from '@app/volunteers';
import { Field, Float, ObjectType } from '@nestjs/graphql';
import { ReferralObject } from '../../referrals/dto/referral.object';

@ObjectType('AssignmentProposal')
export class AssignmentProposalObject {
  @Field(() => ReferralObject)
  referral: ReferralObject;

  @Field(() => VolunteerProfileObject)
  volunteer: VolunteerProfileObject;

  @Field(() => Float)
  score: number;
}

@ObjectType('AssignmentPlan')
export class AssignmentPlanObject {
  @Field(() => [AssignmentProposalObject])
  proposals: AssignmentProposalObject[];

  @Field(() => Float)
  totalScore: number;

  @Field(() => Float, {
    description: 'Total score of a greedy pass over the same candidates, for comparison.',
  })
  greedyTotalScore: number;

  @Field(() => [ReferralObject])
  unassigned: ReferralObject[];
}
