import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingsModule } from '@foyer/api/bookings';
import { HouseholdsModule } from '@foyer/api/households';
import { BillingAdminController } from './billing-admin.controller';
import { BillingRunsService } from './billing-runs.service';
import { CertificatesService } from './certificates.service';
import { billingEntities } from './entities';
import { ExportsService } from './exports.service';
import { InvoiceRemindersService } from './invoice-reminders';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { MandatesService } from './mandates.service';
import { SepaService } from './sepa.service';
import { TariffsService } from './tariffs.service';

@Module({
  imports: [TypeOrmModule.forFeature(billingEntities), HouseholdsModule, BookingsModule],
  controllers: [InvoicesController, BillingAdminController],
  providers: [
    InvoicesService,
    TariffsService,
    BillingRunsService,
    MandatesService,
    SepaService,
    ExportsService,
    CertificatesService,
    InvoiceRemindersService,
  ],
  // Payments reach invoices through InvoicesService only.
  exports: [InvoicesService],
})
export class BillingModule {}
