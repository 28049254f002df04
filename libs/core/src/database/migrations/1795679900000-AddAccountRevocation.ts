import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts can be disabled and their tokens revoked: a token carries the token_version it was
 * signed with and is accepted only while it equals the user's (bumped by disableUser and
 * signOutEverywhere); disabled_at set means no sign-in and no request.
 */
export class AddAccountRevocation1795679900000 implements MigrationInterface {
  name = 'AddAccountRevocation1795679900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "users" ADD "disabled_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "disabled_at"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
