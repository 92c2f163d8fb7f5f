import { sql, startTestApp, type TestApp } from '../testing/index.js';
import request from 'supertest';

describe('GET /health', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 200 with the database reachable and no migration pending', async () => {
    const response = await request(app.app.getHttpServer()).get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up', pendingMigrations: [] });
  });

  it('answers 503 when a migration is not applied', async () => {
    await sql(app.dataSource, 'DELETE FROM migrations');
    const response = await request(app.app.getHttpServer()).get('/health');
    expect(response.status).toBe(503);
    expect(response.body.status).toBe('unavailable');
    expect(response.body.pendingMigrations.length).toBeGreaterThan(0);
  });
});
