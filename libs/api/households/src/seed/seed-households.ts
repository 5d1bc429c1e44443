import { DataSource } from 'typeorm';
import { ClassLevel, Diet, QuotientMethod, QuotientStatus, Sex } from '@foyer/shared/contracts';
import { ChildEntity, ContactEntity, GuardianEntity, HouseholdEntity, QuotientEntity } from '../entities';

export const DEMO_PARENT_EMAIL = 'parent@demo.test';

/**
 * The demo family of parent@demo.test (created by the accounts seed, which runs first): an address
 * in Alfortville, two children in two schools, one contact and a validated QF of 850 € from
 * 1 September 2026. Does nothing when the account is missing or already has a household.
 */
export async function seedHouseholds(dataSource: DataSource): Promise<void> {
  const [{ exists }] = await dataSource.query(`SELECT to_regclass('public.users') IS NOT NULL AS exists`);
  if (!exists) return;
  const users: { id: string }[] = await dataSource.query(`SELECT id FROM users WHERE lower(email) = $1`, [
    DEMO_PARENT_EMAIL,
  ]);
  if (users.length === 0) return;
  const userId = users[0].id;
  await dataSource.transaction(async (m) => {
    if (await m.getRepository(GuardianEntity).findOneBy({ userId })) return;
    const sites: { id: string; code: string }[] = await m.query(
      `SELECT id, code FROM sites WHERE code IN ('ecole-jean-jaures', 'ecole-victor-hugo')`,
    );
    const site = (code: string) => sites.find((s) => s.code === code)?.id ?? null;
    const household = await m.getRepository(HouseholdEntity).save(
      m.getRepository(HouseholdEntity).create({
        addressLine1: '14 rue Véron',
        addressLine2: null,
        postalCode: '94140',
        city: 'Alfortville',
        inCommune: true,
      }),
    );
    await m.getRepository(GuardianEntity).insert({ householdId: household.id, userId, rank: 1 });
    const contact = await m.getRepository(ContactEntity).save(
      m.getRepository(ContactEntity).create({
        householdId: household.id,
        firstName: 'Monique',
        lastName: 'Durand',
        phone: '06 12 34 56 78',
        relationship: 'Grand-mère',
        canPickUp: true,
      }),
    );
    const base = {
      householdId: household.id,
      allergies: null,
      pai: false,
      paiDocumentId: null,
      photoConsent: true,
    };
    await m.getRepository(ChildEntity).save([
      m.getRepository(ChildEntity).create({
        ...base,
        firstName: 'Léa',
        lastName: 'Durand',
        birthDate: '2018-05-14',
        sex: Sex.Female,
        schoolSiteId: site('ecole-jean-jaures'),
        classLevel: ClassLevel.CE2,
        diet: Diet.None,
        doctorName: 'Dr Martin',
        doctorPhone: '01 43 75 00 00',
        pickupContacts: [contact],
      }),
      m.getRepository(ChildEntity).create({
        ...base,
        firstName: 'Hugo',
        lastName: 'Durand',
        birthDate: '2021-02-03',
        sex: Sex.Male,
        schoolSiteId: site('ecole-victor-hugo'),
        classLevel: ClassLevel.MS,
        diet: Diet.Vegetarian,
        doctorName: null,
        doctorPhone: null,
        pickupContacts: [],
      }),
    ]);
    await m.getRepository(QuotientEntity).insert({
      householdId: household.id,
      method: QuotientMethod.Caf,
      status: QuotientStatus.Validated,
      value: 850,
      cafNumber: '1234567',
      documentId: null,
      effectiveFrom: '2026-09-01',
      effectiveTo: null,
      submittedBy: userId,
      submittedAt: new Date('2026-08-20T10:00:00+02:00'),
      decidedAt: new Date('2026-08-25T10:00:00+02:00'),
    });
  });
}
