import { LatLng } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { PLACE_HOLDING_STATUSES, ReferralStatus } from './referral-status';
import { ReferralEntity } from './referral.entity';

/** The side of the referrals a caller may see: all (admin), one prison's, or one organisation's. */
export type ReferralScope = { all: true } | { prisonCode: string } | { organisationId: string };

export type NewReferral = Omit<
  ReferralEntity,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'scheme'
  | 'respondedAt'
  | 'respondedBy'
  | 'statusReason'
  | 'releasedOn'
>;

/** What a referral list may be narrowed to. */
export interface ReferralFilter {
  status: ReferralStatus | null;
  schemeId: string | null;
}

/** A referral's place in a newest-first list; createdAt as PostgreSQL prints it. */
export interface ReferralPosition {
  id: string;
  createdAt: string;
}

/** A release outcode's centre and local authority. */
export interface ReleasePlace {
  outcode: string;
  location: LatLng;
  localAuthorityCode: string | null;
}

/** Every query on referrals, and the few reference reads creating one needs. */
@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ReferralEntity | null> {
    return manager.getRepository(ReferralEntity).findOneBy({ id });
  }

  /** The referral with its scheme (`referral.scheme`), in one query. */
  findWithScheme(id: string): Promise<ReferralEntity | null> {
    return this.dataSource
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.scheme', 's')
      .where('r.id = :id', { id })
      .getOne();
  }

  findByIds(ids: readonly string[]): Promise<ReferralEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(ReferralEntity).findBy({ id: In([...ids]) });
  }

  /** The referral, locked until the caller's transaction ends. Lock its scheme first (see RespondToReferral). */
  lockById(manager: EntityManager, id: string): Promise<ReferralEntity | null> {
    return manager
      .getRepository(ReferralEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.id = :id', { id })
      .getOne();
  }

  insert(manager: EntityManager, values: NewReferral): Promise<ReferralEntity> {
    const repository = manager.getRepository(ReferralEntity);
    return repository.save(
      repository.create({
        ...values,
        statusReason: null,
        respondedAt: null,
        respondedBy: null,
        releasedOn: null,
      }),
    );
  }

  async update(manager: EntityManager, id: string, change: Partial<ReferralEntity>): Promise<void> {
    await manager.getRepository(ReferralEntity).update({ id }, change);
  }

  /** Referrals holding one of the scheme's places; call with the scheme row locked. */
  countPlacesTaken(manager: EntityManager, schemeId: string): Promise<number> {
    return manager
      .getRepository(ReferralEntity)
      .countBy({ schemeId, status: In([...PLACE_HOLDING_STATUSES]) });
  }

  /**
   * Newest first, within the caller's side, continuing after `after` (a position from
   * `positionOf`) when given.
   */
  list(
    scope: ReferralScope,
    filter: ReferralFilter,
    after: ReferralPosition | null,
    first: number,
  ): Promise<ReferralEntity[]> {
    const query = this.scoped(scope)
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(first);
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.schemeId) query.andWhere('r.schemeId = :schemeId', { schemeId: filter.schemeId });
    if (after) {
      query.andWhere(
        '(r.created_at, r.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))',
        { afterAt: after.createdAt, afterId: after.id },
      );
    }
    return query.getMany();
  }

  /**
   * Where a referral of the caller's side sits in their list, to the microsecond (a JS Date would
   * round it); null when it is not on their side. Status and scheme filters do not apply, so a
   * referral that changed status since the last page still marks the place.
   */
  async positionOf(scope: ReferralScope, id: string): Promise<ReferralPosition | null> {
    const row = await this.scoped(scope)
      .select('r.id', 'id')
      .addSelect('r.created_at::text', 'createdAt')
      .andWhere('r.id = :id', { id })
      .getRawOne<ReferralPosition>();
    return row ?? null;
  }

  private scoped(scope: ReferralScope) {
    const query = this.dataSource.getRepository(ReferralEntity).createQueryBuilder('r');
    if ('prisonCode' in scope)
      query.andWhere('r.prisonCode = :prisonCode', { prisonCode: scope.prisonCode });
    if ('organisationId' in scope) {
      query.andWhere('r.organisationId = :organisationId', {
        organisationId: scope.organisationId,
      });
    }
    return query;
  }

  async prisonExists(code: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM prisons WHERE code = $1', [
      code,
    ]);
    return rows.length > 0;
  }

  async releasePlace(outcode: string): Promise<ReleasePlace | null> {
    const rows: {
      outcode: string;
      latitude: number;
      longitude: number;
      local_authority_code: string | null;
    }[] = await this.dataSource.query(
      `SELECT outcode, ST_Y(location::geometry) AS latitude, ST_X(location::geometry) AS longitude, local_authority_code
           FROM outcodes WHERE outcode = $1`,
      [outcode],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      outcode: row.outcode,
      location: { latitude: row.latitude, longitude: row.longitude },
      localAuthorityCode: row.local_authority_code,
    };
  }

  /** Kilometres from the scheme's base to a point (PostGIS geography, as the search measures); null without a base. */
  async schemeDistanceKm(schemeId: string, point: LatLng): Promise<number | null> {
    const rows: { distance_km: number | null }[] = await this.dataSource.query(
      `SELECT ST_Distance(location, ST_SetSRID(ST_MakePoint($2::float8, $3::float8), 4326)::geography) / 1000 AS distance_km
         FROM schemes WHERE id = $1`,
      [schemeId, point.longitude, point.latitude],
    );
    const value = rows[0]?.distance_km;
    return value === null || value === undefined ? null : Number(value);
  }
}
