import { Controller, Get, type DynamicModule, type INestApplication, Module } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, ModulesContainer, NestFactory, Reflector } from '@nestjs/core';
import {
  GraphQLSchemaHost,
  Mutation,
  Query,
  Resolver,
  RESOLVER_NAME_METADATA,
  RESOLVER_TYPE_METADATA,
} from '@nestjs/graphql';
import request from 'supertest';
import { AppModule } from '../app.module.js';
import { loadConfig, type AppConfig } from '../config/index.js';
import {
  freshDatabase,
  startTestApp,
  type GraphQLResponse,
  type TestApp,
  type TestDatabase,
} from '../testing/index.js';
import { ACCESS_KEY, Public, SignedIn, type AccessRule } from './access.decorator.js';

type RootType = 'Query' | 'Mutation';

/** A method Nest routes requests to, with the access rule the guard will find for it. */
interface Handler {
  readonly operation: string;
  readonly method: string;
  readonly rule: AccessRule | undefined;
}

/** Every method of every provider and controller of the running application, with its class. */
function methodsOf(app: INestApplication, of: 'providers' | 'controllers') {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const seen = new Set<unknown>();
  const methods: { owner: { name: string }; name: string; handler: object }[] = [];
  const wrappers = of === 'providers' ? discovery.getProviders() : discovery.getControllers();
  for (const { metatype } of wrappers) {
    if (typeof metatype !== 'function' || !metatype.prototype || seen.has(metatype)) continue;
    seen.add(metatype);
    const prototype = metatype.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (typeof handler === 'function') methods.push({ owner: metatype, name, handler });
    }
  }
  return methods;
}

/** The Query and Mutation methods of every resolver, read from Nest's own metadata as the guard reads it. */
function resolverHandlers(app: INestApplication): Map<string, Handler[]> {
  const reflector = new Reflector();
  const byOperation = new Map<string, Handler[]>();
  for (const { owner, name, handler } of methodsOf(app, 'providers')) {
    const type: unknown = Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler);
    if (type !== 'Query' && type !== 'Mutation') continue;
    const fieldName = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? name;
    const operation = `${type}.${fieldName}`;
    const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      handler as () => unknown,
      owner as () => unknown,
    ]);
    const handlers = byOperation.get(operation) ?? [];
    handlers.push({ operation, method: `${owner.name}.${name}`, rule });
    byOperation.set(operation, handlers);
  }
  return byOperation;
}

/** `Query.cities`, `Mutation.login`, …: every root field of the schema the application serves. */
function schemaOperations(app: INestApplication): string[] {
  const schema = app.get(GraphQLSchemaHost).schema;
  const roots: [RootType, ReturnType<typeof schema.getQueryType>][] = [
    ['Query', schema.getQueryType()],
    ['Mutation', schema.getMutationType()],
  ];
  return roots.flatMap(([type, root]) => Object.keys(root?.getFields() ?? {}).map((f) => `${type}.${f}`));
}

/**
 * What lacks an access declaration, one line per operation: a schema field whose resolver method declares
 * nothing, a schema field no resolver method answers (so nothing can be checked), and an HTTP route
 * handler that declares nothing.
 */
function undeclaredOperations(app: INestApplication): string[] {
  const handlers = resolverHandlers(app);
  const problems: string[] = [];
  for (const operation of schemaOperations(app)) {
    const found = handlers.get(operation);
    if (!found) {
      problems.push(`${operation}: no resolver method found, so its permission cannot be checked`);
      continue;
    }
    for (const handler of found.filter((h) => !h.rule)) {
      problems.push(`${operation} (${handler.method}) declares no permission`);
    }
  }
  const reflector = new Reflector();
  for (const { owner, name, handler } of methodsOf(app, 'controllers')) {
    if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
    if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
    const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      handler as () => unknown,
      owner as () => unknown,
    ]);
    if (!rule) problems.push(`HTTP ${owner.name}.${name} declares no permission`);
  }
  return problems.sort();
}

