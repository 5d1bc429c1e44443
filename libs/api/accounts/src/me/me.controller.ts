import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AcknowledgementView, AuthRoutes, MeView, Permission } from '@foyer/shared/contracts';
import { Auth, CurrentUser, NotFromKiosk } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { AccountsService } from '../accounts.service';
import { IdentityService } from '../auth/identity.service';
import { ChangeEmailDto, ChangePasswordDto } from '../dto/account.dto';

/** The signed-in person's own account. */
@ApiTags('me')
@Controller()
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly identity: IdentityService,
  ) {}

  @Auth({ permission: Permission.Self })
  @Get(AuthRoutes.me)
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeView> {
    return this.accounts.getMe(user.id);
  }

  @Auth({ permission: Permission.Self })
  @NotFromKiosk()
  @Post(AuthRoutes.changeEmail)
  @HttpCode(HttpStatus.ACCEPTED)
  changeEmail(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangeEmailDto,
  ): Promise<AcknowledgementView> {
    return this.identity.requestEmailChange(user, body.newEmail, body.password);
  }

  @Auth({ permission: Permission.Self })
  @NotFromKiosk()
  @Post(AuthRoutes.changePassword)
  @HttpCode(HttpStatus.OK)
  changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
  ): Promise<AcknowledgementView> {
    return this.identity.changePassword(user, body.currentPassword, body.newPassword);
  }
}
