import './common/index.js';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import { Logger, LoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { DataSource } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module.js';
import { AdoptionsModule } from './adoptions/adoptions.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AccessGuard, type HttpContext } from './auth/index.js';
import { AuthModule } from './auth/auth.module.js';
import { CitiesModule } from './cities/cities.module.js';
import { GraphQLErrorFilter, createValidationPipe } from './common/index.js';
import type { AppConfig } from './config/index.js';
import { ConfigModule } from './config/config.module.js';
import { CooperationsModule } from './cooperations/cooperations.module.js';
import { DigestModule } from './digest/digest.module.js';
import { dataSourceOptions, type DataSourceExtras } from './data-source.js';
import { ReadsModule, WritesModule } from './database/index.js';
import { ExportsModule } from './exports/exports.module.js';
import { FiguresModule } from './figures/figures.module.js';
import { KnowledgeModule } from './knowledge/knowledge.module.js';
import { SearchModule } from './search/search.module.js';
import { HealthController } from './health/health.controller.js';
import { LiveModule } from './live/live.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { createLoaders, type GraphQLContext } from './graphql-context.js';
import { MeetingsModule } from './meetings/meetings.module.js';
import { OpenDataModule } from './open-data/open-data.module.js';
import { OverviewModule } from './overview/overview.module.js';
import { ForecastModule } from './forecast/forecast.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { SatisfactionModule } from './satisfaction/satisfaction.module.js';
import { SolutionsModule } from './solutions/solutions.module.js';
import { WorkingGroupsModule } from './working-groups/working-groups.module.js';
import { costLimitPlugin, limitRules, offeredOperationsPlugin } from './security/index.js';

export interface AppExtras extends DataSourceExtras {
  /** Where the log lines go instead of stdout; tests read them. */
  readonly logDestination?: DestinationStream;
}

/** Answers about the request, not faults of the server: shown to the client as they are. */
const KNOWN_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Keeps our errors as they are; logs every other one, with its stack, and hides its inside in production.
 * Every error Apollo answers passes here — from resolvers, and from outside them (serialising a value,
 * building the context, a plugin) — so this is the one place that logs them.
 */
function formatError(config: AppConfig, logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
    if (KNOWN_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const cause = unwrapResolverError(error);
    logger.error(
      { err: cause instanceof Error ? cause : new Error(String(cause)), code, path: formatted.path },
      `GraphQL answered ${code}: ${formatted.message}`,
      'GraphQL',
    );
    if (config.environment === 'production') {
      return {
        message: 'Internal server error. The error was logged.',
        path: formatted.path,
        extensions: { code },
      };
    }
    return formatted;
  };
}

function pinoHttpOptions(config: AppConfig, extras: AppExtras): Params['pinoHttp'] {
  const options: PinoHttpOptions = {
    level: config.logLevel,
    autoLogging: { ignore: (req) => req.url === '/health' },
    // One short line per request: what was asked and how it ended. Headers (the CSP alone is half a
    // kilobyte) cost more to serialise and store than they tell, and carry cookies and client details.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
  if (extras.logDestination) {
    return [options, extras.logDestination];
  }
  return config.environment === 'development' && process.stdout.isTTY
    ? { ...options, transport: { target: 'pino-pretty', options: { singleLine: true } } }
    : options;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extras: AppExtras = {}): DynamicModule {
    return {
      module: AppModule,
      global: false,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: pinoHttpOptions(config, extras),
          // A silent log writes nothing, about requests or from within them: then no request needs a logger
          // of its own (pino-http's child logger, request id and response listeners).
          ...(config.logLevel === 'silent' ? { forRoutes: [] } : {}),
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.database, extras)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DataSource, Logger],
          useFactory: (dataSource: DataSource, logger: Logger) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            // Introspection and "Did you mean …?" suggestions both tell the schema: off together.
            introspection: config.graphql.introspection,
            hideSchemaDetailsFromClientErrors: !config.graphql.introspection,
            includeStacktraceInErrorResponses: false,
            // Limits from configuration; the query length and batching are refused before Apollo.
            validationRules: limitRules(config.graphql),
            plugins: [
              offeredOperationsPlugin(),
              costLimitPlugin(config.graphql.maxCost),
              // Its cache hints are used nowhere, and a plugin that watches each field's resolution costs
              // every field a wrapper; /graphql sends `Cache-Control: no-store` itself (bootstrap.ts).
              ApolloServerPluginCacheControlDisabled(),
            ],
            allowBatchedHttpRequests: false,
            persistedQueries: false,
            // Refuses requests a browser would send cross-site without a preflight (form posts, GETs).
            csrfPrevention: true,
            formatError: formatError(config, logger),
            context: ({ req, res }: HttpContext): GraphQLContext & HttpContext => ({
              loaders: createLoaders(dataSource),
              req,
              res,
            }),
          }),
        }),
        ConfigModule.forRoot(config),
        WritesModule,
        ReadsModule,
        AuditModule,
        AccountsModule,
        AuthModule,
        ReferenceModule,
        CitiesModule,
        CooperationsModule,
        WorkingGroupsModule,
        ProjectsModule,
        AdoptionsModule,
        SatisfactionModule,
        OverviewModule,
        ForecastModule,
        FiguresModule,
        DigestModule,
        ReportsModule,
        MeetingsModule,
        SolutionsModule,
        LiveModule,
        ExportsModule,
        OpenDataModule,
        ImportsModule,
        KnowledgeModule,
        SearchModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphQLErrorFilter },
        // Every operation declares who may call it; one that declares nothing is refused.
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
