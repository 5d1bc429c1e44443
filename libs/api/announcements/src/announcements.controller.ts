import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  AdminAnnouncementView,
  AnnouncementRoutes,
  AnnouncementView,
  Permission,
  Role,
} from '@foyer/shared/contracts';
import { Auth, CurrentUser, ParseIdPipe, Public, SessionChecks, UnauthenticatedError } from '@foyer/api/core';
import type { AccessTokenClaims, AuthenticatedUser } from '@foyer/api/core';
import { AnnouncementsService } from './announcements.service';
import { CreateAnnouncementDto, UpdateAnnouncementDto } from './dto/announcement.dto';

/** The city's announcements: read by anyone (more when signed in), written by administrators. */
@ApiTags('announcements')
@Controller()
export class AnnouncementsController {
  constructor(
    private readonly announcements: AnnouncementsService,
    private readonly jwt: JwtService,
    private readonly sessions: SessionChecks,
  ) {}

  /**
   * Public: a visitor reads the announcements for everyone. With a bearer token (the web app sends
   * one when signed in), a resident also reads those targeted at their household; a token that is
   * not valid answers 401 as on any route, so the app refreshes it instead of showing less.
   */
  @Public()
  @Get(AnnouncementRoutes.list)
  async list(@Req() request: Request): Promise<AnnouncementView[]> {
    return this.announcements.current(await this.viewerOf(request));
  }

  @Auth({ permission: Permission.CityManage })
  @Get(AnnouncementRoutes.admin)
  adminList(): Promise<AdminAnnouncementView[]> {
    return this.announcements.adminList();
  }

  @Auth({ permission: Permission.CityManage })
  @Get(`${AnnouncementRoutes.admin}/:announcementId`)
  adminGet(@Param('announcementId', new ParseIdPipe()) id: string): Promise<AdminAnnouncementView> {
    return this.announcements.adminGet(id);
  }

  @Auth({ permission: Permission.CityManage })
  @Post(AnnouncementRoutes.admin)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateAnnouncementDto,
  ): Promise<AdminAnnouncementView> {
    return this.announcements.create(body, user);
  }

  @Auth({ permission: Permission.CityManage })
  @Patch(`${AnnouncementRoutes.admin}/:announcementId`)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('announcementId', new ParseIdPipe()) id: string,
    @Body() body: UpdateAnnouncementDto,
  ): Promise<AdminAnnouncementView> {
    return this.announcements.update(id, body, user);
  }

  @Auth({ permission: Permission.CityManage })
  @Delete(`${AnnouncementRoutes.admin}/:announcementId`)
  @HttpCode(204)
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('announcementId', new ParseIdPipe()) id: string,
  ): Promise<void> {
    await this.announcements.remove(id, user);
  }

  /** The caller of a public route, when it sends a bearer token (same checks as the global guard). */
  private async viewerOf(request: Request): Promise<Pick<AuthenticatedUser, 'id' | 'role'> | null> {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return null;
    const token = header.slice(7).trim();
    if (!token) return null;
    const expired = () => new UnauthenticatedError('Votre session a expiré. Veuillez vous reconnecter.');
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      throw expired();
    }
    if (typeof claims.sub !== 'string' || !Object.values(Role).includes(claims.role)) throw expired();
    if (!(await this.sessions.isCurrent(claims.sub, typeof claims.sv === 'number' ? claims.sv : undefined))) {
      throw expired();
    }
    // A kiosk session's token dies with the kiosk session (ended on the phone or the terminal).
    if (
      claims.ks !== undefined &&
      !(typeof claims.ks === 'string' && (await this.sessions.isKioskSessionOpen(claims.ks)))
    ) {
      throw expired();
    }
    return { id: claims.sub, role: claims.role };
  }
}
