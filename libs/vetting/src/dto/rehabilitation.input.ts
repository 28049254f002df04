import { CalendarDate } from '@app/core';
import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SentenceType } from '../rehabilitation';

registerEnumType(SentenceType, {
  name: 'SentenceType',
  valuesMap: {
    CUSTODY: {
      description:
        'Custody, including a suspended sentence (entered as CUSTODY with the term imposed).',
    },
    INDETERMINATE: {
      description: 'Life, imprisonment for public protection and other indeterminate sentences.',
    },
  },
});

@InputType()
export class RehabilitationInput {
  @Field(() => SentenceType)
  @IsEnum(SentenceType)
  sentenceType: SentenceType;

  @Field(() => Int, {
    nullable: true,
    description:
      'For CUSTODY: the length of the custodial sentence imposed, in months. A suspended sentence is entered as CUSTODY with the term imposed.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1200)
  custodyMonths?: number;

  @Field(() => CalendarDate)
  @IsString()
  convictionDate: string;

  @Field(() => CalendarDate, {
    nullable: true,
    description:
      'When the sentence, order or discharge ends; for custody the end of the licence period.',
  })
  @IsOptional()
  @IsString()
  sentenceEndDate?: string;

  /** Age of criminal responsibility in England and Wales is 10. */
  @Field(() => Int)
  @IsInt()
  @Min(10)
  @Max(120)
  ageAtConviction: number;

  @Field({
    nullable: true,
    defaultValue: false,
    description:
      'A serious sexual, violent or terrorism offence (Schedule 18, Sentencing Act 2020).',
  })
  @IsOptional()
  @IsBoolean()
  seriousOffence?: boolean;

  @Field({
    nullable: true,
    defaultValue: false,
    description:
      'On the DBS list of specified offences (serious violent, sexual and safeguarding offences): never filtered from STANDARD or ENHANCED certificates.',
  })
  @IsOptional()
  @IsBoolean()
  specifiedOffence?: boolean;
}
