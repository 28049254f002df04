import { MigrationInterface, QueryRunner } from 'typeorm';

/** PostGIS for geography points and spatial indexes; must exist before any table uses it. */
export class CreatePostgis1764136800000 implements MigrationInterface {
  name = 'CreatePostgis1764136800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS postgis');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS postgis');
  }
}
