/*
 * The search's SQL, one statement per database and tier. Both return the document key and a score where
 * higher is better, best first, ties by key so that equal scores come back in one order. The first tier
 * asks the titles alone (a small index: fast even for a word in every text); the second, run only when the
 * titles gave fewer hits than asked for, asks titles and texts together.
 */

/** SQLite FTS5: bm25 with the title weighing ten times the body (bm25 is lower for better matches). */
export const SQLITE_SEARCH = `
  SELECT rowid AS "key", -bm25(search_fts, 10.0, 1.0) AS score
  FROM search_fts
  WHERE search_fts MATCH :match
  ORDER BY bm25(search_fts, 10.0, 1.0), rowid
  LIMIT :limit`;

/** An FTS5 query restricted to the title column. */
export function sqliteTitleMatch(match: string): string {
  return `{title} : (${match})`;
}

/**
 * PostgreSQL: the German configuration stems the folded query words; ts_rank weighs the title (A) 1.0 and the
 * body (B) 0.4, as the weights default.
 */
export const POSTGRES_SEARCH = `
  SELECT d.id AS "key", ts_rank(d.vector, q.query) AS score
  FROM search_document d, (SELECT to_tsquery('german', :tsquery) AS query) q
  WHERE d.vector @@ q.query
  ORDER BY score DESC, d.id
  LIMIT :limit`;

/** PostgreSQL, titles alone: their own tsvector and GIN index. */
export const POSTGRES_TITLE_SEARCH = `
  SELECT d.id AS "key", ts_rank(d."titleVector", q.query) AS score
  FROM search_document d, (SELECT to_tsquery('german', :tsquery) AS query) q
  WHERE d."titleVector" @@ q.query
  ORDER BY score DESC, d.id
  LIMIT :limit`;

/** Empties the index before a rebuild: PostgreSQL's table of vectors, SQLite's FTS5 table. */
export const CLEAR_POSTGRES_INDEX = 'DELETE FROM search_document';
export const CLEAR_SQLITE_INDEX = 'DELETE FROM search_fts';

/** Merges the FTS5 segments that a rebuild's batches left. */
export const OPTIMIZE_SQLITE_INDEX = "INSERT INTO search_fts (search_fts) VALUES ('optimize')";
