import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  KIOSK_COOKIE,
  KioskCodeView,
  KioskPollView,
  KioskRoutes,
  KioskSessionView,
  KioskSignInRequestView,
  KioskStatusView,
  KioskTerminalView,
  Permission,
} from '@foyer/shared/contracts';
import { APP_CONFIG, Auth, CurrentUser, ParseIdPipe, Public } from '@foyer/api/core';
import type { AppConfig, AuthenticatedUser } from '@foyer/api/core';
import {
  ActivateKioskTerminalDto,
  CreateKioskTerminalDto,
  ApproveKioskSignInDto,
  KioskCodeDto,
  PollKioskSignInDto,
} from './dto/kiosk.dto';
import { KioskService } from './kiosk.service';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function terminalCookie(request: Request): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[KIOSK_COOKIE];
  return typeof value === 'string' ? value : undefined;
}

/** Public touch terminals and the QR sign-in between a kiosk and a resident's phone. */
@ApiTags('kiosk')
@Controller()
export class KioskController {
  constructor(
    private readonly kiosk: KioskService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(KioskRoutes.status)
  status(@Req() request: Request): Promise<KioskStatusView> {
    return this.kiosk.status(terminalCookie(request));
  }

  @Auth({ permission: Permission.CityManage })
  @Post(KioskRoutes.terminals)
  createTerminal(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateKioskTerminalDto,
  ): Promise<KioskTerminalView> {
    return this.kiosk.createTerminal(body.name, user);
  }

  /** The terminal's identity lives in an httpOnly cookie: the wipe between users leaves it alone. */
  @Public()
  @Post(KioskRoutes.activate)
  @HttpCode(HttpStatus.OK)
  async activate(
    @Body() body: ActivateKioskTerminalDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<KioskStatusView> {
    const terminal = await this.kiosk.activate(body.token);
    response.cookie(KIOSK_COOKIE, this.kiosk.cookieValueFor(terminal.id), {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure: this.config.publicUrl.startsWith('https://'),
      maxAge: 5 * YEAR_MS,
    });
    return { kiosk: true, terminalName: terminal.name };
  }

  @Public()
  @Post(KioskRoutes.signInRequests)
  async createSignInRequest(@Req() request: Request): Promise<KioskSignInRequestView> {
    return this.kiosk.createSignInRequest(await this.kiosk.terminalOf(terminalCookie(request)));
  }

  @Public()
  @Post(KioskRoutes.poll)
  @HttpCode(HttpStatus.OK)
  poll(
    @Param('signInRequestId', new ParseIdPipe()) requestId: string,
    @Body() body: PollKioskSignInDto,
  ): Promise<KioskPollView> {
    return this.kiosk.poll(requestId, body.pollSecret);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(KioskRoutes.lookup)
  @HttpCode(HttpStatus.OK)
  lookup(@CurrentUser() user: AuthenticatedUser, @Body() body: KioskCodeDto): Promise<KioskCodeView> {
    return this.kiosk.lookup(body.code, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(KioskRoutes.approve)
  @HttpCode(HttpStatus.OK)
  approve(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ApproveKioskSignInDto,
  ): Promise<KioskSessionView> {
    return this.kiosk.approve(body.code, body.confirmation, user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Get(KioskRoutes.mySessions)
  mySessions(@CurrentUser() user: AuthenticatedUser): Promise<KioskSessionView[]> {
    return this.kiosk.mySessions(user);
  }

  @Auth({ permission: Permission.HouseholdOwn })
  @Post(KioskRoutes.endSession)
  @HttpCode(HttpStatus.NO_CONTENT)
  end(
    @CurrentUser() user: AuthenticatedUser,
    @Param('kioskSessionId', new ParseIdPipe()) sessionId: string,
  ): Promise<void> {
    return this.kiosk.end(sessionId, user);
  }

  @Auth({ permission: Permission.Self })
  @Post(KioskRoutes.endCurrent)
  @HttpCode(HttpStatus.NO_CONTENT)
  endCurrent(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.kiosk.endCurrent(user);
  }
}
