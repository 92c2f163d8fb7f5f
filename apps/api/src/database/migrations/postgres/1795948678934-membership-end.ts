import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipEnd1795948678934 implements MigrationInterface {
  name = 'MembershipEnd1795948678934';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "membership" ADD "endedOn" date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "membership" DROP COLUMN "endedOn"');
  }
}
