import { HealthView } from '@foyer/shared/contracts';
import { createTestApp, TestApp } from '../test-app';

describe('GET /api/health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with the database up and the application clock', async () => {
    const res = await t.http.get('/api/health').expect(200);
    const body = res.body as HealthView;
    expect(body.status).toBe('ok');
    expect(body.database).toBe('ok');
    expect(['embedded', 'external']).toContain(body.databaseKind);
    expect(body.now).toBe('2027-01-14T07:30:00.000Z');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes a sane incoming request id and replaces a malformed one', async () => {
    const kept = await t.http.get('/api/health').set('X-Request-Id', 'abc-123').expect(200);
    expect(kept.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.http.get('/api/health').set('X-Request-Id', 'bad id\twith spaces').expect(200);
    expect(replaced.headers['x-request-id']).not.toBe('bad id\twith spaces');
  });

  it('sets security headers', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers 503 when the database does not answer', async () => {
    await t.dataSource.destroy();
    const res = await t.http.get('/api/health').expect(503);
    expect(res.body).toMatchObject({ status: 'error', database: 'error' });
  });
});
