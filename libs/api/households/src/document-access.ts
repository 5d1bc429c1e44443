import { DocumentType, hasPermission, Permission } from '@foyer/shared/contracts';
import type { AuthenticatedUser } from '@foyer/api/core';

/** Which document types an agent may read, by the permissions their scopes give. */
const READABLE_BY: { permission: Permission; types: DocumentType[] }[] = [
  {
    permission: Permission.DocumentsReadEnfance,
    types: [DocumentType.Pai, DocumentType.Vaccination, DocumentType.Insurance, DocumentType.ProofOfAddress],
  },
  {
    permission: Permission.DocumentsReadFacturation,
    types: [DocumentType.CafAttestation, DocumentType.TaxNotice, DocumentType.ProofOfAddress],
  },
];

/**
 * The document types an agent may see, file names and types included: the documents routes, the
 * household page and its history all follow this one rule.
 */
export function readableTypes(user: AuthenticatedUser): Set<DocumentType> {
  return new Set(READABLE_BY.filter((r) => hasPermission(user, r.permission)).flatMap((r) => r.types));
}

/** What an agent may see of documents; `undefined` for the family itself (everything). */
export type DocumentTypeFilter = ReadonlySet<DocumentType> | undefined;
