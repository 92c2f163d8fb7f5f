import { Accounts1795253665997 } from './sqlite/1795253665997-accounts.js';
import { AuditScopes1795255052107 } from './sqlite/1795255052107-audit-scopes.js';
import { Initial1795252144808 } from './sqlite/1795252144808-initial.js';
import { RowVersions1795938266251 } from './sqlite/1795938266251-row-versions.js';
import { AdoptionWarnings1795990000000 as SqliteAdoptionWarnings } from './sqlite/1795990000000-adoption-warnings.js';
import { Initial1795937658284 } from './postgres/1795937658284-initial.js';
import { GermanText1795937658300 } from './postgres/1795937658300-german-text.js';
import { RowVersions1795940118859 } from './postgres/1795940118859-row-versions.js';
import { Figures1795939331972 } from './sqlite/1795939331972-figures.js';
import { Figures1795939343059 } from './postgres/1795939343059-figures.js';
import { AdoptionWarnings1795990000000 as PostgresAdoptionWarnings } from './postgres/1795990000000-adoption-warnings.js';
import { Meetings1795948576731 } from './sqlite/1795948576731-meetings.js';
import { Meetings1795948586885 } from './postgres/1795948586885-meetings.js';
import { MembershipEnd1795948662639 } from './sqlite/1795948662639-membership-end.js';
import { MembershipEnd1795948678934 } from './postgres/1795948678934-membership-end.js';
import { ReuseCatalogue1795948609876 } from './sqlite/1795948609876-reuse-catalogue.js';
import { ReuseCatalogue1795948623781 } from './postgres/1795948623781-reuse-catalogue.js';
import { KnowledgeEntries1795948946616 } from './sqlite/1795948946616-knowledge-entries.js';
import { SearchIndex1795949000000 } from './sqlite/1795949000000-search-index.js';
import { KnowledgeEntries1795948966490 } from './postgres/1795948966490-knowledge-entries.js';
import { SearchIndex1795949000000 as PostgresSearchIndex1795949000000 } from './postgres/1795949000000-search-index.js';
import { BatchAudit1795995000000 as SqliteBatchAudit } from './sqlite/1795995000000-batch-audit.js';
import { BatchAudit1795995000000 as PostgresBatchAudit } from './postgres/1795995000000-batch-audit.js';

type Migration = new () => object;

/** The timestamp TypeORM orders a migration by: the last 13 digits of its class name. */
export function timestampOf(migration: Migration): number {
  return Number(migration.name.slice(-13));
}

/**
 * Oldest first. TypeORM runs pending migrations in the order of their timestamps, whatever the order of
 * the list; sorting the list the same way makes its order the order they run in (migrations.integration-spec).
 */
function byTimestamp(migrations: Migration[]): Migration[] {
  return [...migrations].sort((a, b) => timestampOf(a) - timestampOf(b));
}
import { AdoptionCellsIndex1795991000000 as SqliteAdoptionCellsIndex } from './sqlite/1795991000000-adoption-cells-index.js';
import { AdoptionCellsIndex1795991000000 as PostgresAdoptionCellsIndex } from './postgres/1795991000000-adoption-cells-index.js';
import { SatisfactionSeriesFigures1796000000000 as SqliteSatisfactionSeriesFigures } from './sqlite/1796000000000-satisfaction-series-figures.js';
import { SatisfactionSeriesFigures1796000000000 as PostgresSatisfactionSeriesFigures } from './postgres/1796000000000-satisfaction-series-figures.js';
import { AdoptionHistoryOrder1796000000001 as SqliteAdoptionHistoryOrder } from './sqlite/1796000000001-adoption-history-order.js';
import { AdoptionHistoryOrder1796000000001 as PostgresAdoptionHistoryOrder } from './postgres/1796000000001-adoption-history-order.js';

/** SQLite migrations, oldest first; each runs in its own transaction. */
export const SQLITE_MIGRATIONS: Migration[] = byTimestamp([
  Initial1795252144808,
  Accounts1795253665997,
  AuditScopes1795255052107,
  RowVersions1795938266251,
  Figures1795939331972,
  SqliteAdoptionWarnings,
  Meetings1795948576731,
  MembershipEnd1795948662639,
  ReuseCatalogue1795948609876,
  KnowledgeEntries1795948946616,
  SearchIndex1795949000000,
  SqliteBatchAudit,
  SqliteAdoptionCellsIndex,
  SqliteSatisfactionSeriesFigures,
  SqliteAdoptionHistoryOrder,
]);

/** PostgreSQL migrations, oldest first; each runs in its own transaction. */
export const POSTGRES_MIGRATIONS: Migration[] = byTimestamp([
  Initial1795937658284,
  GermanText1795937658300,
  RowVersions1795940118859,
  Figures1795939343059,
  PostgresAdoptionWarnings,
  Meetings1795948586885,
  MembershipEnd1795948678934,
  ReuseCatalogue1795948623781,
  KnowledgeEntries1795948966490,
  PostgresSearchIndex1795949000000,
  PostgresBatchAudit,
  PostgresAdoptionCellsIndex,
  PostgresSatisfactionSeriesFigures,
  PostgresAdoptionHistoryOrder,
]);
