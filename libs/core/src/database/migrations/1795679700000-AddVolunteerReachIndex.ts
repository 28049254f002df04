import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mentor suggestions (mentor-candidates.sql.ts): an expression GiST index on the box around each
 * matchable in-person mentor's home that holds their travel radius (REACH_BOX; the expression here
 * must stay the same), and a partial covering index on the matchable mentors with room who work
 * remotely, per organisation. The entity declares both with `synchronize: false`, as TypeORM
 * describes neither an expression index nor INCLUDE.
 */
export class AddVolunteerReachIndex1795679700000 implements MigrationInterface {
  name = 'AddVolunteerReachIndex1795679700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "volunteer_profiles_reach" ON "volunteer_profiles" USING gist (ST_Expand(location::geometry, travel_radius_km::float8 / (111 * cos(radians(least(abs(ST_Y(location::geometry)) + travel_radius_km::float8 / 110, 89)))), travel_radius_km::float8 / 110)) WHERE 'IN_PERSON' = ANY(delivery_modes) AND status IN ('APPROVED', 'ACTIVE')`,
    );
    await queryRunner.query(
      `CREATE INDEX "volunteer_profiles_remote" ON "volunteer_profiles" ("organisation_id") INCLUDE ("id", "delivery_modes", "gender", "active_since", "pathways", "languages", "lived_experience", "max_mentees", "active_mentees", "location") WHERE status IN ('APPROVED', 'ACTIVE') AND active_mentees < max_mentees AND delivery_modes && ARRAY['PHONE', 'ONLINE']`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."volunteer_profiles_remote"`);
    await queryRunner.query(`DROP INDEX "public"."volunteer_profiles_reach"`);
  }
}
