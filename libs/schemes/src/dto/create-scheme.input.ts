import { BarredList, DbsLevel, DeliveryMode, Gender, Pathway, RiskLevel } from '@app/core';
import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
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
  MaxLength,
  Min,
} from 'class-validator';

/** Shape checks only; the rules across fields and against the geo tables are in SchemesService. */
@InputType()
export class CreateSchemeInput {
  @Field(() => ID)
  @IsUUID()
  organisationId: string;

  @Field()
  @IsString()
  @Length(2, 200)
  name: string;

  @Field()
  @IsString()
  @Length(1, 5000)
  description: string;

  @Field(() => [Pathway])
  @ArrayMinSize(1, { message: 'pathways needs at least one pathway' })
  @ArrayUnique()
  @IsEnum(Pathway, { each: true })
  pathways: Pathway[];

  @Field(() => [Gender], { nullable: true })
  @IsOptional()
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

  @Field(() => RiskLevel)
  @IsEnum(RiskLevel)
  maxRiskLevel: RiskLevel;

  @Field(() => [DeliveryMode])
  @ArrayMinSize(1, { message: 'deliveryModes needs at least one delivery mode' })
  @ArrayUnique()
  @IsEnum(DeliveryMode, { each: true })
  deliveryModes: DeliveryMode[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  languages?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  postcode?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(400)
  @IsString({ each: true })
  coverageLocalAuthorities?: string[];

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0.1)
  @Max(500)
  radiusKm?: number | null;

  @Field({ nullable: true })
  @IsOptional()
  @IsBoolean()
  national?: boolean;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(150)
  @IsString({ each: true })
  prisonsServed?: string[];

  @Field(() => DbsLevel)
  @IsEnum(DbsLevel)
  requiredDbsLevel: DbsLevel;

  @Field(() => [BarredList], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(BarredList, { each: true })
  requiredBarredLists?: BarredList[];

  @Field(() => Int)
  @IsInt()
  @Min(0, { message: 'capacity must not be negative' })
  @Max(100000)
  capacity: number;
}
