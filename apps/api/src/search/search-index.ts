import type { DataSource, EntityManager } from 'typeorm';
import { dialectOf, namedQuery } from '../database/index.js';
import { AppSetting } from '../reference/index.js';
import { foldedText, stemmedText } from './german-words.js';
import { CLEAR_POSTGRES_INDEX, CLEAR_SQLITE_INDEX, OPTIMIZE_SQLITE_INDEX } from './search.queries.js';
import { documentKey, SearchKind } from './search-kinds.js';
import { SOURCES, type SearchDocument } from './search-sources.js';

/*
 * The write side of the search index. `indexDocument` is called once per write, inside the write's
 * transaction, right after the row changed (as the summary figures are kept): a search that runs after the
 * commit finds the change, and a write that fails leaves the index as it was. Rows loaded outside the
 * product (the demo, a bulk load) are indexed by `rebuildSearchIndex`.
 *
 * SQLite: an FTS5 table `search_fts` (title, body) whose rowid is the document key, holding the stems made
 * in german-words.ts. PostgreSQL: `search_document` (id = the document key, vector = tsvector of the German
 * configuration over the folded text, title weighted A, body B; titleVector = the title's alone), each with a
 * GIN index.
 */

/** The kinds and the way they are indexed; when this changes, the start rebuilds the index. */
const INDEX_VERSION = `2:${Object.values(SearchKind).join(',')}`;
const INDEX_SETTING = 'search_index_version';

/** Rows per INSERT of a rebuild: well below SQLite's and PostgreSQL's parameter limits. */
const BATCH = 400;

/** Puts a row's current title and text into the index, replacing what it held for that row. */
export async function indexDocument(manager: EntityManager, document: SearchDocument): Promise<void> {
  await insertDocuments(manager, [document], true);
}

async function insertDocuments(
  manager: EntityManager,
  documents: readonly SearchDocument[],
  replace: boolean,
): Promise<void> {
  if (documents.length === 0) return;
  const parameters: Record<string, unknown> = {};
  const rows = documents.map((document, i) => {
    parameters[`key${i}`] = documentKey(document.kind, document.id);
    return i;
  });
  if (dialectOf(manager).name === 'postgres') {
    const values = rows.map((i) => {
      parameters[`title${i}`] = foldedText(documents[i].indexedTitle ?? documents[i].title);
      parameters[`text${i}`] = foldedText(documents[i].text);
      return `(:key${i}, setweight(to_tsvector('german', :title${i}), 'A') || setweight(to_tsvector('german', :text${i}), 'B'), to_tsvector('german', :title${i}))`;
    });
    await namedQuery(
      manager,
      `INSERT INTO search_document (id, vector, "titleVector") VALUES ${values.join(', ')}
       ON CONFLICT (id) DO UPDATE SET vector = excluded.vector, "titleVector" = excluded."titleVector"`,
      parameters,
    );
    return;
  }
  if (replace) {
    await namedQuery(
      manager,
      `DELETE FROM search_fts WHERE rowid IN (${rows.map((i) => `:key${i}`).join(', ')})`,
      parameters,
    );
  }
  const values = rows.map((i) => {
    parameters[`title${i}`] = stemmedText(documents[i].indexedTitle ?? documents[i].title);
    parameters[`text${i}`] = stemmedText(documents[i].text);
    return `(:key${i}, :title${i}, :text${i})`;
  });
  await namedQuery(
    manager,
    `INSERT INTO search_fts (rowid, title, body) VALUES ${values.join(', ')}`,
    parameters,
  );
}

/** Indexes every row of every kind anew: after a bulk load, a restore, or a change of the index itself. */
export async function rebuildSearchIndex(db: DataSource | EntityManager): Promise<void> {
  if ('driver' in db) {
    // Maintenance outside a running app (the CLI, a bulk load): no request writes beside it.
    // eslint-disable-next-line no-restricted-syntax
    await db.transaction((manager) => rebuildSearchIndex(manager));
    return;
  }
  const manager = db;
  const postgres = dialectOf(manager).name === 'postgres';
  await manager.query(postgres ? CLEAR_POSTGRES_INDEX : CLEAR_SQLITE_INDEX);
  for (const source of Object.values(SOURCES)) {
    const documents = await source.read(manager);
    for (let start = 0; start < documents.length; start += BATCH) {
      await insertDocuments(manager, documents.slice(start, start + BATCH), false);
    }
  }
  if (!postgres) {
    // Merges the segments the batches left, so that the first searches do not pay for it.
    await manager.query(OPTIMIZE_SQLITE_INDEX);
  }
  await manager.upsert(AppSetting, { key: INDEX_SETTING, value: INDEX_VERSION }, ['key']);
}

/** At the start: rebuilds the index when it was built for other kinds or another way (or never). */
export async function ensureSearchIndexCurrent(dataSource: DataSource): Promise<boolean> {
  // At the start, before the app takes requests: nothing else writes yet.
  // eslint-disable-next-line no-restricted-syntax
  return dataSource.transaction(async (manager) => {
    const setting = await manager.findOneBy(AppSetting, { key: INDEX_SETTING });
    if (setting?.value === INDEX_VERSION) {
      return false;
    }
    await rebuildSearchIndex(manager);
    return true;
  });
}
