/**
 * Billing: tariffs, priced lines that explain themselves, invoices, credit notes, the family account,
 * billing runs, SEPA mandates, certificates and exports. Amounts are integer euro cents everywhere.
 */

/** How a tariff turns a quotient familial (QF) into a unit price. */
export enum TariffMethod {
  /** Brackets (tranches) of QF, each with its price. */
  Brackets = 'brackets',
  /** Effort rate: price = rate × QF, kept between a floor and a ceiling. */
  EffortRate = 'effort_rate',
  /** One price for everybody. */
  Flat = 'flat',
}

/** A QF bracket: `qfMin` included, `qfMax` excluded (null: open-ended). QF in whole euros. */
export interface TariffBracket {
  /** As the grid names it: "1", "A", "RSA"… */
  label: string;
  qfMin: number;
  qfMax: number | null;
  unitCents: number;
  /** Price when the family brings the meal (PAI); null: the tariff's `paiCents`, else the normal price. */
  paiCents?: number | null;
}

/** Rate in ten-thousandths of the QF: 36 means 0.36 % (QF 712 € → 2,56 €). */
export interface EffortRate {
  rateTenThousandths: number;
  floorCents: number;
  ceilingCents: number;
}

/** A surcharge either fixed (cents added to the unit price) or a percentage of the unit price. */
export interface Surcharge {
  mode: 'fixed' | 'percent';
  /** Cents when fixed, whole percent when percent. */
  value: number;
}

/** The price rules of one activity during one validity period. */
export interface TariffRules {
  method: TariffMethod;
  /** Required for method brackets, sorted by qfMin, contiguous. */
  brackets?: TariffBracket[] | null;
  /** Required for method effort_rate. */
  effortRate?: EffortRate | null;
  /** Required for method flat. */
  flatCents?: number | null;
  /** Unit price for families living outside the commune; null: the resident price. */
  nonResidentCents?: number | null;
  /** Unit price when a PAI child's family brings the meal; null: the normal price. */
  paiCents?: number | null;
  /** Reduction of `percent` % for the `fromRank`-th child (eldest first) and the next ones. */
  siblingReduction?: { fromRank: number; percent: number } | null;
  /** Added to a day booked after the deadline. */
  lateSurcharge?: Surcharge | null;
  /** Added to a day the child attended without a booking. */
  unbookedPenalty?: Surcharge | null;
}

export interface TariffUnitLabel {
  /** "repas", "journée", "séance". */
  one: string;
  many: string;
}

export interface TariffView extends TariffRules {
  id: string;
  activityId: string;
  activityLabel: string;
  validFrom: string;
  /** Included; null: still valid. */
  validTo: string | null;
  unit: TariffUnitLabel;
  createdAt: string;
}

export interface CreateTariffRequest extends TariffRules {
  activityId: string;
  validFrom: string;
  validTo?: string | null;
  unit: TariffUnitLabel;
}

export type UpdateTariffRequest = Partial<Omit<CreateTariffRequest, 'activityId'>>;

/** What happened on a day, as billing reads it from bookings and attendance. */
export enum BilledDayKind {
  /** Booked and present (or booked, attendance says nothing else). */
  Attended = 'attended',
  /** Booked, absent, not justified: billed at the full price. */
  UnjustifiedAbsence = 'unjustified_absence',
  /** Booked, absent with a justification (illness certificate): not billed. */
  JustifiedAbsence = 'justified_absence',
  /** The city closed the activity that day: not billed. */
  Closure = 'closure',
  /** Present without a booking: price plus the penalty. */
  PresentUnbooked = 'present_unbooked',
}

/** Which rule produced a line. */
export enum LineRule {
  Tariff = 'tariff',
  UnjustifiedAbsence = 'unjustified_absence',
  JustifiedAbsence = 'justified_absence',
  Closure = 'closure',
  LateSurcharge = 'late_surcharge',
  UnbookedPenalty = 'unbooked_penalty',
  Regularisation = 'regularisation',
}

/** How a line was computed, kept with the line (jsonb) so the invoice explains itself for ever. */
export interface LineExplanation {
  rule: LineRule;
  method: TariffMethod | null;
  /** The QF used, null when none was validated (then the highest bracket). */
  qf: number | null;
  /** Bracket label for method brackets. */
  bracket: string | null;
  /** For effort rate: whether the floor or the ceiling applied. */
  bound: 'floor' | 'ceiling' | null;
  nonResident: boolean;
  pai: boolean;
  /** Child's rank among the household's billed children (eldest first) when a sibling reduction applied. */
  siblingRank: number | null;
  siblingPercent: number | null;
  /** The days this line covers (Paris dates). */
  dates: string[];
  /** Plain French: « 12 repas x 2,35 € (tranche 3, QF 712 €) ». */
  text: string;
}

export interface InvoiceLineView {
  id: string;
  childId: string | null;
  childName: string | null;
  activityId: string | null;
  activityLabel: string;
  quantity: number;
  unitCents: number;
  amountCents: number;
  explanation: LineExplanation;
}

/** What the family sees about an invoice; derived from the immutable invoice and its payments. */
export enum InvoiceStatus {
  ToPay = 'to_pay',
  /** An online payment awaits the bank's confirmation. */
  PaymentPending = 'payment_pending',
  Paid = 'paid',
  /** Will be debited on `directDebitDate`. */
  DirectDebit = 'direct_debit',
  /** Fully cancelled by credit notes. */
  Cancelled = 'cancelled',
}

