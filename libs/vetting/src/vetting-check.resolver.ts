import { AuthUser, CurrentUser, Loaders, RequestLoaders } from '@app/core';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { VettingCheckObject } from './dto/vetting-check.object';
import { NotesRead, VETTING_LOADERS } from './vetting-loaders';

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
}
