import { isIP } from 'node:net';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'], {
    error: 'must be one of true, false, 1, 0, on, off, yes, no',
  })
  .transform((value) => ['true', '1', 'on', 'yes'].includes(value));

const databaseUrl = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((value) => /^(sqlite|file):.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value), {
    error: 'must be sqlite:<file path>, file:<file path> or a postgres:// URL',
  });

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a subnet (address/prefix) or one of express's names for address ranges. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

// `true` would believe any X-Forwarded-For and let every client pick its own address.
const trustProxy = z
  .string()
  .trim()
  .transform((value, context): false | number | string[] => {
    if (['false', '0', 'off', 'no'].includes(value)) return false;
    if (/^\d+$/.test(value) && Number(value) <= 10) return Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    if (entries.every(isProxyAddress)) return entries;
    context.addIssue({
      code: 'custom',
      message:
        'must be false, a number of proxy hops (1 to 10), or a comma-separated list of proxy addresses, subnets, loopback, linklocal or uniquelocal',
    });
    return z.NEVER;
  });

/** A time-out in whole seconds; 0 would mean "never" to Node, which is what these settings prevent. */
function seconds(maximum: number) {
  return z.coerce
    .number({ error: 'must be a number of seconds' })
    .int('must be a whole number of seconds')
    .min(1, 'must be at least 1 second')
    .max(maximum, `must be at most ${maximum} seconds`);
}

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(65535, 'must be at most 65535')
    .default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATABASE_URL: databaseUrl.default('sqlite:data/kooperationscockpit.sqlite'),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(200, 'must be at most 200')
    .default(10),
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'must be development, production or test' })
    .default('development'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be fatal, error, warn, info, debug, trace or silent',
    })
    .default('info'),
  DEMO_DATA: booleanFlag.default(true),
  DASHBOARD_DIR: z.string().trim().min(1).default('dist/apps/dashboard/browser'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(720)
    .default(12),
  COOKIE_SECURE: booleanFlag.optional(),
  LOGIN_MAX_FAILURES: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(1000)
    .default(10),
  LOGIN_WINDOW_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(86400)
    .default(900),
  LOGIN_MAX_PER_ADDRESS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(100000)
    .default(100),
  OIDC_ISSUER: z.url({ error: 'must be a URL' }).optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url({ error: 'must be a URL' }).optional(),
  OIDC_ROLES_CLAIM: z.string().trim().min(1).default('roles'),
  OIDC_ALLOW_HTTP: booleanFlag.default(false),
  GRAPHQL_MAX_DEPTH: z.coerce.number({ error: 'must be a number' }).int().min(2).max(100).default(12),
  GRAPHQL_MAX_COST: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(10)
    .max(1_000_000)
    .default(20000),
  GRAPHQL_MAX_ALIASES: z.coerce.number({ error: 'must be a number' }).int().min(1).max(10000).default(40),
  GRAPHQL_MAX_ROOT_FIELDS: z.coerce.number({ error: 'must be a number' }).int().min(1).max(1000).default(20),
  GRAPHQL_MAX_QUERY_LENGTH: z.coerce
    .number({ error: 'must be a number' })
    .int()
    .min(100)
    .max(1_000_000)
    .default(20000),
  BODY_LIMIT_KB: z.coerce.number({ error: 'must be a number' }).int().min(1).max(102400).default(512),
  HTTP_REQUEST_TIMEOUT_SECONDS: seconds(3600).default(30),
  HTTP_HEADERS_TIMEOUT_SECONDS: seconds(600).default(10),
  HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: seconds(600).default(5),
  GRAPHQL_INTROSPECTION: booleanFlag.optional(),
  TRUST_PROXY: trustProxy.default(false),
  LIVE_MAX_STREAMS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100000, 'must be at most 100000')
    .default(2000),
  LIVE_MAX_STREAMS_PER_SESSION: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10000, 'must be at most 10000')
    .default(8),
  LIVE_IDLE_SECONDS: seconds(86400).default(1800),
  LIVE_MAX_LIFETIME_SECONDS: seconds(86400).default(3600),
  LIVE_HEARTBEAT_SECONDS: seconds(3600).default(15),
  LIVE_MAX_BUFFER_KB: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10240, 'must be at most 10240')
    .default(64),
  OPEN_DATA_CONTRIBUTOR_ID: z
    .url({ error: 'must be a URL' })
    .startsWith('http://dcat-ap.de/def/contributors/', {
      error: 'must be a contributor URI of DCAT-AP.de (http://dcat-ap.de/def/contributors/…)',
    })
    .default('http://dcat-ap.de/def/contributors/openDataBayern'),
  OPEN_DATA_CONTACT_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
  OPEN_DATA_MAX_PER_MINUTE: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1)
    .max(100000)
    .default(120),
});

