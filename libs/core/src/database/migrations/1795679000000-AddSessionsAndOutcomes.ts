import { MigrationInterface, QueryRunner } from 'typeorm';

/** Mentoring sessions and START/END outcome ratings of matches (issue 6, the relationship). */
export class AddSessionsAndOutcomes1795679000000 implements MigrationInterface {
  name = 'AddSessionsAndOutcomes1795679000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_outcomes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "match_id" uuid NOT NULL, "stage" character varying(5) NOT NULL, "pathway" character varying(40) NOT NULL, "rating" smallint NOT NULL, "recorded_by" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_3cede3ac2dfb658e87c5528dc20" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1b2ed8befbec61a383956a1ad5" ON "match_outcomes"  ("stage", "recorded_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_match_outcomes_match_stage_pathway" ON "match_outcomes"  ("match_id", "stage", "pathway") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mentoring_sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "match_id" uuid NOT NULL, "date" date NOT NULL, "minutes" smallint NOT NULL, "pathways" text array NOT NULL, "note" character varying(2000), "logged_by" uuid NOT NULL, CONSTRAINT "PK_8ce3ec85cbac78813679b7c1f67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_592258caaf0cec94aa7bb2452b" ON "mentoring_sessions"  ("match_id", "date") `,
    );
    await queryRunner.query(
      `ALTER TABLE "match_outcomes" ADD CONSTRAINT "FK_772663699800355ee0f78ddc609" FOREIGN KEY ("match_id") REFERENCES "matches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mentoring_sessions" ADD CONSTRAINT "FK_5ed1e69428f20e809af525282ec" FOREIGN KEY ("match_id") REFERENCES "matches"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "mentoring_sessions" DROP CONSTRAINT "FK_5ed1e69428f20e809af525282ec"`,
    );
    await queryRunner.query(
      `ALTER TABLE "match_outcomes" DROP CONSTRAINT "FK_772663699800355ee0f78ddc609"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_592258caaf0cec94aa7bb2452b"`);
    await queryRunner.query(`DROP TABLE "mentoring_sessions"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_match_outcomes_match_stage_pathway"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1b2ed8befbec61a383956a1ad5"`);
    await queryRunner.query(`DROP TABLE "match_outcomes"`);
  }
}
