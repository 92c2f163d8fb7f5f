import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full-text index of the one search (search/search-index.ts): an FTS5 table whose rowid is the
 * document key and whose columns hold the stems made in JavaScript (german-words.ts). Written by hand:
 * TypeORM knows no virtual tables. The rows are filled at the next start (ensureSearchIndexCurrent).
 */
export class SearchIndex1795949000000 implements MigrationInterface {
  name = 'SearchIndex1795949000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "search_fts" USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "search_fts"');
  }
}
