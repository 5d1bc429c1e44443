import {
  INVOICE_STATUS_LABELS,
  type InvoiceLineView,
  InvoiceStatus,
  type InvoiceSummaryView,
  LedgerEntryKind,
  PAYMENT_STATE_LABELS,
  PaymentState,
} from '@foyer/shared/contracts';
import { formatDateFr } from '@foyer/shared/domain';
import { FRENCH_PAGE, formatMoney, monthYearEn } from './locale-format';

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

/** « janvier 2027 » for the period "2027-01" (« January 2027 » on an English page). */
export function periodFr(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  if (!FRENCH_PAGE && Number(match[2]) >= 1 && Number(match[2]) <= 12) {
    return monthYearEn(Number(match[1]), Number(match[2]));
  }
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
    return $localize`:@@billing.labels.directDebitOn:Prélèvement le ${formatDateFr(invoice.directDebitDate)}:DATE:`;
  }
  return invoiceStatusLabels()[invoice.status] ?? INVOICE_STATUS_LABELS[invoice.status] ?? invoice.status;
}

/** The shared contracts' French labels, in the page's language. */
function invoiceStatusLabels(): Record<InvoiceStatus, string> {
  return {
    [InvoiceStatus.ToPay]: $localize`:@@billing.labels.status.toPay:À payer`,
    [InvoiceStatus.PaymentPending]: $localize`:@@billing.labels.status.paymentPending:Paiement en cours de confirmation`,
    [InvoiceStatus.Paid]: $localize`:@@billing.labels.status.paid:Payée`,
    [InvoiceStatus.DirectDebit]: $localize`:@@billing.labels.status.directDebit:Prélèvement prévu`,
    [InvoiceStatus.Cancelled]: $localize`:@@billing.labels.status.cancelled:Annulée par avoir`,
  };
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
  const labels: Record<PaymentState, string> = {
    [PaymentState.Created]: $localize`:@@billing.labels.payment.created:Paiement commencé`,
    [PaymentState.Pending]: $localize`:@@billing.labels.payment.pending:Paiement en cours de confirmation`,
    [PaymentState.Paid]: $localize`:@@billing.labels.payment.paid:Paiement accepté`,
    [PaymentState.Refused]: $localize`:@@billing.labels.payment.refused:Paiement refusé`,
    [PaymentState.Abandoned]: $localize`:@@billing.labels.payment.abandoned:Paiement abandonné`,
    [PaymentState.Expired]: $localize`:@@billing.labels.payment.expired:Paiement expiré`,
  };
  return labels[state] ?? PAYMENT_STATE_LABELS[state] ?? state;
}

/** True while the bank's answer is still awaited: the page asks again a little later. */
export function isPaymentSettling(state: PaymentState): boolean {
  return state === PaymentState.Created || state === PaymentState.Pending;
}

export const LEDGER_KIND_LABELS: Record<LedgerEntryKind, string> = {
  [LedgerEntryKind.Invoice]: $localize`:@@billing.labels.ledger.invoice:Facture`,
  [LedgerEntryKind.Payment]: $localize`:@@billing.labels.ledger.payment:Paiement`,
  [LedgerEntryKind.CreditNote]: $localize`:@@billing.labels.ledger.creditNote:Avoir`,
};

/** « 1 234,50 € à payer », « Solde nul », « 12,00 € en votre faveur »: the balance in words. */
export function balanceText(balanceCents: number): string {
  if (balanceCents > 0)
    return $localize`:@@billing.labels.balanceDue:${formatMoney(balanceCents)}:AMOUNT: à payer`;
  if (balanceCents < 0)
    return $localize`:@@billing.labels.balanceCredit:${formatMoney(-balanceCents)}:AMOUNT: en votre faveur (avoir)`;
  return $localize`:@@billing.labels.nothingDue:Aucune somme due`;
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
      child = {
        childName: line.childName ?? $localize`:@@billing.labels.wholeFamily:Toute la famille`,
        activities: [],
        totalCents: 0,
      };
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
