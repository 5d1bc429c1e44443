import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SessionView } from '@foyer/shared/contracts';
import { startPortal } from './support/portal';

/** The built server as an operator runs it: embedded database on disk, restarts, configuration. */
describe('the portal process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'foyer-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function signInAsParent(baseUrl: string): Promise<string> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'parent@demo.test', password: 'Demo-parent-2026!' }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as SessionView).accessToken;
  }

  it('keeps the embedded data across a restart (SIGTERM, then start on the same folder)', async () => {
    const first = await startPortal({ dataDir, embedded: true });
    const token = await signInAsParent(first.baseUrl);
    const added = await fetch(`${first.baseUrl}/api/household/contacts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({
        firstName: 'Odile',
        lastName: 'Persistante',
        phone: '0699887766',
        relationship: 'Grand-mère',
        canPickUp: true,
      }),
    });
    expect(added.status).toBe(201);
    await first.stop();

    const second = await startPortal({ dataDir, embedded: true });
    try {
      const health = await (await fetch(`${second.baseUrl}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', databaseKind: 'embedded' });
      // FOYER_NOW starts the clock at 08:30 Paris time; it then runs on at real speed.
      const drift = Date.parse(health.now) - Date.parse('2027-01-14T08:30:00+01:00');
      expect(drift).toBeGreaterThanOrEqual(0);
      expect(drift).toBeLessThan(60_000);
      const again = await signInAsParent(second.baseUrl);
      const household = await (
        await fetch(`${second.baseUrl}/api/household`, { headers: { Authorization: `Bearer ${again}` } })
      ).json();
      const contacts = (household as { contacts: { lastName: string }[] }).contacts.map((c) => c.lastName);
      // Seeded once on the first start only: still one demo contact, plus ours.
      expect(contacts.filter((n) => n === 'Persistante')).toHaveLength(1);
      expect(contacts).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });

  it('stops at boot with one clear line on a bad variable', () => {
    const run = spawnSync(process.execPath, ['dist/api/apps/api/src/main.js'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: PORT /)]);
  });

  it('refuses FOYER_NOW in production', () => {
    const run = spawnSync(process.execPath, ['dist/api/apps/api/src/main.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        FOYER_NOW: '2027-01-14T08:30:00+01:00',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/FOYER_NOW is refused in production/);
  });
});
