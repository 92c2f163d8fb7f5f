import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { onlyError, startTestApp, type TestApp } from '../testing/index.js';

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

const NORMAL = '{ appInfo { demoData } }';

describe('HTTP security in production', () => {
  let app: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  const dashboard = join(process.cwd(), 'tmp', `security-dashboard-${process.pid}`);

  beforeAll(async () => {
    mkdirSync(dashboard, { recursive: true });
    // As the Angular build writes it: the nonce placeholder on the root and copied to inlined code.
    writeFileSync(
      join(dashboard, 'index.html'),
      [
        '<!doctype html><html><head><style nonce="KOOP_CSP_NONCE">body{margin:0}</style></head>',
        '<body><koop-root ngCspNonce="KOOP_CSP_NONCE"></koop-root>',
        '<script src="main-ABC.js" type="module"></script>',
        '<script nonce="KOOP_CSP_NONCE">document.body.dataset.ready = "yes"</script></body></html>',
      ].join(''),
    );
    writeFileSync(join(dashboard, 'main-ABC.js'), 'export {}');
    app = await startTestApp({ environment: 'production', dashboardDir: dashboard });
    server = app.app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dashboard, { recursive: true, force: true });
  });

  it('serves the dashboard under a strict Content-Security-Policy with a fresh nonce per response', async () => {
    const nonces: string[] = [];
    for (const path of ['/', '/projekte/12', '/index.html']) {
      const page = await request(server).get(path).set('Accept', 'text/html');
      expect(page.status).toBe(200);
      const csp = directives(page.headers['content-security-policy']);
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp['script-src']?.join(' ') ?? '')?.[1];
      expect(nonce).toBeDefined();
      nonces.push(nonce ?? '');
      expect(csp).toEqual({
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'", `'nonce-${nonce}'`],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", `'nonce-${nonce}'`],
        'img-src': ["'self'"],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
      });
      expect(page.text).not.toContain('KOOP_CSP_NONCE');
      expect(page.text.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonce}"`, `nonce="${nonce}"`]);
      expect(page.text).toContain(`ngCspNonce="${nonce}"`);
      // A cached copy would carry a nonce that a later policy no longer allows.
      expect(page.headers['cache-control']).toBe('no-store');
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it('sends the other security headers on the dashboard, its files and /graphql', async () => {
    const responses = [
      await request(server).get('/').set('Accept', 'text/html'),
      await request(server).get('/main-ABC.js'),
      await request(server).post('/graphql').send({ query: NORMAL }),
    ];
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
      });
      const csp = directives(response.headers['content-security-policy']);
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(response.headers['content-security-policy']).not.toMatch(/unsafe-(inline|eval)/);
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('leaves the API paths to the API, the sign-in with OpenID Connect too', async () => {
    for (const path of ['/graphql', '/health', '/auth/oidc/login']) {
      const response = await request(server).get(path).set('Accept', 'text/html');
      expect(response.text).not.toContain('<koop-root');
    }
  });

  it('turns introspection and field suggestions off', async () => {
    const introspection = await app.gql('{ __schema { queryType { name } } }');
    expect(onlyError(introspection)).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: expect.stringMatching(/introspection is not allowed/),
    });
    const typo = onlyError(await app.gql('{ appInf { demoData } }'));
    expect(typo).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      message: 'Cannot query field "appInf" on type "Query".',
      field: undefined,
    });
  });

  it('refuses requests that a browser sends cross-site without a preflight', async () => {
    const login = JSON.stringify({
      query:
        'mutation { login(username: "test-admin", password: "test-password-0123456789") { account { id } } }',
    });
    const attempts = [
      request(server).post('/graphql').set('Content-Type', 'text/plain').send(login),
      request(server)
        .post('/graphql')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(`query=${encodeURIComponent(NORMAL)}`),
      request(server).post('/graphql').field('query', NORMAL),
      request(server).get('/graphql').query({ query: NORMAL }),
    ];
    for (const attempt of attempts) {
      const response = await attempt;
      expect(response.status).toBe(400);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(onlyError(response.body)).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(
          /^This operation has been blocked as a potential Cross-Site Request Forgery/,
        ),
      });
    }
    // What the dashboard sends, and a GET that asks for a preflight, are answered.
    const json = await request(server).post('/graphql').set('Content-Type', 'application/json').send(login);
    expect(json.status).toBe(200);
    expect(json.body.errors).toBeUndefined();
    const preflighted = await request(server)
      .get('/graphql')
      .set('apollo-require-preflight', 'true')
      .query({ query: NORMAL });
    expect(preflighted.body).toEqual({ data: { appInfo: { demoData: false } } });
  });

  it('answers a body that is not JSON with a clear error, not an HTML page', async () => {
    const response = await request(server)
      .post('/graphql')
      .set('Content-Type', 'application/json')
      .send('{"query": ');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(onlyError(response.body)).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The request body is not valid JSON.',
    });
  });
});

