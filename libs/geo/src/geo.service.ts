import { DomainError } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LocatedPlace } from './located-place';
import { OutcodeEntity } from './outcode.entity';
import { toOutcode } from './postcode';

/** Finds places: postcodes reduced to their outcode and its centroid. */
@Injectable()
export class GeoService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Normalise, validate, reduce to the outcode, look it up; unknown is BAD_USER_INPUT. */
  async locatePostcode(postcode: string, field = 'postcode'): Promise<LocatedPlace> {
    const outcode = toOutcode(postcode, field);
    const row = await this.dataSource.getRepository(OutcodeEntity).findOneBy({ outcode });
    if (!row) throw DomainError.badInput(field, 'unknown postcode district');
    return { outcode: row.outcode, location: row.location, localAuthorityCode: row.localAuthorityCode };
  }
}
