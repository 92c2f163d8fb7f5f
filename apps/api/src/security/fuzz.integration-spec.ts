import {
  AdoptionSource,
  AdoptionStage,
  AGS_PATTERN,
  CITY_KINDS,
  DISTRICTS,
  isIsoDate,
  LEIKA_PATTERN,
  MATURITY_MODELS,
  MATURITY_MODEL_VERSIONS,
  MONTH_PATTERN,
  NPS_MAX,
  NPS_MIN,
  PROGRESS_MAX,
  PROGRESS_MIN,
  ProjectHealth,
  ProjectKind,
  ProjectPhase,
  RATING_MAX,
  RATING_MIN,
  Role,
  TEXT_LIMITS,
  USERNAME_PATTERN,
  WorkingGroupFocus,
} from '@koop/domain';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
} from 'graphql';
import request from 'supertest';
import { AccountsService } from '../accounts/index.js';
import { SYSTEM_ACTOR } from '../auth/index.js';
import {
  TEST_DIALECT,
  TEST_PASSWORD,
  buildFixture,
  ok,
  startTestApp,
  type Fixture,
  type TestApp,
} from '../testing/index.js';

/**
 * Every query and mutation of the schema, with random and hostile arguments, as an admin and as a city
 * editor. The list of operations and the shape of their arguments come from the schema itself, so a new
 * operation is fuzzed without touching this file. The seed is fixed: a failure is repeatable.
 */
const SEED = 20261129;
/** Runs with plausible values only, per operation and account; then one per input field, hostile there. */
const PLAUSIBLE_RUNS = 3;

/** Answers about the request; anything else (INTERNAL_SERVER_ERROR, no code) is a fault. */
const CLIENT_ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
]);

const HOSTILE_STRINGS = [
  "'; DROP TABLE city; --",
  "' OR '1'='1",
  '" OR ""="',
  '%',
  '_',
  '\\',
  '\u0000',
  '\u202Egnp.exe',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Ärger über Größe – „Anführung“',
  '   ',
  '',
  'null',
  'NaN',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${jndi:ldap://x}',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '2024-02-29',
  '2025-02',
  '2025-00',
  '9999-12',
  '-0001-01-01',
  '2025-02-28T25:61:00Z',
  '1e309',
  '-1',
  '0x10',
  '99999999999999999999',
];

/** Strings of a shape some rule expects, sent where another is expected (a date where a month goes). */
function wellFormedStrings(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...DISTRICTS, ...CITY_KINDS, ...MATURITY_MODEL_VERSIONS, 'Testkooperation', 'TK'),
    fc
      .date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc
      .date({ min: new Date('2015-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 7)),
    fc.stringMatching(/^09\d{6}$/),
    fc.stringMatching(/^\d{14}$/),
    fc.stringMatching(/^[a-z][a-z0-9._-]{2,12}$/),
    fc.string({ minLength: 1, maxLength: 40 }),
  );
}

function strings(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: wellFormedStrings() },
    { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    // Past every text limit; the body limit (512 KB) is not what is tested here.
    { weight: 1, arbitrary: fc.integer({ min: 201, max: 60_000 }).map((n) => 'x'.repeat(n)) },
  );
}

/** Integers at and beyond the edges of the ranges the rules allow (plausible runs cover the inside). */
function ints(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(-2147483648, 2147483647, -1000, -1, 8, 101, 1000) },
    { weight: 1, arbitrary: fc.integer() },
  );
}

function floats(): fc.Arbitrary<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(0, -0, 0.999, 5.0001, -100.5, 100.5, 1e308, -1e308, 2 ** 53) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  );
}

/** A value of the wrong JSON type, for GraphQL's own coercion to refuse. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(true, 1.5, -1, 2 ** 53, '12', [], {}, [1, 2], { id: 1 }),
  fc.jsonValue({ maxDepth: 2 }),
);

interface Known {
  /** Ids that name real rows, by the name of the argument or input field that carries them. */
  readonly idsByName: Record<string, readonly string[]>;
  readonly anyId: readonly string[];
  readonly ozgTopics: readonly string[];
}

