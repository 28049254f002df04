import { BarredList, DbsLevel, DeliveryMode, Gender, Given, Pathway, RiskLevel } from '@app/core';
import { Field, Float, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

/** Every field optional; the merged scheme is checked by the same rules as a new one. */
@InputType()
export class UpdateSchemeInput {
  @Field({ nullable: true })
  @Given()
  @IsString()
  @Length(2, 200)
  name?: string;

  @Field({ nullable: true })
  @Given()
  @IsString()
  @Length(1, 5000)
  description?: string;

  @Field(() => [Pathway], { nullable: true })
  @Given()
  @ArrayMinSize(1, { message: 'pathways needs at least one pathway' })
  @ArrayUnique()
  @IsEnum(Pathway, { each: true })
  pathways?: Pathway[];

  @Field(() => [Gender], { nullable: true })
  @Given()
  @ArrayUnique()
  @IsEnum(Gender, { each: true })
  genders?: Gender[];

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(120)
  minAge?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(120)
  maxAge?: number | null;

  @Field(() => RiskLevel, { nullable: true })
  @Given()
  @IsEnum(RiskLevel)
  maxRiskLevel?: RiskLevel;

  @Field(() => [DeliveryMode], { nullable: true })
  @Given()
  @ArrayMinSize(1, { message: 'deliveryModes needs at least one delivery mode' })
  @ArrayUnique()
  @IsEnum(DeliveryMode, { each: true })
  deliveryModes?: DeliveryMode[];

  @Field(() => [String], { nullable: true })
  @Given()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  languages?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  postcode?: string | null;

  @Field(() => [String], { nullable: true })
  @Given()
  @ArrayMaxSize(400)
  @IsString({ each: true })
  coverageLocalAuthorities?: string[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0.1)
  @Max(500)
  radiusKm?: number | null;

  @Field({ nullable: true })
  @Given()
  @IsBoolean()
  national?: boolean;

  @Field(() => [String], { nullable: true })
  @Given()
  @ArrayMaxSize(150)
  @IsString({ each: true })
  prisonsServed?: string[];

  @Field(() => DbsLevel, { nullable: true })
  @Given()
  @IsEnum(DbsLevel)
  requiredDbsLevel?: DbsLevel;

  @Field(() => [BarredList], { nullable: true })
  @Given()
  @ArrayUnique()
  @IsEnum(BarredList, { each: true })
  requiredBarredLists?: BarredList[];

  @Field(() => Int, { nullable: true })
  @Given()
  @IsInt()
  @Min(0, { message: 'capacity must not be negative' })
  @Max(100000)
  capacity?: number;

  @Field({ nullable: true })
  @Given()
  @IsBoolean()
  active?: boolean;
}
