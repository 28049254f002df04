import { MigrationInterface, QueryRunner } from 'typeorm';

/** Versions of the public services-map snapshot (GeoJSON bytes, content hash, scheme count). */
export class AddMapSnapshots1795678000000 implements MigrationInterface {
  name = 'AddMapSnapshots1795678000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "map_snapshots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "scheme_count" integer NOT NULL, "content_hash" character varying(64) NOT NULL, "content" text NOT NULL, CONSTRAINT "PK_ac56bfed84331e858b5fd1cde81" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dee1b9c387ef97a4a05c76e1b4" ON "map_snapshots"  ("generated_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_dee1b9c387ef97a4a05c76e1b4"`);
    await queryRunner.query(`DROP TABLE "map_snapshots"`);
  }
}
