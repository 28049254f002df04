import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddNotifications1795672509055 implements MigrationInterface {
  name = 'AddNotifications1795672509055';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "notification_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(60) NOT NULL, "recipients" jsonb NOT NULL, "data" jsonb NOT NULL DEFAULT '{}', "dedupe_key" character varying(200), "round" smallint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_83d47c7dba1da2d038749fe757e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_outbox_dedupe_key" ON "notification_outbox"  ("dedupe_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_outbox_unfinished" ON "notification_outbox"  ("relayed_at") WHERE relayed_at IS NOT NULL AND completed_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_outbox_unrelayed" ON "notification_outbox"  ("created_at") WHERE relayed_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outbox_id" uuid NOT NULL, "user_id" uuid NOT NULL, "channel" character varying(10) NOT NULL, "status" character varying(10) NOT NULL, "failures" smallint NOT NULL DEFAULT '0', "last_error" character varying(500), "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_deliveries_failed" ON "notification_deliveries"  ("updated_at", "id") WHERE status = 'FAILED'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notification_deliveries_once" ON "notification_deliveries"  ("outbox_id", "user_id", "channel") `,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "email_enabled" boolean NOT NULL DEFAULT true, "sms_enabled" boolean NOT NULL DEFAULT false, "phone_number" character varying(16), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "outbox_id" uuid NOT NULL, "kind" character varying(60) NOT NULL, "subject" character varying(200) NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "notifications_user_created" ON "notifications"  ("user_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "notifications_outbox_user" ON "notifications"  ("outbox_id", "user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_17dbd1c18c30120c25e9f55c6d6" FOREIGN KEY ("outbox_id") REFERENCES "notification_outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" ADD CONSTRAINT "FK_9fcd0b72070848cc484af6bc1ea" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_25647b9aa150108580a3c2d00d3" FOREIGN KEY ("outbox_id") REFERENCES "notification_outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_25647b9aa150108580a3c2d00d3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_64c90edc7310c6be7c10c96f675"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_9fcd0b72070848cc484af6bc1ea"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_deliveries" DROP CONSTRAINT "FK_17dbd1c18c30120c25e9f55c6d6"`,
    );
    await queryRunner.query(`DROP INDEX "public"."notifications_outbox_user"`);
    await queryRunner.query(`DROP INDEX "public"."notifications_user_created"`);
    await queryRunner.query(`DROP TABLE "notifications"`);
    await queryRunner.query(`DROP TABLE "notification_preferences"`);
    await queryRunner.query(`DROP INDEX "public"."notification_deliveries_once"`);
    await queryRunner.query(`DROP INDEX "public"."notification_deliveries_failed"`);
    await queryRunner.query(`DROP TABLE "notification_deliveries"`);
    await queryRunner.query(`DROP INDEX "public"."notification_outbox_unrelayed"`);
    await queryRunner.query(`DROP INDEX "public"."notification_outbox_unfinished"`);
    await queryRunner.query(`DROP INDEX "public"."notification_outbox_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "notification_outbox"`);
  }
}