export const INVOICE_STATUS_LABELS: Record<InvoiceStatus, string> = {
  [InvoiceStatus.ToPay]: 'À payer',
  [InvoiceStatus.PaymentPending]: 'Paiement en cours de confirmation',
  [InvoiceStatus.Paid]: 'Payée',
  [InvoiceStatus.DirectDebit]: 'Prélèvement prévu',
  [InvoiceStatus.Cancelled]: 'Annulée par avoir',
};

export interface InvoiceSummaryView {
  id: string;
  /** F-2026-000123. */
  number: string;
  /** YYYY-MM. */
  period: string;
  issueDate: string;
  dueDate: string;
  totalCents: number;
  /** Credit from earlier overpayments used by this invoice when issued. */
  creditAppliedCents: number;
  paidCents: number;
  creditNotesCents: number;
  /** What is left to pay (never below 0). */
  balanceDueCents: number;
  status: InvoiceStatus;
  statusLabel: string;
  directDebitDate: string | null;
  /** False under direct debit, when nothing is due, or with a payment in flight. */
  onlinePaymentAllowed: boolean;
}

export interface CreditNoteView {
  id: string;
  number: string;
  invoiceId: string;
  amountCents: number;
  reason: string;
  issuedAt: string;
}

export interface InvoiceView extends InvoiceSummaryView {
  householdId: string;
  issuedAt: string;
  lines: InvoiceLineView[];
  creditNotes: CreditNoteView[];
  /** The payment in flight, if any. */
  pendingPaymentId: string | null;
}

/** Agent: cancel part or all of an issued invoice. */
export interface CreateCreditNoteRequest {
  amountCents: number;
  reason: string;
}

export enum LedgerEntryKind {
  Invoice = 'invoice',
  Payment = 'payment',
  CreditNote = 'credit_note',
}

export interface LedgerEntryView {
  id: string;
  kind: LedgerEntryKind;
  date: string;
  label: string;
  /** Positive: the family owes more; negative: a payment or a credit. */
  amountCents: number;
  balanceAfterCents: number;
  invoiceId: string | null;
  paymentId: string | null;
}

export interface FamilyAccountView {
  householdId: string;
  /** Positive: owed to the city; negative: a credit the next invoice uses. */
  balanceCents: number;
  creditCents: number;
  ledger: LedgerEntryView[];
}

export enum BillingRunStatus {
  Draft = 'draft',
  Finalizing = 'finalizing',
  Finalized = 'finalized',
}

export enum BillingBlockerKind {
  AttendanceNotTaken = 'attendance_not_taken',
  NoTariff = 'no_tariff',
}

export interface BillingBlockerView {
  kind: BillingBlockerKind;
  activityId: string | null;
  activityLabel: string | null;
  date: string | null;
  childId: string | null;
  childName: string | null;
  /** French, for the agent. */
  message: string;
}

export interface BillingRunHouseholdView {
  householdId: string;
  label: string;
  totalCents: number;
  lineCount: number;
  invoiceId: string | null;
  invoiceNumber: string | null;
}

export interface BillingRunView {
  id: string;
  /** YYYY-MM. */
  period: string;
  status: BillingRunStatus;
  createdAt: string;
  computedAt: string | null;
  finalizedAt: string | null;
  householdCount: number;
  totalCents: number;
  invoiceCount: number;
  blockers: BillingBlockerView[];
  /** The first households by label; `householdCount` says how many there are. */
  households: BillingRunHouseholdView[];
}

export interface CreateBillingRunRequest {
  /** YYYY-MM. */
  period: string;
}

export interface FinalizeBillingRunRequest {
  /** Finalize although blockers remain (attendance not taken is then billed as booked). */
  ignoreBlockers?: boolean;
}

export enum MandateStatus {
  Active = 'active',
  Revoked = 'revoked',
}

export interface SepaMandateView {
  id: string;
  /** Unique mandate reference (RUM). */
  reference: string;
  /** FR76 **** **** **** **** **** 189 */
  ibanMasked: string;
  bic: string | null;
  holder: string;
  signedOn: string;
  status: MandateStatus;
}

export interface CreateSepaMandateRequest {
  iban: string;
  bic?: string | null;
  holder: string;
}

export interface CertificateQuery {
  /** Civil year of the childcare-costs certificate. */
  year: number;
}

export interface TreasuryExportQuery {
  from: string;
  to: string;
}

/** Minimum days between the pre-notification and the debit (SEPA rulebook allows 14 by agreement). */
export const SEPA_PRENOTIFICATION_DAYS = 14;
/** Days between the issue of an invoice and its due date. */
export const INVOICE_DUE_DAYS = 30;

export const BillingRoutes = {
  invoices: 'invoices',
  account: 'household/account',
  mandate: 'household/mandate',
  certificates: 'household/certificates',
  tariffs: 'admin/tariffs',
  billingRuns: 'admin/billing-runs',
  agentHouseholds: 'agent/billing/households',
  creditNotes: 'agent/billing/invoices',
  treasuryExport: 'agent/billing/exports/treasury',
  sepaFile: 'agent/billing/sepa',
} as const;

/** The household's mandate, if one is active. */
export interface MandateStateView {
  mandate: SepaMandateView | null;
}

export interface SepaFileRequest {
  /** YYYY-MM: invoices whose debit date falls in this month. */
  period: string;
}
