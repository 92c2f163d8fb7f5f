import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RowVersions1795940118859 implements MigrationInterface {
  name = 'RowVersions1795940118859';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "city" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "cooperation" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "membership" ADD "version" integer NOT NULL DEFAULT \'1\'');
    await queryRunner.query('ALTER TABLE "milestone" ADD "version" integer NOT NULL DEFAULT \'1\'');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "milestone" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "membership" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "cooperation" DROP COLUMN "version"');
    await queryRunner.query('ALTER TABLE "city" DROP COLUMN "version"');
  }
}
