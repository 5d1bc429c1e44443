import { ErrorStateMatcher, MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS } from '@angular/material/form-field';
import type { Provider } from '@angular/core';
import { Routes } from '@angular/router';
import { Permission } from '@foyer/shared/contracts';
import {
  FORM_FIELD_DEFAULTS,
  MATERIAL_ANIMATION_DEFAULTS,
  permissionGuard,
  TouchedErrorStateMatcher,
} from '@foyer/web/core';
import { provideFrenchDates } from '@foyer/web/households';
import { AccountPage } from './feature/account-page';
import { AgentInvoicePage } from './feature/agent-invoice-page';
import { BillingRunPage } from './feature/billing-run-page';
import { BillingRunsPage } from './feature/billing-runs-page';
import { CounterPaymentsPage } from './feature/counter-payments-page';
import { ExportsPage } from './feature/exports-page';
import { InvoicePage } from './feature/invoice-page';
import { InvoicesPage } from './feature/invoices-page';
import { MandatePage } from './feature/mandate-page';
import { PaymentReturnPage } from './feature/payment-return-page';
import { RemindersPage } from './feature/reminders-page';
import { TariffsPage } from './feature/tariffs-page';

const FORM_PROVIDERS: Provider[] = [
  { provide: MAT_FORM_FIELD_DEFAULT_OPTIONS, useValue: FORM_FIELD_DEFAULTS },
  { provide: MATERIAL_ANIMATIONS, useValue: MATERIAL_ANIMATION_DEFAULTS },
  { provide: ErrorStateMatcher, useClass: TouchedErrorStateMatcher },
  ...provideFrenchDates(),
];

/** Mounted at /factures: a resident's invoices, family account and direct-debit mandate. */
export const billingRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.HouseholdOwn)],
    providers: FORM_PROVIDERS,
    children: [
      { path: '', component: InvoicesPage, title: $localize`:@@billing.routes.invoices:Mes factures` },
      {
        path: 'compte',
        component: AccountPage,
        title: $localize`:@@billing.routes.account:Mon compte famille`,
      },
      {
        path: 'prelevement',
        component: MandatePage,
        title: $localize`:@@billing.routes.mandate:Prélèvement automatique`,
      },
      {
        path: 'paiements/:paymentId',
        component: PaymentReturnPage,
        title: $localize`:@@billing.routes.paymentReturn:Retour du paiement`,
      },
      { path: ':invoiceId', component: InvoicePage, title: $localize`:@@billing.routes.invoice:Facture` },
    ],
  },
];

/** Mounted at /agent/facturation: billing runs, counter payments, reminders, exports (scope facturation). */
export const agentBillingRoutes: Routes = [
  {
    path: '',
    providers: FORM_PROVIDERS,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'campagnes' },
      {
        path: 'campagnes',
        component: BillingRunsPage,
        title: $localize`:@@billing.routes.runs:Campagnes de facturation`,
        canActivate: [permissionGuard(Permission.BillingManage)],
      },
      {
        path: 'campagnes/:runId',
        component: BillingRunPage,
        title: $localize`:@@billing.routes.run:Campagne de facturation`,
        canActivate: [permissionGuard(Permission.BillingManage)],
      },
      {
        path: 'factures/:invoiceId',
        component: AgentInvoicePage,
        title: $localize`:@@billing.routes.invoice:Facture`,
        canActivate: [permissionGuard(Permission.BillingManage)],
      },
      {
        path: 'guichet',
        component: CounterPaymentsPage,
        title: $localize`:@@billing.routes.counter:Paiements au guichet`,
        canActivate: [permissionGuard(Permission.PaymentsRecord)],
      },
      {
        path: 'relances',
        component: RemindersPage,
        title: $localize`:@@billing.routes.reminders:Relances`,
        canActivate: [permissionGuard(Permission.BillingManage)],
      },
      {
        path: 'exports',
        component: ExportsPage,
        title: $localize`:@@billing.routes.exports:Exports comptables`,
        canActivate: [permissionGuard(Permission.BillingManage)],
      },
    ],
  },
];

/** Mounted at /admin/tarifs: the tariffs of every activity. */
export const tariffsRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard(Permission.TariffsManage)],
    providers: FORM_PROVIDERS,
    component: TariffsPage,
    title: $localize`:@@billing.routes.tariffs:Tarifs`,
  },
];
