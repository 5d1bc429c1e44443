import { Role } from '@foyer/shared/contracts';
import { HouseholdAccess } from '@foyer/api/households';
import { contactBody, createHouseholdsTestApp, HouseholdsTestApp, resident } from './support';

/** The one way a household is written: transaction, lock, audit, all or nothing. */
describe('HouseholdAccess.write', () => {
  let t: HouseholdsTestApp;
  let access: HouseholdAccess;

  beforeAll(async () => {
    t = await createHouseholdsTestApp();
    access = t.app.get(HouseholdAccess);
  });
  afterAll(() => t.close());

  async function newHousehold() {
    const parent = resident(t);
    const res = await t.http.get('/api/household').set('Authorization', parent.auth).expect(200);
    return { parent, householdId: res.body.id as string };
  }

  const contactsOf = async (householdId: string) =>
    (
      await t.dataSource.query('SELECT last_name FROM household_contacts WHERE household_id = $1', [
        householdId,
      ])
    ).map((r: { last_name: string }) => r.last_name);
  const auditOf = async (householdId: string) =>
    (await t.dataSource.query('SELECT action, actor_id FROM audit_log WHERE household_id = $1 ORDER BY at', [
      householdId,
    ])) as {
      action: string;
      actor_id: string;
    }[];

  it('commits the change with its audit entry, recorded for the actor on this household', async () => {
    const { parent, householdId } = await newHousehold();
    await access.write(householdId, { id: parent.id, role: Role.Resident }, async ({ m, audit }) => {
      await m.query(
        `INSERT INTO household_contacts (household_id, first_name, last_name, phone, relationship, can_pick_up)
         VALUES ($1, 'Jeanne', 'Écrite', '0612345678', 'Tante', true)`,
        [householdId],
      );
      await audit({ action: 'contact.create', entity: 'contact' });
    });
    expect(await contactsOf(householdId)).toEqual(['Écrite']);
    expect(await auditOf(householdId)).toContainEqual({ action: 'contact.create', actor_id: parent.id });
  });

  it('rolls the change back when it recorded nothing in the audit log', async () => {
    const { parent, householdId } = await newHousehold();
    await expect(
      access.write(householdId, { id: parent.id, role: Role.Resident }, async ({ m }) => {
        await m.query(
          `INSERT INTO household_contacts (household_id, first_name, last_name, phone, relationship, can_pick_up)
           VALUES ($1, 'Jeanne', 'Silencieuse', '0612345678', 'Tante', true)`,
          [householdId],
        );
      }),
    ).rejects.toThrow(/audit/);
    expect(await contactsOf(householdId)).toEqual([]);
  });

  it('refuses any write to a closed household (409), and an unknown one (404)', async () => {
    const { parent, householdId } = await newHousehold();
    await t.dataSource.query('UPDATE households SET closed_at = now() WHERE id = $1', [householdId]);
    const res = await t.http
      .post('/api/household/contacts')
      .set('Authorization', parent.auth)
      .send(contactBody())
      .expect(409);
    expect(res.body.message).toBe('Ce compte famille est clôturé.');
    await expect(
      access.write(
        '00000000-0000-4000-8000-000000000000',
        { id: parent.id, role: Role.Resident },
        async () => 1,
      ),
    ).rejects.toThrow('Ce foyer est introuvable.');
  });
});
