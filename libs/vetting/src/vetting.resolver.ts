import { AuthUser, CurrentUser, Role, Roles } from '@app/core';
import { VolunteerProfileEntity } from '@app/volunteers';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RecordVettingOutcomeInput } from './dto/record-vetting-outcome.input';
import { RequestVettingCheckInput } from './dto/request-vetting-check.input';
import { VettingCheckObject } from './dto/vetting-check.object';
import { UpdateServiceStatusArgs } from './dto/vetting.args';
import { RecordVettingOutcome } from './record-vetting-outcome.service';
import { RequestVettingCheck } from './request-vetting-check.service';
import { UpdateServiceStatus } from './update-service-status.service';
import { readsNotes } from './vetting-access';
import { VettingCheckRow } from './vetting-check.repository';

/** Requesting checks and recording their outcomes: a coordinator of the volunteer's organisation, or an admin. */
@Resolver(() => VettingCheckObject)
export class VettingResolver {
  constructor(
    private readonly requests: RequestVettingCheck,
    private readonly outcomes: RecordVettingOutcome,
    private readonly updateService: UpdateServiceStatus,
  ) {}

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VettingCheckObject)
  async requestVettingCheck(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: RequestVettingCheckInput,
  ): Promise<VettingCheckObject> {
    return shown(actor, await this.requests.run(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VettingCheckObject)
  async recordVettingOutcome(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: RecordVettingOutcomeInput,
  ): Promise<VettingCheckObject> {
    return shown(actor, await this.outcomes.run(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => VettingCheckObject)
  async recordUpdateServiceStatus(
    @CurrentUser() actor: AuthUser,
    @Args() { checkId, result }: UpdateServiceStatusArgs,
  ): Promise<VettingCheckObject> {
    return shown(actor, await this.updateService.run(actor, checkId, result));
  }
}

function shown(
  actor: AuthUser,
  { check, volunteer }: { check: VettingCheckRow; volunteer: VolunteerProfileEntity },
): VettingCheckObject {
  return VettingCheckObject.from(check, 'ORGANISATION', readsNotes(actor, volunteer));
}
