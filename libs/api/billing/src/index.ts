export * from './billing.module';
export { InvoicesService, invoiceSummary, periodLabel } from './invoices.service';
export { BillingRunsService, monthBounds } from './billing-runs.service';
export { TariffsService } from './tariffs.service';
export { seedBilling, demoRules } from './seed/seed-billing';
