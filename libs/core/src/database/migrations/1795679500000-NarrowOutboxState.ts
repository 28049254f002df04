import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper notification delivery:
 * - where an outbox row stands moves to the narrow `notification_outbox_pending` row (deleted when
 *   finished), so relaying and finishing no longer rewrite the wide outbox row and its indexes;
 * - the in-app notification row is its own proof of delivery (unique per outbox row and person), so
 *   IN_APP rows in notification_deliveries go; that table keeps email and SMS;
 * - notifications keep no foreign key to the outbox: finished outbox rows are purged after a
 *   retention period, people's notifications stay.
 */
export class NarrowOutboxState1795679500000 implements MigrationInterface {
  name = 'NarrowOutboxState1795679500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "FK_25647b9aa150108580a3c2d00d3"`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification_outbox_pending" ("outbox_id" uuid NOT NULL, "round" smallint NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d23bef6b49440b4541cc07808f2" PRIMARY KEY ("outbox_id"))`,
    );
    // Work in progress carries over: unfinished rows, relayed or not.
    await queryRunner.query(
      `INSERT INTO "notification_outbox_pending" ("outbox_id", "round", "created_at", "relayed_at")
       SELECT "id", "round", "created_at", "relayed_at" FROM "notification_outbox" WHERE "completed_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_outbox_pending_unrelayed" ON "notification_outbox_pending"  ("created_at") WHERE relayed_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_outbox_pending" ADD CONSTRAINT "FK_d23bef6b49440b4541cc07808f2" FOREIGN KEY ("outbox_id") REFERENCES "notification_outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`DROP INDEX "public"."notification_outbox_unfinished"`);
    await queryRunner.query(`DROP INDEX "public"."notification_outbox_unrelayed"`);
    await queryRunner.query(`ALTER TABLE "notification_outbox" DROP COLUMN "relayed_at"`);
    await queryRunner.query(`ALTER TABLE "notification_outbox" DROP COLUMN "completed_at"`);
    await queryRunner.query(`DELETE FROM "notification_deliveries" WHERE "channel" = 'IN_APP'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "notification_deliveries" ("outbox_id", "user_id", "channel", "status", "delivered_at")
       SELECT n."outbox_id", n."user_id", 'IN_APP', 'DELIVERED', n."created_at"
       FROM "notifications" n JOIN "notification_outbox" o ON o."id" = n."outbox_id"
       ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_outbox" ADD "completed_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_outbox" ADD "relayed_at" TIMESTAMP WITH TIME ZONE`,
    );
    // Finished unless a pending row says otherwise.
    await queryRunner.query(
      `UPDATE "notification_outbox" SET "relayed_at" = "created_at", "completed_at" = "created_at"`,
    );
    await queryRunner.query(
      `UPDATE "notification_outbox" o SET "relayed_at" = p."relayed_at", "completed_at" = NULL
       FROM "notification_outbox_pending" p WHERE p."outbox_id" = o."id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_outbox_pending" DROP CONSTRAINT "FK_d23bef6b49440b4541cc07808f2"`,
    );
    await queryRunner.query(`DROP INDEX "public"."notification_outbox_pending_unrelayed"`);
    await queryRunner.query(`DROP TABLE "notification_outbox_pending"`);
    await queryRunner.query(
      `CREATE INDEX "notification_outbox_unrelayed" ON "notification_outbox" USING btree ("created_at") WHERE (relayed_at IS NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "notification_outbox_unfinished" ON "notification_outbox" USING btree ("relayed_at") WHERE ((relayed_at IS NOT NULL) AND (completed_at IS NULL))`,
    );
    // Notifications of purged outbox rows have nothing to point at: the key is not checked for them.
    await queryRunner.query(
      `ALTER TABLE "notifications" ADD CONSTRAINT "FK_25647b9aa150108580a3c2d00d3" FOREIGN KEY ("outbox_id") REFERENCES "notification_outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION NOT VALID`,
    );
  }
}
