import { CalendarDate, Pathway } from '@app/core';
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SESSION_NOTE_MAX_LENGTH } from '../mentoring-session.entity';

/** The longest session logged: ten hours (a day at the gate and travelling with the person). */
export const SESSION_MAX_MINUTES = 600;

/** Shape checks only; the date window and who may log are LogSession's rules. */
@InputType()
export class LogSessionInput {
  @Field(() => ID)
  @IsUUID()
  matchId: string;

  @Field(() => CalendarDate)
  @IsString()
  date: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(SESSION_MAX_MINUTES)
  minutes: number;

  @Field(() => [Pathway])
  @ArrayMinSize(1, { message: 'name at least one pathway the session worked on' })
  @ArrayMaxSize(Object.values(Pathway).length)
  @ArrayUnique()
  @IsEnum(Pathway, { each: true })
  pathways: Pathway[];

  /** Sensitive free text: stored with the session, never returned or logged. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(SESSION_NOTE_MAX_LENGTH)
  note?: string | null;
}
