import { DynamicModule, Module } from '@nestjs/common';
import { CoreModule, CoreModuleOptions } from '@foyer/api/core';
import { CityModule } from '@foyer/api/city';
import { HouseholdsModule } from '@foyer/api/households';
import { AccountsModule } from '@foyer/api/accounts';
import { JobsModule } from '@foyer/api/jobs';
import { NotificationsModule } from '@foyer/api/notifications';
import { BookingsModule } from '@foyer/api/bookings';
import { BillingModule } from '@foyer/api/billing';
import { PaymentsModule } from '@foyer/api/payments';
import { RequestsModule } from '@foyer/api/requests';
import { AnnouncementsModule } from '@foyer/api/announcements';
import { KioskModule } from '@foyer/api/kiosk';

/** The whole API: core services plus one module per domain. */
@Module({})
export class AppModule {
  static register(options: CoreModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        JobsModule,
        CityModule,
        AccountsModule,
        NotificationsModule,
        HouseholdsModule,
        BookingsModule,
        BillingModule,
        PaymentsModule,
        RequestsModule,
        AnnouncementsModule,
        KioskModule,
      ],
    };
  }
}
