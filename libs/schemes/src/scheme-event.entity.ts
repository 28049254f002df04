import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Interim outbox for `scheme.changed`, written in the same transaction as the change. A relay (the
 * notifications outbox, when it lands) publishes rows with `publishedAt` null and stamps them.
 */
@Entity('scheme_events')
@Index(['publishedAt', 'createdAt'])
export class SchemeEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'uuid' })
  schemeId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
