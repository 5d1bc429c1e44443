import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AcknowledgementView,
  AuthRoutes,
  Permission,
  REFRESH_COOKIE,
  SessionView,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, NotFromKiosk, Public } from '@foyer/api/core';
import type { AuthenticatedUser } from '@foyer/api/core';
import { EmailOnlyDto, LoginDto, RegisterDto, ResetPasswordDto, VerifyEmailDto } from '../dto/account.dto';
import { UserEntity } from '../entities';
import { IdentityService } from './identity.service';
import { clientIp, LocalAuthGuard } from './local.strategy';
import { SessionsService } from './sessions.service';

function refreshCookie(request: Request): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE.name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly sessions: SessionsService,
  ) {}

  @Public()
  @Post(AuthRoutes.register)
  @HttpCode(HttpStatus.ACCEPTED)
  register(@Body() body: RegisterDto, @Req() request: Request): Promise<AcknowledgementView> {
    return this.identity.register(body, clientIp(request));
  }

  @Public()
  @Post(AuthRoutes.verifyEmail)
  @HttpCode(HttpStatus.OK)
  verifyEmail(@Body() body: VerifyEmailDto): Promise<AcknowledgementView> {
    return this.identity.verifyEmail(body.token);
  }

  @Public()
  @Post(AuthRoutes.resendVerification)
  @HttpCode(HttpStatus.ACCEPTED)
  resendVerification(@Body() body: EmailOnlyDto, @Req() request: Request): Promise<AcknowledgementView> {
    return this.identity.resendVerification(body.email, clientIp(request));
  }

  @Public()
  @Post(AuthRoutes.forgotPassword)
  @HttpCode(HttpStatus.ACCEPTED)
  forgotPassword(@Body() body: EmailOnlyDto, @Req() request: Request): Promise<AcknowledgementView> {
    return this.identity.forgotPassword(body.email, clientIp(request));
  }

  @Public()
  @Post(AuthRoutes.resetPassword)
  @HttpCode(HttpStatus.OK)
  resetPassword(@Body() body: ResetPasswordDto): Promise<AcknowledgementView> {
    return this.identity.resetPassword(body.token, body.password);
  }

  /** The body ({ email, password }) is validated and checked by LocalAuthGuard (Passport). */
  @Public()
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @Post(AuthRoutes.login)
  @HttpCode(HttpStatus.OK)
  async login(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionView> {
    const session = await this.sessions.open(request.user as UserEntity);
    this.sessions.setCookie(response, session);
    return session.view;
  }

  /**
   * 200 with a new session; 204 when the browser holds no refresh cookie at all (a visitor who is
   * simply not signed in: not an error, so the web app's silent refresh at start logs nothing);
   * 401 when a cookie is there but expired, revoked or reused.
   */
  @Public()
  @Post(AuthRoutes.refresh)
  @HttpCode(HttpStatus.OK)
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionView | undefined> {
    const token = refreshCookie(request);
    if (!token) {
      response.status(HttpStatus.NO_CONTENT);
      return undefined;
    }
    try {
      const session = await this.sessions.rotate(token);
      this.sessions.setCookie(response, session);
      return session.view;
    } catch (error) {
      this.sessions.clearCookie(response);
      throw error;
    }
  }

  @Public()
  @Post(AuthRoutes.logout)
  @HttpCode(HttpStatus.NO_CONTENT)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.sessions.revokeByToken(refreshCookie(request));
    this.sessions.clearCookie(response);
  }

  @Auth({ permission: Permission.Self })
  @NotFromKiosk()
  @Post(AuthRoutes.logoutEverywhere)
  @HttpCode(HttpStatus.NO_CONTENT)
  async logoutEverywhere(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.revokeAll(user.id);
    this.sessions.clearCookie(response);
  }
}
