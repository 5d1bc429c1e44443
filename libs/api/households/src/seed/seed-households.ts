import { DataSource } from 'typeorm';
import { ClassLevel, Diet, DocumentType, QuotientMethod, QuotientStatus, Sex } from '@foyer/shared/contracts';
import {
  ChildEntity,
  ContactEntity,
  DocumentEntity,
  GuardianEntity,
  HouseholdEntity,
  QuotientEntity,
} from '../entities';
import { LocalDocumentStorage } from '../storage/document-storage';

export const DEMO_PARENT_EMAIL = 'parent@demo.test';
/** The demo commune: a made-up town with a made-up postal code, as COMMUNE_NAME and COMMUNE_POSTAL_CODES say. */
export const DEMO_COMMUNE = 'Foyer-sur-Marne';
export const DEMO_POSTAL_CODE = '94999';

/**
 * A one-page PDF saying what the demo attestation is: small, valid (PDF readers open it), and
 * obviously not a real CAF document.
 */
export function demoAttestationPdf(): Buffer {
  const text = 'Attestation de quotient familial (exemple de demonstration) - QF 850 EUR - Foyer-sur-Marne';
  const stream = `BT /F1 11 Tf 40 780 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export interface SeedHouseholdsOptions {
  /** Where the demo attestation's file goes (DOCUMENTS_DIR); without it the quotient cites no document. */
  documentsDir?: string;
}

/**
 * The demo family of parent@demo.test (created by the accounts seed, which runs first): an address
 * in the demo commune, two children in two schools, one contact, a validated QF of 850 € from
 * 1 September 2026 with its CAF attestation among the family's documents, and the audit entries those
 * steps leave. Does nothing when the account is missing or already has a household.
 */
export async function seedHouseholds(
  dataSource: DataSource,
  options: SeedHouseholdsOptions = {},
): Promise<void> {
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
        addressLine1: '14 rue des Tilleuls',
        addressLine2: null,
        postalCode: DEMO_POSTAL_CODE,
        city: DEMO_COMMUNE,
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
    let documentId: string | null = null;
    if (options.documentsDir) {
      const content = demoAttestationPdf();
      const storageKey = await new LocalDocumentStorage(options.documentsDir).put(content);
      const document = await m.getRepository(DocumentEntity).save(
        m.getRepository(DocumentEntity).create({
          householdId: household.id,
          childId: null,
          type: DocumentType.CafAttestation,
          storageKey,
          fileName: 'attestation-caf-aout-2026.pdf',
          mimeType: 'application/pdf',
          sizeBytes: content.length,
          expiresOn: null,
          uploadedBy: userId,
        }),
      );
      documentId = document.id;
    }
    const quotient = await m.getRepository(QuotientEntity).save(
      m.getRepository(QuotientEntity).create({
        householdId: household.id,
        method: QuotientMethod.Caf,
        status: QuotientStatus.Validated,
        value: 850,
        cafNumber: '1234567',
        documentId,
        effectiveFrom: '2026-09-01',
        effectiveTo: null,
        submittedBy: userId,
        submittedAt: new Date('2026-08-20T10:00:00+02:00'),
        decidedAt: new Date('2026-08-25T10:00:00+02:00'),
      }),
    );
    // The history those steps leave, so the family file and the admin's audit log are not empty.
    const agent: { id: string }[] = await m.query(
      `SELECT id FROM users WHERE lower(email) = 'agent@demo.test'`,
    );
    const entries: [string, string, string | null, string, string, string | null, object][] = [
      ['2026-08-18T18:02:00+02:00', 'resident', userId, 'household.create', 'household', household.id, {}],
      ['2026-08-18T18:10:00+02:00', 'resident', userId, 'child.create', 'child', null, { firstName: 'Léa' }],
      ['2026-08-18T18:14:00+02:00', 'resident', userId, 'child.create', 'child', null, { firstName: 'Hugo' }],
      [
        '2026-08-20T10:00:00+02:00',
        'resident',
        userId,
        'quotient.declare',
        'quotient',
        quotient.id,
        { value: 850 },
      ],
      [
        '2026-08-25T10:00:00+02:00',
        'agent',
        agent[0]?.id ?? null,
        'quotient.validate',
        'quotient',
        quotient.id,
        { value: 850, effectiveFrom: '2026-09-01' },
      ],
    ];
    for (const [at, role, actorId, action, entity, entityId, details] of entries) {
      await m.query(
        `INSERT INTO audit_log (at, actor_id, actor_role, action, entity, entity_id, household_id, details)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [at, actorId, role, action, entity, entityId, household.id, JSON.stringify(details)],
      );
    }
  });
}
