import { AuthUser, CurrentUser, DomainError, Role, Roles } from '@app/core';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
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
    @Args('schemeId', { type: () => ID }) schemeId: string,
  ): Promise<AssignmentPlanObject> {
    if (!isUUID(schemeId)) throw DomainError.notFound('Scheme');
    return this.propose.execute(actor, schemeId);
  }
}
