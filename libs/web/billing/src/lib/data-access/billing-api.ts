import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import {
  type ActivityView,
  BillingRoutes,
  BookingRoutes,
  type BillingRunView,
  type CounterPaymentView,
  type CreateBillingRunRequest,
  type CreateCreditNoteRequest,
  type CreditNoteView,
  type CreateSepaMandateRequest,
  type CreateTariffRequest,
  type FamilyAccountView,
  type FinalizeBillingRunRequest,
  type HouseholdSummaryView,
  AgentHouseholdRoutes,
  type InvoiceLineView,
  type InvoiceSummaryView,
  type InvoiceView,
  PaymentRoutes,
  type PaymentView,
  type RecordCounterPaymentRequest,
  type SepaMandateView,
  type StartPaymentResponse,
  type TariffView,
  type UpdateTariffRequest,
} from '@foyer/shared/contracts';
import { apiUrl } from '@foyer/web/core';

const id = encodeURIComponent;

/** A resident's calls: their household's invoices, payments, account and direct-debit mandate. */
@Injectable({ providedIn: 'root' })
export class BillingApi {
  private readonly http = inject(HttpClient);

  invoices(): Promise<InvoiceSummaryView[]> {
    return firstValueFrom(this.http.get<InvoiceSummaryView[]>(apiUrl(BillingRoutes.invoices)));
  }

  invoice(invoiceId: string): Promise<InvoiceView> {
    return firstValueFrom(this.http.get<InvoiceView>(apiUrl(`${BillingRoutes.invoices}/${id(invoiceId)}`)));
  }

  /** The invoice as a PDF (behind the bearer token: fetched as a Blob, then saved). */
  invoicePdf(invoiceId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(apiUrl(`${BillingRoutes.invoices}/${id(invoiceId)}/pdf`), { responseType: 'blob' }),
    );
  }

  /** Starts an online payment of what is left to pay; the browser then goes to `redirectUrl`. */
  startPayment(invoiceId: string): Promise<StartPaymentResponse> {
    return firstValueFrom(
      this.http.post<StartPaymentResponse>(apiUrl(`${BillingRoutes.invoices}/${id(invoiceId)}/payments`), {}),
    );
  }

  payment(paymentId: string): Promise<PaymentView> {
    return firstValueFrom(this.http.get<PaymentView>(apiUrl(`${PaymentRoutes.payments}/${id(paymentId)}`)));
  }

  account(): Promise<FamilyAccountView> {
    return firstValueFrom(this.http.get<FamilyAccountView>(apiUrl(BillingRoutes.account)));
  }

  /** The household's mandate, or null when it has none (the API answers `{ mandate }`). */
  async mandate(): Promise<SepaMandateView | null> {
    const state = await firstValueFrom(
      this.http.get<{ mandate: SepaMandateView | null }>(apiUrl(BillingRoutes.mandate)),
    );
    return state?.mandate ?? null;
  }

  /** The certificate that an invoice is paid, as a PDF. */
  paymentCertificate(invoiceId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(apiUrl(`${BillingRoutes.invoices}/${id(invoiceId)}/certificate`), {
        responseType: 'blob',
      }),
    );
  }

  /** The yearly certificate of childcare costs for children under 6 (for the tax return), as a PDF. */
  childcareCertificate(year: number): Promise<Blob> {
    const params = new HttpParams().set('year', String(year));
    return firstValueFrom(
      this.http.get(apiUrl(`${BillingRoutes.certificates}/childcare`), { params, responseType: 'blob' }),
    );
  }

  signMandate(request: CreateSepaMandateRequest): Promise<SepaMandateView> {
    return firstValueFrom(this.http.post<SepaMandateView>(apiUrl(BillingRoutes.mandate), request));
  }

  revokeMandate(): Promise<void> {
    return firstValueFrom(this.http.delete<void>(apiUrl(BillingRoutes.mandate)));
  }
}

/** The billing agents' and administrators' calls: runs, counter payments, exports, tariffs. */
@Injectable({ providedIn: 'root' })
export class BillingAdminApi {
  private readonly http = inject(HttpClient);

  runs(): Promise<BillingRunView[]> {
    return firstValueFrom(this.http.get<BillingRunView[]>(apiUrl(BillingRoutes.billingRuns)));
  }

  run(runId: string): Promise<BillingRunView> {
    return firstValueFrom(this.http.get<BillingRunView>(apiUrl(`${BillingRoutes.billingRuns}/${id(runId)}`)));
  }

