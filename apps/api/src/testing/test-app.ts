import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { createApp } from '../bootstrap.js';
import { loadConfig, type AppConfig } from '../config/config.js';

/** Counts the SQL statements the application sends, apart from transaction control. */
export class StatementCounter implements TypeOrmLogger {
  statements: string[] = [];

  logQuery(query: string): void {
    if (!/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA)/i.test(query.trim())) {
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

export interface TestApp {
  readonly app: NestExpressApplication;
  readonly dataSource: DataSource;
  readonly counter: StatementCounter;
  readonly directory: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * Boots the real application on a fresh SQLite file in a temporary folder (migrations applied).
 * With `demoData: true` the demo is loaded, as on a first start.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const directory = mkdtempSync(join(tmpdir(), 'koop-test-'));
  const config: AppConfig = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
    database: { type: 'sqlite', file: join(directory, 'test.sqlite') },
    ...overrides,
  };
  const counter = new StatementCounter();
  const app = await createApp(config, { logger: counter });
  await app.init();
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  return {
    app,
    dataSource,
    counter,
    directory,
    async gql<T>(query: string, variables?: Record<string, unknown>) {
      const response = await request(server).post('/graphql').send({ query, variables });
      return response.body as GraphQLResponse<T>;
    },
    async close() {
      await app.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, to prove that a rejected write changed nothing. */
export async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const tables: { name: string }[] = await dataSource.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const result: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    result[name] = await dataSource.query(`SELECT * FROM "${name}" ORDER BY rowid`);
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
