// The import benchmark (issue 10, acceptance 5): 100,000 satisfaction rows from one CSV file (German Excel:
// `;`, decimal commas), imported through the product's import (ImportsService: parse, every row checked with
// recordSatisfaction's rules and authorization, one transaction through the write path with the import's audit
// entry and every written row beneath it, the summary figures kept current, one change event), against a raw
// batched insert of the same rows into the same table of the same database in the same run (multi-row
// INSERT … VALUES of 500 rows, one transaction).
// Targets: the import ≤ 5 s and ≤ 3 × the raw insert, on SQLite and on PostgreSQL.
//
//   npm run bench:import                     # SQLite (a temporary file) and PostgreSQL (a throwaway cluster)
//   npm run bench:import -- --only sqlite    # or --only postgres; --no-record leaves RESULTS.md alone
//
// Each database runs in a child process of its own: the entities choose their column types from
// DATABASE_URL when they are first loaded.
import 'reflect-metadata';
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster } from '../pg/cluster.mjs';
import { ROOT } from '../lib/server.mjs';

const DIST = join(ROOT, 'dist/apps/api/apps/api/src');
const CITIES = 50;
const SERVICES = 50;
const MONTHS = 40;
const ROWS = CITIES * SERVICES * MONTHS;

// ---- child: one database ----

/** Deterministic figures (a small linear congruential generator): the same rows in every run. */
function* figures() {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (;;) {
    const started = 20 + Math.floor(next() * 500);
    const completed = Math.floor(started * (0.5 + next() * 0.45));
    const ratings = Math.floor(completed * 0.08);
    yield {
      ratingsCount: ratings,
      averageRating: ratings > 0 ? Math.round((2.5 + next() * 2.5) * 100) / 100 : null,
      nps: ratings > 0 && next() < 0.5 ? Math.round(next() * 120 - 40) : null,
      transactionsStarted: started,
      transactionsCompleted: completed,
      visits: started * 3 + Math.floor(next() * 100),
    };
  }
}

/** The last `count` months before the current one, as YYYY-MM. */
function pastMonths(count) {
  const now = new Date();
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - count + i, 1));
    return date.toISOString().slice(0, 7);
  });
}

/**
 * CPU time (ms) of this process and, on PostgreSQL, of the server's processes (the postmaster and its
 * children): on a shared machine the wall time of the same work varies with the load, its CPU time much less.
 */
async function cpuClock(dataSource) {
  let postmaster = null;
  if (dataSource.options.type === 'postgres') {
    const [{ setting }] = await dataSource.query(
      `SELECT setting FROM pg_settings WHERE name = 'data_directory'`,
    );
    postmaster = Number(readFileSync(join(setting, 'postmaster.pid'), 'utf8').split('\n')[0]);
  }
  return () => {
    const own = process.cpuUsage();
    let ticks = 0;
    if (postmaster !== null) {
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        try {
          const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          if (Number(entry) === postmaster || Number(fields[1]) === postmaster) {
            ticks += Number(fields[11]) + Number(fields[12]);
          }
        } catch {
          // the process ended meanwhile
        }
      }
    }
    return (own.user + own.system) / 1000 + ticks * 10;
  };
}

/** Wall and CPU time of `work`. */
async function timed(clock, work) {
  const cpu = clock();
  const wall = performance.now();
  const result = await work();
  return { result, wallMs: performance.now() - wall, cpuMs: clock() - cpu };
}

