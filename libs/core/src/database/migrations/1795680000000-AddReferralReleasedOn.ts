import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * referrals.released_on: the release date on which the referral became ACTIVE, kept when a departed
 * mentor sends it back to ACCEPTED, so the release stays history. Backfilled from the first
 * `referral.activated` audit event (which also finds released referrals that are ACCEPTED, MATCHED
 * or CLOSED now), and for ACTIVE ones from their release date. A CLOSED referral with no activation
 * was closed before release (its match ended while MATCHED) and stays null.
 */
export class AddReferralReleasedOn1795680000000 implements MigrationInterface {
  name = 'AddReferralReleasedOn1795680000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referrals" ADD "released_on" date`);
    await queryRunner.query(
      `UPDATE referrals r SET released_on = a.release_date
         FROM (SELECT DISTINCT ON (entity_id) entity_id, (details->>'releaseDate')::date AS release_date
                 FROM audit_events
                WHERE entity_type = 'referral' AND action = 'referral.activated'
                ORDER BY entity_id, created_at) a
        WHERE a.entity_id = r.id::text`,
    );
    await queryRunner.query(
      `UPDATE referrals SET released_on = release_date WHERE status = 'ACTIVE' AND released_on IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "referrals" DROP COLUMN "released_on"`);
  }
}
