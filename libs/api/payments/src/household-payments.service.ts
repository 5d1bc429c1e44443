import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { COUNTER_PAYMENT_METHOD_LABELS, CounterPaymentMethod } from '@foyer/shared/contracts';
import { type IsoDate, parisDateOf, parisInstant } from '@foyer/shared/domain';

/** One payment a household made, as other domains read it (attestation de paiement…). */
export interface HouseholdPayment {
  /** The day the money was received, in Paris. */
  date: IsoDate;
  amountCents: number;
  /** In French: « Paiement en ligne », « Prélèvement SEPA », « Chèque »… */
  method: string;
  /** The invoice it settled (F-2026-000123), null for a payment not tied to an invoice. */
  invoiceNumber: string | null;
}

function methodLabel(provider: string, method: string | null): string {
  if (provider === 'direct_debit') return 'Prélèvement SEPA';
  if (provider === 'counter' && method)
    return COUNTER_PAYMENT_METHOD_LABELS[method as CounterPaymentMethod] ?? 'Paiement au guichet';
  return 'Paiement en ligne';
}

/**
 * Read-only: the payments a household made (state paid) whose money arrived in a calendar year, Paris
 * time, oldest first. It needs nothing but the caller's EntityManager, so another domain can provide it
 * in its own module and read inside its own transaction.
 */
@Injectable()
export class HouseholdPaymentsReader {
  async paymentsOfYear(m: EntityManager, householdId: string, year: number): Promise<HouseholdPayment[]> {
    const rows: {
      settled_at: Date;
      amount_cents: number;
      provider: string;
      method: string | null;
      invoice_number: string | null;
    }[] = await m.query(
      `SELECT p.settled_at, p.amount_cents, p.provider, p.method, i.number AS invoice_number
         FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id
        WHERE p.household_id = $1 AND p.state = 'paid' AND p.settled_at >= $2 AND p.settled_at < $3
        ORDER BY p.settled_at, p.id`,
      [householdId, parisInstant(`${year}-01-01`), parisInstant(`${year + 1}-01-01`)],
    );
    return rows.map((r) => ({
      date: parisDateOf(new Date(r.settled_at)),
      amountCents: Number(r.amount_cents),
      method: methodLabel(r.provider, r.method),
      invoiceNumber: r.invoice_number,
    }));
  }
}
