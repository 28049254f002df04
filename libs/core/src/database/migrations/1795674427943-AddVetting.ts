import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddVetting1795674427943 implements MigrationInterface {
  name = 'AddVetting1795674427943';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "vetting_checks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "volunteer_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "status" character varying(12) NOT NULL, "outcome" character varying(12), "dbs_level" character varying(10), "barred_lists" text array NOT NULL DEFAULT '{}', "barred_on" text array NOT NULL DEFAULT '{}', "certificate_number" character varying(12), "issued_on" date, "expires_on" date, "update_service_subscribed" boolean NOT NULL DEFAULT false, "update_service_checked_on" date, "superseded" boolean NOT NULL DEFAULT false, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by" uuid, "notes" text, "notes_purged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2148b5bee832997c3a10edba504" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "vetting_checks_notes_kept" ON "vetting_checks"  ("decided_at") WHERE notes IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "vetting_checks_recheck_due" ON "vetting_checks"  ("expires_on") WHERE status IN ('CLEAR', 'DISCLOSURE')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b03e0bc0e502f80d6c6acdf9b3" ON "vetting_checks"  ("volunteer_id", "requested_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "vetting_checks" ADD CONSTRAINT "FK_b00d11b147fd431c9bd12964825" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer_profiles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "vetting_checks" DROP CONSTRAINT "FK_b00d11b147fd431c9bd12964825"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_b03e0bc0e502f80d6c6acdf9b3"`);
    await queryRunner.query(`DROP INDEX "public"."vetting_checks_recheck_due"`);
    await queryRunner.query(`DROP INDEX "public"."vetting_checks_notes_kept"`);
    await queryRunner.query(`DROP TABLE "vetting_checks"`);
  }
}
