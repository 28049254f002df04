import { PageArgs } from '@app/core';
import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => String, {
    nullable: true,
    description: 'Only organisations whose name contains this, in any case.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}
