// Benchmarks the one search (`search`) of the built API over the bavaria tier's size of searchable rows:
//
//   npm run bench:search -- [--database <empty DATABASE_URL>] [--entries 20000] [--solutions 5000] [--rounds 10]
//
// On an empty database (a fresh SQLite file in a temporary folder unless --database names one), the built
// application applies its migrations; the script then bulk-inserts, deterministically (fixed seed), one
// cooperation with the bavaria tier's working groups (34) and projects (1,406), 5,000 solutions and 20,000
// knowledge entries of German text, builds the search index with the application's own rebuild, and serves
// the API on loopback. It then measures N rounds of sequential `search` requests over a fixed set of queries
// (common and rare words, word forms, umlaut and ß spellings, two words), and `updateKnowledgeEntry` (the
// write that keeps the index current in its transaction). It prints a Markdown table and appends it, dated,
// to tools/bench/RESULTS.md. Every loop is bounded; everything talks to 127.0.0.1 only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { parseDatabaseUrl } from '../lib/database.mjs';
import { freePort, ROOT } from '../lib/server.mjs';

const DIST = join(ROOT, 'dist/apps/api/apps/api/src');
const RESULTS_FILE = join(ROOT, 'tools/bench/RESULTS.md');
const USERNAME = 'bench-search';
const PASSWORD = 'Bench-Search-2026';
/** The bavaria tier's working groups and projects (tools/scale/tiers.mjs), all in one cooperation here. */
const WORKING_GROUPS = 34;
const PROJECTS = 1406;
const BATCH = 500;
/** No series runs longer than this, whatever --rounds says. */
const MAX_SERIES_MS = 120_000;

const QUERIES = [
  'Antrag',
  'Anträge',
  'antraege',
  'Bürgerkonto',
  'buergerkonto',
  'Strasse',
  'Strassenamt',
  'Gebühren',
  'Wohngeld Antrag',
  'Kita Gebühr',
  'Online Termin',
  'Steuerbescheid',
  'Datenschutz',
  'Parkausweis',
  'Hundeanmeldung',
  'Schulanmeldung',
  'Fahrzeugzulassung',
  'Abfallkalender',
  'Meldebescheinigung',
  'Nachweis Register',
];

// ---- deterministic German text ----

