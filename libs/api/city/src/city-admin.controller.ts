import { Body, Controller, Delete, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CityAdminRoutes, Permission, SchoolYearView, SiteView } from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { CityAdminService } from './city-admin.service';
import {
  CreateSchoolHolidayDto,
  CreateSiteDto,
  UpdateSchoolYearDto,
  UpdateSiteDto,
} from './dto/city-admin.dto';

/** The administrators' setup of the city: sites and school calendars (reading them is public). */
@ApiTags('admin')
@Controller()
export class CityAdminController {
  constructor(private readonly admin: CityAdminService) {}

  @Auth({ permission: Permission.CityManage })
  @Post(CityAdminRoutes.sites)
  createSite(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateSiteDto): Promise<SiteView> {
    return this.admin.createSite(body, user);
  }

  @Auth({ permission: Permission.CityManage })
  @Patch(`${CityAdminRoutes.sites}/:siteId`)
  updateSite(
    @CurrentUser() user: AuthenticatedUser,
    @Param('siteId', new ParseIdPipe()) siteId: string,
    @Body() body: UpdateSiteDto,
  ): Promise<SiteView> {
    return this.admin.updateSite(siteId, body, user);
  }

  @Auth({ permission: Permission.CityManage })
  @Patch(`${CityAdminRoutes.schoolYears}/:schoolYear`)
  updateSchoolYear(
    @CurrentUser() user: AuthenticatedUser,
    @Param('schoolYear') schoolYear: string,
    @Body() body: UpdateSchoolYearDto,
  ): Promise<SchoolYearView> {
    return this.admin.updateSchoolYear(schoolYear, body, user);
  }

  @Auth({ permission: Permission.CityManage })
  @Post(`${CityAdminRoutes.schoolYears}/:schoolYear/holidays`)
  addHoliday(
    @CurrentUser() user: AuthenticatedUser,
    @Param('schoolYear') schoolYear: string,
    @Body() body: CreateSchoolHolidayDto,
  ): Promise<SchoolYearView> {
    return this.admin.addHoliday(schoolYear, body, user);
  }

  @Auth({ permission: Permission.CityManage })
  @Delete(`${CityAdminRoutes.schoolYears}/:schoolYear/holidays/:holidayId`)
  removeHoliday(
    @CurrentUser() user: AuthenticatedUser,
    @Param('schoolYear') schoolYear: string,
    @Param('holidayId', new ParseIdPipe()) holidayId: string,
  ): Promise<SchoolYearView> {
    return this.admin.removeHoliday(schoolYear, holidayId, user);
  }
}
