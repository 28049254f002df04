import { PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../errors/domain.error';

/**
 * An `ID` argument that must name a row of `entity`: one that is not a UUID names nothing, so it
 * is NOT_FOUND like an unknown one, and the database never sees it.
 * `@Args('id', { type: () => ID }, new EntityId('Referral')) id: string`
 */
export class EntityId implements PipeTransform<string, string> {
  constructor(private readonly entity: string) {}

  transform(value: string): string {
    if (!isUUID(value)) throw DomainError.notFound(this.entity);
    // Ids are compared as the database returns them (lower case); clients may send capitals.
    return value.toLowerCase();
  }
}
