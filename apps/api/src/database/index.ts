// The database feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
export { AUDIT_WRITER, auditScopes, type AuditRecord } from './audit-writer.js';
export { backupDatabase } from './backup.js';
export { ChangeEvents, type ChangeEvent } from './change-events.js';
export { TIMESTAMP } from './column-types.js';
export { VersionedCache, dataVersion } from './data-version.js';
export { dialectOf, type Dialect } from './dialect.js';
export { columnsOf, insertRows, rowsParameters, rowsTable } from './json-rows.js';
export { POSTGRES_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations/index.js';
export { namedQuery } from './named-query.js';
export { Reads, ReadsModule } from './reads.js';
export { SQLITE_TUNING, sortKey } from './sqlite-settings.js';
export {
  Writes,
  WritesModule,
  byRoleAlone,
  rowOf,
  type BatchCounts,
  type Keyed,
  type Permission,
  type PlannedChange,
  type RowRef,
  type UpsertSpec,
  type WriteUnit,
} from './write-path.js';
