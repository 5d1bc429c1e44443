import { BillingRunLineEntity } from './billing-run-line.entity';
import { BillingRunEntity } from './billing-run.entity';
import { CreditNoteEntity } from './credit-note.entity';
import { InvoiceLineEntity } from './invoice-line.entity';
import { InvoiceEntity } from './invoice.entity';
import { NumberingCounterEntity } from './numbering-counter.entity';
import { SepaMandateEntity } from './sepa-mandate.entity';
import { TariffEntity } from './tariff.entity';

export {
  BillingRunEntity,
  BillingRunLineEntity,
  CreditNoteEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  NumberingCounterEntity,
  SepaMandateEntity,
  TariffEntity,
};

/** The tables of the billing domain (imported only by the module and apps/api/src/entities.ts). */
export const billingEntities = [
  TariffEntity,
  NumberingCounterEntity,
  BillingRunEntity,
  BillingRunLineEntity,
  InvoiceEntity,
  InvoiceLineEntity,
  CreditNoteEntity,
  SepaMandateEntity,
];
