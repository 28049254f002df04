import { MAX_PAGE_SIZE } from '@app/core';
import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ReferralStatus } from '../referral-status';

@ArgsType()
export class ReferralsArgs {
  @Field(() => ReferralStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReferralStatus)
  status?: ReferralStatus | null;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = 20;

  @Field(() => ID, {
    nullable: true,
    description: 'The id of the last referral of the previous page: the list continues after it.',
  })
  @IsOptional()
  @IsUUID()
  after?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only referrals to this scheme.' })
  @IsOptional()
  @IsUUID()
  schemeId?: string | null;
}