describe('HTTP security in development', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ environment: 'development', bodyLimitKb: 2 });
  });

  afterAll(() => app.close());

  it('allows introspection and suggests field names', async () => {
    const introspection = await app.gql<{ __schema: { queryType: { name: string } } }>(
      '{ __schema { queryType { name } } }',
    );
    expect(introspection).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    expect(onlyError(await app.gql('{ appInf { demoData } }')).message).toBe(
      'Cannot query field "appInf" on type "Query". Did you mean "appInfo"?',
    );
  });

  it('sends no HSTS over the plain HTTP of development, but the other headers', async () => {
    const response = await request(app.app.getHttpServer()).post('/graphql').send({ query: NORMAL });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(directives(response.headers['content-security-policy'])['default-src']).toEqual(["'self'"]);
  });

  it('takes the body limit from configuration', async () => {
    const server = app.app.getHttpServer();
    const within = await request(server)
      .post('/graphql')
      .send({ query: NORMAL, variables: { filler: 'x'.repeat(1500) } });
    expect(within.body).toEqual({ data: { appInfo: { demoData: false } } });
    const beyond = await request(server)
      .post('/graphql')
      .send({ query: NORMAL, variables: { filler: 'x'.repeat(2100) } });
    expect(beyond.status).toBe(413);
    expect(onlyError(beyond.body)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The request body is larger than the limit of 2 KB.',
    });
  });

  it('answers every body it cannot read in the GraphQL error shape, naming what is wrong', async () => {
    const server = app.app.getHttpServer();
    const json = JSON.stringify({ query: NORMAL });
    const send = (headers: Record<string, string>, body: string | Buffer) => {
      // superagent would serialise a Buffer as JSON; the bytes must go as they are.
      const pending = request(server)
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .serialize((body: unknown) => body as string);
      for (const [name, value] of Object.entries(headers)) pending.set(name, value);
      return pending.send(body);
    };
    const cases: {
      headers: Record<string, string>;
      body: string | Buffer;
      status: number;
      code: string;
      message: string;
    }[] = [
      {
        headers: { 'Content-Encoding': 'gzip' },
        body: json,
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The request body is not valid gzip data, as its content-encoding header declares.',
      },
      {
        headers: { 'Content-Encoding': 'deflate' },
        body: gzipSync(json),
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The request body is not valid deflate data, as its content-encoding header declares.',
      },
      {
        headers: { 'Content-Encoding': 'compress' },
        body: json,
        status: 415,
        code: 'BAD_REQUEST',
        message:
          'The request body\'s content-encoding "compress" is not supported; send it uncompressed or as gzip, deflate or br.',
      },
      {
        headers: { 'Content-Type': 'application/json; charset=latin-9' },
        body: json,
        status: 415,
        code: 'BAD_REQUEST',
        message: 'The request body\'s charset "latin-9" is not supported; send UTF-8.',
      },
      {
        headers: {},
        body: '{"query": ',
        status: 400,
        code: 'BAD_REQUEST',
        message: 'The request body is not valid JSON.',
      },
      {
        // 2 KB is the limit here; 1 MB of blanks compresses to about 1 KB, and is refused as it inflates.
        headers: { 'Content-Encoding': 'gzip' },
        body: gzipSync(`{"query": "${NORMAL}"${' '.repeat(1024 * 1024)}}`),
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The request body is larger than the limit of 2 KB (once decompressed).',
      },
    ];
    for (const { headers, body, status, code, message } of cases) {
      const response = await send(headers, body);
      expect({ headers, status: response.status }).toEqual({ headers, status });
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.body).toEqual({
        errors: [
          {
            message,
            extensions: { code, ...(code === 'PAYLOAD_TOO_LARGE' ? { limit: 'bodyKb', maximum: 2 } : {}) },
          },
        ],
      });
    }
    // A body that is what its headers say is answered.
    const compressed = await send({ 'Content-Encoding': 'gzip' }, gzipSync(json));
    expect(compressed.body).toEqual({ data: { appInfo: { demoData: false } } });
  });

  it('lets the sign-in form go on to the OpenID Connect provider when one is configured', async () => {
    const withOidc = await startTestApp({
      oidc: {
        issuer: 'https://login.example.org/realms/bayern',
        clientId: 'cockpit',
        clientSecret: 'secret',
        redirectUri: 'https://cockpit.example.org/auth/oidc/callback',
        rolesClaim: 'roles',
        allowHttp: false,
      },
    });
    try {
      const response = await request(withOidc.app.getHttpServer()).post('/graphql').send({ query: NORMAL });
      expect(directives(response.headers['content-security-policy'])['form-action']).toEqual([
        "'self'",
        'https://login.example.org',
      ]);
    } finally {
      await withOidc.close();
    }
  });
});