async function measureOne(url) {
  process.env.DATABASE_URL = url;
  const { createApp } = await import(join(DIST, 'bootstrap.js'));
  const { loadConfig } = await import(join(DIST, 'config/config.js'));
  const { SYSTEM_ACTOR } = await import(join(DIST, 'auth/actor.js'));
  const { CitiesService } = await import(join(DIST, 'cities/cities.service.js'));
  const { CooperationsService } = await import(join(DIST, 'cooperations/cooperations.service.js'));
  const { WorkingGroupsService } = await import(join(DIST, 'working-groups/working-groups.service.js'));
  const { ProjectsService } = await import(join(DIST, 'projects/projects.service.js'));
  const { ImportsService } = await import(join(DIST, 'imports/index.js'));
  const { rebuildFigures } = await import(join(DIST, 'figures/index.js'));
  const { DataSource } = await import('typeorm');
  const app = await createApp(
    loadConfig({ DATABASE_URL: url, DEMO_DATA: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' }),
  );
  try {
    const dataSource = app.get(DataSource);
    const actor = SYSTEM_ACTOR;
    const cooperation = await app
      .get(CooperationsService)
      .create(actor, { name: 'Benchmark-Kooperation', shortName: 'BENCH' });
    const group = await app
      .get(WorkingGroupsService)
      .create(actor, { cooperationId: String(cooperation.id), name: 'Onlinedienste', focus: 'TECHNICAL' });
    const cities = [];
    for (let i = 0; i < CITIES; i += 1) {
      const city = await app.get(CitiesService).create(actor, {
        name: `Benchmarkstadt ${i + 1}`,
        ags: `09${String(900000 + i).padStart(6, '0')}`,
        population: 50000 + i * 1000,
        district: 'Schwaben',
        kind: 'Große Kreisstadt',
      });
      await app.get(CooperationsService).addMembership(actor, {
        cooperationId: String(cooperation.id),
        cityId: String(city.id),
        joinedOn: '2020-01-01',
      });
      cities.push(city);
    }
    const services = [];
    for (let i = 0; i < SERVICES; i += 1) {
      const project = await app.get(ProjectsService).create(actor, {
        workingGroupId: String(group.id),
        title: `Benchmarkdienst ${i + 1}`,
        kind: 'ONLINE_SERVICE',
        leikaKey: `99${String(100000000000 + i).padStart(12, '0')}`,
        isEfa: true,
        phase: 'LIVE',
        health: 'GREEN',
        progress: 100,
      });
      services.push(project);
    }
    const months = pastMonths(MONTHS);
    const generator = figures();
    const rows = [];
    for (const city of cities) {
      for (const service of services) {
        for (const month of months) {
          rows.push({ city, service, month, ...generator.next().value });
        }
      }
    }
    const german = (value) => (value === null ? '' : String(value).replace('.', ','));
    const csv = [
      'ags;leika;month;ratings_count;average_rating;nps;transactions_started;transactions_completed;visits',
      ...rows.map((r) =>
        [
          r.city.ags,
          r.service.leikaKey,
          r.month,
          r.ratingsCount,
          german(r.averageRating),
          german(r.nps),
          r.transactionsStarted,
          r.transactionsCompleted,
          r.visits,
        ].join(';'),
      ),
    ].join('\r\n');
    const content = Buffer.from(`\uFEFF${csv}\r\n`, 'utf8');

    // The floor: the same rows, already parsed, in multi-row INSERTs of 500 rows, one transaction.
    const postgres = dataSource.options.type === 'postgres';
    const columns =
      '"projectId", "cityId", month, "ratingsCount", "averageRating", nps, "transactionsStarted", "transactionsCompleted", visits, "updatedAt", version';
    const rawInsert = async () => {
      const now = postgres ? new Date() : new Date().toISOString().replace('T', ' ').slice(0, 23);
      const queryRunner = dataSource.createQueryRunner();
      await queryRunner.startTransaction();
      for (let start = 0; start < rows.length; start += 500) {
        const batch = rows.slice(start, start + 500);
        const values = [];
        const tuples = batch.map((r, i) => {
          values.push(
            r.service.id,
            r.city.id,
            r.month,
            r.ratingsCount,
            r.averageRating,
            r.nps,
            r.transactionsStarted,
            r.transactionsCompleted,
            r.visits,
            now,
            1,
          );
          const base = i * 11;
          return `(${Array.from({ length: 11 }, (_, k) => (postgres ? `$${base + k + 1}` : '?')).join(', ')})`;
        });
        await queryRunner.query(`INSERT INTO satisfaction (${columns}) VALUES ${tuples.join(', ')}`, values);
      }
      await queryRunner.commitTransaction();
      await queryRunner.release();
    };
    const imports = app.get(ImportsService);
    const request = { kind: 'satisfaction', cooperationId: String(cooperation.id), content, dryRun: false };
    const clock = await cpuClock(dataSource);
    // Each twice, alternating; the faster run of each counts (the machine is shared, its load varies).
    const raws = [];
    const runs = [];
    let again = null;
    for (let round = 0; round < 2; round += 1) {
      raws.push(await timed(clock, rawInsert));
      await dataSource.query('DELETE FROM satisfaction');
      const run = await timed(clock, () => imports.import(actor, request));
      if (run.result.errors.length > 0 || run.result.created !== ROWS) {
        throw new Error(
          `The import did not create ${ROWS} rows: ${JSON.stringify(run.result).slice(0, 500)}`,
        );
      }
      runs.push(run);
      if (round === 0) {
        again = await timed(clock, () => imports.import(actor, request));
        if (again.result.unchanged !== ROWS) {
          throw new Error(`The second import changed rows: ${JSON.stringify(again.result)}`);
        }
      }
      // Every imported row audited: one entry per import, each written row beneath it.
      const [{ entries, audited }] = await dataSource.query(
        `SELECT COUNT(DISTINCT e.id) AS entries, COUNT(c."entryId") AS audited
           FROM audit_entry e JOIN audit_row_change c ON c."entryId" = e.id
          WHERE e.operation = 'importSatisfaction'`,
      );
      if (Number(entries) !== 1 || Number(audited) !== ROWS) {
        throw new Error(`${entries} audit entries with ${audited} rows instead of 1 with ${ROWS}`);
      }
      await dataSource.query('DELETE FROM satisfaction');
      for (const table of ['audit_row_change', 'audit_entry_scope']) {
        await dataSource.query(
          `DELETE FROM ${table} WHERE "entryId" IN (SELECT id FROM audit_entry WHERE operation = 'importSatisfaction')`,
        );
      }
      await dataSource.query(`DELETE FROM audit_entry WHERE operation = 'importSatisfaction'`);
      await rebuildFigures(dataSource);
    }
    const best = (list) => list.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    const raw = best(raws);
    const imported = best(runs);
    return {
      database: postgres ? 'PostgreSQL' : 'SQLite',
      rows: ROWS,
      bytes: content.length,
      rawMs: raw.wallMs,
      rawCpuMs: raw.cpuMs,
      importMs: imported.wallMs,
      importCpuMs: imported.cpuMs,
      againMs: again.wallMs,
      runs: { raw: raws.map((r) => Math.round(r.wallMs)), import: runs.map((r) => Math.round(r.wallMs)) },
    };
  } finally {
    await app.close();
  }
}

// ---- parent: both databases, the table, RESULTS.md ----

function runChild(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [import.meta.filename, '--child', url], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DATABASE_URL: url },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line));
      else reject(new Error(`The benchmark on ${url} failed (exit ${code}).\n${output}`));
    });
  });
}

