import type { MigrationInterface, QueryRunner } from 'typeorm';

/** See the SQLite migration of the same name: the warnings given when each state of an adoption was recorded. */
export class AdoptionWarnings1795990000000 implements MigrationInterface {
  name = 'AdoptionWarnings1795990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "adoption_change" ADD "warnings" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "adoption_change" DROP COLUMN "warnings"');
  }
}
