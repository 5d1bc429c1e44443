import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ActivityView, AdminBookingRoutes, Permission, SiteOfferView } from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { CatalogService } from './catalog.service';
import {
  CapacityOverrideDto,
  CreateActivityDto,
  CreateCampaignDto,
  SiteOfferDto,
  UpdateActivityDto,
  UpdateSiteOfferDto,
} from './dto/admin.dto';

const uuid = new ParseIdPipe();

/** City setup: activities, their rules, offers per site, capacities, holiday campaigns. */
@ApiTags('bookings-admin')
@Controller()
export class BookingsAdminController {
  constructor(private readonly catalog: CatalogService) {}

  @Auth({ permission: Permission.CityManage })
  @Get(AdminBookingRoutes.activities)
  list(): Promise<ActivityView[]> {
    return this.catalog.list();
  }

  @Auth({ permission: Permission.CityManage })
  @Post(AdminBookingRoutes.activities)
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateActivityDto): Promise<ActivityView> {
    return this.catalog.create(user, dto);
  }

  @Auth({ permission: Permission.CityManage })
  @Get(AdminBookingRoutes.activity)
  get(@Param('activityId', uuid) activityId: string): Promise<ActivityView> {
    return this.catalog.get(activityId);
  }

  @Auth({ permission: Permission.CityManage })
  @Patch(AdminBookingRoutes.activity)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', uuid) activityId: string,
    @Body() dto: UpdateActivityDto,
  ): Promise<ActivityView> {
    return this.catalog.update(user, activityId, dto);
  }

  @Auth({ permission: Permission.CityManage })
  @Post(AdminBookingRoutes.offers)
  addOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('activityId', uuid) activityId: string,
    @Body() dto: SiteOfferDto,
  ): Promise<ActivityView> {
    return this.catalog.addOffer(user, activityId, dto);
  }

  @Auth({ permission: Permission.CityManage })
  @Patch(AdminBookingRoutes.offer)
  updateOffer(
    @CurrentUser() user: AuthenticatedUser,
    @Param('offerId', uuid) offerId: string,
    @Body() dto: UpdateSiteOfferDto,
  ): Promise<ActivityView> {
    return this.catalog.updateOffer(user, offerId, dto);
  }

  @Auth({ permission: Permission.CityManage })
  @Put(AdminBookingRoutes.capacityOverrides)
  setCapacity(
    @CurrentUser() user: AuthenticatedUser,
    @Param('offerId', uuid) offerId: string,
    @Body() dto: CapacityOverrideDto,
  ): Promise<SiteOfferView> {
    return this.catalog.setCapacityOverride(user, offerId, dto);
  }

  @Auth({ permission: Permission.CityManage })
  @Post(AdminBookingRoutes.campaigns)
  createCampaign(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateCampaignDto,
  ): Promise<ActivityView> {
    return this.catalog.createCampaign(user, dto);
  }
}
