import { AgentScope, Role } from '@foyer/shared/contracts';
import { Caller, createHouseholdsTestApp, HouseholdsTestApp, signIn } from '../households/support';
import type { TestAppOptions } from '../test-app';

export interface RequestsWorld {
  t: HouseholdsTestApp;
  /** The demo parent (seeded family: Léa and Hugo). */
  parent: Caller;
  householdId: string;
  children: { id: string; first_name: string; school_site_id: string | null }[];
  /** The demo agent (every scope). */
  agent: Caller;
  admin: Caller;
  typeId(code: string): string;
}

/** The app with the demo city seeded, and the demo family, agent and admin signed in. */
export async function createRequestsWorld(options: TestAppOptions = {}): Promise<RequestsWorld> {
  const t = await createHouseholdsTestApp(options);
  const id = async (email: string) =>
    ((await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email])) as { id: string }[])[0].id;
  const parentId = await id('parent@demo.test');
  const agentId = await id('agent@demo.test');
  const adminId = await id('admin@demo.test');
  const [{ household_id: householdId }] = (await t.dataSource.query(
    `SELECT household_id FROM household_guardians WHERE user_id = $1`,
    [parentId],
  )) as { household_id: string }[];
  const children = (await t.dataSource.query(
    `SELECT id, first_name, school_site_id FROM children WHERE household_id = $1 ORDER BY birth_date`,
    [householdId],
  )) as RequestsWorld['children'];
  const types = (await t.dataSource.query(`SELECT id, code FROM request_types`)) as {
    id: string;
    code: string;
  }[];
  return {
    t,
    parent: signIn(t, Role.Resident, [], parentId),
    householdId,
    children,
    agent: signIn(t, Role.Agent, [AgentScope.Enfance, AgentScope.Facturation, AgentScope.Demarches], agentId),
    admin: signIn(t, Role.Admin, [], adminId),
    typeId: (code) => {
      const found = types.find((x) => x.code === code);
      if (!found) throw new Error(`no type ${code}`);
      return found.id;
    },
  };
}

export async function countRows(t: HouseholdsTestApp, table: string): Promise<number> {
  const [{ count }] = (await t.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`)) as {
    count: number;
  }[];
  return count;
}

/** Inbox messages of a person on a topic, newest first. */
export async function inbox(t: HouseholdsTestApp, userId: string, topic: string) {
  return (await t.dataSource.query(
    `SELECT subject, body, channel FROM notification_messages WHERE user_id = $1 AND topic = $2 AND channel = 'inbox'
      ORDER BY created_at DESC`,
    [userId, topic],
  )) as { subject: string; body: string; channel: string }[];
}
