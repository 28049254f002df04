import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One published version of the public services map: the GeoJSON bytes exactly as served, so the
 * ETag (the content hash) is stable whichever replica or fallback serves it. Public data only.
 */
@Entity('map_snapshots')
@Index(['generatedAt'])
export class MapSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz' })
  generatedAt: Date;

  @Column({ type: 'integer' })
  schemeCount: number;

  /** sha256 of `content`, hex. */
  @Column({ type: 'varchar', length: 64 })
  contentHash: string;

  /** The GeoJSON FeatureCollection, serialised once. */
  @Column({ type: 'text' })
  content: string;
}
