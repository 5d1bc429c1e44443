import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  NotificationPageView,
  NotificationPreferencesPageView,
  NotificationRoutes,
  NotificationView,
  Permission,
  UnreadCountView,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { InboxQueryDto, UpdatePreferencesDto } from '../dto/notifications.dto';
import { NotificationsService } from '../notifications.service';

/** The signed-in person's messages and notification preferences. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Auth({ permission: Permission.Self })
  @Get(NotificationRoutes.list)
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: InboxQueryDto): Promise<NotificationPageView> {
    return this.notifications.inbox(user.id, query.page, query.pageSize, query.unread === 'true');
  }

  @Auth({ permission: Permission.Self })
  @Get(NotificationRoutes.unreadCount)
  async unreadCount(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCountView> {
    return { unread: await this.notifications.unreadCount(user.id) };
  }

  @Auth({ permission: Permission.Self })
  @Post(NotificationRoutes.readAll)
  @HttpCode(HttpStatus.NO_CONTENT)
  async readAll(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.notifications.markAllRead(user.id);
  }

  @Auth({ permission: Permission.Self })
  @Post(`${NotificationRoutes.list}/:notificationId/read`)
  @HttpCode(HttpStatus.OK)
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('notificationId', new ParseIdPipe()) id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(user.id, id);
  }

  @Auth({ permission: Permission.Self })
  @Get(NotificationRoutes.preferences)
  preferences(@CurrentUser() user: AuthenticatedUser): Promise<NotificationPreferencesPageView> {
    return this.notifications.preferences(user.id);
  }

  @Auth({ permission: Permission.Self })
  @Put(NotificationRoutes.preferences)
  updatePreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdatePreferencesDto,
  ): Promise<NotificationPreferencesPageView> {
    return this.notifications.updatePreferences(user, body.preferences);
  }
}
