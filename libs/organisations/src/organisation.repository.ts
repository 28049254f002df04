import { KeysetCursor, containsPattern, oldestFirstPage } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** Every query on organisations. */
@Injectable()
export class OrganisationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByIds(ids: readonly string[]): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
  }

  findById(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  /** Locks the row for the rest of the transaction, so concurrent updates apply one after the other. */
  lockById(manager: EntityManager, id: string): Promise<OrganisationEntity | null> {
    return manager
      .getRepository(OrganisationEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether another organisation than `except` has this name, in any case (lower(name) is the unique key). */
  nameTaken(manager: EntityManager, name: string, except: string | null = null): Promise<boolean> {
    const query = manager
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name)', { name });
    if (except) query.andWhere('o.id <> :except', { except });
    return query.getExists();
  }

  async update(
    manager: EntityManager,
    id: string,
    change: Partial<OrganisationEntity>,
  ): Promise<void> {
    await manager.getRepository(OrganisationEntity).update({ id }, change);
  }

  /** One page of ADMIN's directory, oldest first, and the total. */
  page(
    search: string | null,
    after: KeysetCursor | null,
    first: number,
  ): Promise<{ rows: OrganisationEntity[]; totalCount: number }> {
    const base = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (search) base.where('o.name ILIKE :pattern', { pattern: containsPattern(search) });
    return oldestFirstPage(base, after, first);
  }

  insert(manager: EntityManager, values: Partial<OrganisationEntity>): Promise<OrganisationEntity> {
    const repository = manager.getRepository(OrganisationEntity);
    return repository.save(repository.create(values));
  }
}
