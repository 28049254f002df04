import { Gender, Pathway, RiskLevel, CalendarDate } from '@app/core';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';

/** Shape checks only; formats, dates, the prison and eligibility are CreateReferral's rules. */
@InputType()
export class CreateReferralInput {
  @Field(() => ID)
  @IsUUID()
  schemeId: string;

  @Field()
  @IsString()
  @Length(1, 20)
  personReference: string;

  @Field()
  @IsString()
  @Length(1, 10)
  prisonCode: string;

  @Field(() => CalendarDate)
  @IsString()
  releaseDate: string;

  @Field({ description: 'Release address postcode; only its outcode is kept.' })
  @IsString()
  @Length(1, 12)
  releasePostcode: string;

  @Field(() => [Pathway])
  @ArrayMinSize(1, { message: 'needs at least one pathway' })
  @ArrayUnique()
  @IsEnum(Pathway, { each: true })
  needs: Pathway[];

  @Field(() => RiskLevel)
  @IsEnum(RiskLevel)
  riskLevel: RiskLevel;

  @Field(() => Gender)
  @IsEnum(Gender)
  gender: Gender;

  @Field(() => Int)
  @IsInt()
  @Min(10)
  @Max(110)
  age: number;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(2, 2, { each: true, message: 'languages are ISO 639-1 codes' })
  languages?: string[] | null;

  @Field({ description: 'Must be true: the person agreed to be referred.' })
  @IsBoolean()
  consentGiven: boolean;
}
