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

  /**
   * Whether another organisation has this name, in any case. Holds a lock on the name (lower case)
   * until the caller's transaction ends, so two requests for "Foo" and "foo" at once cannot both
   * pass (the unique index alone only tells apart names that differ in case).
   */
  async nameTaken(manager: EntityManager, name: string): Promise<boolean> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('organisation-name:' || lower($1)))`,
      [name],
    );
    return manager
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('lower(o.name) = lower(:name)', { name })
      .getExists();
  }

  insert(manager: EntityManager, values: Partial<OrganisationEntity>): Promise<OrganisationEntity> {
    const repository = manager.getRepository(OrganisationEntity);
    return repository.save(repository.create(values));
  }
}
