import { BarredList, DbsLevel } from '@app/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { VettingCheckKind } from '../clearance';
import './vetting-enums';

/** Rules between fields (a DBS check needs a level, ...) are in vetting-rules.ts. */
@InputType()
export class RequestVettingCheckInput {
  @Field(() => ID)
  @IsUUID()
  volunteerId: string;

  @Field(() => VettingCheckKind)
  @IsEnum(VettingCheckKind)
  kind: VettingCheckKind;

  @Field(() => DbsLevel, { nullable: true })
  @IsOptional()
  @IsEnum(DbsLevel)
  dbsLevel?: DbsLevel | null;

  @Field(() => [BarredList], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsEnum(BarredList, { each: true })
  barredLists?: BarredList[] | null;
}