function ids(name: string, known: Known): fc.Arbitrary<unknown> {
  const real = known.idsByName[name.replace(/s$/, '')] ?? known.anyId;
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.constantFrom('0', '-1', '999999', '1.5', 'abc', '', ' 1', '1e2', '00001') },
    { weight: 1, arbitrary: fc.constantFrom('9007199254740993', '99999999999999999999', "1' OR '1'='1") },
    { weight: 1, arbitrary: fc.integer({ min: -5, max: 1_000_000 }) },
  );
}

/** Calendar days between two dates, as `YYYY-MM-DD`. */
function days(from: string, to: string): fc.Arbitrary<string> {
  return fc
    .date({ min: new Date(from), max: new Date(to), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
}

/**
 * Values a rule is likely to accept, by the name of the field that carries them: so that a share of the
 * writes succeeds and leaves rows whose values the end of the test checks. Ranges that must come in order
 * (from and to, start and target) do not overlap.
 */
function plausibleString(name: string, known: Known): fc.Arbitrary<string> {
  switch (name) {
    case 'ags':
      return fc.stringMatching(/^09\d{6}$/);
    case 'leikaKey':
      return fc.stringMatching(/^99\d{12}$/);
    case 'district':
      return fc.constantFrom(...DISTRICTS);
    case 'kind':
      return fc.constantFrom(...CITY_KINDS);
    case 'maturityModel':
      return fc.constantFrom(...MATURITY_MODEL_VERSIONS);
    case 'month':
      return days('2019-01-01', '2025-12-31').map((day) => day.slice(0, 7));
    case 'from':
      return days('2019-01-01', '2021-12-31').map((day) => day.slice(0, 7));
    case 'to':
      return days('2022-01-01', '2026-12-31').map((day) => day.slice(0, 7));
    case 'username':
      return fc.stringMatching(/^fuzz[a-z0-9]{3,8}$/);
    case 'ozgTopic':
      return fc.constantFrom(...known.ozgTopics);
    case 'shortName':
      return fc.stringMatching(/^[A-Z]{2,6}$/);
    case 'currentPassword':
    case 'newPassword':
    case 'password':
      return fc.constantFrom(TEST_PASSWORD, 'ein-neues-Kennwort-2026');
    default:
      return fc.string({ minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');
  }
}

function plausibleDate(name: string): fc.Arbitrary<string> {
  switch (name) {
    case 'startDate':
    case 'from':
      return days('2015-01-01', '2020-12-31');
    case 'targetDate':
    case 'to':
      return days('2021-01-01', '2027-12-31');
    case 'dueOn':
      return days('2015-01-01', '2027-12-31');
    default:
      // Live since, joined on, done on: not in the future.
      return days('2015-01-01', '2025-12-31');
  }
}

function plausibleInt(name: string): fc.Arbitrary<number> {
  const ranges: Record<string, [number, number]> = {
    progress: [PROGRESS_MIN, PROGRESS_MAX],
    maturityLevel: [0, 4],
    version: [1, 3],
    population: [1000, 500_000],
    year: [2020, 2027],
    first: [1, 30],
    ratingsCount: [0, 20],
    transactionsStarted: [1000, 5000],
    transactionsCompleted: [0, 999],
  };
  const [min, max] = ranges[name] ?? [0, 5000];
  return fc.integer({ min, max });
}

function plausibleFloat(name: string): fc.Arbitrary<number> {
  if (name === 'nps') return fc.integer({ min: NPS_MIN, max: NPS_MAX });
  return fc.double({ min: RATING_MIN, max: RATING_MAX, noNaN: true });
}

/**
 * Arbitrary values for an input type: plausible values (well-typed, each rule likely to accept them) for
 * every field but `hostile`, which gets a hostile one — huge, negative, an unknown id, SQL, unicode, an
 * impossible date, a value of the wrong type, a null where one is required. One hostile field among
 * plausible ones finds the rule that lets it through; many at once would stop at the first rule.
 */
function valueFor(
  type: GraphQLInputType,
  name: string,
  known: Known,
  hostile: string | null,
  depth = 0,
): fc.Arbitrary<unknown> {
  const target = name === hostile;
  if (isNonNullType(type)) {
    const value = present(type.ofType, name, known, hostile, depth);
    return target
      ? fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) })
      : value;
  }
  return fc.oneof(
    { weight: 6, arbitrary: present(type, name, known, hostile, depth) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );
}

/** A value that is there (neither null nor left out). */
function present(
  type: GraphQLInputType,
  name: string,
  known: Known,
  hostile: string | null,
  depth: number,
): fc.Arbitrary<unknown> {
  const target = name === hostile;
  if (isNonNullType(type)) {
    return valueFor(type, name, known, hostile, depth);
  }
  if (isListType(type)) {
    const item = valueFor(type.ofType, name, known, hostile, depth + 1);
    return target ? fc.oneof(fc.array(item, { maxLength: 6 }), item) : fc.array(item, { maxLength: 3 });
  }
  if (isEnumType(type)) {
    const values = fc.constantFrom(...type.getValues().map((value) => value.name));
    return target ? fc.oneof(fc.constantFrom('UNKNOWN', 'green', ''), wrongType) : values;
  }
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant({});
    const fields = Object.values(type.getFields());
    const record = fc.record(
      Object.fromEntries(
        fields.map((field) => [field.name, valueFor(field.type, field.name, known, hostile, depth + 1)]),
      ),
    );
    return target ? fc.oneof(record, wrongType) : record;
  }
  if (target) {
    const typed = ((): fc.Arbitrary<unknown> => {
      switch (type.name) {
        case 'ID':
          return ids(name, known);
        case 'Int':
          return ints();
        case 'Float':
          return floats();
        case 'Boolean':
          return fc.boolean();
        default:
          return strings();
      }
    })();
    return fc.oneof({ weight: 4, arbitrary: typed }, { weight: 1, arbitrary: wrongType });
  }
  switch (type.name) {
    case 'ID':
      return fc.constantFrom(...(known.idsByName[name.replace(/s$/, '')] ?? known.anyId));
    case 'Int':
      return plausibleInt(name);
    case 'Float':
      return plausibleFloat(name);
    case 'Boolean':
      return fc.boolean();
    case 'Date':
      return plausibleDate(name);
    case 'DateTime':
      return plausibleDate(name).map((day) => `${day}T12:00:00.000Z`);
    default:
      return plausibleString(name, known);
  }
}

/** The names of every argument and input field of an operation, nested ones too. */
function inputNames(args: readonly GraphQLArgument[]): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string, type: GraphQLInputType) => {
    names.add(name);
    const named = getNamedType(type);
    if (isInputObjectType(named) && !seen.has(named.name)) {
      seen.add(named.name);
      for (const field of Object.values(named.getFields())) visit(field.name, field.type);
    }
  };
  for (const arg of args) visit(arg.name, arg.type);
  return [...names];
}