export type DatabaseConfig =
  | { readonly type: 'sqlite'; readonly file: string }
  | { readonly type: 'postgres'; readonly url: string; readonly poolSize: number };

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly environment: 'development' | 'production' | 'test';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly demoData: boolean;
  readonly dashboardDir: string;
  readonly session: {
    /** From SESSION_SECRET, or null: then a secret is generated once and kept in the database. */
    readonly secret: string | null;
    readonly ttlHours: number;
    readonly cookieSecure: boolean;
  };
  readonly login: {
    readonly maxFailures: number;
    readonly windowSeconds: number;
    readonly maxPerAddress: number;
  };
  readonly oidc: OidcConfig | null;
  readonly graphql: {
    readonly maxDepth: number;
    readonly maxCost: number;
    readonly maxAliases: number;
    readonly maxRootFields: number;
    readonly maxQueryLength: number;
    readonly introspection: boolean;
  };
  readonly bodyLimitKb: number;
  /** Time-outs of the HTTP server, so that a slow or stalled client cannot hold a connection. */
  readonly http: {
    /** Receiving a whole request, headers and body. */
    readonly requestTimeoutMs: number;
    /** Receiving a request's headers. */
    readonly headersTimeoutMs: number;
    /** Keeping an idle connection open for the next request. */
    readonly keepAliveTimeoutMs: number;
  };
  /**
   * Which reverse proxies to believe about the client's address (express's `trust proxy`): false, a
   * number of hops, or their addresses. The per-address sign-in limit counts by that address.
   */
  readonly trustProxy: false | number | readonly string[];
  readonly openData: OpenDataConfig;
  /** Limits of the live streams at /graphql/stream, per API process. */
  readonly live: LiveConfig;
}

export interface LiveConfig {
  /** Open streams of the whole process. */
  readonly maxStreams: number;
  /** Open streams of one session (browser tabs of one sign-in). */
  readonly maxStreamsPerSession: number;
  /** A stream that carried no signal this long is closed; a client still showing the page reconnects. */
  readonly idleMs: number;
  /** Every stream is closed after this long, so that a reconnect checks the session again. */
  readonly maxLifetimeMs: number;
  /** A comment line this often keeps proxies from closing a quiet stream and finds dead clients. */
  readonly heartbeatMs: number;
  /** Bytes a client may leave unread before its stream is closed: a slow client never holds up others. */
  readonly maxBufferBytes: number;
}

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  readonly rolesClaim: string;
  /** Only for tests against a local provider: allows an http:// issuer. */
  readonly allowHttp: boolean;
}