const format = (ms) => (ms / 1000).toFixed(2);

async function main() {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      only: { type: 'string' },
      'no-record': { type: 'boolean', default: false },
    },
  });
  if (values.child) {
    const result = await measureOne(values.child);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const loadBefore = loadavg()[0];
  const results = [];
  if (values.only !== 'postgres') {
    const directory = mkdtempSync(join(tmpdir(), 'koop-bench-import-'));
    try {
      results.push(await runChild(`sqlite:${join(directory, 'bench.sqlite')}`));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  }
  if (values.only !== 'sqlite') {
    const cluster = await startCluster({ install: true });
    try {
      results.push(await runChild(cluster.url));
    } finally {
      cluster.stop();
    }
  }
  const lines = [
    '| database   |    rows | raw insert s (CPU s) | import s (CPU s) | import ÷ raw, wall (CPU) | ≤ 5 s | ≤ 3 × raw | same file again s | all runs, raw / import s |',
    '| ---------- | ------: | -------------------: | ---------------: | -----------------------: | :---: | :-------: | ----------------: | ------------------------ |',
    ...results.map((r) => {
      const ratio = r.importMs / r.rawMs;
      const runs = `${r.runs.raw.map(format).join(', ')} / ${r.runs.import.map(format).join(', ')}`;
      return `| ${r.database.padEnd(10)} | ${r.rows.toLocaleString('en')} | ${format(r.rawMs)} (${format(r.rawCpuMs)}) | ${format(r.importMs)} (${format(r.importCpuMs)}) | ${ratio.toFixed(2)} (${(r.importCpuMs / r.rawCpuMs).toFixed(2)}) | ${r.importMs <= 5000 ? 'yes' : 'no'} | ${ratio <= 3 ? 'yes' : 'no'} | ${format(r.againMs)} | ${runs} |`;
    }),
  ];
  const table = lines.join('\n');
  console.log(table);
  if (!values['no-record']) {
    let commit = 'unknown';
    try {
      commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    } catch {
      // not a git checkout
    }
    const machine = `${process.arch}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${(totalmem() / 1073741824).toFixed(1)} GiB memory; load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (the machine is shared)`;
    const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
    appendFileSync(
      join(ROOT, 'tools/bench/RESULTS.md'),
      `\n## ${stamp} UTC — import of ${ROWS.toLocaleString('en')} satisfaction rows\n\n- Machine: ${machine}\n- Command: \`npm run bench:import${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`\n- Commit: ${commit}\n- The file: ${CITIES} cities × ${SERVICES} services × ${MONTHS} months, ${(results[0]?.bytes / 1048576).toFixed(1)} MiB of German Excel CSV (BOM, \`;\`, decimal commas), into an empty table. "Import" is ImportsService.import from the file's bytes to the commit (parse, every row checked, one transaction: the rows written, one audit entry for the import with each of its 100,000 rows beneath it in audit_row_change, the summary figures kept current); "raw" inserts the same rows, already parsed, with multi-row INSERTs of 500 rows in one transaction. Each ran twice, alternating; the faster run counts. CPU is the benchmark process's (with SQLite inside it) plus, on PostgreSQL, the server's processes. "Same file again" is the second import, which finds every row unchanged and writes nothing.\n\n${table}\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
