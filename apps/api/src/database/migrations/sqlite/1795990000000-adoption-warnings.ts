import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeps with each state of an adoption the warnings the API gave when it was recorded (a LIVE adoption of
 * a service whose project is not live), so that its history says so. Earlier states had none.
 */
export class AdoptionWarnings1795990000000 implements MigrationInterface {
  name = 'AdoptionWarnings1795990000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "adoption_change" ADD COLUMN "warnings" text');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "adoption_change" DROP COLUMN "warnings"');
  }
}
