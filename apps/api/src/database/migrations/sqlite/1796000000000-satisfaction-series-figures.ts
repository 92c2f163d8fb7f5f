import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cooperation's satisfaction totals also keep what its monthly series needs (NPS, visits, and how many
 * recorded months know each figure). The table holds derived rows only: it is made anew, and the next start
 * rebuilds it from the raw rows (FIGURES_VERSION).
 */
export class SatisfactionSeriesFigures1796000000000 implements MigrationInterface {
  name = 'SatisfactionSeriesFigures1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "figure_satisfaction"');
    await queryRunner.query(
      'CREATE TABLE "figure_satisfaction" ("cooperationId" integer NOT NULL, "month" varchar(7) NOT NULL, "memberSince" date NOT NULL, "ratingsCount" bigint NOT NULL, "weightedRating" double precision NOT NULL, "transactionsStarted" bigint NOT NULL, "transactionsCompleted" bigint NOT NULL, "recordedMonths" integer NOT NULL, "npsRatings" bigint NOT NULL, "weightedNps" double precision NOT NULL, "transactionMonths" integer NOT NULL, "visits" bigint NOT NULL, "visitMonths" integer NOT NULL, PRIMARY KEY ("cooperationId", "month", "memberSince"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "figure_satisfaction"');
    await queryRunner.query(
      'CREATE TABLE "figure_satisfaction" ("cooperationId" integer NOT NULL, "month" varchar(7) NOT NULL, "memberSince" date NOT NULL, "ratingsCount" bigint NOT NULL, "weightedRating" double precision NOT NULL, "transactionsStarted" bigint NOT NULL, "transactionsCompleted" bigint NOT NULL, PRIMARY KEY ("cooperationId", "month", "memberSince"))',
    );
  }
}