function random(seed) {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES =
  'Bürger Antrags Melde Bau Wasser Gewerbe Kita Park Steuer Daten Online Service Zahlungs Termin Fahrzeug Abfall Hunde Wohn Straßen Schul Sozial Verkehrs Personal Kassen Grundsteuer'.split(
    ' ',
  );
const SUFFIXES =
  'amt antrag anträge portal verfahren bescheid gebühr gebühren konto nachweis register stelle dienst formular meldung prüfung daten system ausweis karte termin kalender anmeldung zulassung bescheinigung'.split(
    ' ',
  );
const WORDS = [
  ...'Antrag Anträge Anträgen Antrags Straße Straßen Gebühr Gebühren Nachweis Nachweise Register Datenschutz Bescheid Bescheide Wohngeld Kita Termin Termine Zulassung Prüfung Schnittstelle Fachverfahren Bürgerinnen Bürger Verwaltung Kommune Kommunen Stadt Städte Onlinedienst Onlinedienste Standard Standards Erfahrung Erfahrungen Einführung Nachnutzung Lizenz Anbindung Zahlung Ausweis Behörde Sachbearbeitung Aktenführung Signatur Postfach Formular Formulare Barrierefreiheit Akzeptanz Zufriedenheit Abschlussquote Betrieb Rechenzentrum Dienstleister Vertrag Ausschreibung Pilot Pilotphase'.split(
    ' ',
  ),
  ...PREFIXES.flatMap((prefix) => SUFFIXES.map((suffix) => prefix + suffix)),
];
const FILLERS =
  'die der das und für mit bei nach von im in zum zur wird werden wurde ist sind hat haben nicht auch schon noch sehr gut schnell einfach gemeinsam digital online künftig'.split(
    ' ',
  );

/** A word drawn with Zipf-like weights: a few are in many texts, most in few. */
function word(next) {
  return WORDS[Math.floor(WORDS.length * next() ** 3)];
}

function sentence(next, words) {
  const parts = [];
  for (let i = 0; i < words; i++)
    parts.push(next() < 0.45 ? FILLERS[Math.floor(next() * FILLERS.length)] : word(next));
  const text = parts.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

function title(next) {
  return sentence(next, 3 + Math.floor(next() * 5)).slice(0, -1);
}

function body(next, sentences) {
  const lines = [];
  for (let i = 0; i < sentences; i++) lines.push(sentence(next, 8 + Math.floor(next() * 8)));
  return `## ${title(next)}\n\n${lines.slice(0, sentences / 2).join(' ')}\n\n- ${lines.slice(sentences / 2).join('\n- ')}`;
}

// ---- measuring ----

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      database: { type: 'string' },
      entries: { type: 'string', default: '20000' },
      solutions: { type: 'string', default: '5000' },
      rounds: { type: 'string', default: '10' },
      // Keep the generated database (a temporary one is deleted) and measure it again on the next run.
      keep: { type: 'boolean', default: false },
    },
  });
  const entries = Number(values.entries);
  const solutions = Number(values.solutions);
  const rounds = Number(values.rounds);
  let directory = null;
  let url = values.database;
  if (!url) {
    directory = mkdtempSync(join(os.tmpdir(), 'koop-search-bench-'));
    url = `sqlite:${join(directory, 'search.sqlite')}`;
  }
  const database = parseDatabaseUrl(url);
  // The entities choose their column types from DATABASE_URL when they are first imported.
  process.env.DATABASE_URL = url;
  const { createApp } = await import(join(DIST, 'bootstrap.js'));
  const { loadConfig } = await import(join(DIST, 'config/config.js'));
  const { AccountsService } = await import(join(DIST, 'accounts/accounts.service.js'));
  const { SYSTEM_ACTOR } = await import(join(DIST, 'auth/actor.js'));
  const { rebuildSearchIndex } = await import(join(DIST, 'search/index.js'));
  const { DataSource } = await import('typeorm');

  const app = await createApp(
    loadConfig({ DATABASE_URL: url, DEMO_DATA: 'false', LOG_LEVEL: 'warn', NODE_ENV: 'production' }),
  );
  try {
    const dataSource = app.get(DataSource);
    const [{ count }] = await dataSource.query('SELECT COUNT(*) AS count FROM knowledge_entry');
    const loaded = Number(count) > 0;
    if (loaded && Number(count) !== entries) {
      throw new Error(
        `--database: must be empty or hold this benchmark's rows (it holds ${count} knowledge entries)`,
      );
    }
    if (!loaded)
      await app
        .get(AccountsService)
        .create(
          SYSTEM_ACTOR,
          { username: USERNAME, displayName: 'Such-Benchmark', roles: [{ role: 'ADMIN' }] },
          { password: PASSWORD, mustChangePassword: false },
        );

    // ---- bulk load, one transaction ----
    let loadSeconds = null;
    let indexSeconds = null;
    const next = random(20261129);
    const now = new Date('2026-11-01T09:00:00Z');
    const loadStarted = performance.now();
    if (!loaded) {
      const insert = async (manager, entity, rows) => {
        for (let start = 0; start < rows.length; start += BATCH) {
          await manager.insert(entity, rows.slice(start, start + BATCH));
        }
      };
      // One transaction for the bulk load, as the scale generator's.
      await dataSource.transaction(async (manager) => {
        const [{ id: cooperationId }] = await manager.query(
          `INSERT INTO cooperation (name, "shortName", version) VALUES ('Such-Benchmark', 'SB', 1) RETURNING id`,
        );
        await insert(
          manager,
          'WorkingGroup',
          Array.from({ length: WORKING_GROUPS }, (_, i) => ({
            cooperationId,
            name: `Arbeitszirkel ${i + 1}: ${title(next)}`,
            focus: ['TECHNICAL', 'FUNCTIONAL', 'STRATEGIC'][i % 3],
            version: 1,
          })),
        );
        const groupIds = (await manager.query('SELECT id FROM working_group ORDER BY id')).map((r) =>
          Number(r.id),
        );
        await insert(
          manager,
          'Project',
          Array.from({ length: PROJECTS }, (_, i) => ({
            workingGroupId: groupIds[i % groupIds.length],
            title: title(next),
            description: body(next, 4),
            kind: 'ONLINE_SERVICE',
            phase: 'LIVE',
            health: 'GREEN',
            progress: 100,
            isEfa: false,
            updatedAt: now,
            version: 1,
          })),
        );
        await insert(
          manager,
          'Solution',
          Array.from({ length: solutions }, () => ({
            title: title(next),
            kind: 'COMPONENT',
            status: 'AVAILABLE',
            summary: sentence(next, 20),
            integrationNotes: sentence(next, 25),
            createdAt: now,
            updatedAt: now,
            version: 1,
          })),
        );
        await insert(
          manager,
          'KnowledgeEntry',
          Array.from({ length: entries }, (_, i) => ({
            title: title(next),
            body: body(next, 8),
            tags: [['faq', 'standard', 'lessons-learned', 'position'][i % 4]],
            workingGroupId: groupIds[i % groupIds.length],
            createdAt: now,
            updatedAt: now,
            version: 1,
          })),
        );
      });
      loadSeconds = (performance.now() - loadStarted) / 1000;
      const indexStarted = performance.now();
      await rebuildSearchIndex(dataSource);
      indexSeconds = (performance.now() - indexStarted) / 1000;
      // Fresh statistics for the planner after the bulk load.
      await dataSource.query('ANALYZE');
    }

    // ---- serve and measure ----
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    const base = `http://127.0.0.1:${port}/graphql`;
    const login = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
        variables: { u: USERNAME, p: PASSWORD },
      }),
    });
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('koop_session='))
      ?.split(';')[0];
    if (!cookie) throw new Error('Sign-in failed');
    const gql = async (query, variables) => {
      const started = performance.now();
      const response = await fetch(base, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query, variables }),
      });
      const result = await response.json();
      const ms = performance.now() - started;
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      return { ms, data: result.data };
    };
    const SEARCH = 'query($q: String!) { search(query: $q, first: 20) { kind id title snippet score } }';
    // One warm-up round: the first statements prepare and fill the caches.
    const hits = new Map();
    for (const q of QUERIES) hits.set(q, (await gql(SEARCH, { q })).data.search.length);
    const searchMs = [];
    const seriesStarted = performance.now();
    for (let round = 0; round < rounds && performance.now() - seriesStarted < MAX_SERIES_MS; round++) {
      for (const q of QUERIES) searchMs.push((await gql(SEARCH, { q })).ms);
    }
    const UPDATE =
      'mutation($input: UpdateKnowledgeEntryInput!) { updateKnowledgeEntry(input: $input) { id version } }';
    const writeMs = [];
    const [first] = await dataSource.query('SELECT id, version FROM knowledge_entry ORDER BY id LIMIT 1');
    for (let i = 0; i < 20; i++) {
      const { ms } = await gql(UPDATE, {
        input: {
          knowledgeEntryId: String(first.id),
          version: Number(first.version) + i,
          body: body(next, 8),
        },
      });
      writeMs.push(ms);
    }
    const search = summary(searchMs);
    const write = summary(writeMs);
    const fmt = (n) => n.toFixed(1);
    const [{ indexed }] = await dataSource.query(
      database.type === 'postgres'
        ? 'SELECT COUNT(*) AS indexed FROM search_document'
        : 'SELECT COUNT(*) AS indexed FROM search_fts',
    );
    const hitCounts = QUERIES.map((q) => `${q} ${hits.get(q)}`).join(', ');
    const command = `npm run bench:search${values.database ? ' -- --database <url>' : ''}${database.type === 'postgres' ? ' (inside `node tools/pg/with-postgres.mjs -- …`, DATABASE_URL of a fresh cluster)' : ''}`;
    const report = `
## ${new Date().toISOString().slice(0, 10)} — search at the bavaria tier's size, ${database.type === 'postgres' ? 'PostgreSQL' : 'SQLite'}

${entries.toLocaleString('en')} knowledge entries, ${solutions.toLocaleString('en')} solutions, ${PROJECTS.toLocaleString('en')} projects in ${WORKING_GROUPS} working groups (${Number(indexed).toLocaleString('en')} documents in the index); ${loadSeconds === null ? 'measured again on the rows of an earlier run' : `bulk load ${fmt(loadSeconds)} s, index build (\`rebuildSearchIndex\`) ${fmt(indexSeconds)} s`}.

