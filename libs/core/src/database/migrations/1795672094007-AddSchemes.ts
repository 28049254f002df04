import { MigrationInterface, QueryRunner } from 'typeorm';

/** Mentoring schemes, with the spatial, coverage and national indexes the service search uses, and the scheme.changed outbox. */
export class AddSchemes1795672094007 implements MigrationInterface {
  name = 'AddSchemes1795672094007';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "scheme_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(40) NOT NULL, "scheme_id" uuid NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_93d8ca86a1d3d410f0483826ed5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f80294f85cf699f61c577c5993" ON "scheme_events"  ("published_at", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "schemes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "description" text NOT NULL, "pathways" text array NOT NULL, "genders" text array NOT NULL DEFAULT '{}', "min_age" smallint, "max_age" smallint, "max_risk_level" character varying(10) NOT NULL, "delivery_modes" text array NOT NULL, "languages" text array NOT NULL DEFAULT '{}', "postcode" character varying(8), "outcode" character varying(4), "location" geography(Point,4326), "coverage_local_authorities" text array NOT NULL DEFAULT '{}', "radius_km" real, "national" boolean NOT NULL DEFAULT false, "prisons_served" text array NOT NULL DEFAULT '{}', "required_dbs_level" character varying(10) NOT NULL, "required_barred_lists" text array NOT NULL DEFAULT '{}', "capacity" integer NOT NULL, "active_mentees" integer NOT NULL DEFAULT '0', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_fd989991874a1aab8856e326cd3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_schemes_location" ON "schemes" USING gist ("location") `,
    );
    // GIN for `coverage_local_authorities @> ARRAY[code]`; TypeORM cannot declare it (the entity marks it synchronize: false).
    await queryRunner.query(
      `CREATE INDEX "IDX_schemes_coverage_local_authorities" ON "schemes" USING gin ("coverage_local_authorities")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_schemes_national" ON "schemes"  ("national") WHERE national`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e062810a1dd5a32f670b51cb53" ON "schemes"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1f932bb06249664b38250e4f93" ON "schemes"  ("organisation_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "schemes" ADD CONSTRAINT "FK_02cffa25222e09b01203c991f3a" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "schemes" DROP CONSTRAINT "FK_02cffa25222e09b01203c991f3a"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_1f932bb06249664b38250e4f93"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e062810a1dd5a32f670b51cb53"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_schemes_national"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_schemes_coverage_local_authorities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_schemes_location"`);
    await queryRunner.query(`DROP TABLE "schemes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f80294f85cf699f61c577c5993"`);
    await queryRunner.query(`DROP TABLE "scheme_events"`);
  }
}
