import './common/graphql-enums.js';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { GraphQLFormattedError } from 'graphql';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module.js';
import { AdoptionsModule } from './adoptions/adoptions.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AccessGuard } from './auth/access.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { CitiesModule } from './cities/cities.module.js';
import { GraphQLErrorFilter } from './common/graphql-error.filter.js';
import { createValidationPipe } from './common/validation.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import { CooperationsModule } from './cooperations/cooperations.module.js';
import { dataSourceOptions, type DataSourceExtras } from './database/data-source.js';
import { TransactionsModule } from './database/transactions.js';
import { FiguresModule } from './figures/index.js';
import { HealthController } from './health/health.controller.js';
import type { HttpContext } from './auth/request-actor.js';
import { createLoaders, type GraphQLContext } from './loaders/loaders.js';
import { OverviewModule } from './overview/overview.module.js';
import { ProjectsModule } from './projects/projects.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { SatisfactionModule } from './satisfaction/satisfaction.module.js';
import { WorkingGroupsModule } from './working-groups/working-groups.module.js';
import { costLimitPlugin, limitRules } from './security/graphql-limits.js';

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

/** Keeps our errors as they are; hides the inside of unexpected ones in production. */
function formatError(config: AppConfig) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const code = String(formatted.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR');
    if (KNOWN_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
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

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extras: DataSourceExtras = {}): DynamicModule {
    return {
      module: AppModule,
      global: false,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (req) => req.url === '/health' },
            redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
            ...(config.environment === 'development' && process.stdout.isTTY
              ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
              : {}),
          },
        }),
        TypeOrmModule.forRoot(dataSourceOptions(config.database, extras)),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => ({
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
            plugins: [costLimitPlugin(config.graphql.maxCost)],
            allowBatchedHttpRequests: false,
            persistedQueries: false,
            // Refuses requests a browser would send cross-site without a preflight (form posts, GETs).
            csrfPrevention: true,
            formatError: formatError(config),
            context: ({ req, res }: HttpContext): GraphQLContext & HttpContext => ({
              loaders: createLoaders(dataSource),
              req,
              res,
            }),
          }),
        }),
        ConfigModule.forRoot(config),
        TransactionsModule,
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
        FiguresModule,
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
