import {
  AuthUser,
  CalendarDate,
  CurrentUser,
  DomainError,
  EntityId,
  Loaders,
  RequestLoaders,
  Role,
  Roles,
} from '@app/core';
import { SchemeObject } from '@app/schemes';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { isUUID } from 'class-validator';
import { CreateReferral } from './create-referral.service';
import { CreateReferralInput } from './dto/create-referral.input';
import { ReferralObject } from './dto/referral.object';
import { ReferralsArgs } from './dto/referrals.args';
import { ReferralQueries } from './referral-queries.service';
import { RespondToReferral } from './respond-to-referral.service';
import { UpdateReleaseDate } from './update-release-date.service';
import { WithdrawReferral } from './withdraw-referral.service';

@Resolver(() => ReferralObject)
export class ReferralsResolver {
  constructor(
    private readonly createReferralService: CreateReferral,
    private readonly respond: RespondToReferral,
    private readonly withdraw: WithdrawReferral,
    private readonly releaseDates: UpdateReleaseDate,
    private readonly queries: ReferralQueries,
  ) {}

  @Roles(Role.ADMIN, Role.PRISON_STAFF)
  @Mutation(() => ReferralObject)
  async createReferral(
    @CurrentUser() actor: AuthUser,
    @Args('input') input: CreateReferralInput,
  ): Promise<ReferralObject> {
    return ReferralObject.from(await this.createReferralService.execute(actor, input));
  }

  @Roles(Role.ADMIN, Role.COORDINATOR)
  @Mutation(() => ReferralObject)
  async respondToReferral(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Referral')) id: string,
    @Args('accept') accept: boolean,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<ReferralObject> {
    return ReferralObject.from(await this.respond.execute(actor, id, accept, reason ?? null));
  }

  @Roles(Role.ADMIN, Role.PRISON_STAFF)
  @Mutation(() => ReferralObject)
  async withdrawReferral(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }, new EntityId('Referral')) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<ReferralObject> {
    return ReferralObject.from(await this.withdraw.execute(actor, id, reason ?? null));
  }

  @Roles(Role.ADMIN, Role.PRISON_STAFF)
  @Mutation(() => ReferralObject)
  async updateReleaseDate(
    @CurrentUser() actor: AuthUser,
    @Args('referralId', { type: () => ID }, new EntityId('Referral')) referralId: string,
    @Args('releaseDate', { type: () => CalendarDate }) releaseDate: string,
  ): Promise<ReferralObject> {
    return ReferralObject.from(await this.releaseDates.execute(actor, referralId, releaseDate));
  }

  /** Null when there is no such referral or it is on the other side. */
  @Query(() => ReferralObject, { nullable: true })
  async referral(
    @CurrentUser() actor: AuthUser,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ReferralObject | null> {
    if (!isUUID(id)) return null;
    const referral = await this.queries.findVisible(actor, id);
    return referral ? ReferralObject.from(referral) : null;
  }

  @Query(() => [ReferralObject], {
    description: "Newest first: your prison's referrals, or those to your organisation's schemes.",
  })
  async referrals(
    @CurrentUser() actor: AuthUser,
    @Args() args: ReferralsArgs,
  ): Promise<ReferralObject[]> {
    const filter = { status: args.status ?? null, schemeId: args.schemeId ?? null };
    const page = await this.queries.list(actor, filter, args.after ?? null, args.first);
    return page.map(ReferralObject.from);
  }

  /** The scheme is public data; whoever sees the referral sees its scheme. */
  @ResolveField(() => SchemeObject)
  async scheme(
    @Parent() referral: ReferralObject,
    @Loaders() loaders: RequestLoaders,
  ): Promise<SchemeObject> {
    const scheme = await loaders
      .get<string, SchemeObject | null>('schemeById')
      .load(referral.schemeId);
    if (!scheme) throw DomainError.notFound('Scheme');
    return scheme;
  }
}
