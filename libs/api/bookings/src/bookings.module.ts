import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { CityModule } from '@foyer/api/city';
import { DocumentStorage, HouseholdsModule, LocalDocumentStorage } from '@foyer/api/households';
import { AgentBookingsController } from './agent-bookings.controller';
import { AttendanceService } from './attendance.service';
import { BookingsAdminController } from './bookings-admin.controller';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarService } from './calendar.service';
import { CatalogService } from './catalog.service';
import { ClosuresService } from './closures.service';
import { DayRules } from './day-rules';
import { DeadlineReminder } from './deadline-reminder';
import { EnrollmentsService } from './enrollments.service';
import { bookingsEntities } from './entities';
import { Families } from './families';
import { BookingsLedger } from './ledger.service';
import { WaitlistService } from './waitlist.service';

@Module({
  imports: [TypeOrmModule.forFeature(bookingsEntities), CityModule, HouseholdsModule],
  controllers: [BookingsController, AgentBookingsController, BookingsAdminController],
  providers: [
    Families,
    DayRules,
    CatalogService,
    EnrollmentsService,
    CalendarService,
    BookingsService,
    WaitlistService,
    ClosuresService,
    AttendanceService,
    CalendarFeedService,
    BookingsLedger,
    DeadlineReminder,
    // Medical certificates live with the household documents (same folder, random keys).
    {
      provide: DocumentStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDocumentStorage(config.documentsDir),
    },
  ],
  // For billing (ledger) and requests (enrolment after an approved request).
  exports: [EnrollmentsService, BookingsLedger, CatalogService],
})
export class BookingsModule {}
