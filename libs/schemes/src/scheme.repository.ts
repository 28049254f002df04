import { KeysetCursor, oldestFirstPage } from '@app/core';
import { OrganisationEntity } from '@app/organisations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { SchemeEntity } from './scheme.entity';
import {
  ServiceRanking,
  ServiceSearchFilter,
  ServiceSearchRow,
  serviceSearchSql,
} from './search/service-search.sql';

/** Who may see which schemes: everyone the active ones; a coordinator also their own organisation's; an admin all. */
export interface SchemeVisibility {
  all: boolean;
  organisationId: string | null;
}

/** Every query on schemes, PostGIS included. */
@Injectable()
export class SchemeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<SchemeEntity | null> {
    return this.dataSource.getRepository(SchemeEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[]): Promise<SchemeEntity[]> {
    return this.dataSource.getRepository(SchemeEntity).findBy({ id: In([...ids]) });
  }

  /** Locks the row for the rest of the transaction, so concurrent updates apply one after the other. */
  findForUpdate(manager: EntityManager, id: string): Promise<SchemeEntity | null> {
    return manager
      .getRepository(SchemeEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, scheme: SchemeEntity): Promise<SchemeEntity> {
    return manager.getRepository(SchemeEntity).save(scheme);
  }

  create(manager: EntityManager, values: Partial<SchemeEntity>): SchemeEntity {
    return manager.getRepository(SchemeEntity).create(values);
  }

  /** Schemes of these organisations that the caller may see, oldest first (Organisation.schemes). */
  findByOrganisationIds(
    organisationIds: readonly string[],
    visibility: SchemeVisibility,
  ): Promise<SchemeEntity[]> {
    const query = this.dataSource
      .getRepository(SchemeEntity)
      .createQueryBuilder('s')
      .where('s.organisationId IN (:...organisationIds)', { organisationIds: [...organisationIds] })
      .orderBy('s.createdAt', 'ASC')
      .addOrderBy('s.id', 'ASC');
    return this.visible(query, visibility).getMany();
  }

  /** The ids of every scheme of the organisation, active or not. */
  async idsOfOrganisation(manager: EntityManager, organisationId: string): Promise<string[]> {
    const rows = await manager
      .getRepository(SchemeEntity)
      .find({ where: { organisationId }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** One keyset page, oldest first, and the total the caller may see. */
  page(
    filter: { organisationId?: string },
    visibility: SchemeVisibility,
    after: KeysetCursor | null,
    first: number,
  ): Promise<{ rows: SchemeEntity[]; totalCount: number }> {
    const base = this.dataSource.getRepository(SchemeEntity).createQueryBuilder('s');
    if (filter.organisationId)
      base.where('s.organisationId = :organisationId', { organisationId: filter.organisationId });
    this.visible(base, visibility);
    return oldestFirstPage(base, after, first);
  }

  /** The service search's best candidates, ranked: one statement (see serviceSearchSql). */
  searchCandidates(
    filter: ServiceSearchFilter,
    ranking: ServiceRanking,
  ): Promise<ServiceSearchRow[]> {
    const { text, values } = serviceSearchSql(filter, ranking);
    return this.dataSource.query(text, values);
  }

  /** Existence check for an organisation id (create needs a real one). */
  organisationExists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.getRepository(OrganisationEntity).existsBy({ id });
  }

  private visible(
    query: SelectQueryBuilder<SchemeEntity>,
    visibility: SchemeVisibility,
  ): SelectQueryBuilder<SchemeEntity> {
    if (visibility.all) return query;
    if (visibility.organisationId) {
      return query.andWhere('(s.active OR s.organisationId = :ownOrganisationId)', {
        ownOrganisationId: visibility.organisationId,
      });
    }
    return query.andWhere('s.active');
  }
}
