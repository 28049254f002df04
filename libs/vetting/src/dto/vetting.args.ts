import { CalendarDate } from '@app/core';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID } from 'class-validator';
import { UpdateServiceResult } from './vetting-enums';

@ArgsType()
export class ClearanceArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  schemeId?: string | null;

  @Field(() => CalendarDate, {
    nullable: true,
    description:
      'Cleared on this day (e.g. a release date): checks past their re-check date by then do not count (on the date itself they still do). Default today.',
  })
  @IsOptional()
  @IsString()
  asOf?: string | null;
}

@ArgsType()
export class UpdateServiceStatusArgs {
  @Field(() => ID)
  @IsUUID()
  checkId: string;

  @Field(() => UpdateServiceResult)
  @IsEnum(UpdateServiceResult)
  result: UpdateServiceResult;
}
