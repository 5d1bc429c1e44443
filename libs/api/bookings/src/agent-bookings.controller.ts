import { Body, Controller, Get, Header, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AgentBookingRoutes,
  AgentEnrollmentView,
  AttendanceSheetView,
  ClosureView,
  MealCountsView,
  Permission,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { AttendanceService } from './attendance.service';
import { ClosuresService } from './closures.service';
import {
  AttendanceQueryDto,
  CreateClosureDto,
  DecideEnrollmentDto,
  MarkAttendanceDto,
  MealCountsQueryDto,
} from './dto/bookings.dto';
import { EnrollmentsService } from './enrollments.service';

const uuid = new ParseIdPipe();

/** Agents of scope enfance: enrolment decisions, closures, attendance, meal counts. */
@ApiTags('bookings-agent')
@Controller()
export class AgentBookingsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly closures: ClosuresService,
    private readonly attendance: AttendanceService,
  ) {}

  @Auth({ permission: Permission.BookingsManage })
  @Get(AgentBookingRoutes.enrollments)
  listEnrollments(): Promise<AgentEnrollmentView[]> {
    return this.enrollments.listForAgents();
  }

  @Auth({ permission: Permission.BookingsManage })
  @Post(AgentBookingRoutes.decideEnrollment)
  decide(
    @CurrentUser() user: AuthenticatedUser,
    @Param('enrollmentId', uuid) enrollmentId: string,
    @Body() dto: DecideEnrollmentDto,
  ): Promise<AgentEnrollmentView> {
    return this.enrollments.decide(user, enrollmentId, dto);
  }

  @Auth({ permission: Permission.BookingsManage })
  @Get(AgentBookingRoutes.closures)
  listClosures(): Promise<ClosureView[]> {
    return this.closures.list();
  }

  @Auth({ permission: Permission.BookingsManage })
  @Post(AgentBookingRoutes.closures)
  createClosure(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateClosureDto): Promise<ClosureView> {
    return this.closures.create(user, dto);
  }

  @Auth({ permission: Permission.BookingsManage })
  @Get(AgentBookingRoutes.attendance)
  sheet(@Query() query: AttendanceQueryDto): Promise<AttendanceSheetView> {
    return this.attendance.sheet(query.siteId, query.activityId, query.date);
  }

  @Auth({ permission: Permission.BookingsManage })
  @Put(AgentBookingRoutes.attendance)
  mark(@CurrentUser() user: AuthenticatedUser, @Body() dto: MarkAttendanceDto): Promise<AttendanceSheetView> {
    return this.attendance.mark(user, dto);
  }

  @Auth({ permission: Permission.BookingsManage })
  @Get(AgentBookingRoutes.mealCounts)
  mealCounts(@Query() query: MealCountsQueryDto): Promise<MealCountsView> {
    return this.attendance.mealCounts(query.date);
  }

  @Auth({ permission: Permission.BookingsManage })
  @Get(AgentBookingRoutes.mealCountsCsv)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="repas.csv"')
  mealCountsCsv(@Query() query: MealCountsQueryDto): Promise<string> {
    return this.attendance.mealCountsCsv(query.date);
  }
}
