// Fills an empty database with a scale tier of deterministic data (fixed seed), for benchmarks:
//
//   npm run scale:generate -- --tier <demo|bavaria|germany> --database <DATABASE_URL>
//        [--password <bench-admin's password>] [--today YYYY-MM-DD] [--force] [--dry-run]
//
// The schema comes from the application's own migrations (the built API boots once on the database, without
// demo data) and so does the one account, `bench-admin` (an administrator, created through AccountsService,
// without a forced password change). The rows are then bulk-inserted in one transaction and the database is
// analysed (afterBulkLoad). The same tier, seed and --today give the same rows.
import 'reflect-metadata';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { emptyDatabase, isEmptyDatabase, openDatabase, parseDatabaseUrl } from '../lib/database.mjs';
import { ROOT } from '../lib/server.mjs';
import { COLUMNS, dayFromIso, generateRows, NUMBERED_TABLES, PARENTS } from './rows.mjs';
import { BENCH_ADMIN, DEFAULT_PASSWORD, TIERS } from './tiers.mjs';

const DIST = join(ROOT, 'dist/apps/api/apps/api/src');

function usage(message) {
  process.stderr.write(
    `${message}\nUsage: npm run scale:generate -- --tier <${Object.keys(TIERS).join('|')}> --database <sqlite:file|postgres://…> [--password …] [--today YYYY-MM-DD] [--force] [--dry-run]\n`,
  );
  process.exit(2);
}

function options() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        tier: { type: 'string' },
        database: { type: 'string' },
        password: { type: 'string', default: DEFAULT_PASSWORD },
        today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    usage(error.message);
  }
  if (!values.tier || !(values.tier in TIERS))
    usage(`--tier: must be one of ${Object.keys(TIERS).join(', ')}`);
  if (!values['dry-run']) {
    if (!values.database) usage('--database: is required (sqlite:<file> or a postgres:// URL)');
    try {
      parseDatabaseUrl(values.database);
    } catch (error) {
      usage(error.message);
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || Number.isNaN(Date.parse(values.today))) {
    usage('--today: must be a date YYYY-MM-DD');
  }
  if (values.password.length < 12) usage('--password: must have at least 12 characters');
  return values;
}

/** Applies the migrations by booting the built API once, and creates bench-admin through the app. */
async function createSchemaAndAdmin(url, password) {
  if (!existsSync(join(DIST, 'bootstrap.js'))) {
    throw new Error(
      'The API is not built: run `npx nx run api:build` (npm run scale:generate does it first).',
    );
  }
  // The entities choose their column types from DATABASE_URL when they are first imported.
  process.env.DATABASE_URL = url;
  const { createApp } = await import(join(DIST, 'bootstrap.js'));
  const { loadConfig } = await import(join(DIST, 'config/config.js'));
  const { AccountsService } = await import(join(DIST, 'accounts/accounts.service.js'));
  const { SYSTEM_ACTOR } = await import(join(DIST, 'auth/actor.js'));
  const config = loadConfig({
    DATABASE_URL: url,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  });
  const app = await createApp(config);
  try {
    await app
      .get(AccountsService)
      .create(
        SYSTEM_ACTOR,
        { username: BENCH_ADMIN, displayName: 'Benchmark-Administrator', roles: [{ role: 'ADMIN' }] },
        { password, mustChangePassword: false },
      );
  } finally {
    await app.close();
  }
}

/**
 * Everything that must happen after rows were bulk-inserted behind the application's back: PostgreSQL's
 * id sequences moved past the ids the generator gave, and fresh statistics for the query planner.
 */
async function afterBulkLoad(db) {
  if (db.type === 'postgres') {
    for (const table of NUMBERED_TABLES) {
      await db.query(
        `SELECT setval(pg_get_serial_sequence(:table, 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM "${table}"), false)`,
        { table: `"${table}"` },
      );
    }
  }
  await db.exec('ANALYZE');
}

/** A sink that only counts: --dry-run shows the sizes of a tier without a database. */
function countingSink() {
  const counts = Object.fromEntries(Object.keys(COLUMNS).map((table) => [table, 0]));
  return {
    counts,
    sink: {
      put: (table) => void (counts[table] += 1),
      flush: () => undefined,
      stamp: (day, minutes) => day * 1440 + minutes,
      bool: Boolean,
    },
  };
}

