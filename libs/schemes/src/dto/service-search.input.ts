import { DeliveryMode, Gender, OrganisationSpecialism, Pathway, RiskLevel } from '@app/core';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import {
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

@InputType()
export class ServiceSearchInput {
  @Field(() => String, {
    nullable: true,
    description: 'Release address postcode or outcode; only the outcode is used or kept.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  releasePostcode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ONS GSS code of the release local authority, when no postcode is known.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(9)
  localAuthorityCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The prison the person is held in, to favour through-the-gate schemes.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  prisonCode?: string | null;

  @Field(() => [Pathway], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(Pathway, { each: true })
  needs?: Pathway[] | null;

  @Field(() => Gender, { nullable: true })
  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(120)
  age?: number | null;

  @Field(() => RiskLevel, { nullable: true })
  @IsOptional()
  @IsEnum(RiskLevel)
  riskLevel?: RiskLevel | null;

  @Field(() => [DeliveryMode], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(DeliveryMode, { each: true })
  deliveryModes?: DeliveryMode[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(3)
  language?: string | null;

  @Field(() => Float, { nullable: true, defaultValue: 40 })
  @IsOptional()
  @IsNumber()
  @Min(1)
  @Max(200)
  radiusKm?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include schemes that are full (ranked after those with capacity).',
  })
  @IsOptional()
  @IsBoolean()
  includeFull?: boolean | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number | null;

  /** Not in the contract (an optional addition): the "on request" specialist fit of domain.md. */
  @Field(() => [OrganisationSpecialism], {
    nullable: true,
    description:
      'Organisation specialisms the person asked for (e.g. BME, FAITH); they rank higher.',
  })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(OrganisationSpecialism, { each: true })
  preferredSpecialisms?: OrganisationSpecialism[] | null;
}
