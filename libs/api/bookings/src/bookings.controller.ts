import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  ActivityView,
  BookingCalendarView,
  BookingChangesView,
  BookingOfferView,
  BookingRoutes,
  CalendarFeedView,
  EnrollmentView,
  Permission,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, NotFromKiosk, ParseIdPipe, Public } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { BookingsService } from './bookings.service';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarService } from './calendar.service';
import { CatalogService } from './catalog.service';
import {
  BookingChangesDto,
  CalendarQueryDto,
  PatternDto,
  RequestEnrollmentDto,
  SickDto,
} from './dto/bookings.dto';
import { EnrollmentsService } from './enrollments.service';
import { DocumentFileInterceptor, UploadErrorFilter } from '@foyer/api/households';
import { WaitlistService } from './waitlist.service';

const uuid = new ParseIdPipe();

/** The family side: catalogue, enrolments, calendar, bookings, offers, ICS feed. */
@ApiTags('bookings')
@Controller()
export class BookingsController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly enrollments: EnrollmentsService,
    private readonly calendar: CalendarService,
    private readonly bookings: BookingsService,
    private readonly waitlist: WaitlistService,
    private readonly feeds: CalendarFeedService,
  ) {}

  @Auth({ permission: Permission.Self })
  @Get(BookingRoutes.activities)
  activities(): Promise<ActivityView[]> {
    return this.catalog.list();
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(BookingRoutes.enrollments)
  listEnrollments(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
  ): Promise<EnrollmentView[]> {
    return this.enrollments.list(user, childId);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BookingRoutes.enrollments)
  requestEnrollment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
    @Body() dto: RequestEnrollmentDto,
  ): Promise<EnrollmentView> {
    return this.enrollments.request(user, childId, dto);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(BookingRoutes.calendar)
  getCalendar(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
    @Query() query: CalendarQueryDto,
  ): Promise<BookingCalendarView> {
    return this.calendar.calendar(user, childId, query.from, query.to);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Put(BookingRoutes.bookings)
  change(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
    @Body() dto: BookingChangesDto,
  ): Promise<BookingChangesView> {
    return this.bookings.change(user, childId, dto.changes);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BookingRoutes.pattern)
  @HttpCode(200)
  pattern(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
    @Body() dto: PatternDto,
  ): Promise<BookingChangesView> {
    return this.bookings.pattern(user, childId, dto, true);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BookingRoutes.cancelPeriod)
  @HttpCode(200)
  cancelPeriod(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
    @Body() dto: PatternDto,
  ): Promise<BookingChangesView> {
    return this.bookings.pattern(user, childId, dto, false);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BookingRoutes.sick)
  @HttpCode(200)
  sick(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
    @Body() dto: SickDto,
  ): Promise<BookingChangesView> {
    return this.bookings.sick(user, childId, dto.date, dto.activityId);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BookingRoutes.certificate)
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UseInterceptors(DocumentFileInterceptor)
  @UseFilters(UploadErrorFilter)
  certificate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
    @Param('bookingId', uuid) bookingId: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<{ justified: boolean }> {
    return this.bookings.certificate(user, childId, bookingId, file);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(BookingRoutes.calendarFeed)
  feedStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
  ): Promise<CalendarFeedView> {
    return this.feeds.status(user, childId);
  }

  @NotFromKiosk()
  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BookingRoutes.calendarFeed)
  regenerateFeed(
    @CurrentUser() user: AuthenticatedUser,
    @Param('childId', uuid) childId: string,
  ): Promise<CalendarFeedView> {
    return this.feeds.regenerate(user, childId);
  }

  /** The ICS feed, by its secret token: no account (calendar apps cannot sign in). */
  @Public()
  @Get(BookingRoutes.icsFeed)
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  icsFeed(@Param('token') token: string): Promise<string> {
    return this.feeds.feed(token);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(BookingRoutes.offers)
  offers(@CurrentUser() user: AuthenticatedUser): Promise<BookingOfferView[]> {
    return this.waitlist.listOffers(user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BookingRoutes.acceptOffer)
  @HttpCode(200)
  accept(
    @CurrentUser() user: AuthenticatedUser,
    @Param('bookingId', uuid) bookingId: string,
  ): Promise<BookingOfferView[]> {
    return this.waitlist.answer(user, bookingId, true);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(BookingRoutes.declineOffer)
  @HttpCode(200)
  decline(
    @CurrentUser() user: AuthenticatedUser,
    @Param('bookingId', uuid) bookingId: string,
  ): Promise<BookingOfferView[]> {
    return this.waitlist.answer(user, bookingId, false);
  }
}
