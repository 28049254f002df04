import { DeliveryMode, Gender, Pathway } from '@app/core';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { MentorApplication } from '../registration-rules';

/**
 * Every field is checked by `checkApplication` (registration-rules.ts), so that all problems come
 * back at once named `input.<field>`; `@Allow()` only lets them through the global whitelist.
 */
@InputType()
export class RegisterMentorInput implements MentorApplication {
  @Field()
  @Allow()
  email: string;

  @Field()
  @Allow()
  password: string;

  @Field()
  @Allow()
  displayName: string;

  @Field()
  @Allow()
  postcode: string;

  @Field(() => Gender)
  @Allow()
  gender: Gender;

  @Field(() => [String])
  @Allow()
  languages: string[];

  @Field(() => [Pathway])
  @Allow()
  pathways: Pathway[];

  @Field()
  @Allow()
  livedExperience: boolean;

  @Field(() => [DeliveryMode], { nullable: true })
  @Allow()
  deliveryModes?: DeliveryMode[] | null;

  @Field(() => Float, { nullable: true })
  @Allow()
  travelRadiusKm?: number | null;

  @Field(() => Int, { nullable: true })
  @Allow()
  maxMentees?: number | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The organisation the mentor applies to volunteer with.',
  })
  @Allow()
  organisationId?: string | null;

  @Field({
    description:
      'Must be true: consent to processing of the application, including criminal record information.',
  })
  @Allow()
  consentToProcessing: boolean;
}
