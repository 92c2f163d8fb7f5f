import base from './jest.config.mjs';

/**
 * The integration tests once more on PostgreSQL (DATABASE_URL set by tools/pg/with-postgres.mjs), and the
 * tests only PostgreSQL deployments need (several API processes on one database). Unit tests do not touch a
 * database, and the SQLite-only migration that PostgreSQL's baseline already contains is not run.
 */
export default {
  ...base,
  displayName: 'api (PostgreSQL)',
  testMatch: ['<rootDir>/src/**/*.integration-spec.ts', '<rootDir>/src/**/*.postgres-spec.ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    // SQLite-only by design: migrations that PostgreSQL's baseline already contains, and the proof that
    // SQLite's one shared connection needs the write queue.
    '<rootDir>/src/database/audit-scopes-migration.integration-spec.ts',
    '<rootDir>/src/database/row-versions-migration.integration-spec.ts',
    '<rootDir>/src/database/transactions.integration-spec.ts',
    // SQLite's online backup (its test of the pg_dump advice for a postgres:// URL needs no server: SQLite run).
    '<rootDir>/src/database/backup.integration-spec.ts',
  ],
};
