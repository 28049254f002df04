import {
  AuditedReads,
  AuthUser,
  BarredList,
  CurrentUser,
  Loaders,
  RequestLoaders,
} from '@app/core';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { VettingCheckStatus } from './clearance';
import { VettingCheckObject } from './dto/vetting-check.object';
import { NotesRead, VETTING_LOADERS } from './vetting-loaders';

/** Someone else's criminal-record outcome: every read is audited as `vetting.outcome_read`. */
export const OUTCOME_READS = new AuditedReads(
  'vettingOutcomeReads',
  'vetting.outcome_read',
  'vetting_check',
);

/**
 * `VettingCheck.notes`: a field resolver, not a property, because reading notes is itself audited.
 * Notes are read (one query and one audit insert for every check on the page) only when the field
 * is asked for, and only by a coordinator of the volunteer's organisation; everyone else gets null.
 */
@Resolver(() => VettingCheckObject)
export class VettingCheckResolver {
  @ResolveField(() => String, {
    nullable: true,
    description:
      "Reasons for the decision; only for the organisation's coordinators, null once purged.",
  })
  notes(
    @Parent() check: VettingCheckObject,
    @CurrentUser() actor: AuthUser | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<string | null> | null {
    if (!actor || !check.notesReadable) return null;
    return loaders
      .get<NotesRead, string | null>(VETTING_LOADERS.notes)
      .load({ checkId: check.id, reader: actor.id });
  }

  @ResolveField(() => VettingCheckStatus)
  async status(
    @Parent() check: VettingCheckObject,
    @CurrentUser() actor: AuthUser | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<VettingCheckStatus> {
    if (actor && check.outcomeReadAudited)
      await OUTCOME_READS.record(loaders, actor, check.id, 'status');
    return check.status;
  }

  @ResolveField(() => [BarredList], {
    nullable: true,
    description: 'For a BARRED outcome, the barred lists the person is on.',
  })
  async barredOn(
    @Parent() check: VettingCheckObject,
    @CurrentUser() actor: AuthUser | null,
    @Loaders() loaders: RequestLoaders,
  ): Promise<BarredList[] | null> {
    if (actor && check.outcomeReadAudited && check.barredOn)
      await OUTCOME_READS.record(loaders, actor, check.id, 'barredOn');
    return check.barredOn;
  }
}
