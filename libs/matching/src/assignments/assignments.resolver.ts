import { AuthUser, CurrentUser, EntityId, Role, Roles } from '@app/core';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { AssignmentPlanObject } from './dto/assignment-plan.object';
import { ProposeAssignments } from './propose-assignments.service';

@Resolver(() => AssignmentPlanObject)
export class AssignmentsResolver {
  constructor(private readonly propose: ProposeAssignments) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Query(() => AssignmentPlanObject, {
    description:
      "The best assignment of the scheme's accepted, unmatched referrals to cleared mentors; changes nothing.",
  })
  proposeAssignments(
    @CurrentUser() actor: AuthUser,
    @Args('schemeId', { type: () => ID }, new EntityId('Scheme')) schemeId: string,
  ): Promise<AssignmentPlanObject> {
    return this.propose.execute(actor, schemeId);
  }
}
