import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CalendarDayView, CityRoutes, SchoolYearView, SiteView } from '@foyer/shared/contracts';
import { ParseIdPipe, Public } from '@foyer/api/core';
import { CityService } from './city.service';
import { CalendarDaysQueryDto } from './dto/calendar-days.dto';

/** Public facts about the city's services: where (sites) and when (school calendars). */
@ApiTags('city')
@Controller()
export class CityController {
  constructor(private readonly city: CityService) {}

  @Public()
  @Get(CityRoutes.sites)
  @ApiOkResponse({ description: 'Schools and leisure centres.' })
  listSites(): Promise<SiteView[]> {
    return this.city.listSites();
  }

  @Public()
  @Get(`${CityRoutes.sites}/:siteId`)
  getSite(@Param('siteId', new ParseIdPipe()) siteId: string): Promise<SiteView> {
    return this.city.getSite(siteId);
  }

  @Public()
  @Get(CityRoutes.schoolYears)
  listSchoolYears(): Promise<SchoolYearView[]> {
    return this.city.listSchoolYears();
  }

  @Public()
  @Get(`${CityRoutes.schoolYears}/:schoolYear`)
  getSchoolYear(@Param('schoolYear') schoolYear: string): Promise<SchoolYearView> {
    return this.city.getSchoolYear(schoolYear);
  }

  @Public()
  @Get(`${CityRoutes.schoolYears}/:schoolYear/days`)
  listDays(
    @Param('schoolYear') schoolYear: string,
    @Query() query: CalendarDaysQueryDto,
  ): Promise<CalendarDayView[]> {
    return this.city.listDays(schoolYear, query.from, query.to);
  }
}
