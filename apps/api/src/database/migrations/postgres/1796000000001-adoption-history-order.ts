import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An adoption's history indexed in the order its state at a moment is read (by time, then id): the latest
 * row before a moment is found by a seek, where the index on the adoption alone sorted each adoption's rows.
 */
export class AdoptionHistoryOrder1796000000001 implements MigrationInterface {
  name = 'AdoptionHistoryOrder1796000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_adoption_recorded" ON "adoption_change"  ("adoptionId", "recordedAt", "id") ',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_adoption_change_adoption"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_change_adoption" ON "adoption_change"  ("adoptionId") ',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_adoption_change_adoption_recorded"');
  }
}
