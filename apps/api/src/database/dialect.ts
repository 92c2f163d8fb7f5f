import type { DataSource, EntityManager } from 'typeorm';

/**
 * The few places where SQLite and PostgreSQL need different SQL, so that every query is written once.
 * German sorting and search need nothing here: both databases have `sort_key(text)` (SQLite: a function of
 * the connection; PostgreSQL: a migration), which folds case, diacritics and ß alike.
 */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** A parameter or expression used as an instant, where the database cannot infer its type (VALUES, CASE). */
  timestamp(expression: string): string;
  /** A parameter or expression used as an integer where the database cannot infer its type. */
  integer(expression: string): string;
  /** A parameter or expression used as text where the database cannot infer its type. */
  text(expression: string): string;
  /** A parameter or expression used as a calendar date (`YYYY-MM-DD`) where the database cannot infer its type. */
  date(expression: string): string;
  /** The month (`YYYY-MM`, UTC) of an instant column or expression. */
  month(instant: string): string;
  /** The month (`YYYY-MM`) of a calendar date column or expression. */
  monthOfDate(date: string): string;
  /** The boolean literal for `value`. */
  boolean(value: boolean): string;
  /** `INSERT … ON CONFLICT (keys) DO UPDATE SET column = excluded.column …` for the given columns. */
  upsert(
    table: string,
    columns: readonly string[],
    keys: readonly string[],
    update: readonly string[],
  ): string;
}

const quote = (name: string) => `"${name}"`;

function upsertSql(
  table: string,
  columns: readonly string[],
  keys: readonly string[],
  update: readonly string[],
) {
  const values = columns.map((column) => `:${column}`).join(', ');
  const set = update.map((column) => `${quote(column)} = excluded.${quote(column)}`).join(', ');
  return `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${values})
    ON CONFLICT (${keys.map(quote).join(', ')}) DO ${update.length > 0 ? `UPDATE SET ${set}` : 'NOTHING'}`;
}

const SQLITE: Dialect = {
  name: 'sqlite',
  // SQLite keeps instants as ISO text and compares them as text; its columns take any type.
  timestamp: (expression) => expression,
  integer: (expression) => expression,
  text: (expression) => expression,
  date: (expression) => expression,
  // Instants are stored as UTC text, `YYYY-MM-DD HH:MM:SS.SSS`.
  month: (instant) => `substr(${instant}, 1, 7)`,
  // Dates are stored as text, `YYYY-MM-DD`.
  monthOfDate: (date) => `substr(${date}, 1, 7)`,
  boolean: (value) => (value ? '1' : '0'),
  upsert: upsertSql,
};

const POSTGRES: Dialect = {
  name: 'postgres',
  timestamp: (expression) => `CAST(${expression} AS timestamptz)`,
  integer: (expression) => `CAST(${expression} AS integer)`,
  text: (expression) => `CAST(${expression} AS text)`,
  date: (expression) => `CAST(${expression} AS date)`,
  month: (instant) => `to_char(${instant} AT TIME ZONE 'UTC', 'YYYY-MM')`,
  monthOfDate: (date) => `to_char(${date}, 'YYYY-MM')`,
  boolean: (value) => (value ? 'TRUE' : 'FALSE'),
  upsert: upsertSql,
};

/** The dialect of the database behind a data source or a transaction's manager. */
export function dialectOf(db: DataSource | EntityManager): Dialect {
  const connection = 'driver' in db ? db : db.connection;
  return connection.options.type === 'postgres' ? POSTGRES : SQLITE;
}
