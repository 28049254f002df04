import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddReferralsAndMatches1795677459987 implements MigrationInterface {
  name = 'AddReferralsAndMatches1795677459987';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "referrals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "scheme_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "status" character varying(12) NOT NULL, "status_reason" character varying(500), "person_reference" character varying(7) NOT NULL, "prison_code" character varying(10) NOT NULL, "release_date" date NOT NULL, "release_outcode" character varying(4) NOT NULL, "release_local_authority_code" character varying(9), "needs" text array NOT NULL, "risk_level" character varying(10) NOT NULL, "gender" character varying(12) NOT NULL, "age" smallint NOT NULL, "languages" text array NOT NULL DEFAULT '{}', "referred_by" uuid NOT NULL, "consent_recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "responded_by" uuid, CONSTRAINT "PK_ea9980e34f738b6252817326c08" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_394780f334cb4c788efb937743" ON "referrals"  ("scheme_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_referrals_open_per_person_scheme" ON "referrals"  ("scheme_id", "person_reference") WHERE status IN ('SENT', 'ACCEPTED', 'MATCHED', 'ACTIVE')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8abe216701681fd279e2c92bab" ON "referrals"  ("prison_code", "created_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4d2144af23bf8ee84c768009dd" ON "referrals"  ("organisation_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "matches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "referral_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "status" character varying(10) NOT NULL, "score" real NOT NULL, "proposed_by" uuid NOT NULL, "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" character varying(500), CONSTRAINT "PK_8a22c7b2e0828988d51256117f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_5a71e26a54001aa4e1ba6f2648" ON "matches"  ("referral_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f334b3a840a203f0c57b02a8e3" ON "matches"  ("volunteer_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_matches_live_per_referral" ON "matches"  ("referral_id") WHERE status IN ('PROPOSED', 'ACCEPTED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" ADD CONSTRAINT "FK_394780f334cb4c788efb9377439" FOREIGN KEY ("scheme_id") REFERENCES "schemes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_5a71e26a54001aa4e1ba6f26480" FOREIGN KEY ("referral_id") REFERENCES "referrals"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" ADD CONSTRAINT "FK_d34a7273e5bdf3b8144df26d0e8" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer_profiles"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "matches" DROP CONSTRAINT "FK_d34a7273e5bdf3b8144df26d0e8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "matches" DROP CONSTRAINT "FK_5a71e26a54001aa4e1ba6f26480"`,
    );
    await queryRunner.query(
      `ALTER TABLE "referrals" DROP CONSTRAINT "FK_394780f334cb4c788efb9377439"`,
    );
    await queryRunner.query(`DROP INDEX "public"."UQ_matches_live_per_referral"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f334b3a840a203f0c57b02a8e3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5a71e26a54001aa4e1ba6f2648"`);
    await queryRunner.query(`DROP TABLE "matches"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d2144af23bf8ee84c768009dd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8abe216701681fd279e2c92bab"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_referrals_open_per_person_scheme"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_394780f334cb4c788efb937743"`);
    await queryRunner.query(`DROP TABLE "referrals"`);
  }
}
