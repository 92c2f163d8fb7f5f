import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full-text index of the one search (search/search-index.ts): one row per document key with the
 * tsvector of the German configuration (title weighted A, text B) and a GIN index for `@@`. Written by
 * hand: the table has no entity (TypeORM would otherwise try to manage the tsvector columns). The rows are
 * filled at the next start (ensureSearchIndexCurrent).
 */
export class SearchIndex1795949000000 implements MigrationInterface {
  name = 'SearchIndex1795949000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "search_document" ("id" bigint PRIMARY KEY, "vector" tsvector NOT NULL, "titleVector" tsvector NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_search_document_vector" ON "search_document" USING gin ("vector")',
    );
    // Titles alone, so that a word found in thousands of texts is ranked among the few titles first.
    await queryRunner.query(
      'CREATE INDEX "IDX_search_document_title" ON "search_document" USING gin ("titleVector")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "search_document"');
  }
}
