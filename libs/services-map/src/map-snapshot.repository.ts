import { prisonDisplayName } from '@app/schemes/places';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MapSnapshotEntity } from './map-snapshot.entity';
import { MapSourceRow } from './snapshot/map-source-row';

/** Snapshots kept in PostgreSQL; older ones are pruned when a new one is written. */
export const SNAPSHOTS_KEPT = 20;

/** The current snapshot's identity, without its bytes. */
export type SnapshotHead = Pick<
  MapSnapshotEntity,
  'id' | 'generatedAt' | 'schemeCount' | 'contentHash'
>;

/**
 * Every query of the services map. The source statement reads public columns only (never
 * volunteers, referrals or any person's data) and resolves coverage and prison codes to names in
 * the same statement, so a rebuild of 10 000 schemes is one round trip.
 */
@Injectable()
export class MapSnapshotRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` holding the map-refresh lock (a PostgreSQL advisory lock on its own connection), so
   * refreshes in every worker run one at a time: one that read the schemes before a change can
   * never publish after one that read them after it. A refresh waiting for the lock holds no
   * connection (it tries again every 100 ms), so waiting ones cannot starve the holder's pool.
   */
  async withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
    for (;;) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        const [{ locked }]: { locked: boolean }[] = await runner.query(
          `SELECT pg_try_advisory_lock(hashtext('map.refresh')) AS locked`,
        );
        if (locked) {
          try {
            return await work();
          } finally {
            await runner.query(`SELECT pg_advisory_unlock(hashtext('map.refresh'))`);
          }
        }
      } finally {
        await runner.release();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async activeSchemes(): Promise<MapSourceRow[]> {
    const rows: MapSourceRow[] = await this.dataSource
      .query(`SELECT s.id, s.name, s.description, s.organisation_id,
  o.name AS organisation_name, s.pathways, s.genders, s.min_age, s.max_age, s.delivery_modes, s.languages,
  s.national, s.outcode, ST_Y(s.location::geometry) AS latitude, ST_X(s.location::geometry) AS longitude,
  s.active_mentees < s.capacity AS has_places, s.updated_at,
  COALESCE((SELECT array_agg(la.name ORDER BY la.name) FROM local_authorities la
            WHERE la.gss_code = ANY(s.coverage_local_authorities)), '{}') AS coverage_names,
  COALESCE((SELECT array_agg(p.name ORDER BY p.name) FROM prisons p
            WHERE p.code = ANY(s.prisons_served)), '{}') AS prison_names
FROM schemes s
JOIN organisations o ON o.id = s.organisation_id
WHERE s.active`);
    for (const row of rows) row.prison_names = row.prison_names.map(prisonDisplayName);
    return rows;
  }

  /** The newest snapshot's identity (cheap: no content). */
  latestHead(): Promise<SnapshotHead | null> {
    return this.dataSource.getRepository(MapSnapshotEntity).findOne({
      select: { id: true, generatedAt: true, schemeCount: true, contentHash: true },
      where: {},
      order: { generatedAt: 'DESC' },
    });
  }

  latest(): Promise<MapSnapshotEntity | null> {
    return this.dataSource
      .getRepository(MapSnapshotEntity)
      .findOne({ where: {}, order: { generatedAt: 'DESC' } });
  }

  /** Writes a new version and prunes all but the newest SNAPSHOTS_KEPT, in one transaction. */
  async insert(snapshot: Omit<MapSnapshotEntity, 'id'>): Promise<MapSnapshotEntity> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager
        .getRepository(MapSnapshotEntity)
        .save(manager.create(MapSnapshotEntity, snapshot));
      await manager.query(
        `DELETE FROM map_snapshots WHERE id IN (SELECT id FROM map_snapshots ORDER BY generated_at DESC OFFSET $1)`,
        [SNAPSHOTS_KEPT],
      );
      return saved;
    });
  }

  /** scheme_events not yet seen by the map (oldest first). */
  async unpublishedSchemeEvents(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM scheme_events WHERE published_at IS NULL ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  async markSchemeEventsPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(
      `UPDATE scheme_events SET published_at = now() WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
