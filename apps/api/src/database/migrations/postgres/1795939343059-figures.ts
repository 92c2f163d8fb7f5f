import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Figures1795939343059 implements MigrationInterface {
  name = 'Figures1795939343059';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "figure_live_adoption" ("cooperationId" integer NOT NULL, "month" character varying(7) NOT NULL, "memberSince" date NOT NULL, "adoptions" integer NOT NULL, CONSTRAINT "PK_a70cd374610068b6d547adb7e86" PRIMARY KEY ("cooperationId", "month", "memberSince"))',
    );
    await queryRunner.query(
      'CREATE TABLE "figure_project_state" ("cooperationId" integer NOT NULL, "month" character varying(7) NOT NULL, "kind" character varying(20) NOT NULL, "phase" character varying(20) NOT NULL, "health" character varying(10) NOT NULL, "projects" integer NOT NULL, CONSTRAINT "PK_20209d50e4cf405b9562c64bce7" PRIMARY KEY ("cooperationId", "month", "kind", "phase", "health"))',
    );
    await queryRunner.query(
      'CREATE TABLE "figure_satisfaction" ("cooperationId" integer NOT NULL, "month" character varying(7) NOT NULL, "memberSince" date NOT NULL, "ratingsCount" bigint NOT NULL, "weightedRating" double precision NOT NULL, "transactionsStarted" bigint NOT NULL, "transactionsCompleted" bigint NOT NULL, CONSTRAINT "PK_8dee45171f2dffada979a7242d3" PRIMARY KEY ("cooperationId", "month", "memberSince"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "figure_satisfaction"');
    await queryRunner.query('DROP TABLE "figure_project_state"');
    await queryRunner.query('DROP TABLE "figure_live_adoption"');
  }
}