/** What the open-data catalog says about its publisher, and how often one address may ask. */
export interface OpenDataConfig {
  /** `dcatde:contributorID`: the data provider's id at GovData. */
  readonly contributorId: string;
  /** `dcat:contactPoint`'s e-mail: an office's mailbox, never a person's; the site's address when unset. */
  readonly contactEmail: string | null;
  /** Requests per client address and minute (per process). */
  readonly maxPerMinute: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parseDatabaseUrl(url: string, poolSize: number): DatabaseConfig {
  if (url.startsWith('postgres')) {
    return { type: 'postgres', url, poolSize };
  }
  return { type: 'sqlite', file: url.replace(/^(sqlite|file):/, '') };
}

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = environmentSchema.safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}=${JSON.stringify(present[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const values = result.data;
  const oidcVariables = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'] as const;
  const oidcGiven = oidcVariables.filter((name) => values[name] !== undefined);
  if (oidcGiven.length > 0 && oidcGiven.length < oidcVariables.length) {
    throw new ConfigError(
      oidcVariables
        .filter((name) => values[name] === undefined)
        .map(
          (name) =>
            `${name}: is required when ${oidcGiven.join(', ')} ${oidcGiven.length > 1 ? 'are' : 'is'} set`,
        ),
    );
  }
  if (values.OIDC_ISSUER?.startsWith('http://') && !values.OIDC_ALLOW_HTTP) {
    throw new ConfigError([
      `OIDC_ISSUER=${JSON.stringify(values.OIDC_ISSUER)}: must be an https:// URL (OIDC_ALLOW_HTTP=true is for tests against a local provider only)`,
    ]);
  }
  if (values.HTTP_HEADERS_TIMEOUT_SECONDS > values.HTTP_REQUEST_TIMEOUT_SECONDS) {
    throw new ConfigError([
      `HTTP_HEADERS_TIMEOUT_SECONDS=${values.HTTP_HEADERS_TIMEOUT_SECONDS}: must not be more than HTTP_REQUEST_TIMEOUT_SECONDS (${values.HTTP_REQUEST_TIMEOUT_SECONDS}): the headers are part of the request`,
    ]);
  }
  const production = values.NODE_ENV === 'production';
  return {
    port: values.PORT,
    host: values.HOST,
    database: parseDatabaseUrl(values.DATABASE_URL, values.DATABASE_POOL_SIZE),
    environment: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    demoData: values.DEMO_DATA,
    dashboardDir: values.DASHBOARD_DIR,
    session: {
      secret: values.SESSION_SECRET ?? null,
      ttlHours: values.SESSION_TTL_HOURS,
      cookieSecure: values.COOKIE_SECURE ?? production,
    },
    login: {
      maxFailures: values.LOGIN_MAX_FAILURES,
      windowSeconds: values.LOGIN_WINDOW_SECONDS,
      maxPerAddress: values.LOGIN_MAX_PER_ADDRESS,
    },
    oidc:
      values.OIDC_ISSUER && values.OIDC_CLIENT_ID && values.OIDC_CLIENT_SECRET && values.OIDC_REDIRECT_URI
        ? {
            issuer: values.OIDC_ISSUER,
            clientId: values.OIDC_CLIENT_ID,
            clientSecret: values.OIDC_CLIENT_SECRET,
            redirectUri: values.OIDC_REDIRECT_URI,
            rolesClaim: values.OIDC_ROLES_CLAIM,
            allowHttp: values.OIDC_ALLOW_HTTP,
          }
        : null,
    graphql: {
      maxDepth: values.GRAPHQL_MAX_DEPTH,
      maxCost: values.GRAPHQL_MAX_COST,
      maxAliases: values.GRAPHQL_MAX_ALIASES,
      maxRootFields: values.GRAPHQL_MAX_ROOT_FIELDS,
      maxQueryLength: values.GRAPHQL_MAX_QUERY_LENGTH,
      introspection: values.GRAPHQL_INTROSPECTION ?? !production,
    },
    bodyLimitKb: values.BODY_LIMIT_KB,
    http: {
      requestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_SECONDS * 1000,
      headersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_SECONDS * 1000,
      keepAliveTimeoutMs: values.HTTP_KEEP_ALIVE_TIMEOUT_SECONDS * 1000,
    },
    trustProxy: values.TRUST_PROXY,
    live: {
      maxStreams: values.LIVE_MAX_STREAMS,
      maxStreamsPerSession: values.LIVE_MAX_STREAMS_PER_SESSION,
      idleMs: values.LIVE_IDLE_SECONDS * 1000,
      maxLifetimeMs: values.LIVE_MAX_LIFETIME_SECONDS * 1000,
      heartbeatMs: values.LIVE_HEARTBEAT_SECONDS * 1000,
      maxBufferBytes: values.LIVE_MAX_BUFFER_KB * 1024,
    },
    openData: {
      contributorId: values.OPEN_DATA_CONTRIBUTOR_ID,
      contactEmail: values.OPEN_DATA_CONTACT_EMAIL ?? null,
      maxPerMinute: values.OPEN_DATA_MAX_PER_MINUTE,
    },
  };
}
