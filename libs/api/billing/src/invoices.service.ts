import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CreditNoteView,
  FamilyAccountView,
  INVOICE_STATUS_LABELS,
  InvoiceLineView,
  InvoiceStatus,
  InvoiceSummaryView,
  InvoiceView,
  LedgerEntryKind,
  LedgerEntryView,
  LineExplanation,
} from '@foyer/shared/contracts';
import { parisDateOf } from '@foyer/shared/domain';
import {
  APP_CONFIG,
  AuditService,
  Clock,
  ConflictError,
  InvalidInputError,
  NotFoundError,
} from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser } from '@foyer/api/core';
import { HouseholdAccess } from '@foyer/api/households';
import { CreditNoteEntity, InvoiceEntity, InvoiceLineEntity } from './entities';
import { billingIssuer, BillingIssuer } from './issuer';
import { creditNoteNumber, nextNumber } from './numbering';

/** An invoice's figures that change after issue: they live in payments and credit notes, not in it. */
interface InvoiceFigures {
  paidCents: number;
  creditNotesCents: number;
  pendingPaymentId: string | null;
}

const periodFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** « janvier 2027 » */
export function periodLabel(period: string): string {
  return periodFormat.format(new Date(`${period}-15T12:00:00Z`));
}

/** What an invoice says once its payments and credit notes are counted. */
export function invoiceSummary(invoice: InvoiceEntity, figures: InvoiceFigures): InvoiceSummaryView {
  const due = invoice.totalCents - invoice.creditAppliedCents - figures.paidCents - figures.creditNotesCents;
  const balanceDueCents = Math.max(0, due);
  let status: InvoiceStatus;
  if (invoice.totalCents > 0 && figures.creditNotesCents >= invoice.totalCents)
    status = InvoiceStatus.Cancelled;
  else if (balanceDueCents === 0) status = InvoiceStatus.Paid;
  else if (figures.pendingPaymentId) status = InvoiceStatus.PaymentPending;
  else if (invoice.directDebitDate) status = InvoiceStatus.DirectDebit;
  else status = InvoiceStatus.ToPay;
  return {
    id: invoice.id,
    number: invoice.number,
    period: invoice.period,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    totalCents: invoice.totalCents,
    creditAppliedCents: invoice.creditAppliedCents,
    paidCents: figures.paidCents,
    creditNotesCents: figures.creditNotesCents,
    balanceDueCents,
    status,
    statusLabel:
      status === InvoiceStatus.DirectDebit && invoice.directDebitDate
        ? `Prélèvement le ${invoice.directDebitDate.split('-').reverse().join('/')}`
        : INVOICE_STATUS_LABELS[status],
    directDebitDate: invoice.directDebitDate,
    onlinePaymentAllowed: status === InvoiceStatus.ToPay,
  };
}

/**
 * Invoices as families and agents read them, the family account (balance and ledger), credit notes.
 * Payments are another domain's table: their sums are read here in SQL (reviewed cross-domain read,
 * see docs/billing.md) so that the invoice's status needs no call back from payments.
 */
