import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationRoutes, Permission } from '@foyer/shared/contracts';
import type { PushPublicKeyView, PushSubscriptionView } from '@foyer/shared/contracts';
import { Auth, CurrentUser, NotFromKiosk, Public } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { PushSubscriptionDto, PushUnsubscribeDto } from './push.dto';
import { PushService } from './push.service';

/** Web Push: the server's public key, and each person's devices. */
@ApiTags('notifications')
@Controller()
export class PushController {
  constructor(private readonly push: PushService) {}

  /** The VAPID public key is public by nature: browsers subscribe with it. */
  @Public()
  @Get(NotificationRoutes.pushPublicKey)
  publicKey(): PushPublicKeyView {
    return { publicKey: this.push.publicKey };
  }

  @NotFromKiosk()
  @Auth({ permission: Permission.Self })
  @Post(NotificationRoutes.pushSubscriptions)
  subscribe(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PushSubscriptionDto,
  ): Promise<PushSubscriptionView> {
    return this.push.subscribe(user.id, body);
  }

  @Auth({ permission: Permission.Self })
  @Post(NotificationRoutes.pushUnsubscribe)
  @HttpCode(204)
  async unsubscribe(@CurrentUser() user: AuthenticatedUser, @Body() body: PushUnsubscribeDto): Promise<void> {
    await this.push.unsubscribe(user.id, body.endpoint);
  }
}
