import { VolunteerProfileEntity } from '@app/volunteers';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { MatchStatus } from './match-status';
import { MatchEntity } from './match.entity';

export type NewMatch = Pick<
  MatchEntity,
  'referralId' | 'volunteerId' | 'score' | 'proposedBy' | 'proposedAt'
>;

/** A candidate mentor of the organisation and their distance to the release outcode. */
export interface CandidateRow {
  volunteer: VolunteerProfileEntity;
  distanceKm: number;
}

/** Every query on matches, and the candidate read behind suggestions. */
@Injectable()
export class MatchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<MatchEntity | null> {
    return this.dataSource.getRepository(MatchEntity).findOneBy({ id });
  }

  lockById(manager: EntityManager, id: string): Promise<MatchEntity | null> {
    return manager
      .getRepository(MatchEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }

  insert(manager: EntityManager, values: NewMatch): Promise<MatchEntity> {
    const repository = manager.getRepository(MatchEntity);
    return repository.save(
      repository.create({
        ...values,
        status: MatchStatus.PROPOSED,
        respondedAt: null,
        endedAt: null,
        endReason: null,
      }),
    );
  }

  async update(manager: EntityManager, id: string, change: Partial<MatchEntity>): Promise<void> {
    await manager.getRepository(MatchEntity).update({ id }, change);
  }

  /** Proposed or accepted matches of a referral (at most one, by the unique index). */
  liveForReferral(manager: EntityManager, referralId: string): Promise<MatchEntity | null> {
    return manager
      .getRepository(MatchEntity)
      .findOneBy({ referralId, status: In([MatchStatus.PROPOSED, MatchStatus.ACCEPTED]) });
  }

  /** The latest match of each referral that is not declined (Referral.match). */
  async currentForReferrals(referralIds: readonly string[]): Promise<MatchEntity[]> {
    if (referralIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(MatchEntity).find({
      where: { referralId: In([...referralIds]), status: Not(MatchStatus.DECLINED) },
      order: { proposedAt: 'DESC', id: 'DESC' },
    });
    const latest = new Map<string, MatchEntity>();
    for (const row of rows) if (!latest.has(row.referralId)) latest.set(row.referralId, row);
    return [...latest.values()];
  }

  /** The matches of the referrals that were ever accepted (ACCEPTED, ENDED), oldest first (Referral.matches). */
  acceptedForReferrals(referralIds: readonly string[]): Promise<MatchEntity[]> {
    if (referralIds.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(MatchEntity).find({
      where: {
        referralId: In([...referralIds]),
        status: In([MatchStatus.ACCEPTED, MatchStatus.ENDED]),
      },
      order: { proposedAt: 'ASC', id: 'ASC' },
    });
  }

  /** A volunteer's matches but those they declined, newest first. */
  forVolunteer(volunteerId: string): Promise<MatchEntity[]> {
    return this.dataSource.getRepository(MatchEntity).find({
      where: { volunteerId, status: Not(MatchStatus.DECLINED) },
      order: { proposedAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * Volunteers of the organisation that could ever be matched (not WITHDRAWN or REJECTED) and
   * their distance in km from the release outcode's centre, nearest first.
   */
  async candidates(
    organisationId: string,
    releaseOutcode: string,
    volunteerId?: string,
  ): Promise<CandidateRow[]> {
    const rows: { id: string; distance_km: number }[] = await this.dataSource.query(
      `SELECT v.id, ST_Distance(v.location, o.location) / 1000 AS distance_km
         FROM volunteer_profiles v
         JOIN outcodes o ON o.outcode = $2
        WHERE v.organisation_id = $1 AND v.status NOT IN ('WITHDRAWN', 'REJECTED')
          AND ($3::uuid IS NULL OR v.id = $3::uuid)
        ORDER BY distance_km, v.id`,
      [organisationId, releaseOutcode, volunteerId ?? null],
    );
    if (rows.length === 0) return [];
    const entities = await this.dataSource
      .getRepository(VolunteerProfileEntity)
      .findBy({ id: In(rows.map((row) => row.id)) });
    const byId = new Map(entities.map((entity) => [entity.id, entity]));
    return rows.flatMap((row) => {
      const volunteer = byId.get(row.id);
      return volunteer ? [{ volunteer, distanceKm: Number(row.distance_km) }] : [];
    });
  }

  findVolunteer(id: string): Promise<VolunteerProfileEntity | null> {
    return this.dataSource.getRepository(VolunteerProfileEntity).findOneBy({ id });
  }

  findVolunteerByUserId(userId: string): Promise<VolunteerProfileEntity | null> {
    return this.dataSource.getRepository(VolunteerProfileEntity).findOneBy({ userId });
  }

  findVolunteersByIds(ids: readonly string[]): Promise<VolunteerProfileEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(VolunteerProfileEntity).findBy({ id: In([...ids]) });
  }

  /** The profile locked in the caller's transaction. */
  lockVolunteer(manager: EntityManager, id: string): Promise<VolunteerProfileEntity | null> {
    return manager
      .getRepository(VolunteerProfileEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :id', { id })
      .getOne();
  }

  async updateVolunteer(
    manager: EntityManager,
    id: string,
    change: Partial<VolunteerProfileEntity>,
  ): Promise<void> {
    await manager.getRepository(VolunteerProfileEntity).update({ id }, change);
  }
}
