import {
  buildFixture,
  monthsFromNow,
  ok,
  sql,
  startTestApp,
  type Fixture,
  type GraphQLClient,
  type GraphQLResponse,
  type TestApp,
} from '../testing/index.js';
import { Role } from '@koop/domain';

/*
 * Many clients edit the same four rows at once, each with the version it last saw: a project, a working
 * group, the adoption of one (project, city) and the satisfaction figures of one month. Every write must
 * be applied or answered with CONFLICT; the audit log must then tell the rows' whole story: one entry per
 * applied write, each starting from the state the one before left, the last one being the row as it is.
 */

const CLIENTS = 8;
const ROUNDS = 5;

type Values = Record<string, string | number | null>;

interface Seen {
  readonly version: number;
}

/** One row everybody edits, and how a client reads and writes it. */
interface Target {
  readonly name: string;
  readonly entity: string;
  entityId: string;
  readonly fields: readonly string[];
  /** What client `c` writes in round `r`: different from what every other write sends. */
  values(c: number, r: number): Values;
  /** The version the client goes by; null: keep the one it last got from a write or a conflict. */
  read(client: GraphQLClient): Promise<Seen | null>;
  write(client: GraphQLClient, version: number, values: Values): Promise<GraphQLResponse>;
  /** The row as it is now, read through the API. */
  current(): Promise<Values & Seen>;
}

interface Applied {
  readonly client: number;
  readonly seen: number;
  readonly version: number;
  readonly sent: Values;
  readonly returned: Values;
}

interface Outcomes {
  applied: Applied[];
  conflicts: { client: number; seen: number; current: Values & Seen }[];
  unexpected: { client: number; seen: number; response: GraphQLResponse }[];
}

interface AuditNode {
  id: string;
  username: string;
  operation: string;
  before: string | null;
  after: string | null;
}

