import { AuthUser, Clock, CurrentUser, DomainError, Loaders, RequestLoaders } from '@app/core';
import { VolunteerProfileObject } from '@app/volunteers';
import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { BASELINE, ClearanceRequirement } from './clearance';
import { ClearanceService, SchemeRequirement } from './clearance.service';
import { ClearanceObject } from './dto/clearance.object';
import { VettingCheckObject } from './dto/vetting-check.object';
import { ClearanceArgs } from './dto/vetting.args';
import { readsNotes, vettingView } from './vetting-access';
import { VettingCheckRow } from './vetting-check.repository';
import { VETTING_LOADERS } from './vetting-loaders';

/**
 * `VolunteerProfile.checks` and `.clearance`, added here so volunteers does not depend on vetting.
 * The profile was reached under volunteers' rules; these fields then show vetting data only to the
 * organisation and (without notes) the mentor. Prison staff get FORBIDDEN. A page of profiles costs
 * one query for all their checks, whatever the fields asked.
 */
@Resolver(() => VolunteerProfileObject)
export class VolunteerVettingResolver {
  constructor(
    private readonly clearances: ClearanceService,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => [VettingCheckObject])
  async checks(
    @Parent() volunteer: VolunteerProfileObject,
    @CurrentUser() actor: AuthUser | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<VettingCheckObject[]> {
    if (!actor) throw DomainError.unauthenticated();
    const view = vettingView(actor, volunteer);
    const notes = readsNotes(actor, volunteer);
    const rows = await loaders
      .get<string, VettingCheckRow[]>(VETTING_LOADERS.checksByVolunteer)
      .load(volunteer.id);
    return rows.map((row) => VettingCheckObject.from(row, view, notes));
  }

  @ResolveField(() => ClearanceObject)
  async clearance(
    @Parent() volunteer: VolunteerProfileObject,
    @CurrentUser() actor: AuthUser | null,
    @Loaders() loaders: RequestLoaders,
    @Args() { schemeId, asOf }: ClearanceArgs,
  ): Promise<ClearanceObject> {
    if (!actor) throw DomainError.unauthenticated();
    vettingView(actor, volunteer);
    const today = this.clock.today();
    if (asOf && asOf < today) throw DomainError.badInput('asOf', 'must be today or later');
    let requirement: ClearanceRequirement = BASELINE;
    if (schemeId) {
      const scheme = await loaders
        .get<string, SchemeRequirement | null>(VETTING_LOADERS.requirementByScheme)
        .load(schemeId);
      // Another organisation's scheme is not one to be cleared for here, and answering differently
      // would tell whether its (perhaps inactive, unpublished) scheme exists.
      if (!scheme || scheme.organisationId !== volunteer.organisationId)
        throw DomainError.notFound('Scheme');
      requirement = scheme.requirement;
    }
    const rows = await loaders
      .get<string, VettingCheckRow[]>(VETTING_LOADERS.checksByVolunteer)
      .load(volunteer.id);
    return this.clearances.evaluate(rows, requirement, asOf ?? today);
  }
}
