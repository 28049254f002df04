import { Given } from '@app/core';
import { Field, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

/** Only the fields given change. */
@InputType()
export class UpdateNotificationPreferencesInput {
  @Field({ nullable: true, description: 'Left out: unchanged; null is refused.' })
  @Given()
  @IsBoolean()
  emailEnabled?: boolean;

  @Field({
    nullable: true,
    description:
      'Needs a phone number (given here or before). Left out: unchanged; null is refused.',
  })
  @Given()
  @IsBoolean()
  smsEnabled?: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'A UK mobile number in any usual format ("07400 123456", "+44 7400 123456"); null removes it and turns text messages off.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phoneNumber?: string | null;
}