| operation | requests | p50 ms | p95 ms | max ms | target |
| --- | --- | --- | --- | --- | --- |
| \`search\` (first 20, ${QUERIES.length} queries × ${searchMs.length / QUERIES.length} rounds) | ${search.n} | ${fmt(search.p50)} | ${fmt(search.p95)} | ${fmt(search.max)} | p50 ≤ 50 ms: ${search.p50 <= 50 ? 'met' : 'not met'} |
| \`updateKnowledgeEntry\` (index kept in its transaction) | ${write.n} | ${fmt(write.p50)} | ${fmt(write.p95)} | ${fmt(write.max)} | – |

- Hits per query (at most 20): ${hitCounts}
- Command: ${command}; machine: ${os.cpus().length} cores, shared with other work at the time (load average ${os.loadavg()[0].toFixed(1)} at the end).
`;
    process.stdout.write(report);
    const existing = readFileSync(RESULTS_FILE, 'utf8');
    writeFileSync(
      RESULTS_FILE,
      await prettier.format(`${existing.trimEnd()}\n${report}`, {
        parser: 'markdown',
        filepath: RESULTS_FILE,
      }),
    );
  } finally {
    await app.close();
    if (directory && !values.keep) rmSync(directory, { recursive: true, force: true });
    else if (directory) process.stdout.write(`Kept the database: --database ${url}\n`);
  }
}

await main();