/** A seeded generator, so that a failing run's sequence of delays can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pick(row: Record<string, unknown>, fields: readonly string[]): Values {
  return Object.fromEntries(fields.map((field) => [field, (row[field] ?? null) as Values[string]]));
}

describe('concurrent edits of the same rows', () => {
  let app: TestApp;
  let fixture: Fixture;
  let month: string;
  const clients: GraphQLClient[] = [];
  const usernames: string[] = [];

  const project: Target = {
    name: 'project',
    entity: 'Project',
    entityId: '',
    fields: ['title', 'risks'],
    values: (c, r) => ({ title: `Wohnsitz anmelden · ${c}/${r}`, risks: `Risiko von ${c} in ${r}` }),
    async read(client) {
      const { data } = await client.gql<{ project: Seen }>(
        'query($id: ID!) { project(id: $id) { version } }',
        {
          id: fixture.projectId,
        },
      );
      return data?.project ?? null;
    },
    write: (client, version, values) =>
      client.gql(
        'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { version title risks } }',
        { input: { id: fixture.projectId, version, ...values } },
      ),
    async current() {
      const data = await ok<{ project: Values & Seen }>(
        app,
        'query($id: ID!) { project(id: $id) { version title risks } }',
        { id: fixture.projectId },
      );
      return data.project;
    },
  };

  const workingGroup: Target = {
    name: 'working group',
    entity: 'WorkingGroup',
    entityId: '',
    fields: ['description', 'leadPerson'],
    values: (c, r) => ({ description: `Beschreibung ${c}/${r}`, leadPerson: `Leitung ${c}` }),
    async read(client) {
      const { data } = await client.gql<{ workingGroup: Seen }>(
        'query($id: ID!) { workingGroup(id: $id) { version } }',
        { id: fixture.workingGroupId },
      );
      return data?.workingGroup ?? null;
    },
    write: (client, version, values) =>
      client.gql(
        'mutation($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { version description leadPerson } }',
        { input: { id: fixture.workingGroupId, version, ...values } },
      ),
    async current() {
      const data = await ok<{ workingGroup: Values & Seen }>(
        app,
        'query($id: ID!) { workingGroup(id: $id) { version description leadPerson } }',
        { id: fixture.workingGroupId },
      );
      return data.workingGroup;
    },
  };

  const ADOPTION_FIELDS = 'version stage maturityLevel notes';
  const adoptionOf = async (client: GraphQLClient) => {
    const { data } = await client.gql<{
      project: { adoptions: (Values & Seen & { city: { id: string } })[] };
    }>(`query($id: ID!) { project(id: $id) { adoptions { city { id } ${ADOPTION_FIELDS} } } }`, {
      id: fixture.projectId,
    });
    const row = data?.project.adoptions.find((a) => a.city.id === fixture.cityIds.kempten);
    return row ? { ...pick(row, ['stage', 'maturityLevel', 'notes']), version: row.version } : null;
  };
  const adoption: Target = {
    name: 'adoption',
    entity: 'Adoption',
    entityId: '',
    fields: ['stage', 'maturityLevel', 'notes'],
    values: (c, r) => ({
      stage: ['EVALUATING', 'PLANNED', 'IN_ROLLOUT'][(c + r) % 3],
      maturityLevel: (c + r) % 8,
      notes: `Notiz ${c}/${r}`,
    }),
    read: adoptionOf,
    write: (client, version, values) =>
      client.gql(
        `mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { ${ADOPTION_FIELDS} } }`,
        {
          input: {
            projectId: fixture.projectId,
            cityId: fixture.cityIds.kempten,
            maturityModel: '2.0',
            version,
            ...values,
          },
        },
      ),
    async current() {
      const row = await adoptionOf(app);
      if (!row) throw new Error('The adoption is gone');
      return row;
    },
  };

  const satisfaction: Target = {
    name: 'satisfaction figures',
    entity: 'Satisfaction',
    entityId: '',
    fields: ['ratingsCount', 'averageRating', 'visits'],
    values: (c, r) => ({
      ratingsCount: 100 * (c + 1) + r,
      averageRating: 1 + ((c + r) % 9) / 2,
      visits: 1000 * c + r,
    }),
    // No query gives a month's version: a client goes by what its last write or conflict told it, as the
    // dashboard does after an edit.
    read: async () => null,
    write: (client, version, values) =>
      client.gql(
        'mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { version ratingsCount averageRating visits } }',
        {
          input: { projectId: fixture.projectId, cityId: fixture.cityIds.kempten, month, version, ...values },
        },
      ),
    async current() {
      const data = await ok<{ satisfactionSeries: Values[] }>(
        app,
        `query($p: ID!, $c: ID!, $m: String!) {
          satisfactionSeries(projectId: $p, cityId: $c, from: $m, to: $m) { ratingsCount averageRating visits }
        }`,
        { p: fixture.projectId, c: fixture.cityIds.kempten, m: month },
      );
      const rows: { version: number }[] = await sql(
        app.dataSource,
        'SELECT version FROM satisfaction WHERE "projectId" = ? AND "cityId" = ? AND month = ?',
        [Number(fixture.projectId), Number(fixture.cityIds.kempten), month],
      );
      expect(data.satisfactionSeries).toHaveLength(1);
      expect(rows).toHaveLength(1);
      return { ...data.satisfactionSeries[0], version: rows[0].version };
    },
  };

  const TARGETS = [project, workingGroup, adoption, satisfaction];
  const outcomes = new Map<Target, Outcomes>(
    TARGETS.map((t) => [t, { applied: [], conflicts: [], unexpected: [] }]),
  );
  const initial = new Map<Target, Values & Seen>();
  const auditBefore = new Map<Target, Set<string>>();

  async function auditEntries(target: Target): Promise<AuditNode[]> {
    const nodes: AuditNode[] = [];
    let after: string | null = null;
    do {
      const data: {
        auditLog: {
          edges: { node: AuditNode }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await ok(
        app,
        `query($filter: AuditFilter, $after: String) {
          auditLog(filter: $filter, first: 100, after: $after) {
            edges { node { id username operation before after } }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        { filter: { entity: target.entity, entityId: target.entityId }, after },
      );
      nodes.push(...data.auditLog.edges.map((e) => e.node));
      after = data.auditLog.pageInfo.hasNextPage ? data.auditLog.pageInfo.endCursor : null;
    } while (after);
    // Oldest first: the order the writes were applied in.
    return nodes.reverse();
  }

  async function edit(c: number, next: () => number): Promise<void> {
    const known = new Map<Target, number>(TARGETS.map((t) => [t, initial.get(t)?.version ?? 0]));
    for (let r = 0; r < ROUNDS; r++) {
      const order = [...TARGETS].sort(() => next() - 0.5);
      for (const target of order) {
        const seen = (await target.read(clients[c]))?.version ?? (known.get(target) as number);
        await pause(Math.floor(next() * 4));
        const sent = target.values(c, r);
        const response = await target.write(clients[c], seen, sent);
        const record = outcomes.get(target) as Outcomes;
        const [field] = Object.keys(response.data ?? {});
        const returned = field ? (response.data?.[field] as (Values & Seen) | null) : null;
        const error = response.errors?.length === 1 ? response.errors[0] : null;
        if (!response.errors && returned) {
          record.applied.push({ client: c, seen, version: returned.version, sent, returned });
          known.set(target, returned.version);
        } else if (error?.extensions?.code === 'CONFLICT' && error.extensions['current']) {
          const current = error.extensions['current'] as Values & Seen;
          record.conflicts.push({ client: c, seen, current });
          known.set(target, current.version);
        } else {
          record.unexpected.push({ client: c, seen, response });
        }
      }
    }
  }

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    month = monthsFromNow(-1);
    project.entityId = fixture.projectId;
    workingGroup.entityId = fixture.workingGroupId;
    const recorded = await ok<{ recordAdoption: { id: string } }>(
      app,
      'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }',
      {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.kempten,
          stage: 'NOT_PLANNED',
          maturityModel: '2.0',
        },
      },
    );
    adoption.entityId = recorded.recordAdoption.id;
    const figures = await ok<{ recordSatisfaction: { id: string } }>(
      app,
      'mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }',
      {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.kempten,
          month,
          ratingsCount: 1,
          averageRating: 3,
          visits: 10,
        },
      },
    );
    satisfaction.entityId = figures.recordSatisfaction.id;
    for (let c = 0; c < CLIENTS; c++) {
      const username = `bearbeitung-${c}`;
      // Several kinds of account that may edit all four rows: an admin, CDOs and lead-editors.
      const roles =
        c === 0
          ? [{ role: Role.ADMIN }]
          : [
              { role: c % 2 ? Role.CITY_EDITOR : Role.CDO, cityId: fixture.cityIds.kempten },
              { role: Role.WORKING_GROUP_LEAD, workingGroupId: fixture.workingGroupId },
            ];
      clients.push(await app.accountWith(username, roles));
      usernames.push(username);
    }
    for (const target of TARGETS) {
      initial.set(target, await target.current());
      auditBefore.set(target, new Set((await auditEntries(target)).map((e) => e.id)));
    }
    await Promise.all(clients.map((_client, c) => edit(c, random(4711 + c))));
  });

  afterAll(async () => {
    await app.close();
  });

  describe.each(TARGETS.map((t) => [t.name, t] as const))('the %s', (_name, target) => {
    const result = () => outcomes.get(target) as Outcomes;

    it('answers every write with the write applied or CONFLICT, nothing else', () => {
      expect(result().unexpected).toEqual([]);
      expect(result().applied.length + result().conflicts.length).toBe(CLIENTS * ROUNDS);
      // Both happened, or the clients did not get in each other's way and nothing was tested.
      expect(result().applied.length).toBeGreaterThan(1);
      expect(result().conflicts.length).toBeGreaterThan(0);
    });

    it('applies a write only on the version its client saw, each on the one before it', () => {
      const { applied } = result();
      for (const write of applied) {
        expect({ version: write.version, ...pick(write.returned, target.fields) }).toEqual({
          version: write.seen + 1,
          ...write.sent,
        });
      }
      const start = (initial.get(target) as Seen).version;
      expect(applied.map((w) => w.version).sort((a, b) => a - b)).toEqual(
        applied.map((_w, i) => start + 1 + i),
      );
    });

    it('counts as many audit entries and version steps as applied writes', async () => {
      const known = auditBefore.get(target) as Set<string>;
      const entries = (await auditEntries(target)).filter((e) => !known.has(e.id));
      const final = await target.current();
      expect(entries).toHaveLength(result().applied.length);
      expect(final.version - (initial.get(target) as Seen).version).toBe(result().applied.length);
    });

    it('ends as the last applied write in the audit log left it; each entry starts where the last ended', async () => {
      const known = auditBefore.get(target) as Set<string>;
      const entries = (await auditEntries(target)).filter((e) => !known.has(e.id));
      const appliedByVersion = new Map(result().applied.map((w) => [w.version, w]));
      let previous: Values & Seen = initial.get(target) as Values & Seen;
      for (const entry of entries) {
        const before = JSON.parse(entry.before ?? 'null') as Values & Seen;
        const after = JSON.parse(entry.after ?? 'null') as Values & Seen;
        // Never a silent overwrite: the change was made to exactly the state the previous one left.
        expect({ version: before.version, ...pick(before, target.fields) }).toEqual({
          version: previous.version,
          ...pick(previous, target.fields),
        });
        expect(after.version).toBe(before.version + 1);
        const write = appliedByVersion.get(after.version);
        expect(write).toBeDefined();
        expect({ username: entry.username, ...pick(after, target.fields) }).toEqual({
          username: usernames[write?.client ?? -1],
          ...write?.sent,
        });
        previous = after;
      }
      const final = await target.current();
      expect({ version: final.version, ...pick(final, target.fields) }).toEqual({
        version: previous.version,
        ...pick(previous, target.fields),
      });
    });

    it('tells a client in conflict the values the row had then', async () => {
      const known = auditBefore.get(target) as Set<string>;
      const states = new Map<number, Values>([
        [(initial.get(target) as Seen).version, pick(initial.get(target) as Values, target.fields)],
      ]);
      for (const entry of await auditEntries(target)) {
        if (known.has(entry.id)) continue;
        const after = JSON.parse(entry.after ?? 'null') as Values & Seen;
        states.set(after.version, pick(after, target.fields));
      }
      for (const { seen, current } of result().conflicts) {
        expect(current.version).toBeGreaterThan(seen);
        expect(pick(current, target.fields)).toEqual(states.get(current.version));
      }
    });
  });

  it('keeps every applied adoption change in its history', async () => {
    const data = await ok<{
      project: { adoptions: { city: { id: string }; history: { version: number }[] }[] };
    }>(app, 'query($id: ID!) { project(id: $id) { adoptions { city { id } history { version } } } }', {
      id: fixture.projectId,
    });
    const row = data.project.adoptions.find((a) => a.city.id === fixture.cityIds.kempten);
    const versions = (row?.history ?? []).map((h) => h.version).sort((a, b) => a - b);
    expect(versions).toEqual([1, ...(outcomes.get(adoption) as Outcomes).applied.map((_w, i) => 2 + i)]);
  });
});
