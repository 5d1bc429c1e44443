/** Class levels of French primary school (maternelle PS–GS, élémentaire CP–CM2). */
export enum ClassLevel {
  PS = 'PS',
  MS = 'MS',
  GS = 'GS',
  CP = 'CP',
  CE1 = 'CE1',
  CE2 = 'CE2',
  CM1 = 'CM1',
  CM2 = 'CM2',
}

export enum Sex {
  Female = 'F',
  Male = 'M',
}

export enum Diet {
  None = 'none',
  NoPork = 'no_pork',
  Vegetarian = 'vegetarian',
  /** PAI (projet d'accueil individualisé): the family brings the meal basket. */
  PaiBasket = 'pai_basket',
}

export interface AddressView {
  line1: string;
  line2: string | null;
  postalCode: string;
  city: string;
  /** Residents of the commune pay resident rates. */
  inCommune: boolean;
}

export type AddressRequest = Omit<AddressView, 'inCommune' | 'line2'> & { line2?: string | null };

export interface GuardianView {
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  /** First guardian created the household; the second was invited. */
  rank: 1 | 2;
}

export interface ContactView {
  id: string;
  firstName: string;
  lastName: string;
  phone: string;
  relationship: string;
  /** May collect any child of the household. */
  canPickUp: boolean;
}

export interface ContactRequest {
  firstName: string;
  lastName: string;
  phone: string;
  relationship: string;
  canPickUp: boolean;
}

export interface ChildView {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  schoolSiteId: string | null;
  schoolName: string | null;
  classLevel: ClassLevel | null;
  allergies: string | null;
  diet: Diet;
  pai: boolean;
  paiDocumentId: string | null;
  doctorName: string | null;
  doctorPhone: string | null;
  /** Ids of the household contacts allowed to collect this child. */
  authorisedPickupContactIds: string[];
  photoConsent: boolean;
}

export interface CreateChildRequest {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: Sex;
  schoolSiteId?: string | null;
  classLevel?: ClassLevel | null;
  allergies?: string | null;
  diet?: Diet;
  pai?: boolean;
  doctorName?: string | null;
  doctorPhone?: string | null;
  authorisedPickupContactIds?: string[];
  photoConsent?: boolean;
  /** A document of type pai of the same household, when `pai` is true. */
  paiDocumentId?: string | null;
}

export type UpdateChildRequest = Partial<CreateChildRequest> & { paiDocumentId?: string | null };

export enum QuotientMethod {
  /** CAF allocataire number and the CAF attestation: the QF is the CAF's. */
  Caf = 'caf',
  /** Declared resources, benefits and parts, with the tax notice: the QF is computed. */
  Declared = 'declared',
}

export enum QuotientStatus {
  Pending = 'pending',
  Validated = 'validated',
  Rejected = 'rejected',
}

export interface QuotientView {
  id: string;
  method: QuotientMethod;
  status: QuotientStatus;
  /** QF in euros per month (whole euros). */
  value: number;
  cafNumber: string | null;
  /** For a declared QF: annual taxable resources, monthly benefits (cents) and parts. */
  annualResourcesCents: number | null;
  monthlyBenefitsCents: number | null;
  parts: number | null;
  documentId: string | null;
  /** Set when validated: from which date billing uses it; until the next one. */
  effectiveFrom: string | null;
  effectiveTo: string | null;
  submittedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

export interface DeclareQuotientRequest {
  method: QuotientMethod;
  cafNumber?: string;
  /** Required for method caf: the QF printed on the attestation. */
  cafValue?: number;
  annualResourcesCents?: number;
  monthlyBenefitsCents?: number;
  parts?: number;
  documentId: string;
}

export interface DecideQuotientRequest {
  decision: 'validate' | 'reject';
  effectiveFrom?: string;
  note?: string;
}

export enum DocumentType {
  ProofOfAddress = 'proof_of_address',
  CafAttestation = 'caf_attestation',
  TaxNotice = 'tax_notice',
  Pai = 'pai',
  Vaccination = 'vaccination',
  Insurance = 'insurance',
}

export interface DocumentView {
  id: string;
  type: DocumentType;
  fileName: string;
  mimeType: 'application/pdf' | 'image/jpeg' | 'image/png';
  sizeBytes: number;
  childId: string | null;
  expiresOn: string | null;
  /** Expires within 30 days (or already expired): shown on the family page. */
  expiringSoon: boolean;
  expired: boolean;
  uploadedAt: string;
}

export interface HouseholdView {
  id: string;
  address: AddressView | null;
  guardians: GuardianView[];
  /** Pending invitation of a second guardian, by e-mail. */
  pendingInvitationEmail: string | null;
  children: ChildView[];
  contacts: ContactView[];
  /** The QF billing uses today, or null: then the highest bracket applies. */
  currentQuotient: QuotientView | null;
  quotients: QuotientView[];
  documentsExpiringSoon: DocumentView[];
}

export interface HouseholdSummaryView {
  id: string;
  guardianNames: string[];
  emails: string[];
  phones: string[];
  childNames: string[];
}

export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  householdId: string | null;
  details: Record<string, unknown>;
}

/** Agent back-office paths, relative to the /api prefix. */
export const AgentHouseholdRoutes = {
  households: 'agent/households',
  quotients: 'agent/quotients',
  closureRequests: 'agent/closure-requests',
} as const;

export interface InviteGuardianRequest {
  email: string;
}

export interface AcceptInvitationRequest {
  token: string;
}

/** Multipart fields sent with the `file` part of a document upload. */
export interface UploadDocumentRequest {
  type: DocumentType;
  childId?: string;
  expiresOn?: string;
}

/** A quotient waiting for an agent's decision, with enough to find the family. */
export type PendingQuotientView = QuotientView & { householdId: string; householdLabel: string };

export interface ClosureRequestView {
  id: string;
  householdId: string;
  householdLabel: string;
  requestedAt: string;
  executedAt: string | null;
}

/** Everything the portal holds about a household (RGPD right of access), as one JSON file. */
export interface HouseholdExportView {
  exportedAt: string;
  household: HouseholdView;
  documents: DocumentView[];
  audit: AuditEntryView[];
}
