import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { AuthRoutes, FRANCECONNECT_COOKIE, type FranceConnectStatusView } from '@foyer/shared/contracts';
import { APP_CONFIG, Public } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { SessionsService } from '../auth/sessions.service';
import {
  FRANCECONNECT_FLOW_TTL_SECONDS,
  FranceConnectFailure,
  FranceConnectService,
} from './franceconnect.service';

/** Sign-in with FranceConnect: two top-level browser navigations, answered with redirects. */
@ApiTags('auth')
@Controller()
export class FranceConnectController {
  private readonly logger = new Logger(FranceConnectController.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly franceConnect: FranceConnectService,
    private readonly sessions: SessionsService,
  ) {}

  /** Public: the sign-in page asks before showing the button. */
  @Public()
  @Get(AuthRoutes.franceConnectStatus)
  status(): FranceConnectStatusView {
    return { enabled: !!this.config.franceConnect };
  }

  /**
   * A top-level navigation: whatever goes wrong (not configured, provider unreachable, a bug), the
   * browser lands on the French sign-in page, never on a JSON body.
   */
  @Public()
  @Get(AuthRoutes.franceConnectStart)
  async start(@Res() response: Response): Promise<void> {
    let started: { url: URL; cookie: string };
    try {
      started = await this.franceConnect.start();
    } catch (error) {
      if (!(error instanceof FranceConnectFailure)) this.logger.error(error);
      response.redirect(302, `${this.config.publicUrl}/connexion?franceconnect=indisponible`);
      return;
    }
    const { url, cookie } = started;
    response.cookie(FRANCECONNECT_COOKIE.name, cookie, {
      ...this.flowCookieOptions(),
      maxAge: FRANCECONNECT_FLOW_TTL_SECONDS * 1000,
    });
    response.redirect(302, url.href);
  }

  /** Success: a session cookie and back to the web app. Failure: back to the sign-in page, saying so. */
  @Public()
  @Get(AuthRoutes.franceConnectCallback)
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const cookie = (request.cookies as Record<string, unknown> | undefined)?.[FRANCECONNECT_COOKIE.name];
    response.clearCookie(FRANCECONNECT_COOKIE.name, this.flowCookieOptions());
    const query = request.originalUrl.includes('?')
      ? request.originalUrl.slice(request.originalUrl.indexOf('?'))
      : '';
    try {
      const user = await this.franceConnect.complete(query, typeof cookie === 'string' ? cookie : undefined);
      const session = await this.sessions.open(user);
      this.sessions.setCookie(response, session);
      response.redirect(302, `${this.config.publicUrl}/`);
    } catch (error) {
      if (error instanceof FranceConnectFailure)
        this.logger.warn(`FranceConnect sign-in refused: ${error.message}`);
      else this.logger.error(error);
      response.redirect(302, `${this.config.publicUrl}/connexion?franceconnect=echec`);
    }
  }

  /** Lax, not Strict: the browser must send it on the redirect back from FranceConnect's site. */
  private flowCookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'lax',
      path: FRANCECONNECT_COOKIE.path,
      secure: this.config.publicUrl.startsWith('https://'),
    };
  }
}
