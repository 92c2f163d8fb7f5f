import { readFileSync } from 'node:fs';
import { LEIKA_PATTERN, liveSinceError, maturityLevelError, monthOf, todayIso } from '@koop/domain';
import { parse } from 'csv-parse/sync';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { TEST_DIALECT, snapshot, sql, startTestApp, type TestApp } from '../testing/index.js';
import { DemoSeeder } from './demo-seeder.js';
import { DEMO_NOTE_MEMBERS, REAL_COMMUNITY_MEMBERS } from './plan-organisation.js';

type Row = Record<string, string>;

function csv(file: string): Row[] {
  const text = readFileSync(new URL(`./reference/${file}`, import.meta.url), 'utf8');
  return parse<Row>(text, { columns: true, skip_empty_lines: true });
}

const CITIES = csv('cities-bavaria.csv');
const SERVICES = csv('services.csv');

/**
 * An instant read from the database as ISO text: PostgreSQL returns `timestamptz` as a Date, SQLite returns
 * the UTC text 'YYYY-MM-DD HH:MM:SS.SSS' it stores.
 */
function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(`${value.replace(' ', 'T')}Z`).toISOString();
}

/**
 * An instant as a query parameter. SQLite compares its stored UTC text as text, so the parameter must have the
 * same shape; PostgreSQL reads the zone of ISO text, whatever the session's time zone.
 */
function instant(isoText: string): string {
  return TEST_DIALECT === 'sqlite' ? isoText.replace('T', ' ').replace('Z', '') : isoText;
}

interface OverviewFigures {
  year: number;
  activeProjects: number;
  adoptionRate: number;
  averageSatisfaction: number | null;
  previous: { year: number; activeProjects: number } | null;
}

