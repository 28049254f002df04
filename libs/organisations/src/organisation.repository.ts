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

  /** Whether an organisation has this name, in any case (lower(name) is the unique key). */
  nameTaken(manager: EntityManager, name: string): Promise<boolean> {
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