  createRun(request: CreateBillingRunRequest): Promise<BillingRunView> {
    return firstValueFrom(this.http.post<BillingRunView>(apiUrl(BillingRoutes.billingRuns), request));
  }

  /** One household's draft (or issued) lines in a run, for the agent to review. */
  runHouseholdLines(runId: string, householdId: string): Promise<InvoiceLineView[]> {
    return firstValueFrom(
      this.http.get<InvoiceLineView[]>(
        apiUrl(`${BillingRoutes.billingRuns}/${id(runId)}/households/${id(householdId)}`),
      ),
    );
  }

  /** Computes the draft again from today's bookings and attendance. */
  rerun(runId: string): Promise<BillingRunView> {
    return firstValueFrom(
      this.http.post<BillingRunView>(apiUrl(`${BillingRoutes.billingRuns}/${id(runId)}/rerun`), {}),
    );
  }

  finalize(runId: string, request: FinalizeBillingRunRequest): Promise<BillingRunView> {
    return firstValueFrom(
      this.http.post<BillingRunView>(apiUrl(`${BillingRoutes.billingRuns}/${id(runId)}/finalize`), request),
    );
  }

  searchHouseholds(query: string): Promise<HouseholdSummaryView[]> {
    const params = new HttpParams().set('q', query);
    return firstValueFrom(
      this.http.get<HouseholdSummaryView[]>(apiUrl(AgentHouseholdRoutes.households), { params }),
    );
  }

  /** A household's account as the agent sees it: balance and ledger. */
  householdAccount(householdId: string): Promise<FamilyAccountView> {
    return firstValueFrom(
      this.http.get<FamilyAccountView>(apiUrl(`${BillingRoutes.agentHouseholds}/${id(householdId)}/account`)),
    );
  }

  householdInvoices(householdId: string): Promise<InvoiceSummaryView[]> {
    return firstValueFrom(
      this.http.get<InvoiceSummaryView[]>(
        apiUrl(`${BillingRoutes.agentHouseholds}/${id(householdId)}/invoices`),
      ),
    );
  }

  /** Any household's invoice, as an agent reads it. */
  invoice(invoiceId: string): Promise<InvoiceView> {
    return firstValueFrom(
      this.http.get<InvoiceView>(apiUrl(`${BillingRoutes.creditNotes}/${id(invoiceId)}`)),
    );
  }

  invoicePdf(invoiceId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(apiUrl(`${BillingRoutes.creditNotes}/${id(invoiceId)}/pdf`), { responseType: 'blob' }),
    );
  }

  /** Cancels part or all of an issued invoice: the invoice never changes, the credit note says why. */
  createCreditNote(invoiceId: string, request: CreateCreditNoteRequest): Promise<CreditNoteView> {
    return firstValueFrom(
      this.http.post<CreditNoteView>(
        apiUrl(`${BillingRoutes.creditNotes}/${id(invoiceId)}/credit-notes`),
        request,
      ),
    );
  }

  recordCounterPayment(request: RecordCounterPaymentRequest): Promise<CounterPaymentView> {
    return firstValueFrom(this.http.post<CounterPaymentView>(apiUrl(PaymentRoutes.counter), request));
  }

  treasuryCsv(from: string, to: string): Promise<Blob> {
    const params = new HttpParams().set('from', from).set('to', to);
    return firstValueFrom(
      this.http.get(apiUrl(BillingRoutes.treasuryExport), { params, responseType: 'blob' }),
    );
  }

  /** The month's pain.008 direct-debit file for the bank (a POST: producing it records the debits). */
  sepaFile(period: string): Promise<Blob> {
    return firstValueFrom(
      this.http.post(apiUrl(BillingRoutes.sepaFile), { period }, { responseType: 'blob' }),
    );
  }

  /** Every activity of the city (bookings' list), to give each a tariff. */
  activities(): Promise<ActivityView[]> {
    return firstValueFrom(this.http.get<ActivityView[]>(apiUrl(BookingRoutes.activities)));
  }

  tariffs(): Promise<TariffView[]> {
    return firstValueFrom(this.http.get<TariffView[]>(apiUrl(BillingRoutes.tariffs)));
  }

  createTariff(request: CreateTariffRequest): Promise<TariffView> {
    return firstValueFrom(this.http.post<TariffView>(apiUrl(BillingRoutes.tariffs), request));
  }

  updateTariff(tariffId: string, request: UpdateTariffRequest): Promise<TariffView> {
    return firstValueFrom(
      this.http.patch<TariffView>(apiUrl(`${BillingRoutes.tariffs}/${id(tariffId)}`), request),
    );
  }
}