@Injectable()
export class InvoicesService {
  readonly issuer: BillingIssuer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly households: HouseholdAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.issuer = billingIssuer(config.communeName);
  }

  /** The resident's household, or null if they have none yet (then no invoice). */
  async householdOf(user: AuthenticatedUser): Promise<string | null> {
    return this.households.findHouseholdIdOf(user.id);
  }

  private async figures(
    ids: string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, InvoiceFigures>> {
    const result = new Map<string, InvoiceFigures>();
    for (const id of ids) result.set(id, { paidCents: 0, creditNotesCents: 0, pendingPaymentId: null });
    if (ids.length === 0) return result;
    const rows: { invoice_id: string; paid: string; pending: string | null; credits: string }[] =
      await m.query(
        `SELECT i.id AS invoice_id,
              COALESCE((SELECT sum(p.amount_cents) FROM payments p WHERE p.invoice_id = i.id AND p.state = 'paid'), 0) AS paid,
              (SELECT p.id FROM payments p WHERE p.invoice_id = i.id AND p.state IN ('created', 'pending') LIMIT 1) AS pending,
              COALESCE((SELECT sum(c.amount_cents) FROM credit_notes c WHERE c.invoice_id = i.id), 0) AS credits
         FROM invoices i WHERE i.id = ANY($1::uuid[])`,
        [ids],
      );
    for (const r of rows) {
      result.set(r.invoice_id, {
        paidCents: Number(r.paid),
        creditNotesCents: Number(r.credits),
        pendingPaymentId: r.pending,
      });
    }
    return result;
  }

  async list(householdId: string): Promise<InvoiceSummaryView[]> {
    const invoices = await this.dataSource
      .getRepository(InvoiceEntity)
      .find({ where: { householdId }, order: { issueDate: 'DESC', sequence: 'DESC' } });
    const figures = await this.figures(invoices.map((i) => i.id));
    return invoices.map((i) => invoiceSummary(i, figures.get(i.id) as InvoiceFigures));
  }

  /** An invoice of this household (another household's id is "not found", like an unknown one). */
  async requireInvoice(invoiceId: string, householdId: string | null): Promise<InvoiceEntity> {
    const invoice = await this.dataSource.getRepository(InvoiceEntity).findOneBy({ id: invoiceId });
    if (!invoice || (householdId !== null && invoice.householdId !== householdId)) {
      throw new NotFoundError('Cette facture est introuvable.');
    }
    return invoice;
  }

  async view(invoiceId: string, householdId: string | null): Promise<InvoiceView> {
    const invoice = await this.requireInvoice(invoiceId, householdId);
    const [lines, creditNotes, figures] = await Promise.all([
      this.dataSource
        .getRepository(InvoiceLineEntity)
        .find({ where: { invoiceId }, order: { position: 'ASC' } }),
      this.dataSource
        .getRepository(CreditNoteEntity)
        .find({ where: { invoiceId }, order: { issuedAt: 'ASC' } }),
      this.figures([invoiceId]),
    ]);
    const f = figures.get(invoiceId) as InvoiceFigures;
    return {
      ...invoiceSummary(invoice, f),
      householdId: invoice.householdId,
      issuedAt: invoice.issuedAt.toISOString(),
      lines: lines.map(toLineView),
      creditNotes: creditNotes.map((c) => toCreditNoteView(c, invoice.id)),
      pendingPaymentId: f.pendingPaymentId,
    };
  }

  /** For payments: the invoice locked for the rest of the transaction, with what is left to pay. */
  async lockForPayment(
    m: EntityManager,
    invoiceId: string,
    householdId: string | null,
  ): Promise<{ invoice: InvoiceEntity; summary: InvoiceSummaryView }> {
    const invoice = await m
      .getRepository(InvoiceEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :invoiceId', { invoiceId })
      .getOne();
    if (!invoice || (householdId !== null && invoice.householdId !== householdId)) {
      throw new NotFoundError('Cette facture est introuvable.');
    }
    const figures = await this.figures([invoiceId], m);
    return { invoice, summary: invoiceSummary(invoice, figures.get(invoiceId) as InvoiceFigures) };
  }

  /** Balance and ledger: invoices add, paid payments and credit notes subtract. */
  async account(householdId: string): Promise<FamilyAccountView> {
    const rows: {
      id: string;
      kind: LedgerEntryKind;
      at: Date;
      label: string;
      amount: string;
      invoice_id: string | null;
      payment_id: string | null;
      provider: string | null;
      method: string | null;
    }[] = await this.dataSource.query(
      `SELECT * FROM (
       SELECT id, 'invoice' AS kind, issued_at AS at, 'Facture ' || number || ' (' || period || ')' AS label,
              total_cents AS amount, id AS invoice_id, NULL::uuid AS payment_id, NULL AS provider, NULL AS method
         FROM invoices WHERE household_id = $1
       UNION ALL
       SELECT p.id, 'payment', COALESCE(p.settled_at, p.created_at),
              COALESCE(' (facture ' || i.number || ')', ''), -p.amount_cents, p.invoice_id, p.id, p.provider, p.method
         FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id
        WHERE p.household_id = $1 AND p.state = 'paid'
       UNION ALL
       SELECT c.id, 'credit_note', c.issued_at, 'Avoir ' || c.number || ' sur la facture ' || i.number,
              -c.amount_cents, c.invoice_id, NULL, NULL, NULL
         FROM credit_notes c JOIN invoices i ON i.id = c.invoice_id
        WHERE c.household_id = $1
       ) entries ORDER BY at, CASE kind WHEN 'invoice' THEN 0 WHEN 'payment' THEN 1 ELSE 2 END, id`,
      [householdId],
    );
    let balance = 0;
    const ledger: LedgerEntryView[] = rows.map((r) => {
      balance += Number(r.amount);
      let label = r.label;
      if (r.kind === LedgerEntryKind.Invoice) {
        const period = /\((\d{4}-\d{2})\)$/.exec(label)?.[1];
        if (period) label = label.replace(`(${period})`, `(${periodLabel(period)})`);
      }
      if (r.kind === LedgerEntryKind.Payment) label = `${paymentLabel(r.provider, r.method)}${r.label}`;
      return {
        id: r.id,
        kind: r.kind,
        date: parisDateOf(new Date(r.at)),
        label,
        amountCents: Number(r.amount),
        balanceAfterCents: balance,
        invoiceId: r.invoice_id,
        paymentId: r.payment_id,
      };
    });
    return { householdId, balanceCents: balance, creditCents: Math.max(0, -balance), ledger };
  }

  /** What the household has to its credit now (overpayments and credit notes not yet used). */
  async availableCredit(m: EntityManager, householdId: string): Promise<number> {
    const rows: { balance: string }[] = await m.query(
      `SELECT COALESCE((SELECT sum(total_cents) FROM invoices WHERE household_id = $1), 0)
            - COALESCE((SELECT sum(amount_cents) FROM payments WHERE household_id = $1 AND state = 'paid'), 0)
            - COALESCE((SELECT sum(amount_cents) FROM credit_notes WHERE household_id = $1), 0) AS balance`,
      [householdId],
    );
    return Math.max(0, -Number(rows[0].balance));
  }

  /**
   * An avoir on an issued invoice: at most what the invoice still carries (its total less earlier
   * credit notes). Numbered in its own gapless yearly series. Works on a paid invoice too: the
   * family then has a credit that its next invoice uses.
   */
  async createCreditNote(
    invoiceId: string,
    amountCents: number,
    reason: string,
    actor: AuthenticatedUser,
  ): Promise<CreditNoteView> {
    return this.dataSource.transaction(async (m) => {
      const { invoice, summary } = await this.lockForPayment(m, invoiceId, null);
      const left = invoice.totalCents - summary.creditNotesCents;
      if (amountCents > left) {
        throw new InvalidInputError(
          `Le montant de l'avoir dépasse ce que la facture porte encore (${left} centimes).`,
          'amountCents',
        );
      }
      if (left === 0) throw new ConflictError('Cette facture est déjà entièrement annulée par des avoirs.');
      const now = this.clock.now();
      const year = Number(parisDateOf(now).slice(0, 4));
      const sequence = await nextNumber(m, `A-${year}`);
      const note = await m.getRepository(CreditNoteEntity).save(
        m.getRepository(CreditNoteEntity).create({
          number: creditNoteNumber(year, sequence),
          invoiceId,
          householdId: invoice.householdId,
          amountCents,
          reason,
          issuedAt: now,
          issuedBy: actor.id,
        }),
      );
      await this.audit.record(
        {
          actor,
          action: 'billing.credit-note',
          entity: 'invoice',
          entityId: invoiceId,
          householdId: invoice.householdId,
          details: { number: note.number, amountCents },
        },
        m,
      );
      return toCreditNoteView(note, invoiceId);
    });
  }

  async lines(invoiceId: string): Promise<InvoiceLineView[]> {
    const lines = await this.dataSource
      .getRepository(InvoiceLineEntity)
      .find({ where: { invoiceId }, order: { position: 'ASC' } });
    return lines.map(toLineView);
  }
}

export function paymentLabel(provider: string | null, method: string | null): string {
  switch (provider) {
    case 'sandbox':
    case 'payfip':
      return 'Paiement en ligne';
    case 'direct_debit':
      return 'Prélèvement SEPA';
    case 'counter':
      return (
        {
          cash: 'Paiement en espèces',
          cheque: 'Paiement par chèque',
          cesu: 'Paiement par CESU',
          holiday_vouchers: 'Paiement par chèques vacances',
          transfer: 'Virement',
        }[method ?? ''] ?? 'Paiement au guichet'
      );
    default:
      return 'Paiement';
  }
}

export function toLineView(line: InvoiceLineEntity): InvoiceLineView {
  return {
    id: line.id,
    childId: line.childId,
    childName: line.childName,
    activityId: line.activityId,
    activityLabel: line.activityLabel,
    quantity: line.quantity,
    unitCents: line.unitCents,
    amountCents: line.amountCents,
    explanation: line.explanation as LineExplanation,
  };
}

function toCreditNoteView(note: CreditNoteEntity, invoiceId: string): CreditNoteView {
  return {
    id: note.id,
    number: note.number,
    invoiceId,
    amountCents: note.amountCents,
    reason: note.reason,
    issuedAt: note.issuedAt.toISOString(),
  };
}