/**
 * The fields of the result with no required argument: its leaves, and the leaves of the single objects it
 * holds (a connection's edges and nodes pass through). Lists within are left out: the arguments are what is
 * fuzzed, and each list within would cost time on every request.
 */
function selectionFor(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((field) =>
    field.args.every((arg) => !isNonNullType(arg.type) || arg.defaultValue !== undefined),
  );
  const parts = ['__typename'];
  for (const field of fields) {
    const passThrough = ['edges', 'node'].includes(field.name);
    if (isLeafType(getNamedType(field.type))) {
      parts.push(field.name);
    } else if (passThrough || (depth < 2 && !isListType(getNullableType(field.type)))) {
      const inner = selectionFor(field.type, passThrough ? depth : depth + 1);
      if (inner !== '{ __typename }') parts.push(`${field.name} ${inner}`);
    }
  }
  return `{ ${parts.join(' ')} }`;
}

interface Operation {
  readonly kind: 'query' | 'mutation';
  readonly name: string;
  readonly document: string;
  readonly args: readonly GraphQLArgument[];
}

function operationOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Operation {
  const variables = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const document = [
    `${kind} Fuzz${variables.length > 0 ? `(${variables.join(', ')})` : ''}`,
    `{ ${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''} ${selectionFor(field.type, 1)} }`,
  ].join(' ');
  return { kind, name: field.name, document, args: field.args };
}

