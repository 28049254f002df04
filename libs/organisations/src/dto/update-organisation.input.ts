import { OrganisationSpecialism } from '@app/core';
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
  ValidateIf,
} from 'class-validator';
import { CHARITY_NUMBER, CHARITY_NUMBER_MESSAGE } from './create-organisation.input';

/**
 * A field sent with a value is checked by its rules; left out, it stays. A null for a field that
 * cannot be cleared is not checked here (its rules would answer "must be an array", "each value
 * in…") but refused by OrganisationsService as one problem naming the field.
 */
const Sent = () =>
  ValidateIf((_object: unknown, value: unknown) => value !== undefined && value !== null);

/** Only the fields sent change; `charityNumber: null` removes it. */
@InputType()
export class UpdateOrganisationInput {
  @Field({ nullable: true })
  @Sent()
  @IsString()
  @Length(2, 200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CHARITY_NUMBER, { message: CHARITY_NUMBER_MESSAGE })
  charityNumber?: string | null;

  @Field(() => [OrganisationSpecialism], { nullable: true })
  @Sent()
  @IsArray()
  @ArrayUnique()
  @IsEnum(OrganisationSpecialism, { each: true })
  specialisms?: OrganisationSpecialism[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Years after issue before a DBS check must be renewed. Applies to checks recorded or renewed from now on; re-check dates already set stay.',
  })
  @Sent()
  @IsInt()
  @Min(1)
  @Max(10)
  dbsRecheckYears?: number;
}
