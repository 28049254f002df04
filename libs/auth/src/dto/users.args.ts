import { MAX_PAGE_SIZE, Role } from '@app/core';
import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

@ArgsType()
export class UsersArgs {
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

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  after?: string | null;
}
