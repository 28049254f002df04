import { BarredList, CalendarDate } from '@app/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
} from 'class-validator';
import { VettingCheckStatus } from '../clearance';
import './vetting-enums';

/** Rules between fields (certificate, notes, Update Service) are in vetting-rules.ts. */
@InputType()
export class RecordVettingOutcomeInput {
  @Field(() => ID)
  @IsUUID()
  checkId: string;

  @Field(() => VettingCheckStatus)
  @IsEnum(VettingCheckStatus)
  status: VettingCheckStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  certificateNumber?: string | null;

  @Field(() => CalendarDate, { nullable: true })
  @IsOptional()
  @IsString()
  issuedOn?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  updateServiceSubscribed?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Reasoning for the decision; required for REJECTED and for risk assessments.',
  })
  @IsOptional()
  @IsString()
  notes?: string | null;

  @Field(() => [BarredList], {
    nullable: true,
    description:
      'For BARRED: the lists the person is on, when the check covered more than one (default: every list checked).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2)
  @IsEnum(BarredList, { each: true })
  barredOn?: BarredList[] | null;
}
