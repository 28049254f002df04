import { Gender, Pathway } from '@app/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';

/** `needs=ACCOMMODATION,FINANCE` or repeated `needs=…`. */
const list = ({ value }: { value: unknown }): unknown =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean);

/** GET /map/search: the public questions only (no prison, no risk of serious harm). */
export class MapSearchQuery {
  /** A postcode or outcode; only the outcode is used, never stored or logged. */
  @IsOptional()
  @IsString()
  @MaxLength(10)
  postcode?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]\d{8}$/, {
    message: 'localAuthorityCode must be a GSS code such as E08000035',
  })
  localAuthorityCode?: string;

  @IsOptional()
  @Transform(list)
  @ArrayUnique()
  @IsEnum(Pathway, { each: true })
  needs?: Pathway[];

  @IsOptional()
  @IsEnum(Gender)
  gender?: Gender;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(120)
  age?: number;

  /** Include schemes without places (ranked after those with places). */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : value === 'true' || value === true))
  @IsBoolean()
  includeFull?: boolean;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  first?: number;
}
