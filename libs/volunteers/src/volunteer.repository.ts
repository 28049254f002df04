import { KeysetCursor, VolunteerStatus, containsPattern } from '@app/core';
import { OrganisationEntity } from '@app/organisations';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { VolunteerProfileEntity } from './volunteer-profile.entity';

/** Which volunteers a list shows: one organisation (null: all) and optionally one status. */
export interface VolunteerFilter {
  organisationId: string | null;
  status: VolunteerStatus | null;
  /** Part of the display name or email, any case; LIKE wildcards in it are taken literally. */
  search: string | null;
}

export type NewVolunteerProfile = Pick<
  VolunteerProfileEntity,
  | 'userId'
  | 'organisationId'
  | 'displayName'
  | 'outcode'
  | 'location'
  | 'travelRadiusKm'
  | 'gender'
  | 'languages'
  | 'pathways'
  | 'livedExperience'
  | 'deliveryModes'
  | 'maxMentees'
>;

/** What a profile edit may write: any of what registration set but the owner (the outcode and its point together, never a full postcode). */
export type ProfileUpdate = Partial<Omit<NewVolunteerProfile, 'userId' | 'organisationId'>>;

export type StatusChange = Pick<VolunteerProfileEntity, 'status' | 'statusReason' | 'activeSince'>;

/** Every query on volunteer profiles. */
@Injectable()
export class VolunteerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<VolunteerProfileEntity | null> {
    return this.dataSource.getRepository(VolunteerProfileEntity).findOneBy({ id });
  }

  findByUserId(userId: string): Promise<VolunteerProfileEntity | null> {
    return this.dataSource.getRepository(VolunteerProfileEntity).findOneBy({ userId });
  }

  /** The profile, locked (SELECT ... FOR UPDATE) until the caller's transaction ends. */
  lockById(manager: EntityManager, id: string): Promise<VolunteerProfileEntity | null> {
    return manager
      .getRepository(VolunteerProfileEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :id', { id })
      .getOne();
  }

  organisationExists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.getRepository(OrganisationEntity).existsBy({ id });
  }

  insert(manager: EntityManager, values: NewVolunteerProfile): Promise<VolunteerProfileEntity> {
    const repository = manager.getRepository(VolunteerProfileEntity);
    return repository.save(repository.create({ ...values, status: VolunteerStatus.APPLIED }));
  }

  async updateStatus(manager: EntityManager, id: string, change: StatusChange): Promise<void> {
    await manager.getRepository(VolunteerProfileEntity).update({ id }, change);
  }

  async updateProfile(manager: EntityManager, id: string, change: ProfileUpdate): Promise<void> {
    await manager.getRepository(VolunteerProfileEntity).update({ id }, change);
  }

  /**
   * Up to `limit` profiles after the cursor, newest first, keyed on (created_at, id). The cursor
   * carries milliseconds but created_at has microseconds, so the exact position is re-read from
   * the cursor's row (within the same filter); the cursor's own time is only the fallback for a
   * row that has gone.
   */
  page(
    filter: VolunteerFilter,
    after: KeysetCursor | null,
    limit: number,
  ): Promise<VolunteerProfileEntity[]> {
    const query = this.filtered(filter);
    if (after) {
      const position = this.filtered(filter, 'p')
        .select('p.created_at')
        .andWhere('p.id = :afterId');
      query
        .andWhere(
          `(v.created_at, v.id) < (COALESCE((${position.getQuery()}), CAST(:afterAt AS timestamptz)), CAST(:afterId AS uuid))`,
        )
        .setParameters({ afterId: after.id, afterAt: after.createdAt.toISOString() });
    }
    return query.orderBy('v.createdAt', 'DESC').addOrderBy('v.id', 'DESC').limit(limit).getMany();
  }

  count(filter: VolunteerFilter): Promise<number> {
    return this.filtered(filter).getCount();
  }

  private filtered(
    filter: VolunteerFilter,
    alias = 'v',
  ): SelectQueryBuilder<VolunteerProfileEntity> {
    const query = this.dataSource.getRepository(VolunteerProfileEntity).createQueryBuilder(alias);
    if (filter.organisationId)
      query.andWhere(`${alias}.organisation_id = :organisationId`, {
        organisationId: filter.organisationId,
      });
    if (filter.status) query.andWhere(`${alias}.status = :status`, { status: filter.status });
    if (filter.search) {
      query.andWhere(
        `(${alias}.display_name ILIKE :pattern OR EXISTS (
           SELECT 1 FROM users u WHERE u.id = ${alias}.user_id AND u.email ILIKE :pattern))`,
        { pattern: containsPattern(filter.search) },
      );
    }
    return query;
  }
}
