import {
  INVOICE_STATUS_LABELS,
  type InvoiceLineView,
  InvoiceStatus,
  type InvoiceSummaryView,
  LedgerEntryKind,
  PAYMENT_STATE_LABELS,
  PaymentState,
} from '@foyer/shared/contracts';
import { formatDateFr, formatEuros } from '@foyer/shared/domain';

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** « janvier 2027 » for the period "2027-01". */
export function periodFr(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  const month = MONTHS_FR[Number(match[2]) - 1];
  return month ? `${month} ${match[1]}` : period;
}

/** « Janvier 2027 », for a heading. */
export function periodTitleFr(period: string): string {
  const text = periodFr(period);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The invoice's state said in words (never by colour alone): « À payer », « Payée »,
 * « Paiement en cours de confirmation », « Prélèvement le 05/02/2027 ».
 */
export function invoiceStatusText(invoice: Pick<InvoiceSummaryView, 'status' | 'directDebitDate'>): string {
  if (invoice.status === InvoiceStatus.DirectDebit && invoice.directDebitDate) {
    return `Prélèvement le ${formatDateFr(invoice.directDebitDate)}`;
  }
  return INVOICE_STATUS_LABELS[invoice.status] ?? invoice.status;
}

/** The badge's colour repeats what the text says. */
export function invoiceBadgeClass(status: InvoiceStatus): string {
  switch (status) {
    case InvoiceStatus.Paid:
      return 'badge badge-success';
    case InvoiceStatus.ToPay:
      return 'badge badge-warning';
    case InvoiceStatus.PaymentPending:
    case InvoiceStatus.DirectDebit:
      return 'badge badge-neutral';
    default:
      return 'badge badge-neutral';
  }
}

export function paymentStateText(state: PaymentState): string {
  return PAYMENT_STATE_LABELS[state] ?? state;
}

/** True while the bank's answer is still awaited: the page asks again a little later. */
export function isPaymentSettling(state: PaymentState): boolean {
  return state === PaymentState.Created || state === PaymentState.Pending;
}

export const LEDGER_KIND_LABELS: Record<LedgerEntryKind, string> = {
  [LedgerEntryKind.Invoice]: 'Facture',
  [LedgerEntryKind.Payment]: 'Paiement',
  [LedgerEntryKind.CreditNote]: 'Avoir',
};

/** « 1 234,50 € à payer », « Solde nul », « 12,00 € en votre faveur »: the balance in words. */
export function balanceText(balanceCents: number): string {
  if (balanceCents > 0) return `${formatEuros(balanceCents)} à payer`;
  if (balanceCents < 0) return `${formatEuros(-balanceCents)} en votre faveur (avoir)`;
  return 'Aucune somme due';
}

export interface ActivityGroup {
  activityLabel: string;
  lines: InvoiceLineView[];
  totalCents: number;
}

export interface ChildGroup {
  /** « Nora Benali », or « Toute la famille » for lines without a child. */
  childName: string;
  activities: ActivityGroup[];
  totalCents: number;
}

/** Lines grouped by child, then activity, in the order they come (the API orders them by date). */
export function groupLines(lines: readonly InvoiceLineView[]): ChildGroup[] {
  const children = new Map<string, ChildGroup>();
  for (const line of lines) {
    const childKey = line.childId ?? '';
    let child = children.get(childKey);
    if (!child) {
      child = { childName: line.childName ?? 'Toute la famille', activities: [], totalCents: 0 };
      children.set(childKey, child);
    }
    let activity = child.activities.find((group) => group.activityLabel === line.activityLabel);
    if (!activity) {
      activity = { activityLabel: line.activityLabel, lines: [], totalCents: 0 };
      child.activities.push(activity);
    }
    activity.lines.push(line);
    activity.totalCents += line.amountCents;
    child.totalCents += line.amountCents;
  }
  return [...children.values()];
}
