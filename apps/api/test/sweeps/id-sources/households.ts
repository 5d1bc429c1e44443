import { DocumentType, QuotientMethod } from '@foyer/shared/contracts';
import type { IdSource } from '../support/world';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/** Household A with a child, a contact, a document, a declared quotient and a closure request. */
export const householdsIds: IdSource = async ({ t, a }) => {
  const as = (req: ReturnType<typeof t.http.get>) => req.set('Authorization', a.auth ?? '');
  const household = (await as(t.http.get('/api/household')).expect(200)).body as { id: string };
  const sites = (await t.http.get('/api/sites').expect(200)).body as { id: string; kind: string }[];
  const child = await as(t.http.post('/api/household/children'))
    .send({
      firstName: 'Léa',
      lastName: 'Martin',
      birthDate: '2019-03-12',
      sex: 'F',
      schoolSiteId: sites.find((s) => s.kind === 'school')?.id ?? sites[0].id,
      classLevel: 'CE1',
      diet: 'none',
      photoConsent: true,
    })
    .expect(201);
  const contact = await as(t.http.post('/api/household/contacts'))
    .send({
      firstName: 'Monique',
      lastName: 'Durand',
      phone: '06 12 34 56 78',
      relationship: 'Grand-mère',
      canPickUp: true,
    })
    .expect(201);
  const tax = await as(t.http.post('/api/household/documents'))
    .field('type', DocumentType.TaxNotice)
    .attach('file', PDF, { filename: 'avis.pdf', contentType: 'application/pdf' })
    .expect(201);
  const quotient = await as(t.http.post('/api/household/quotients'))
    .send({
      method: QuotientMethod.Declared,
      annualResourcesCents: 3_600_000,
      monthlyBenefitsCents: 0,
      parts: 3,
      documentId: tax.body.id,
    })
    .expect(201);
  const closure = await as(t.http.post('/api/household/closure-request')).expect(201);
  return {
    householdId: household.id,
    childId: child.body.id,
    contactId: contact.body.id,
    documentId: tax.body.id,
    quotientId: quotient.body.id,
    requestId: closure.body.id,
  };
};
