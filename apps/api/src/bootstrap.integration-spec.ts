import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { startTestApp, type TestApp } from './testing/index.js';

describe('production mode', () => {
  let app: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  const dashboard = join(process.cwd(), 'tmp', `dashboard-${process.pid}`);

  beforeAll(async () => {
    // The dashboard folder must exist before the app starts; startTestApp's own folder does not yet.
    mkdirSync(dashboard, { recursive: true });
    writeFileSync(
      join(dashboard, 'index.html'),
      '<!doctype html><title>Kooperationscockpit</title><koop-root></koop-root>',
    );
    writeFileSync(join(dashboard, 'main-ABC.js'), 'console.log("app")');
    writeFileSync(
      join(dashboard, 'chunk-BIG.js'),
      'export const texts = ['.concat('"Kooperationscockpit",'.repeat(500), '];'),
    );
    app = await startTestApp({ environment: 'production', dashboardDir: dashboard });
    server = app.app.getHttpServer();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dashboard, { recursive: true, force: true });
  });

  it('serves the built dashboard on the same port as the API', async () => {
    const index = await request(server).get('/').set('Accept', 'text/html');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<koop-root>');
    const script = await request(server).get('/main-ABC.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
  });

  it('compresses what it sends when the client accepts gzip', async () => {
    const script = await request(server).get('/chunk-BIG.js').set('Accept-Encoding', 'gzip');
    expect(script.status).toBe(200);
    expect(script.headers['content-encoding']).toBe('gzip');
  });

  it('answers client routes with index.html, but not missing files or the API paths', async () => {
    const route = await request(server).get('/projekte/12').set('Accept', 'text/html');
    expect(route.status).toBe(200);
    expect(route.text).toContain('<koop-root>');
    expect((await request(server).get('/missing-file.js')).status).toBe(404);
    expect((await request(server).get('/health')).body.status).toBe('ok');
    const graphql = await request(server).post('/graphql').send({ query: '{ appInfo { demoData } }' });
    expect(graphql.body).toEqual({ data: { appInfo: { demoData: false } } });
  });

  it('turns GraphQL introspection off', async () => {
    const introspection = await request(server)
      .post('/graphql')
      .send({ query: '{ __schema { types { name } } }' });
    expect(introspection.body.errors?.[0]?.message).toMatch(/introspection/i);
  });
});