describe('demo data', () => {
  let app: TestApp;
  let twin: TestApp;
  const today = todayIso();
  const thisMonth = monthOf(new Date());

  beforeAll(async () => {
    app = await startTestApp({ demoData: true });
    twin = await startTestApp({ demoData: true });
  });

  afterAll(async () => {
    await app?.close();
    await twin?.close();
  });

  const query = <T>(text: string, parameters: unknown[] = []): Promise<T[]> =>
    sql<T>(app.dataSource, text, parameters);

  it('loads the 25 cities of the reference data with their AGS keys, populations and districts', async () => {
    const response = await app.gql<{
      cities: { ags: string; name: string; population: number; district: string; kind: string }[];
    }>('{ cities { ags name population district kind } }');
    const cities = response.data?.cities ?? [];
    expect(cities).toHaveLength(25);
    expect(cities.map((c) => c.ags).sort()).toEqual(CITIES.map((c) => c['ags']).sort());
    for (const row of CITIES) {
      expect(cities.find((c) => c.ags === row['ags'])).toEqual({
        ags: row['ags'],
        name: row['name'],
        population: Number(row['population']),
        district: row['district'],
        kind: row['kind'],
      });
    }
    const topics = await query<{ count: number | string }>('SELECT COUNT(*) AS count FROM ozg_topic');
    expect(Number(topics[0].count)).toBe(14);
  });

  it('has the M-A-N cooperation and the Entwicklergemeinschaft with the right members', async () => {
    const response = await app.gql<{
      cooperations: {
        name: string;
        shortName: string;
        members: { city: { name: string }; joinedOn: string; role: string | null }[];
      }[];
    }>('{ cooperations { name shortName members { city { name } joinedOn role } } }');
    const cooperations = response.data?.cooperations ?? [];
    expect(cooperations).toHaveLength(2);
    const man = cooperations.find((c) => c.shortName === 'M-A-N');
    expect(man?.name).toBe('M-A-N-Kooperation');
    expect(man?.members.map((m) => m.city.name).sort()).toEqual(['Augsburg', 'München', 'Nürnberg']);
    const eg = cooperations.find((c) => c.name === 'Entwicklergemeinschaft der bayerischen Mittelstädte');
    const midSized = CITIES.filter(
      (c) => Number(c['population']) >= 30_000 && Number(c['population']) <= 150_000,
    );
    expect(eg?.members.map((m) => m.city.name).sort()).toEqual(midSized.map((c) => c['name']).sort());
    for (const cooperation of cooperations) {
      expect(cooperation.members.every((m) => m.joinedOn <= today)).toBe(true);
      expect(cooperation.members.filter((m) => m.role !== null).length).toBeGreaterThan(0);
    }
  });

  it('has 6 to 8 working groups, each led by a member city of its cooperation', async () => {
    const groups = await query<{
      name: string;
      focus: string;
      leadPerson: string | null;
      leadIsMember: number;
      members: number | string;
    }>(
      `SELECT wg.name, wg.focus, wg."leadPerson",
              CASE WHEN EXISTS (SELECT 1 FROM membership m
                                 WHERE m."cooperationId" = wg."cooperationId" AND m."cityId" = wg."leadCityId")
                   THEN 1 ELSE 0 END AS "leadIsMember",
              (SELECT COUNT(*) FROM working_group_member wm WHERE wm."workingGroupId" = wg.id) AS members
         FROM working_group wg`,
    );
    expect(groups.length).toBeGreaterThanOrEqual(6);
    expect(groups.length).toBeLessThanOrEqual(8);
    for (const group of groups) {
      expect(group.leadIsMember).toBe(1);
      expect(group.leadPerson).toBeTruthy();
      expect(Number(group.members)).toBeGreaterThan(0);
    }
    expect(new Set(groups.map((g) => g.focus))).toEqual(new Set(['TECHNICAL', 'FUNCTIONAL', 'STRATEGIC']));
    const strangers = await query(
      `SELECT 1 FROM working_group_member wm JOIN working_group wg ON wg.id = wm."workingGroupId"
        WHERE NOT EXISTS (SELECT 1 FROM membership m
                           WHERE m."cooperationId" = wg."cooperationId" AND m."cityId" = wm."cityId")`,
    );
    expect(strangers).toEqual([]);
  });

  it('has 30 to 50 projects, with an online-service project for every service of services.csv', async () => {
    const projects = await query<{
      kind: string;
      title: string;
      leikaKey: string | null;
      ozgTopic: string | null;
      ownerCityId: number | null;
    }>('SELECT kind, title, "leikaKey", "ozgTopic", "ownerCityId" FROM project');
    expect(projects.length).toBeGreaterThanOrEqual(30);
    expect(projects.length).toBeLessThanOrEqual(50);
    for (const service of SERVICES) {
      const project = projects.find((p) => p.leikaKey === service['leika']);
      expect(project).toMatchObject({
        kind: 'ONLINE_SERVICE',
        title: service['name_de'],
        ozgTopic: service['ozg_topic'] || null,
      });
    }
    expect(projects.every((p) => p.leikaKey === null || LEIKA_PATTERN.test(p.leikaKey))).toBe(true);
    expect(projects.every((p) => p.ownerCityId !== null)).toBe(true);
    expect(new Set(projects.map((p) => p.kind)).size).toBe(6);
    // A bare boolean column is a condition on both databases (SQLite stores it as 1 or 0).
    const efa = await query<{ count: number | string }>(
      'SELECT COUNT(*) AS count FROM project WHERE "isEfa"',
    );
    expect(Number(efa[0].count)).toBeGreaterThan(0);
  });

  it("keeps every project's current phase, health and progress equal to its latest status update", async () => {
    const mismatches = await query(
      `SELECT p.id FROM project p
         JOIN status_update su ON su.id = (SELECT s2.id FROM status_update s2 WHERE s2."projectId" = p.id
                                            ORDER BY s2."createdAt" DESC, s2.id DESC LIMIT 1)
        WHERE su.phase <> p.phase OR su.health <> p.health OR su.progress <> p.progress
           OR su."createdAt" <> p."updatedAt"
           OR p.version <> (SELECT COUNT(*) FROM status_update s3 WHERE s3."projectId" = p.id)`,
    );
    expect(mismatches).toEqual([]);
    const falling = await query(
      `SELECT 1 FROM status_update a
         JOIN status_update b ON b."projectId" = a."projectId" AND b."createdAt" > a."createdAt"
        WHERE b.progress < a.progress`,
    );
    expect(falling).toEqual([]);
    const health = await query<{ health: string; count: number | string }>(
      'SELECT health, COUNT(*) AS count FROM project GROUP BY health',
    );
    const count = (key: string) => Number(health.find((h) => h.health === key)?.count ?? 0);
    expect(count('GREEN')).toBeGreaterThan(count('AMBER') + count('RED'));
    expect(count('AMBER') + count('RED')).toBeGreaterThan(0);
  });

  it('has milestones, some reached and some overdue', async () => {
    const [row] = await query<{ done: number | string; overdue: number | string }>(
      `SELECT SUM(CASE WHEN "doneOn" IS NOT NULL THEN 1 ELSE 0 END) AS done,
              SUM(CASE WHEN "doneOn" IS NULL AND "dueOn" < ? THEN 1 ELSE 0 END) AS overdue
         FROM milestone`,
      [today],
    );
    expect(Number(row.done)).toBeGreaterThan(0);
    expect(Number(row.overdue)).toBeGreaterThan(0);
  });

  it('keeps every adoption at its latest change, with the version counting the changes', async () => {
    const mismatches = await query(
      `SELECT a.id FROM adoption a
         JOIN adoption_change ac ON ac.id = (SELECT c2.id FROM adoption_change c2 WHERE c2."adoptionId" = a.id
                                              ORDER BY c2."recordedAt" DESC, c2.id DESC LIMIT 1)
        WHERE a.version <> (SELECT COUNT(*) FROM adoption_change c3 WHERE c3."adoptionId" = a.id)
           OR ac.version <> a.version OR ac.stage <> a.stage OR ac."maturityModel" <> a."maturityModel"
           OR ac."maturityLevel" IS DISTINCT FROM a."maturityLevel"
           OR ac."liveSince" IS DISTINCT FROM a."liveSince"
           OR ac.source IS DISTINCT FROM a.source
           OR ac."recordedAt" <> a."updatedAt" OR ac."projectId" <> a."projectId" OR ac."cityId" <> a."cityId"`,
    );
    expect(mismatches).toEqual([]);
    const [{ count }] = await query<{ count: number | string }>('SELECT COUNT(*) AS count FROM adoption');
    expect(Number(count)).toBeGreaterThan(0);
  });

  it('keeps maturity levels within their model and live dates in the past', async () => {
    const rows = await query<{
      stage: string;
      maturityModel: string;
      maturityLevel: number | null;
      liveSince: string | null;
      recordedAt: Date | string;
    }>(
      `SELECT stage, "maturityModel", "maturityLevel", "liveSince", "updatedAt" AS "recordedAt" FROM adoption
       UNION ALL SELECT stage, "maturityModel", "maturityLevel", "liveSince", "recordedAt" FROM adoption_change`,
    );
    for (const row of rows) {
      expect(maturityLevelError(row.maturityModel, row.maturityLevel)).toBeNull();
      expect(liveSinceError(row.stage, row.liveSince)).toBeNull();
      if (row.liveSince) {
        expect(row.liveSince <= iso(row.recordedAt).slice(0, 10)).toBe(true);
      }
    }
    // Model 2.0 exists since July 2025: older assessments use 1.1, some recent ones 2.0.
    const [models] = await query<{ early2: number | string; recent2: number | string }>(
      `SELECT SUM(CASE WHEN "maturityModel" = '2.0' AND "recordedAt" < ? THEN 1 ELSE 0 END) AS early2,
              SUM(CASE WHEN "maturityModel" = '2.0' THEN 1 ELSE 0 END) AS recent2
         FROM adoption_change`,
      [instant('2025-07-01T00:00:00.000Z')],
    );
    expect(Number(models.early2)).toBe(0);
    expect(Number(models.recent2)).toBeGreaterThan(0);
  });

  it('records satisfaction only for live adoptions, with averages within 1–5 and completed ≤ started', async () => {
    const rows = await query<{
      ratingsCount: number;
      averageRating: number | null;
      nps: number | null;
      transactionsStarted: number;
      transactionsCompleted: number;
      visits: number;
    }>('SELECT * FROM satisfaction');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.ratingsCount).toBeGreaterThanOrEqual(0);
      expect(row.averageRating === null).toBe(row.ratingsCount === 0);
      if (row.averageRating !== null) {
        expect(row.averageRating).toBeGreaterThanOrEqual(1);
        expect(row.averageRating).toBeLessThanOrEqual(5);
      }
      if (row.nps !== null) {
        expect(Math.abs(row.nps)).toBeLessThanOrEqual(100);
      }
      expect(row.transactionsCompleted).toBeLessThanOrEqual(row.transactionsStarted);
      expect(row.visits).toBeGreaterThanOrEqual(row.transactionsStarted);
    }
    const plausible = rows.filter(
      (r) => r.averageRating !== null && r.averageRating >= 3 && r.averageRating <= 4.8,
    );
    expect(plausible.length / rows.filter((r) => r.averageRating !== null).length).toBeGreaterThan(0.8);
    const notLive = await query(
      `SELECT s.id FROM satisfaction s
        WHERE NOT EXISTS (SELECT 1 FROM adoption_change ac
                           WHERE ac."projectId" = s."projectId" AND ac."cityId" = s."cityId" AND ac.stage = 'LIVE'
                             AND substr(CAST(ac."liveSince" AS text), 1, 7) <= s.month)`,
    );
    expect(notLive).toEqual([]);
  });

  it('gives larger cities more ratings', async () => {
    const perCity = await query<{ population: number; ratings: number | string }>(
      `SELECT c.population, AVG(s."ratingsCount") AS ratings FROM satisfaction s JOIN city c ON c.id = s."cityId"
        GROUP BY c.id ORDER BY c.population`,
    );
    const third = Math.floor(perCity.length / 3);
    const mean = (list: { ratings: number | string }[]) =>
      list.reduce((sum, r) => sum + Number(r.ratings), 0) / list.length;
    expect(mean(perCity.slice(-third))).toBeGreaterThan(2 * mean(perCity.slice(0, third)));
  });

  it('spreads adoptions over time', async () => {
    const liveAt = async (day: string) => {
      const [row] = await query<{ count: number | string }>(
        `SELECT COUNT(*) AS count FROM adoption_change ac
          WHERE ac.stage = 'LIVE'
            AND ac.id = (SELECT c2.id FROM adoption_change c2 WHERE c2."adoptionId" = ac."adoptionId"
                           AND c2."recordedAt" < ? ORDER BY c2."recordedAt" DESC, c2.id DESC LIMIT 1)`,
        [instant(`${day}T00:00:00.000Z`)],
      );
      return Number(row.count);
    };
    const year = new Date().getUTCFullYear();
    const [twoYearsAgo, lastYear, now] = [
      await liveAt(`${year - 1}-01-01`),
      await liveAt(`${year}-01-01`),
      await liveAt('9999-12-31'),
    ];
    expect(twoYearsAgo).toBeGreaterThan(0);
    expect(lastYear).toBeGreaterThan(twoYearsAgo);
    expect(now).toBeGreaterThan(lastYear);
  });

  it('dates nothing in the future', async () => {
    const now = new Date().toISOString();
    // Instants are compared as ISO text; days ('YYYY-MM-DD') and months ('YYYY-MM') are text on both databases.
    const checks: [string, string, 'instant' | 'text'][] = [
      ['SELECT MAX("createdAt") AS latest FROM status_update', now, 'instant'],
      ['SELECT MAX("updatedAt") AS latest FROM project', now, 'instant'],
      ['SELECT MAX("recordedAt") AS latest FROM adoption_change', now, 'instant'],
      ['SELECT MAX("updatedAt") AS latest FROM adoption', now, 'instant'],
      ['SELECT MAX("updatedAt") AS latest FROM satisfaction', now, 'instant'],
      ['SELECT MAX(month) AS latest FROM satisfaction', thisMonth, 'text'],
      ['SELECT MAX("liveSince") AS latest FROM adoption_change', today, 'text'],
      ['SELECT MAX("doneOn") AS latest FROM milestone', today, 'text'],
      ['SELECT MAX("startDate") AS latest FROM project', today, 'text'],
      ['SELECT MAX("joinedOn") AS latest FROM membership', today, 'text'],
    ];
    for (const [text, limit, kind] of checks) {
      const [{ latest }] = await query<{ latest: Date | string }>(text);
      const value = kind === 'instant' ? iso(latest) : latest;
      expect(`${text}: ${typeof value === 'string' && value <= limit}`).toBe(`${text}: true`);
    }
    const [{ earliest }] = await query<{ earliest: Date | string }>(
      'SELECT MIN("createdAt") AS earliest FROM status_update',
    );
    expect(new Date().getUTCFullYear() - Number(iso(earliest).slice(0, 4))).toBeGreaterThanOrEqual(2);
  });

  it('marks the data as demo data', async () => {
    const response = await app.gql<{ appInfo: { demoData: boolean; demoLoadedAt: string } }>(
      '{ appInfo { demoData demoLoadedAt } }',
    );
    expect(response.data?.appInfo.demoData).toBe(true);
    expect(Date.parse(response.data?.appInfo.demoLoadedAt ?? '')).not.toBeNaN();
  });

  it('gives each cooperation non-zero overview figures for this year and last year', async () => {
    const cooperations = await query<{ id: number; shortName: string }>(
      'SELECT id, "shortName" FROM cooperation',
    );
    const year = new Date().getUTCFullYear();
    for (const cooperation of cooperations) {
      for (const y of [year, year - 1]) {
        const response = await app.gql<{ overview: OverviewFigures }>(
          `query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) {
             year activeProjects adoptionRate averageSatisfaction previous { year activeProjects } } }`,
          { id: String(cooperation.id), year: y },
        );
        expect(response.errors).toBeUndefined();
        const overview = response.data?.overview;
        const label = `${cooperation.shortName} ${y}`;
        expect({ label, active: (overview?.activeProjects ?? 0) > 0 }).toEqual({ label, active: true });
        expect({ label, rate: (overview?.adoptionRate ?? 0) > 0 }).toEqual({ label, rate: true });
        expect({ label, satisfaction: (overview?.averageSatisfaction ?? 0) > 0 }).toEqual({
          label,
          satisfaction: true,
        });
        expect(overview?.previous?.year).toBe(y - 1);
        expect(overview?.previous?.activeProjects).toBeGreaterThan(0);
      }
    }
  });

  it('yields the same rows when seeded twice on the same day, apart from the demo timestamp', async () => {
    const [first, second] = [await snapshot(app.dataSource), await snapshot(twin.dataSource)];
    // Sign-in leaves sessions and audit entries behind, and every password hash has its own salt.
    for (const rows of [first, second]) {
      for (const table of ['app_setting', 'session', 'audit_entry', 'login_failure']) delete rows[table];
      rows['account'] = rows['account'].map((row) => {
        const { passwordHash: _hash, createdAt: _createdAt, ...rest } = row as Record<string, unknown>;
        return rest;
      });
    }
    expect(second).toEqual(first);
  });

  it('has one account per role, signing in with the documented demo password', async () => {
    const response = await app.gql<{
      accounts: {
        username: string;
        roles: { role: string; cityId: string | null; workingGroupId: string | null }[];
      }[];
    }>('{ accounts { username roles { role cityId workingGroupId } } }');
    const demo = response.data?.accounts.filter((a) => a.username.startsWith('demo-')) ?? [];
    expect(demo.map((a) => [a.username, a.roles.map((r) => r.role)])).toEqual([
      ['demo-admin', ['ADMIN']],
      ['demo-cdo', ['CDO']],
      ['demo-kempten', ['CITY_EDITOR']],
      ['demo-lead', ['WORKING_GROUP_LEAD']],
      ['demo-viewer', ['VIEWER']],
    ]);
    const kempten = await app.gql<{ cities: { id: string; name: string }[] }>('{ cities { id name } }');
    const kemptenId = kempten.data?.cities.find((c) => c.name === 'Kempten (Allgäu)')?.id;
    expect(demo.find((a) => a.username === 'demo-kempten')?.roles[0]?.cityId).toBe(kemptenId);
    for (const account of demo) {
      const client = await app.signIn(account.username, DEMO_PASSWORD);
      const me = await client.gql<{ me: { account: { username: string } } }>(
        '{ me { account { username } } }',
      );
      expect(me.data?.me.account.username).toBe(account.username);
    }
  });

  it('shows its generated history in the audit log, on the dates it happened', async () => {
    const AUDIT = `query($filter: AuditFilter) {
      auditLog(filter: $filter, first: 100) { totalCount edges { node { at operation entity authorName } } }
    }`;
    type Audit = {
      auditLog: {
        totalCount: number;
        edges: { node: { at: string; operation: string; entity: string; authorName: string | null } }[];
      };
    };
    const [kempten] = await query<{ id: number }>('SELECT id FROM city WHERE name = ?', ['Kempten (Allgäu)']);
    const [changes] = await query<{ count: number | string }>(
      'SELECT COUNT(*) AS count FROM adoption_change WHERE "cityId" = ?',
      [kempten?.id],
    );
    const city = await app.gql<Audit>(AUDIT, { filter: { cityId: String(kempten?.id) } });
    expect(city.errors).toBeUndefined();
    expect(Number(changes?.count)).toBeGreaterThan(0);
    expect(city.data?.auditLog.totalCount).toBe(Number(changes?.count));
    const nodes = city.data?.auditLog.edges.map((edge) => edge.node) ?? [];
    expect(new Set(nodes.map((node) => `${node.operation} ${node.entity}`))).toEqual(
      new Set(['recordAdoption Adoption']),
    );
    const now = new Date().toISOString();
    expect(nodes.filter((node) => node.at > now)).toEqual([]);
    expect(new Set(nodes.map((node) => node.authorName))).toEqual(
      new Set(['Redaktion Kempten (Allgäu) (Demo)']),
    );

    const [project] = await query<{ projectId: number; count: number | string }>(
      'SELECT "projectId", COUNT(*) AS count FROM status_update GROUP BY "projectId" ORDER BY "projectId" LIMIT 1',
    );
    const history = await app.gql<Audit>(AUDIT, {
      filter: { projectId: String(project?.projectId), entity: 'Project' },
    });
    // The first status update is the project's creation, each later one a status update.
    expect(history.data?.auditLog.totalCount).toBe(Number(project?.count));
    const operations = history.data?.auditLog.edges.map((edge) => edge.node.operation) ?? [];
    expect(operations.at(-1)).toBe('createProject');
    expect(operations.slice(0, -1).every((operation) => operation === 'postStatusUpdate')).toBe(true);
  });

  it('shows how its knowledge entries came about: drafts revised at earlier dates by their working group’s lead', async () => {
    type Change = {
      at: string;
      operation: string;
      version: number;
      authorName: string | null;
      changedFields: string[];
    };
    const response = await app.gql<{
      knowledgeEntries: {
        totalCount: number;
        edges: {
          node: {
            title: string;
            version: number;
            createdAt: string;
            updatedAt: string;
            workingGroup: { name: string };
            history: Change[];
          };
        }[];
      };
    }>(`{ knowledgeEntries(first: 50) { totalCount edges { node {
          title version createdAt updatedAt workingGroup { name }
          history { at operation version authorName changedFields } } } } }`);
    expect(response.errors).toBeUndefined();
    const entries = response.data?.knowledgeEntries.edges.map((edge) => edge.node) ?? [];
    expect(entries).toHaveLength(response.data?.knowledgeEntries.totalCount ?? -1);
    const leads = new Map(
      (await query<{ name: string; leadPerson: string }>('SELECT name, "leadPerson" FROM working_group')).map(
        (group) => [group.name, group.leadPerson],
      ),
    );
    const now = new Date().toISOString();
    for (const entry of entries) {
      const { history } = entry;
      // One change per version, newest first: the latest is the entry as it is, the oldest its creation.
      expect(history.map((change) => change.version)).toEqual(
        Array.from({ length: entry.version }, (_, index) => entry.version - index),
      );
      expect(history[0]?.at).toBe(entry.updatedAt);
      expect(history.at(-1)).toMatchObject({ operation: 'createKnowledgeEntry', at: entry.createdAt });
      for (const [index, change] of history.entries()) {
        expect(change.at <= now).toBe(true);
        if (index > 0) expect(change.at < (history[index - 1]?.at ?? '')).toBe(true);
        expect(change.authorName).toBe(leads.get(entry.workingGroup.name));
        if (change.operation === 'updateKnowledgeEntry') {
          expect(change.changedFields.length).toBeGreaterThan(0);
          expect(['title', 'body', 'tags']).toEqual(expect.arrayContaining(change.changedFields));
        }
      }
    }
    const revised = entries.filter((entry) => entry.version > 1);
    expect(revised.length).toBeGreaterThanOrEqual(entries.length / 3);
    expect(revised.length).toBeLessThan(entries.length);
    expect(entries.some((entry) => entry.version >= 3)).toBe(true);
    // The log holds the same history, for an administrator's audit.
    const audit = await app.gql<{ auditLog: { totalCount: number } }>(
      '{ auditLog(filter: { entity: "KnowledgeEntry" }, first: 1) { totalCount } }',
    );
    expect(audit.data?.auditLog.totalCount).toBe(entries.reduce((sum, entry) => sum + entry.version, 0));
    // Written in the order it happened: the log, newest written first, reads newest first.
    const log = await app.gql<{ auditLog: { edges: { node: { at: string } }[] } }>(
      '{ auditLog(first: 100) { edges { node { at } } } }',
    );
    const dates = log.data?.auditLog.edges.map((edge) => edge.node.at) ?? [];
    expect(dates.length).toBe(100);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('ties some knowledge entries to a solution of the catalogue and its project, in the entry’s working group', async () => {
    const response = await app.gql<{
      knowledgeEntries: {
        edges: {
          node: {
            workingGroup: { id: string };
            project: { id: string; workingGroup: { id: string } } | null;
            solution: { id: string; project: { id: string } | null } | null;
          };
        }[];
      };
    }>(`{ knowledgeEntries(first: 50) { edges { node {
          workingGroup { id } project { id workingGroup { id } } solution { id project { id } } } } } }`);
    expect(response.errors).toBeUndefined();
    const linked = (response.data?.knowledgeEntries.edges ?? [])
      .map((edge) => edge.node)
      .filter((entry) => entry.solution !== null);
    expect(linked.length).toBeGreaterThanOrEqual(6);
    for (const entry of linked) {
      expect(entry.project?.id).toBe(entry.solution?.project?.id);
      expect(entry.project?.workingGroup.id).toBe(entry.workingGroup.id);
    }
    // Both cooperations have such entries.
    const groups = await query<{ id: number; cooperationId: number }>(
      'SELECT id, "cooperationId" FROM working_group',
    );
    const cooperationOf = new Map(groups.map((group) => [String(group.id), Number(group.cooperationId)]));
    expect(new Set(linked.map((entry) => cooperationOf.get(entry.workingGroup.id))).size).toBe(2);
  });

  it('says on the mid-sized cities’ cooperation that its member list is a demo of the real one', async () => {
    const [cooperation] = await query<{ description: string; members: number | string }>(
      `SELECT c.description, (SELECT COUNT(*) FROM membership m WHERE m."cooperationId" = c.id) AS members
         FROM cooperation c WHERE c."shortName" = ?`,
      ['EG Mittelstädte'],
    );
    expect(Number(cooperation?.members)).toBe(DEMO_NOTE_MEMBERS);
    expect(cooperation?.description).toContain(`${DEMO_NOTE_MEMBERS} der ${REAL_COMMUNITY_MEMBERS} Städte`);
  });

  it('leaves a database that holds data alone', async () => {
    const before = await snapshot(app.dataSource);
    await expect(new DemoSeeder(app.dataSource).seedIfEmpty()).resolves.toBe(false);
    expect(await snapshot(app.dataSource)).toEqual(before);
  });
});
