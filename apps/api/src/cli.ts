import 'reflect-metadata';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { IMPORT_KINDS, IMPORT_MAX_BYTES, isImportKind, Role, USERNAME_PATTERN } from '@koop/domain';
import { AccountsService } from './accounts/index.js';
import { SYSTEM_ACTOR, type Actor } from './auth/index.js';
import { createApp } from './bootstrap.js';
import { loadConfig, type AppConfig } from './config/index.js';
import { backupDatabase } from './database/index.js';
import { dataSourceOptions, runMigrations } from './data-source.js';
import { rebuildFigures } from './figures/index.js';
import { ImportsService } from './imports/index.js';
import { rebuildSearchIndex } from './search/index.js';
import { SCHEMA_FILE, printAppSchema } from './graphql/index.js';

const MIGRATIONS_DIR = 'apps/api/src/database/migrations';

/** A configuration for throw-away work on an in-memory database. */
function scratchConfig(): AppConfig {
  return {
    ...loadConfig({}),
    database: { type: 'sqlite', file: ':memory:' },
    demoData: false,
    logLevel: 'warn',
  };
}

async function writeSchema(): Promise<void> {
  const app = await createApp(scratchConfig());
  try {
    await app.init();
    writeFileSync(SCHEMA_FILE, printAppSchema(app));
  } finally {
    await app.close();
  }
  process.stdout.write(`Wrote ${SCHEMA_FILE}\n`);
}

/**
 * Writes the migration that brings the existing migrations up to the entities. SQLite by default (in
 * memory); with a postgres:// DATABASE_URL (an empty scratch database) the PostgreSQL one.
 */
async function generateMigration(name: string | undefined): Promise<void> {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Usage: migration:generate <Name> (PascalCase, letters and digits)');
  }
  const target = loadConfig({ DATABASE_URL: process.env['DATABASE_URL'] ?? 'sqlite::memory:' }).database;
  const dialect = target.type === 'postgres' ? 'postgres' : 'sqlite';
  const dataSource = new DataSource(
    dataSourceOptions(target.type === 'postgres' ? target : { type: 'sqlite', file: ':memory:' }),
  );
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
    if (upQueries.length === 0) {
      process.stdout.write('The migrations already match the entities; nothing to generate.\n');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const lines = (queries: { query: string }[]) =>
      queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)});`).join('\n');
    const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
    const file = `${MIGRATIONS_DIR}/${dialect}/${timestamp}-${kebab}.ts`;
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines([...downQueries].reverse())}
  }
}
`,
    );
    process.stdout.write(`Wrote ${file}; add ${className} to migrations/index.ts (${dialect}).\n`);
  } finally {
    await dataSource.destroy();
  }
}

/** Deletes the SQLite database and loads the demo into a fresh one. */
async function resetDemo(): Promise<void> {
  const config = loadConfig(process.env);
  if (config.database.type !== 'sqlite') {
    throw new Error('demo:reset works on the embedded SQLite database only; DATABASE_URL names another.');
  }
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(`${config.database.file}${suffix}`, { force: true });
  }
  const app = await createApp({ ...config, demoData: true });
  await app.close();
  process.stdout.write(`Reset ${config.database.file} and loaded the demo data.\n`);
}

/**
 * Creates an administrator with a one-time initial password, printed once on stdout; it must be changed at
 * the first sign-in. Production has no default accounts: this is how the first one comes to be.
 */
async function createAdmin(typed: string | undefined): Promise<void> {
  // Lower-cased as sign-in folds it: "Anna.Berg" signs in as anna.berg.
  const username = typed?.trim().toLowerCase();
  if (!username || !USERNAME_PATTERN.test(username)) {
    throw new Error(
      'Usage: account:create-admin <username> (3–60 lower-case letters, digits, dots, hyphens or underscores)',
    );
  }
  const config = loadConfig(process.env);
  const app = await createApp({ ...config, demoData: false, logLevel: 'warn' });
  try {
    const { initialPassword } = await app
      .get(AccountsService)
      .create(SYSTEM_ACTOR, { username, displayName: username, roles: [{ role: Role.ADMIN }] });
    process.stdout.write(
      `Created the administrator ${username}. Initial password (shown only now, to be changed at the first sign-in):\n${initialPassword}\n`,
    );
  } finally {
    await app.close();
  }
}

