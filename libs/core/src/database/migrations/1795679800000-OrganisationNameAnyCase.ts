import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation names are unique in any case ("Foo" and "foo" are one charity): the unique index is
 * on lower(name) instead of name, so the database itself refuses a second one, whoever inserts it.
 * Fails, naming the duplicate, if two names already differ only in case: merge them first.
 */
export class OrganisationNameAnyCase1795679800000 implements MigrationInterface {
  name = 'OrganisationNameAnyCase1795679800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisations_name_lower" ON "organisations" (lower("name"))`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_4a3dcb66f1630f551b81bca1b3"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4a3dcb66f1630f551b81bca1b3" ON "organisations" ("name")`,
    );
    await queryRunner.query(`DROP INDEX "public"."organisations_name_lower"`);
  }
}
