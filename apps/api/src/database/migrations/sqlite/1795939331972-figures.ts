import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Figures1795939331972 implements MigrationInterface {
  name = 'Figures1795939331972';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "figure_live_adoption" ("cooperationId" integer NOT NULL, "month" varchar(7) NOT NULL, "memberSince" date NOT NULL, "adoptions" integer NOT NULL, PRIMARY KEY ("cooperationId", "month", "memberSince"))',
    );
    await queryRunner.query(
      'CREATE TABLE "figure_project_state" ("cooperationId" integer NOT NULL, "month" varchar(7) NOT NULL, "kind" varchar(20) NOT NULL, "phase" varchar(20) NOT NULL, "health" varchar(10) NOT NULL, "projects" integer NOT NULL, PRIMARY KEY ("cooperationId", "month", "kind", "phase", "health"))',
    );
    await queryRunner.query(
      'CREATE TABLE "figure_satisfaction" ("cooperationId" integer NOT NULL, "month" varchar(7) NOT NULL, "memberSince" date NOT NULL, "ratingsCount" bigint NOT NULL, "weightedRating" double precision NOT NULL, "transactionsStarted" bigint NOT NULL, "transactionsCompleted" bigint NOT NULL, PRIMARY KEY ("cooperationId", "month", "memberSince"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "figure_satisfaction"');
    await queryRunner.query('DROP TABLE "figure_project_state"');
    await queryRunner.query('DROP TABLE "figure_live_adoption"');
  }
}