/**
 * Copies the database of DATABASE_URL into a new file, consistently, while the server runs and writes.
 * On PostgreSQL it says how to use pg_dump and fails: that is PostgreSQL's job.
 */
async function backup(file: string | undefined): Promise<void> {
  if (!file) {
    throw new Error(
      'Usage: db:backup <file> (a new file; DATABASE_URL names the database, as for the server)',
    );
  }
  const { database } = loadConfig(process.env);
  const result = await backupDatabase(database, file);
  process.stdout.write(
    `Backed up ${database.type === 'sqlite' ? database.file : 'the database'} to ${result.file}: ${result.pages} pages, ${result.bytes} bytes, integrity ok.\n`,
  );
}

/**
 * Recomputes every summary figure from the raw rows, on the database of DATABASE_URL (migrated first, as the
 * server would): after a restore, or after rows were loaded or edited outside the product.
 */
async function rebuildFiguresCommand(): Promise<void> {
  const config = loadConfig(process.env);
  const dataSource = new DataSource(dataSourceOptions(config.database));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource);
    const started = performance.now();
    await rebuildFigures(dataSource);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Rebuilt the summary figures from the raw rows in ${seconds} s.\n`);
    const indexStarted = performance.now();
    await rebuildSearchIndex(dataSource);
    const indexSeconds = ((performance.now() - indexStarted) / 1000).toFixed(1);
    process.stdout.write(`Rebuilt the search index from the rows in ${indexSeconds} s.\n`);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Who a CLI import is: the system, as an administrator, named `cli-import` in the audit log (the CLI runs
 * with the database's own credentials, so no account of the product signs it).
 */
const CLI_IMPORT_ACTOR: Actor = { ...SYSTEM_ACTOR, username: 'cli-import' };

/**
 * `import <adoptions|satisfaction> <file> --cooperation <id> [--dry-run]`: the import of POST /imports on
 * the database of DATABASE_URL. Prints the summary, or every error with its row and column and exits 1.
 */
async function importFile(...args: string[]): Promise<void> {
  const usage = `Usage: import <${IMPORT_KINDS.join('|')}> <file> --cooperation <id> [--dry-run]`;
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { cooperation: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${usage}`, { cause: error });
  }
  const [kind, file] = parsed.positionals;
  const cooperationId = parsed.values.cooperation;
  if (!kind || !isImportKind(kind) || !file || !cooperationId || parsed.positionals.length > 2) {
    throw new Error(usage);
  }
  const content = readFileSync(file);
  if (content.length > IMPORT_MAX_BYTES) {
    throw new Error(
      `${file} is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB, the most one import takes.`,
    );
  }
  const config = loadConfig(process.env);
  const app = await createApp({ ...config, demoData: false, logLevel: 'warn' });
  try {
    const dryRun = parsed.values['dry-run'];
    const result = await app
      .get(ImportsService)
      .import(CLI_IMPORT_ACTOR, { kind, cooperationId, content, fileName: basename(file), dryRun });
    if (result.errors.length > 0) {
      for (const error of result.errors) {
        process.stderr.write(
          error.row === 0
            ? `${file}: ${error.message}\n`
            : `${file}: row ${error.row}, column ${error.column}: ${error.message}\n`,
        );
      }
      throw new Error(`${result.errors.length} error(s) in ${result.rows} rows; nothing was written.`);
    }
    process.stdout.write(
      dryRun
        ? `Checked ${file} (dry run, nothing written): ${result.rows} rows; would create ${result.created}, change ${result.changed}, leave ${result.unchanged} unchanged.\n`
        : `Imported ${file}: ${result.rows} rows; ${result.created} created, ${result.changed} changed, ${result.unchanged} unchanged.\n`,
    );
  } finally {
    await app.close();
  }
}

const commands: Record<string, (...args: string[]) => Promise<void>> = {
  'account:create-admin': createAdmin,
  'schema:write': writeSchema,
  'migration:generate': generateMigration,
  'demo:reset': resetDemo,
  'db:backup': backup,
  'db:rebuild-figures': rebuildFiguresCommand,
  import: importFile,
};

const [command, ...args] = process.argv.slice(2);
const run = command ? commands[command] : undefined;
if (!run) {
  process.stderr.write(`Usage: cli <${Object.keys(commands).join('|')}>\n`);
  process.exit(2);
} else {
  run(...args).then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
