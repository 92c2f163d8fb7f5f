import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AdoptionCellsIndex1795991000000 implements MigrationInterface {
  name = 'AdoptionCellsIndex1795991000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_adoption_city"');
    await queryRunner.query(
      'CREATE INDEX "IDX_adoption_city_cells" ON "adoption"  ("cityId", "projectId", "stage", "maturityModel", "maturityLevel") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_adoption_city_cells"');
    await queryRunner.query('CREATE INDEX "IDX_adoption_city" ON "adoption" USING btree ("cityId") ');
  }
}
