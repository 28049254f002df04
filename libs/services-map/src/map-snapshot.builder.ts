import { Clock } from '@app/core';
import { Injectable, Logger } from '@nestjs/common';
import { MapSnapshotCache } from './map-snapshot.cache';
import { MapSnapshotRepository, SnapshotHead } from './map-snapshot.repository';
import { buildSnapshot } from './snapshot/build-snapshot';

export interface RefreshOutcome {
  /** False when nothing public changed since the current version (no new row). */
  created: boolean;
  snapshot: SnapshotHead;
}

/**
 * map.refresh: reads the active schemes, builds the snapshot, writes a new version when the content
 * changed, and makes it current in Redis. Everything that can fail happens before anything is
 * written, so a failed build leaves the previous snapshot served; re-running it is harmless.
 * Refreshes run one at a time across workers (the scheduled one and a debounced one may overlap).
 */
@Injectable()
export class MapSnapshotBuilder {
  private readonly logger = new Logger(MapSnapshotBuilder.name);

  constructor(
    private readonly snapshots: MapSnapshotRepository,
    private readonly cache: MapSnapshotCache,
    private readonly clock: Clock,
  ) {}

  refresh(): Promise<RefreshOutcome> {
    return this.snapshots.withRefreshLock(() => this.refreshNow());
  }

  private async refreshNow(): Promise<RefreshOutcome> {
    const rows = await this.snapshots.activeSchemes();
    const built = buildSnapshot(rows, this.clock.now());
    const latest = await this.snapshots.latestHead();
    if (latest && latest.contentHash === built.contentHash) {
      // Unchanged: no new version; still re-publish the current one in case Redis lost it.
      const current = await this.snapshots.latest();
      if (current) await this.cache.publish(current.contentHash, current.content);
      return { created: false, snapshot: latest };
    }
    const saved = await this.snapshots.insert({
      generatedAt: new Date(built.map.generatedAt),
      schemeCount: built.map.schemeCount,
      contentHash: built.contentHash,
      content: built.content,
    });
    await this.cache.publish(saved.contentHash, saved.content);
    this.logger.log(`map snapshot ${saved.contentHash.slice(0, 12)}: ${saved.schemeCount} schemes`);
    return { created: true, snapshot: saved };
  }
}
