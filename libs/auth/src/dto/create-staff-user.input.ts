import { Role } from '@app/core';
import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType()
export class CreateStaffUserInput {
  @Field()
  @IsString()
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  password: string;

  @Field(() => Role)
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Required for COORDINATOR.' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @Field({ nullable: true, description: 'Required for PRISON_STAFF.' })
  @IsOptional()
  @IsString()
  @MaxLength(6)
  prisonCode?: string;
}
