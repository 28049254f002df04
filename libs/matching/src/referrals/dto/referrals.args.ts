import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
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
  @Max(100)
  first: number = 20;
}
