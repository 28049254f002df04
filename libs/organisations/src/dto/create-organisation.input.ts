import { OrganisationSpecialism } from '@app/core';
import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

/** England and Wales (7 digits, or 8 with a suffix), Scotland (SC + 6) or Northern Ireland (NIC + 6). */
export const CHARITY_NUMBER = /^(\d{6,8}(-\d{1,2})?|SC\d{6}|NIC\d{6})$/;
export const CHARITY_NUMBER_MESSAGE = 'charityNumber must be a UK charity number';

@InputType()
export class CreateOrganisationInput {
  @Field()
  @IsString()
  @Length(2, 200)
  name: string;

  @Field({ nullable: true })
  @IsOptional()
  @Matches(CHARITY_NUMBER, { message: CHARITY_NUMBER_MESSAGE })
  charityNumber?: string;

  @Field(() => [OrganisationSpecialism], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(OrganisationSpecialism, { each: true })
  specialisms?: OrganisationSpecialism[];

  @Field(() => Int, {
    nullable: true,
    description: 'Years after issue before a DBS check must be renewed; default 3.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  dbsRecheckYears?: number;
}
