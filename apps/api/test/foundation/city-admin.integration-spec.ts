import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import { AuditEntryView, SchoolYearView, SiteView } from '@foyer/shared/contracts';
import { login } from '../accounts/support/accounts-helpers';
import { createTestApp, TestApp } from '../test-app';

jest.setTimeout(30_000);

describe('admin: sites and school calendars, and the audit log that records them', () => {
  let t: TestApp;
  let admin: string;
  let adminId: string;
  let agent: string;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    const session = await login(t, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    admin = `Bearer ${session.accessToken}`;
    adminId = (await t.http.get('/api/me').set('Authorization', admin).expect(200)).body.id;
    agent = `Bearer ${(await login(t, DEMO_ACCOUNTS.agent.email, DEMO_ACCOUNTS.agent.password)).accessToken}`;
  });
  afterAll(() => t.close());

  const audit = async (query: string) =>
    (await t.http.get(`/api/admin/audit?${query}`).set('Authorization', admin).expect(200))
      .body as AuditEntryView[];

  it('refuses every city change to an agent (403) and to a visitor (401)', async () => {
    const body = { code: 'ecole-test', kind: 'school', name: 'École test', address: '1 rue Test' };
    await t.http.post('/api/admin/sites').set('Authorization', agent).send(body).expect(403);
    await t.http.post('/api/admin/sites').send(body).expect(401);
    await t.http
      .patch('/api/admin/school-years/2026-2027')
      .set('Authorization', agent)
      .send({ firstSchoolDay: '2026-09-02' })
      .expect(403);
  });

  it('creates a site the public list then shows, and refuses a second site with the same code (409)', async () => {
    const body = {
      code: 'centre-de-loisirs-des-iles',
      kind: 'leisure_centre',
      name: 'Centre de loisirs des Îles',
      address: '2 allée des Îles',
    };
    const created = (await t.http.post('/api/admin/sites').set('Authorization', admin).send(body).expect(201))
      .body as SiteView;
    expect(created).toMatchObject(body);
    const sites = (await t.http.get('/api/sites').expect(200)).body as SiteView[];
    expect(sites.map((s) => s.code)).toContain(body.code);
    const again = await t.http.post('/api/admin/sites').set('Authorization', admin).send(body).expect(409);
    expect(again.body.message).toMatch(/déjà le code/);
  });

  it('refuses a malformed site, naming each field in French', async () => {
    const res = await t.http
      .post('/api/admin/sites')
      .set('Authorization', admin)
      .send({ code: 'École Test', kind: 'creche', name: ' ', address: '' })
      .expect(400);
    expect((res.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'address',
      'code',
      'kind',
      'name',
    ]);
  });

  it('renames a site; an unknown site answers 404', async () => {
    const site = ((await t.http.get('/api/sites').expect(200)).body as SiteView[])[0];
    const res = await t.http
      .patch(`/api/admin/sites/${site.id}`)
      .set('Authorization', admin)
      .send({ name: `${site.name} (rénovée)` })
      .expect(200);
    expect(res.body).toMatchObject({ id: site.id, name: `${site.name} (rénovée)`, address: site.address });
    await t.http
      .patch('/api/admin/sites/00000000-0000-4000-8000-000000000000')
      .set('Authorization', admin)
      .send({ name: 'X' })
      .expect(404);
  });

  it('moves the first day of class, inside the school year only', async () => {
    const moved = (
      await t.http
        .patch('/api/admin/school-years/2026-2027')
        .set('Authorization', admin)
        .send({ firstSchoolDay: '2026-09-02' })
        .expect(200)
    ).body as SchoolYearView;
    expect(moved.firstSchoolDay).toBe('2026-09-02');
    const outside = await t.http
      .patch('/api/admin/school-years/2026-2027')
      .set('Authorization', admin)
      .send({ lastSchoolDay: '2027-09-15' })
      .expect(400);
    expect(outside.body.fields[0]).toMatchObject({ field: 'lastSchoolDay' });
    await t.http
      .patch('/api/admin/school-years/2031-2032')
      .set('Authorization', admin)
      .send({ firstSchoolDay: '2031-09-01' })
      .expect(404);
  });

  it('adds a holiday period, refuses one that overlaps, and removes it', async () => {
    const added = (
      await t.http
        .post('/api/admin/school-years/2026-2027/holidays')
        .set('Authorization', admin)
        .send({ name: 'Journée du maire', from: '2027-03-19', to: '2027-03-19' })
        .expect(201)
    ).body as SchoolYearView;
    const bridge = added.holidays.find((h) => h.name === 'Journée du maire');
    expect(bridge).toMatchObject({ from: '2027-03-19', to: '2027-03-19' });
    const days = (
      await t.http.get('/api/school-years/2026-2027/days?from=2027-03-19&to=2027-03-19').expect(200)
    ).body;
    expect(days[0].kind).toBe('leisure');

    const overlap = await t.http
      .post('/api/admin/school-years/2026-2027/holidays')
      .set('Authorization', admin)
      .send({ name: 'Hiver bis', from: '2027-02-20', to: '2027-02-25' })
      .expect(409);
    expect(overlap.body.message).toMatch(/chevauchent « Hiver »/);
    const reversed = await t.http
      .post('/api/admin/school-years/2026-2027/holidays')
      .set('Authorization', admin)
      .send({ name: 'À l’envers', from: '2027-06-10', to: '2027-06-01' })
      .expect(400);
    expect(reversed.body.fields[0]).toMatchObject({ field: 'to' });

    const removed = (
      await t.http
        .delete(`/api/admin/school-years/2026-2027/holidays/${bridge!.id}`)
        .set('Authorization', admin)
        .expect(200)
    ).body as SchoolYearView;
    expect(removed.holidays.map((h) => h.name)).not.toContain('Journée du maire');
    await t.http
      .delete(`/api/admin/school-years/2026-2027/holidays/${bridge!.id}`)
      .set('Authorization', admin)
      .expect(404);
  });

  it('filters the audit log by person, action (exact or prefix) and Paris days', async () => {
    const byAdmin = await audit(`actorId=${adminId}`);
    expect(byAdmin.length).toBeGreaterThanOrEqual(5);
    expect(byAdmin.every((e) => e.actorId === adminId)).toBe(true);
    expect(byAdmin.map((e) => e.action)).toEqual(
      expect.arrayContaining(['site.create', 'site.update', 'school-year.update', 'school-holiday.create']),
    );
    const created = await audit('action=site.create');
    expect(created).toHaveLength(1);
    expect(created[0].details).toMatchObject({ code: 'centre-de-loisirs-des-iles' });
    const holidays = await audit('action=school-holiday.');
    expect(holidays.map((e) => e.action).sort()).toEqual(['school-holiday.create', 'school-holiday.delete']);

    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    expect((await audit(`action=site.create&from=${today}&to=${today}`)).length).toBe(1);
    expect(await audit(`action=site.create&to=2020-01-01`)).toEqual([]);
    const bad = await t.http
      .get('/api/admin/audit?from=2027-02-01&to=2027-01-01&actorId=nobody')
      .set('Authorization', admin)
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toContain('actorId');
  });
});