describe('every operation declares who may call it', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds a resolver method for every Query and Mutation field, and a declaration on each', () => {
    const operations = schemaOperations(app.app);
    // The contract's operations are all there, so the enumeration is looking at the real schema.
    expect(operations).toEqual(
      expect.arrayContaining([
        'Query.cities',
        'Query.projects',
        'Query.auditLog',
        'Query.me',
        'Mutation.login',
        'Mutation.logout',
        'Mutation.recordAdoption',
        'Mutation.updateProject',
      ]),
    );
    expect(operations.length).toBeGreaterThanOrEqual(35);
    expect(undeclaredOperations(app.app)).toEqual([]);
  });

  it('reads the same rule for an operation as the guard enforces', () => {
    const rules = new Map(
      [...resolverHandlers(app.app).values()].flat().map((h) => [h.operation, h.rule] as const),
    );
    expect(rules.get('Mutation.login')).toEqual({ kind: 'public' });
    expect(rules.get('Query.cities')).toEqual({ kind: 'signedIn' });
    expect(rules.get('Query.auditLog')).toEqual({ kind: 'roles', roles: ['ADMIN', 'CDO'] });
    expect(rules.get('Mutation.createCity')).toEqual({ kind: 'roles', roles: ['ADMIN'] });
  });
});

// Defined here only, and only in the probe application below: an operation someone forgot to declare.
@Resolver()
class ForgetfulResolver {
  @Query(() => String)
  undeclaredProbe(): string {
    return 'answered without a declaration';
  }

  @Mutation(() => String)
  undeclaredWrite(): string {
    return 'written without a declaration';
  }

  @Query(() => String)
  @SignedIn()
  declaredProbe(): string {
    return 'answered for an account';
  }

  @Query(() => String)
  @Public()
  publicProbe(): string {
    return 'answered for anyone';
  }
}

@Controller('probe')
class ForgetfulController {
  @Get()
  undeclaredRoute(): string {
    return 'answered without a declaration';
  }
}

@Module({})
class ProbeModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: ProbeModule,
      imports: [AppModule.forRoot(config)],
      providers: [ForgetfulResolver],
      controllers: [ForgetfulController],
    };
  }
}

describe('an operation without a declaration', () => {
  let probe: INestApplication;
  let database: TestDatabase;

  async function gql(query: string): Promise<GraphQLResponse> {
    const response = await request(probe.getHttpServer()).post('/graphql').send({ query });
    return response.body as GraphQLResponse;
  }

  beforeAll(async () => {
    database = await freshDatabase();
    const config: AppConfig = {
      ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_DATA: 'false' }),
      database: database.config,
    };
    probe = await NestFactory.create(ProbeModule.with(config), { logger: false });
    await probe.init();
  });

  afterAll(async () => {
    await probe.close();
    await database.drop();
  });

  it('is reported by the enumeration, by name, and nothing else is', () => {
    expect(undeclaredOperations(probe)).toEqual([
      'HTTP ForgetfulController.undeclaredRoute declares no permission',
      'Mutation.undeclaredWrite (ForgetfulResolver.undeclaredWrite) declares no permission',
      'Query.undeclaredProbe (ForgetfulResolver.undeclaredProbe) declares no permission',
    ]);
  });

  it('is refused with FORBIDDEN by the guard, naming it, while its declared neighbours answer as declared', async () => {
    for (const [query, operation] of [
      ['{ undeclaredProbe }', 'undeclaredProbe'],
      ['mutation { undeclaredWrite }', 'undeclaredWrite'],
    ]) {
      const response = await gql(query);
      expect(response.data ?? null).toBeNull();
      expect(response.errors).toHaveLength(1);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(response.errors?.[0].message).toContain(`operation ${operation} declares no permission`);
    }
    // The same caller gets past the guard where a declaration lets it, and is asked to sign in where not:
    // the refusal above is the missing declaration, not the caller.
    expect(await gql('{ publicProbe }')).toEqual({ data: { publicProbe: 'answered for anyone' } });
    const signedIn = await gql('{ declaredProbe }');
    expect(signedIn.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is refused over HTTP too', async () => {
    const response = await request(probe.getHttpServer()).get('/probe');
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      code: 'FORBIDDEN',
      message: 'The operation undeclaredRoute declares no permission and is refused.',
    });
  });
});
