import { Role, PageArgs } from '@app/core';
import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@ArgsType()
export class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => ID, {
    nullable: true,
    description: "The organisation's staff accounts; its mentors are listed by `volunteers`.",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'HMPPS prison code, e.g. LEI.' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  prisonCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: disabled accounts only; false: enabled only; left out: both.',
  })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only accounts whose email contains this, in any case.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  search?: string | null;
}
