import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { type: 'sqlite', file: 'data/kooperationscockpit.sqlite' },
      environment: 'development',
      logLevel: 'info',
      demoData: true,
    });
  });

  it('reads a PostgreSQL URL and switches demo data off', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://koop@db/koop', DEMO_DATA: 'false', PORT: '8080' });
    expect(config.database).toEqual({ type: 'postgres', url: 'postgres://koop@db/koop', poolSize: 10 });
    expect(config.demoData).toBe(false);
    expect(config.port).toBe(8080);
  });

  it('names every bad variable and the reason', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT="abc": must be a number/);
    expect(problems).toMatch(/LOG_LEVEL="loud": must be fatal/);
    expect(problems).toMatch(/DATABASE_URL="mysql:\/\/x": must be sqlite/);
    expect(problems).toMatch(/DEMO_DATA="maybe": must be one of/);
  });

  it('sets the HTTP time-outs deliberately, in seconds, and refuses "never"', () => {
    expect(loadConfig({}).http).toEqual({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5_000,
    });
    expect(
      loadConfig({
        HTTP_REQUEST_TIMEOUT_SECONDS: '120',
        HTTP_HEADERS_TIMEOUT_SECONDS: '20',
        HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: '65',
      }).http,
    ).toEqual({ requestTimeoutMs: 120_000, headersTimeoutMs: 20_000, keepAliveTimeoutMs: 65_000 });
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(
      /HTTP_REQUEST_TIMEOUT_SECONDS="0": must be at least 1 second/,
    );
    expect(() => loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_SECONDS: '1.5' })).toThrow(
      /HTTP_KEEP_ALIVE_TIMEOUT_SECONDS="1.5": must be a whole number of seconds/,
    );
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_SECONDS: 'soon' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_SECONDS="soon": must be a number of seconds/,
    );
    expect(() =>
      loadConfig({ HTTP_REQUEST_TIMEOUT_SECONDS: '5', HTTP_HEADERS_TIMEOUT_SECONDS: '10' }),
    ).toThrow(/HTTP_HEADERS_TIMEOUT_SECONDS=10: must not be more than HTTP_REQUEST_TIMEOUT_SECONDS \(5\)/);
  });

  it('rejects a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT="70000": must be at most 65535/);
  });

  it('believes no proxy unless told which, and never any proxy at all', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const value of ['true', '10.0.0.0/33', 'proxy.example.org']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY=".*": must be false, a number of proxy hops/,
      );
    }
  });

  it('refuses an http:// OpenID Connect issuer unless it is allowed for tests', () => {
    const oidc = {
      OIDC_ISSUER: 'http://keycloak.local/realms/koop',
      OIDC_CLIENT_ID: 'cockpit',
      OIDC_CLIENT_SECRET: 'secret',
      OIDC_REDIRECT_URI: 'https://cockpit.example/auth/oidc/callback',
    };
    expect(() => loadConfig(oidc)).toThrow(
      /OIDC_ISSUER="http:\/\/keycloak.local\/realms\/koop": must be an https:\/\/ URL/,
    );
    expect(loadConfig({ ...oidc, OIDC_ALLOW_HTTP: 'true' }).oidc?.issuer).toBe(
      'http://keycloak.local/realms/koop',
    );
  });
});
