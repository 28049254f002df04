import { DeliveryMode, Gender, Pathway } from '@app/core';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { ProfileChanges } from '../profile-rules';

/**
 * A profile edit: every field optional, and only those sent change. Every field is checked by
 * `checkProfileChanges` (profile-rules.ts) with the registration rules, so that all problems come
 * back at once named `input.<field>` (null included: no profile field can be cleared); `@Allow()`
 * only lets them through the global whitelist.
 */
@InputType()
export class UpdateVolunteerProfileInput implements ProfileChanges {
  @Field(() => String, { nullable: true })
  @Allow()
  displayName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The new home postcode (or its outcode); only its outcode is kept.',
  })
  @Allow()
  postcode?: string | null;

  @Field(() => Gender, { nullable: true })
  @Allow()
  gender?: Gender | null;

  @Field(() => [String], { nullable: true })
  @Allow()
  languages?: string[] | null;

  @Field(() => [Pathway], { nullable: true })
  @Allow()
  pathways?: Pathway[] | null;

  @Field(() => Boolean, { nullable: true })
  @Allow()
  livedExperience?: boolean | null;

  @Field(() => [DeliveryMode], { nullable: true })
  @Allow()
  deliveryModes?: DeliveryMode[] | null;

  @Field(() => Float, { nullable: true })
  @Allow()
  travelRadiusKm?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Not below the mentees the volunteer has now (activeMentees).',
  })
  @Allow()
  maxMentees?: number | null;
}
