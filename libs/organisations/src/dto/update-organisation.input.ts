import { Given, OrganisationSpecialism } from '@app/core';
import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { CHARITY_NUMBER, CHARITY_NUMBER_MESSAGE } from './create-organisation.input';

/** Only the fields sent change; `charityNumber: null` removes it. */
@InputType()
export class UpdateOrganisationInput {
  @Field({ nullable: true })
  @Given()
  @IsString()
  @Length(2, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CHARITY_NUMBER, { message: CHARITY_NUMBER_MESSAGE })
  charityNumber?: string | null;

  @Field(() => [OrganisationSpecialism], { nullable: true })
  @Given()
  @IsArray()
  @ArrayUnique()
  @IsEnum(OrganisationSpecialism, { each: true })
  specialisms?: OrganisationSpecialism[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Years after issue before a DBS check must be renewed. Applies to checks recorded or renewed from now on; re-check dates already set stay.',
  })
  @Given()
  @IsInt()
  @Min(1)
  @Max(10)
  dbsRecheckYears?: number;
}
