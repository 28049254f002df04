import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795671612577 implements MigrationInterface {
  name = 'InitialSchema1795671612577';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_user_id" uuid, "action" character varying(80) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(64) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_42f49cbb3e259a4c89534994b0" ON "audit_events"  ("entity_type", "entity_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "local_authorities" ("gss_code" character varying(9) NOT NULL, "name" character varying(120) NOT NULL, "region" character varying(60) NOT NULL, "nation" character varying(30) NOT NULL, "lower_or_unitary" boolean NOT NULL, "location" geography(Point,4326), CONSTRAINT "PK_5cae6666b6129e5de8d51260a55" PRIMARY KEY ("gss_code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "charity_number" character varying(20), "specialisms" text array NOT NULL DEFAULT '{}', "dbs_recheck_years" smallint NOT NULL DEFAULT '3', CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4a3dcb66f1630f551b81bca1b3" ON "organisations"  ("name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "prisons" ("code" character varying(6) NOT NULL, "name" character varying(120) NOT NULL, "active" boolean NOT NULL, "male" boolean NOT NULL, "female" boolean NOT NULL, "outcode" character varying(4), "location" geography(Point,4326), CONSTRAINT "PK_aa1691a56ee3fa610a73a356de6" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "password_hash" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "organisation_id" uuid, "prison_code" character varying(6), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users"  ("email") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a154d523c4ffc3cb22d2bd2b35" ON "users"  ("role", "organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outcodes" ("outcode" character varying(4) NOT NULL, "location" geography(Point,4326) NOT NULL, "local_authority_code" character varying(9), CONSTRAINT "PK_335b29e27809e7e2974cb36d6f0" PRIMARY KEY ("outcode"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_299592e3b4e79366adff51f5a0" ON "outcodes" USING gist ("location") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_38bc5c5678b39a82dbbaf78809" ON "outcodes"  ("local_authority_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "volunteer_profiles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "organisation_id" uuid, "display_name" character varying(120) NOT NULL, "status" character varying(12) NOT NULL DEFAULT 'APPLIED', "status_reason" character varying(500), "outcode" character varying(4) NOT NULL, "location" geography(Point,4326) NOT NULL, "travel_radius_km" real NOT NULL, "gender" character varying(12) NOT NULL, "languages" text array NOT NULL DEFAULT '{}', "pathways" text array NOT NULL DEFAULT '{}', "lived_experience" boolean NOT NULL, "delivery_modes" text array NOT NULL DEFAULT '{}', "max_mentees" smallint NOT NULL, "active_mentees" smallint NOT NULL DEFAULT '0', "active_since" TIMESTAMP WITH TIME ZONE, CONSTRAINT "REL_6b24be7781c877010169534aa3" UNIQUE ("user_id"), CONSTRAINT "PK_01b274d2ec8a3a044a54819ef6f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6b24be7781c877010169534aa3" ON "volunteer_profiles"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_b0c024a5a544553e52d1715310" ON "volunteer_profiles" USING gist ("location") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_843325adcc56839ec83e0cf80f" ON "volunteer_profiles"  ("created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f212abe542dc0d202e96525d14" ON "volunteer_profiles"  ("organisation_id", "created_at", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0bbbdda8ee609523cd5b219c8e" ON "volunteer_profiles"  ("organisation_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_65e0e7f0c9e8087e75062011b0b" FOREIGN KEY ("prison_code") REFERENCES "prisons"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcodes" ADD CONSTRAINT "FK_38bc5c5678b39a82dbbaf78809c" FOREIGN KEY ("local_authority_code") REFERENCES "local_authorities"("gss_code") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "FK_6b24be7781c877010169534aa31" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_profiles" ADD CONSTRAINT "FK_f1065b9fec2028392afa2462193" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "volunteer_profiles" DROP CONSTRAINT "FK_f1065b9fec2028392afa2462193"`,
    );
    await queryRunner.query(
      `ALTER TABLE "volunteer_profiles" DROP CONSTRAINT "FK_6b24be7781c877010169534aa31"`,
    );
    await queryRunner.query(
      `ALTER TABLE "outcodes" DROP CONSTRAINT "FK_38bc5c5678b39a82dbbaf78809c"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_65e0e7f0c9e8087e75062011b0b"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_2fc4294f8ec97da71d587dc5577"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0bbbdda8ee609523cd5b219c8e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f212abe542dc0d202e96525d14"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_843325adcc56839ec83e0cf80f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b0c024a5a544553e52d1715310"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6b24be7781c877010169534aa3"`);
    await queryRunner.query(`DROP TABLE "volunteer_profiles"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_38bc5c5678b39a82dbbaf78809"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_299592e3b4e79366adff51f5a0"`);
    await queryRunner.query(`DROP TABLE "outcodes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a154d523c4ffc3cb22d2bd2b35"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "prisons"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4a3dcb66f1630f551b81bca1b3"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP TABLE "local_authorities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_42f49cbb3e259a4c89534994b0"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
