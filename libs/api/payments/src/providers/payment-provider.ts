import { PaymentState } from '@foyer/shared/contracts';

/** What a provider needs to open a payment. */
export interface StartRequest {
  paymentId: string;
  invoiceNumber: string;
  amountCents: number;
  email: string;
  /** Year of the receivable (exer). */
  year: number;
  /** Where the provider notifies the portal, server to server. */
  notificationUrl: string;
  /** Where the resident comes back. */
  returnUrl: string;
}

/** What the provider says about a payment when asked. */
export interface ProviderStatus {
  /** paid, refused, abandoned, or pending (no outcome yet), or expired (the provider forgot it). */
  state: PaymentState;
  amountCents: number | null;
  details: Record<string, unknown>;
}

/**
 * An online payment service. The portal never trusts a notification's content: it only learns from
 * it which operation to ask about, then asks the provider (`status`), as PayFiP's flow requires.
 */
export abstract class PaymentProvider {
  abstract readonly name: 'sandbox' | 'payfip';

  /** Opens the operation at the provider: its reference and where to send the resident. */
  abstract start(request: StartRequest): Promise<{ providerRef: string; redirectUrl: string }>;

  /**
   * Reads a server-to-server notification: the operation it is about, or null when it is not
   * authentic (bad signature) or not readable.
   */
  abstract readNotification(
    body: Record<string, unknown>,
    headers: Record<string, string | string[] | undefined>,
  ): string | null;

  /** Asks the provider for the operation's outcome. */
  abstract status(providerRef: string): Promise<ProviderStatus>;
}