async function bulkLoad(url, tier, today) {
  const db = await openDatabase(url);
  try {
    await db.prepareBulkLoad();
    const writers = {};
    // Parents first: a child's writer writes its parent's pending rows before its own.
    for (const [table, columns] of Object.entries(COLUMNS)) {
      writers[table] = await db.writer(table, columns, PARENTS[table] ? writers[PARENTS[table]] : null);
    }
    const flushAll = async () => {
      for (const writer of Object.values(writers)) await writer.flush();
    };
    await db.begin();
    try {
      // Building an index once from sorted keys is much faster than growing it by millions of random
      // inserts: the big tables' secondary indexes are dropped here and created again, identical, below.
      const indexes = await db.secondaryIndexes(BULK_TABLES);
      for (const index of indexes) await db.exec(`DROP INDEX "${index.name}"`);
      await generateRows(tier, today, {
        put: (table, row) => writers[table].add(row),
        flush: flushAll,
        stamp: (day, minutes) => db.stamp(day, minutes),
        bool: (value) => db.bool(value),
      });
      await flushAll();
      for (const index of indexes) await db.exec(index.create);
      await db.commit();
    } catch (error) {
      await db.rollback();
      throw error;
    }
    const loaded = Date.now();
    await afterBulkLoad(db);
    await db.finishBulkLoad();
    return {
      counts: Object.fromEntries(Object.values(writers).map((writer) => [writer.table, writer.rows])),
      afterBulkLoadMs: Date.now() - loaded,
    };
  } finally {
    await db.close();
  }
}

/**
 * The rows came in behind the application's back, so the cockpit's summary figures are recomputed from them,
 * with the application's own rebuild (as `npm run db:rebuild-figures` does). Returns the time it took.
 */
async function rebuildFiguresOf(url) {
  const started = Date.now();
  const { DataSource } = await import('typeorm');
  const { loadConfig } = await import(join(DIST, 'config/config.js'));
  const { dataSourceOptions } = await import(join(DIST, 'data-source.js'));
  const { rebuildFigures } = await import(join(DIST, 'figures/index.js'));
  const dataSource = new DataSource(dataSourceOptions(loadConfig({ DATABASE_URL: url }).database));
  await dataSource.initialize();
  try {
    await rebuildFigures(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return Date.now() - started;
}

/** The tables with millions of rows. */
const BULK_TABLES = ['adoption', 'adoption_change', 'satisfaction'];

/** User and system CPU time: on a shared machine the wall time says more about the neighbours. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const args = options();
  const tier = TIERS[args.tier];
  const today = dayFromIso(args.today);
  const started = Date.now();
  if (args['dry-run']) {
    const { counts, sink } = countingSink();
    await generateRows(tier, today, sink);
    process.stdout.write(`Tier ${args.tier} as of ${args.today} (nothing written):\n`);
    for (const [table, count] of Object.entries(counts)) {
      process.stdout.write(`  ${table.padEnd(22)} ${count.toLocaleString('en')}\n`);
    }
    process.stdout.write(`Generated in ${seconds(Date.now() - started)}.\n`);
    return;
  }
  if (!(await isEmptyDatabase(args.database))) {
    if (!args.force) {
      throw new Error(
        `${args.database} is not empty; pass --force to delete everything in it and start afresh.`,
      );
    }
    await emptyDatabase(args.database);
  }
  await createSchemaAndAdmin(args.database, args.password);
  const migrated = Date.now();
  const { counts, afterBulkLoadMs: analyseMs } = await bulkLoad(args.database, tier, today);
  const figuresMs = await rebuildFiguresOf(args.database);
  const afterBulkLoadMs = analyseMs + figuresMs;
  const done = Date.now();
  process.stdout.write(`Tier ${args.tier} as of ${args.today} in ${args.database}:\n`);
  for (const [table, count] of Object.entries(counts)) {
    process.stdout.write(`  ${table.padEnd(22)} ${count.toLocaleString('en')}\n`);
  }
  const target = parseDatabaseUrl(args.database);
  const size =
    target.type === 'sqlite' ? ` File: ${(statSync(target.file).size / 2 ** 20).toFixed(0)} MiB.` : '';
  process.stdout.write(
    `Migrations and account ${seconds(migrated - started)}, rows ${seconds(done - migrated - afterBulkLoadMs)}, ` +
      `afterBulkLoad ${seconds(afterBulkLoadMs)}; total ${seconds(done - started)} ` +
      `(CPU time of this process ${seconds(cpuMs())}).${size}\n` +
      `Sign in as ${BENCH_ADMIN}${args.password === DEFAULT_PASSWORD ? ` with the password ${DEFAULT_PASSWORD}` : ''}.\n`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
