/** Payments: online through a provider (sandbox by default, PayFiP), counter payments by agents. */

export enum PaymentProviderName {
  /** The portal's own page that plays the bank (default). */
  Sandbox = 'sandbox',
  /** DGFiP PayFiP web service. */
  Payfip = 'payfip',
  /** Recorded by an agent at the counter. */
  Counter = 'counter',
  /** SEPA direct debit. */
  DirectDebit = 'direct_debit',
}

export enum PaymentState {
  Created = 'created',
  /** The bank said something; the provider's confirmation is awaited. */
  Pending = 'pending',
  Paid = 'paid',
  Refused = 'refused',
  Abandoned = 'abandoned',
  Expired = 'expired',
}

export const PAYMENT_STATE_LABELS: Record<PaymentState, string> = {
  [PaymentState.Created]: 'Paiement commencé',
  [PaymentState.Pending]: 'Paiement en cours de confirmation',
  [PaymentState.Paid]: 'Paiement accepté',
  [PaymentState.Refused]: 'Paiement refusé',
  [PaymentState.Abandoned]: 'Paiement abandonné',
  [PaymentState.Expired]: 'Paiement expiré',
};

/** States in which a payment still holds its invoice (no second payment may start). */
export const IN_FLIGHT_PAYMENT_STATES: readonly PaymentState[] = [PaymentState.Created, PaymentState.Pending];

export interface StartPaymentResponse {
  paymentId: string;
  /** Where to send the resident's browser. */
  redirectUrl: string;
}

export interface PaymentView {
  id: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  provider: PaymentProviderName;
  state: PaymentState;
  stateLabel: string;
  amountCents: number;
  createdAt: string;
  settledAt: string | null;
}

export enum CounterPaymentMethod {
  /** At most 300 € per receivable (LFR 2013 art. 19). */
  Cash = 'cash',
  Cheque = 'cheque',
  Cesu = 'cesu',
  HolidayVouchers = 'holiday_vouchers',
  Transfer = 'transfer',
}

export const COUNTER_PAYMENT_METHOD_LABELS: Record<CounterPaymentMethod, string> = {
  [CounterPaymentMethod.Cash]: 'Espèces',
  [CounterPaymentMethod.Cheque]: 'Chèque',
  [CounterPaymentMethod.Cesu]: 'CESU',
  [CounterPaymentMethod.HolidayVouchers]: 'Chèques vacances',
  [CounterPaymentMethod.Transfer]: 'Virement',
};

/** Cash is capped at 300 € per public receivable. */
export const CASH_LIMIT_CENTS = 30000;

export interface RecordCounterPaymentRequest {
  invoiceId: string;
  method: CounterPaymentMethod;
  amountCents: number;
  /** The régie's receipt number (quittance). */
  receiptNumber: string;
  /** Cheque number, bank reference… */
  reference?: string | null;
}

export interface CounterPaymentView extends PaymentView {
  method: CounterPaymentMethod;
  receiptNumber: string;
  reference: string | null;
  recordedBy: string;
}

export const PaymentRoutes = {
  payments: 'payments',
  notifications: 'payments/notifications',
  sandbox: 'payments/sandbox',
  counter: 'agent/payments/counter',
} as const;
