import { VolunteerStatus, PageArgs } from '@app/core';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class VolunteersArgs extends PageArgs {
  @Field(() => VolunteerStatus, { nullable: true })
  @IsOptional()
  @IsEnum(VolunteerStatus)
  status?: VolunteerStatus | null;

  /** Admins: one organisation, or all when left out. Coordinators: their own (the default). */
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only volunteers whose display name or email contains this, in any case.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class VolunteerIdArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;
}

@ArgsType()
export class SetVolunteerStatusArgs extends VolunteerIdArgs {
  @Field(() => VolunteerStatus)
  @IsEnum(VolunteerStatus)
  status: VolunteerStatus;

  /** Required to reject; kept for the organisation, never logged or audited. */
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}
