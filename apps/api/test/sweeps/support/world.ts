import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { DEMO_ACCOUNTS } from '@foyer/api/accounts';
import { AgentScope, Role } from '@foyer/shared/contracts';
import {
  login,
  STRONG_PASSWORD,
  registerVerified,
  uniqueEmail,
} from '../../accounts/support/accounts-helpers';
import { createTestApp, TestApp } from '../../test-app';

export interface Actor {
  name: string;
  /** Authorization header value; absent for the anonymous caller. */
  auth?: string;
  id?: string;
  role?: Role;
  scopes: AgentScope[];
}

export interface SweepWorld {
  t: TestApp;
  anonymous: Actor;
  /** Resident of household A, whose objects every other actor tries to reach. */
  a: Actor;
  /** Resident of household B. */
  b: Actor;
  agents: Record<AgentScope, Actor>;
  admin: Actor;
  /** Real ids of A's objects (and of public city objects), by path-parameter name. */
  ids: Record<string, string>;
  close(): Promise<void>;
}

/** One domain's contribution to the id registry (id-sources.ts). */
export type IdSource = (world: Omit<SweepWorld, 'ids' | 'close'>) => Promise<Record<string, string>>;

async function resident(t: TestApp, name: string): Promise<Actor> {
  const email = await registerVerified(t, uniqueEmail(name));
  const session = await login(t, email, STRONG_PASSWORD);
  const auth = `Bearer ${session.accessToken}`;
  const me = await t.http.get('/api/me').set('Authorization', auth).expect(200);
  return { name, auth, id: me.body.id as string, role: Role.Resident, scopes: [] };
}

/** The real app on PostgreSQL, listening on loopback, with every actor signed in and A's ids collected. */
export async function createSweepWorld(sources: IdSource[]): Promise<SweepWorld> {
  const documentsDir = mkdtempSync(join(tmpdir(), 'foyer-sweep-'));
  const t = await createTestApp({ seed: true, listen: true, env: { DOCUMENTS_DIR: documentsDir } });
  const adminSession = await login(t, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
  const admin: Actor = {
    name: 'admin',
    auth: `Bearer ${adminSession.accessToken}`,
    role: Role.Admin,
    scopes: [],
  };
  const jwt = t.app.get(JwtService);
  const agents = {} as Record<AgentScope, Actor>;
  for (const scope of Object.values(AgentScope)) {
    const created = await t.http
      .post('/api/admin/agents')
      .set('Authorization', admin.auth ?? '')
      .send({ email: uniqueEmail(`agent-${scope}`), firstName: 'Agent', lastName: scope, scopes: [scope] })
      .expect(201);
    const id = created.body.id as string;
    const token = jwt.sign({ sub: id, role: Role.Agent, scopes: [scope] });
    agents[scope] = {
      name: `agent:${scope}`,
      auth: `Bearer ${token}`,
      id,
      role: Role.Agent,
      scopes: [scope],
    };
  }
  const world = {
    t,
    anonymous: { name: 'anonymous', scopes: [] },
    a: await resident(t, 'resident-a'),
    b: await resident(t, 'resident-b'),
    agents,
    admin,
  };
  // B has a household of its own, so that a 404 cannot come from "B has no household".
  await t.http
    .get('/api/household')
    .set('Authorization', world.b.auth ?? '')
    .expect(200);
  const ids: Record<string, string> = {};
  for (const source of sources) Object.assign(ids, await source(world));
  // The mails the set-up caused (invitations, verifications) are delivered in the background: let
  // the queue drain, or their status updates would read as writes of the requests swept next.
  await queuesIdle(t);
  return {
    ...world,
    ids,
    close: async () => {
      await t.close();
      rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}

/** Waits until no job is due or running (a job scheduled for later, like the daily one, is not). */
export async function queuesIdle(t: TestApp, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [{ n }] = (await t.dataSource.query(
      `SELECT count(*)::int AS n FROM pgboss.job
        WHERE state IN ('created', 'retry', 'active') AND start_after <= now() AND name NOT LIKE '%.failed'`,
    )) as { n: number }[];
    if (n === 0) return;
    if (Date.now() > deadline) throw new Error(`${n} jobs still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every actor of the sweeps, in a stable order. */
export function actorsOf(world: SweepWorld): Actor[] {
  return [world.anonymous, world.a, world.b, ...Object.values(world.agents), world.admin];
}
