import { addDays } from '@foyer/shared/domain';
import { ChildView, ContactView, DocumentView, QuotientView } from '@foyer/shared/contracts';
import { ChildEntity, ContactEntity, DocumentEntity, QuotientEntity } from './entities';

/** A document expiring within this many days shows on the family page. */
export const EXPIRY_WARNING_DAYS = 30;

export function toContactView(c: ContactEntity): ContactView {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    phone: c.phone,
    relationship: c.relationship,
    canPickUp: c.canPickUp,
  };
}

export function toChildView(c: ChildEntity, schoolNames: Map<string, string>): ChildView {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    birthDate: c.birthDate,
    sex: c.sex,
    schoolSiteId: c.schoolSiteId,
    schoolName: c.schoolSiteId ? (schoolNames.get(c.schoolSiteId) ?? null) : null,
    classLevel: c.classLevel,
    allergies: c.allergies,
    diet: c.diet,
    pai: c.pai,
    paiDocumentId: c.paiDocumentId,
    doctorName: c.doctorName,
    doctorPhone: c.doctorPhone,
    authorisedPickupContactIds: (c.pickupContacts ?? []).map((p) => p.id).sort(),
    photoConsent: c.photoConsent,
  };
}

export function toQuotientView(q: QuotientEntity): QuotientView {
  return {
    id: q.id,
    method: q.method,
    status: q.status,
    value: q.value,
    cafNumber: q.cafNumber,
    annualResourcesCents: q.annualResourcesCents,
    monthlyBenefitsCents: q.monthlyBenefitsCents,
    parts: q.parts,
    documentId: q.documentId,
    effectiveFrom: q.effectiveFrom,
    effectiveTo: q.effectiveTo,
    submittedAt: q.submittedAt.toISOString(),
    decidedAt: q.decidedAt ? q.decidedAt.toISOString() : null,
    decisionNote: q.decisionNote,
  };
}

export function toDocumentView(d: DocumentEntity, today: string): DocumentView {
  const expired = d.expiresOn !== null && d.expiresOn < today;
  return {
    id: d.id,
    type: d.type,
    fileName: d.fileName,
    mimeType: d.mimeType,
    sizeBytes: d.sizeBytes,
    childId: d.childId,
    expiresOn: d.expiresOn,
    expiringSoon: d.expiresOn !== null && d.expiresOn <= addDays(today, EXPIRY_WARNING_DAYS),
    expired,
    uploadedAt: d.uploadedAt.toISOString(),
  };
}

/** Field-by-field before/after of what changed, for the audit log. */
export function changes<T extends object>(
  before: T,
  after: T,
  fields: (keyof T)[],
): Record<string, { before: unknown; after: unknown }> {
  const out: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of fields) {
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[String(field)] = { before: a ?? null, after: b ?? null };
  }
  return out;
}