async function sessionCookie(
  server: ReturnType<TestApp['app']['getHttpServer']>,
  username: string,
  password = TEST_PASSWORD,
) {
  const response = await request(server)
    .post('/graphql')
    .send({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: username, p: password },
    });
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]?.split(';')[0];
  if (!cookie) throw new Error(`Sign-in of ${username} failed: ${JSON.stringify(response.body)}`);
  return cookie;
}

type Row = Record<string, unknown>;

const isText = (value: unknown, max: number, required = true) =>
  value === null
    ? !required
    : typeof value === 'string' && value.length <= max && (!required || value.trim() !== '');
const isDateOrNull = (value: unknown) => value === null || (typeof value === 'string' && isIsoDate(value));
const isIntIn = (value: unknown, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
const isCount = (value: unknown) => value === null || isIntIn(value, 0, Number.MAX_SAFE_INTEGER);
const oneOf = (values: readonly unknown[]) => (value: unknown) => values.includes(value);

/** The rules each stored value must keep, by table and column. */
const RULES: Record<string, Record<string, (value: unknown, row: Row) => boolean>> = {
  city: {
    name: (v) => isText(v, TEXT_LIMITS.name),
    ags: (v) => typeof v === 'string' && AGS_PATTERN.test(v),
    population: (v) => isIntIn(v, 0, Number.MAX_SAFE_INTEGER),
    district: oneOf(DISTRICTS),
    kind: oneOf(CITY_KINDS),
  },
  cooperation: {
    name: (v) => isText(v, TEXT_LIMITS.name),
    shortName: (v) => isText(v, TEXT_LIMITS.shortName),
    description: (v) => isText(v, TEXT_LIMITS.description, false),
  },
  membership: { joinedOn: isDateOrNull, role: (v) => isText(v, TEXT_LIMITS.role, false) },
  working_group: {
    name: (v) => isText(v, TEXT_LIMITS.name),
    focus: oneOf(Object.values(WorkingGroupFocus)),
    description: (v) => isText(v, TEXT_LIMITS.description, false),
    leadPerson: (v) => isText(v, TEXT_LIMITS.name, false),
  },
  project: {
    title: (v) => isText(v, TEXT_LIMITS.title),
    description: (v) => isText(v, TEXT_LIMITS.description, false),
    kind: oneOf(Object.values(ProjectKind)),
    phase: oneOf(Object.values(ProjectPhase)),
    health: oneOf(Object.values(ProjectHealth)),
    progress: (v) => isIntIn(v, PROGRESS_MIN, PROGRESS_MAX),
    startDate: isDateOrNull,
    targetDate: (v, row) =>
      isDateOrNull(v) && (v === null || row['startDate'] === null || String(v) >= String(row['startDate'])),
    leikaKey: (v) => v === null || (typeof v === 'string' && LEIKA_PATTERN.test(v)),
    risks: (v) => isText(v, TEXT_LIMITS.description, false),
  },
  milestone: { title: (v) => isText(v, TEXT_LIMITS.title), dueOn: isDateOrNull, doneOn: isDateOrNull },
  status_update: {
    phase: oneOf(Object.values(ProjectPhase)),
    health: oneOf(Object.values(ProjectHealth)),
    progress: (v) => isIntIn(v, PROGRESS_MIN, PROGRESS_MAX),
    summary: (v) => isText(v, TEXT_LIMITS.summary),
    blockers: (v) => isText(v, TEXT_LIMITS.blockers, false),
  },
  adoption: {
    stage: oneOf(Object.values(AdoptionStage)),
    maturityModel: oneOf(MATURITY_MODEL_VERSIONS),
    maturityLevel: (v, row) =>
      v === null ||
      isIntIn(v, 0, MATURITY_MODELS[row['maturityModel'] as keyof typeof MATURITY_MODELS] ?? -1),
    liveSince: (v, row) => isDateOrNull(v) && (row['stage'] !== 'LIVE' || v !== null),
    source: (v) => v === null || Object.values(AdoptionSource).includes(v as AdoptionSource),
    notes: (v) => isText(v, TEXT_LIMITS.notes, false),
  },
  satisfaction: {
    month: (v) => typeof v === 'string' && MONTH_PATTERN.test(v),
    ratingsCount: isCount,
    averageRating: (v) => v === null || (typeof v === 'number' && v >= RATING_MIN && v <= RATING_MAX),
    nps: (v) => v === null || (typeof v === 'number' && v >= NPS_MIN && v <= NPS_MAX),
    transactionsStarted: isCount,
    transactionsCompleted: (v, row) =>
      isCount(v) &&
      (v === null ||
        (row['transactionsStarted'] !== null && Number(v) <= Number(row['transactionsStarted']))),
    visits: isCount,
  },
  account: {
    username: (v) => typeof v === 'string' && USERNAME_PATTERN.test(v),
    displayName: (v) => isText(v, TEXT_LIMITS.name),
  },
  role_grant: { role: oneOf(Object.values(Role)) },
};

describe('fuzzing every operation of the schema', () => {
  let app: TestApp;
  let fixture: Fixture;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let known: Known;

  beforeAll(async () => {
    // Many sign-ins with wrong passwords are part of the fuzz; the limits must not lock the fuzzers out.
    app = await startTestApp({
      login: { maxFailures: 1_000_000, windowSeconds: 1, maxPerAddress: 1_000_000 },
    });
    await app.app.listen(0, '127.0.0.1');
    server = app.app.getHttpServer();
    fixture = await buildFixture(app);
    const { addMilestone } = await ok<{ addMilestone: { id: string } }>(
      app,
      'mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }',
      { input: { projectId: fixture.projectId, title: 'Pilot', dueOn: '2026-06-30' } },
    );
    // The only account the fuzz may disable or change; the fuzzers' own accounts are never named.
    const { account: victim } = await app.app.get(AccountsService).create(SYSTEM_ACTOR, {
      username: 'fuzz-victim',
      displayName: 'Opfer',
      roles: [{ role: Role.VIEWER }],
    });
    const cityIds = Object.values(fixture.cityIds);
    const idsByName: Record<string, string[]> = {
      cityId: cityIds,
      ownerCityId: cityIds,
      leadCityId: cityIds,
      memberCityId: cityIds,
      developedByCityId: cityIds,
      cooperationId: [fixture.cooperationId, fixture.otherCooperationId],
      workingGroupId: [fixture.workingGroupId],
      projectId: [fixture.projectId],
      milestoneId: [addMilestone.id],
      accountId: [String(victim.id)],
    };
    // Reference data the demo would bring: projects name a topic area by its key.
    await app.dataSource.query(
      `INSERT INTO ozg_topic ("key", "nameDe", "nameEn") VALUES ('familie-kind', 'Familie & Kind', 'Family & child'), ('umwelt', 'Umwelt', 'Environment')`,
    );
    known = {
      ozgTopics: ['familie-kind', 'umwelt'],
      idsByName,
      anyId: [...cityIds, fixture.cooperationId, fixture.workingGroupId, fixture.projectId, addMilestone.id],
    };
  });

  afterAll(() => app.close());

  // About 560 requests: seconds on an idle machine, more while other suites run beside it.
  it('answers every operation without a fault and keeps every stored value within its rules', async () => {
    const schema = app.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) => operationOf('query', f)),
      ...Object.values(schema.getMutationType()?.getFields() ?? {}).map((f) => operationOf('mutation', f)),
    ];
    expect(operations.length).toBeGreaterThan(30);
    await app.accountWith('fuzz-editor', [{ role: Role.CITY_EDITOR, cityId: fixture.cityIds.kempten }]);
    const usernames = { admin: 'test-admin', editor: 'fuzz-editor' };
    // A plausible changePassword succeeds: the next sign-in needs the new password.
    const passwords = { admin: TEST_PASSWORD, editor: TEST_PASSWORD };
    const cookies = {
      admin: await sessionCookie(server, usernames.admin),
      editor: await sessionCookie(server, usernames.editor),
    };
    const faults: string[] = [];
    let requests = 0;
    let writes = 0;
    for (const actor of ['admin', 'editor'] as const) {
      for (const operation of operations) {
        const variablesWith = (hostile: string | null) =>
          fc.record(
            Object.fromEntries(
              operation.args.map((arg) => [arg.name, valueFor(arg.type, arg.name, known, hostile)]),
            ),
          );
        // A few runs with plausible values only, then one for each argument and input field with a
        // hostile value there: every rule gets its turn, whatever the sample would have picked.
        const targets = [...Array<null>(PLAUSIBLE_RUNS).fill(null), ...inputNames(operation.args)];
        for (const [index, target] of targets.entries()) {
          const [values] = fc.sample(variablesWith(target), { seed: SEED + index, numRuns: 1 });
          requests += 1;
          const response = await request(server)
            .post('/graphql')
            .set('Cookie', cookies[actor])
            .send({ query: operation.document, variables: values });
          const body = response.body as { errors?: { extensions?: { code?: string } }[] };
          if (operation.name === 'changePassword' && !body.errors) {
            passwords[actor] = String((values as { newPassword: unknown }).newPassword);
          }
          if (operation.name === 'logout') {
            // Signing out ends the fuzzer's own session: sign in again for the next runs.
            cookies[actor] = await sessionCookie(server, usernames[actor], passwords[actor]);
          }
          const codes = (body.errors ?? []).map((error) => error.extensions?.code ?? 'none');
          if (operation.kind === 'mutation' && response.status === 200 && !body.errors) writes += 1;
          if (response.status >= 500 || codes.some((code) => !CLIENT_ERROR_CODES.has(code))) {
            faults.push(
              `${actor} ${operation.name} ${JSON.stringify(values).slice(0, 300)} → ${response.status} ${JSON.stringify(body).slice(0, 300)}`,
            );
          }
        }
      }
    }
    expect(faults).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(operations.length * 2 * PLAUSIBLE_RUNS);
    // Plausible input gets past the rules often enough to leave rows for the check below.
    expect(writes).toBeGreaterThanOrEqual(40);

    const broken: string[] = [];
    for (const [table, columns] of Object.entries(RULES)) {
      const rows: Row[] = await app.dataSource.query(`SELECT * FROM "${table}"`);
      for (const row of rows) {
        for (const [column, rule] of Object.entries(columns)) {
          if (!rule(row[column], row)) {
            broken.push(
              `${table} ${String(row['id'])}.${column} = ${JSON.stringify(row[column])?.slice(0, 80)}`,
            );
          }
        }
      }
    }
    expect(broken).toEqual([]);
    if (TEST_DIALECT === 'sqlite') {
      // PostgreSQL checks every foreign key at every write; SQLite's file is checked here.
      expect(await app.dataSource.query('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await app.dataSource.query('PRAGMA foreign_key_check')).toEqual([]);
    }
  }, 120_000);
});
