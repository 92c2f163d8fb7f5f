import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { Role } from '@koop/domain';
import type { App } from 'supertest/types.js';
import { AccountsService, type RoleGrantInput } from '../accounts/index.js';
import { SYSTEM_ACTOR } from '../auth/index.js';
import type { AppExtras } from '../app.module.js';
import { createApp } from '../bootstrap.js';
import { loadConfig, type AppConfig } from '../config/index.js';
import { freshDatabase, TEST_DIALECT } from './test-database.js';

/** Counts the SQL statements the application sends, apart from transaction control. */
export class StatementCounter implements TypeOrmLogger {
  statements: string[] = [];

  logQuery(query: string): void {
    // Neither transaction control nor the reading of the data version (database/data-version.ts), which on
    // SQLite is a PRAGMA outside TypeORM, are statements of the feature under test.
    if (
      !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|SELECT pg_current_snapshot\(\))/i.test(query.trim())
    ) {
      this.statements.push(query);
    }
  }
  logQueryError(): void {
    // errors surface in the responses; only statements are counted
  }
  logQuerySlow(): void {
    // not counted
  }
  logSchemaBuild(): void {
    // not counted
  }
  logMigration(): void {
    // not counted
  }
  log(): void {
    // not counted
  }

  reset(): void {
    this.statements = [];
  }
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** Sends GraphQL requests with one session cookie (or none). */
export interface GraphQLClient {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
}

export interface TestApp extends GraphQLClient {
  readonly app: NestExpressApplication;
  readonly dataSource: DataSource;
  readonly counter: StatementCounter;
  readonly directory: string;
  /** A client without a session. */
  readonly anonymous: GraphQLClient;
  /** Signs in and returns a client with that session; fails the test when sign-in fails. */
  signIn(username: string, password?: string): Promise<GraphQLClient>;
  /** Creates an account with the given roles (password TEST_PASSWORD, no change needed) and signs it in. */
  accountWith(username: string, roles: RoleGrantInput[]): Promise<GraphQLClient>;
  close(): Promise<void>;
}

/** Password of the accounts tests create. */
export const TEST_PASSWORD = 'test-password-0123456789';

function client(server: App, cookie: string | null): GraphQLClient {
  return {
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const pending = request(server).post('/graphql');
      if (cookie) pending.set('Cookie', cookie);
      const response = await pending.send({ query, variables });
      return response.body as GraphQLResponse<T>;
    },
  };
}

async function signIn(server: App, username: string, password: string): Promise<GraphQLClient> {
  const response = await request(server)
    .post('/graphql')
    .send({
      query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
      variables: { u: username, p: password },
    });
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const session = cookies.find((c) => c.startsWith('koop_session='));
  if (!session || response.body.errors) {
    throw new Error(`Sign-in of ${username} failed: ${JSON.stringify(response.body.errors)}`);
  }
  return client(server, session.split(';')[0]);
}

/**
 * Boots the real application on a fresh database of its own (a SQLite file in a temporary folder, or a new
 * PostgreSQL database when the suite runs on PostgreSQL), migrations applied.
 * With `demoData: true` the demo is loaded, as on a first start.
 * `extras.logDestination` receives the log lines; the first app a test file starts decides where they go
 * (nestjs-pino keeps one root logger per module registry: in jest, per test file).
 */
export async function startTestApp(
  overrides: Partial<AppConfig> = {},
  extras: Omit<AppExtras, 'logger'> = {},
): Promise<TestApp> {
  const database = await freshDatabase();
  const { directory } = database;
  const config: AppConfig = {
    // Defaults that follow from the environment (introspection, Secure cookies) follow the override.
    ...loadConfig({ NODE_ENV: overrides.environment ?? 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
    database: database.config,
    ...overrides,
  };
  const counter = new StatementCounter();
  const app = await createApp(config, { ...extras, logger: counter });
  await app.init();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  const accounts = app.get(AccountsService);
  const accountWith = async (username: string, roles: RoleGrantInput[]) => {
    await accounts.create(
      SYSTEM_ACTOR,
      { username, displayName: username, roles },
      { password: TEST_PASSWORD, mustChangePassword: false },
    );
    return signIn(server, username, TEST_PASSWORD);
  };
  const admin = await accountWith('test-admin', [{ role: Role.ADMIN }]);
  counter.reset();
  return {
    app,
    dataSource,
    counter,
    directory,
    gql: admin.gql,
    anonymous: client(server, null),
    signIn: (username, password = TEST_PASSWORD) => signIn(server, username, password),
    accountWith,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/** Every row of every table, to prove that a rejected write changed nothing. */
export async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: { name: string }[] = await dataSource.query(
    TEST_DIALECT === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
      : "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const result: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows: unknown[] = await dataSource.query(`SELECT * FROM "${name}"`);
    // PostgreSQL has no stable physical order (an UPDATE moves a row): compare the rows as a set.
    result[name] = rows
      .map((row) => ({ row, key: JSON.stringify(row) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ row }) => row);
  }
  return result;
}

/** The error of a response that must have failed, with its code and message. */
export function onlyError(response: GraphQLResponse): {
  code: string | undefined;
  message: string;
  field?: unknown;
} {
  if (!response.errors || response.errors.length !== 1) {
    throw new Error(`Expected exactly one error, got ${JSON.stringify(response)}`);
  }
  const [error] = response.errors;
  return { code: error.extensions?.code, message: error.message, field: error.extensions?.['field'] };
}
