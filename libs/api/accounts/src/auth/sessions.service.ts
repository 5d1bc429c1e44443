import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CookieOptions, Response } from 'express';
import { DataSource, IsNull, Repository } from 'typeorm';
import { REFRESH_COOKIE, SessionView } from '@foyer/shared/contracts';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  AccessTokenClaims,
  APP_CONFIG,
  UnauthenticatedError,
} from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { RefreshTokenEntity, UserEntity } from '../entities';
import { hashToken, newToken } from '../tokens';
import { canSignIn, toMeView } from '../users';

const DAY = 24 * 60 * 60 * 1000;
export const REFRESH_TOKEN_TTL_MS = 30 * DAY;
export const SESSION_ABSOLUTE_TTL_MS = 90 * DAY;

const SESSION_ENDED = 'Votre session a expiré. Veuillez vous reconnecter.';

export interface OpenedSession {
  view: SessionView;
  refreshToken: string;
  refreshExpiresAt: Date;
}

/**
 * Sessions: a short access token (JWT, 15 minutes) plus a rotating refresh token kept in an
 * httpOnly cookie. Token lifetimes use real time, never the application Clock.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
  ) {}

  /** A new family: one per sign-in. */
  async open(user: UserEntity): Promise<OpenedSession> {
    const now = Date.now();
    return this.issue(user, randomUUID(), new Date(now + SESSION_ABSOLUTE_TTL_MS));
  }

  /**
   * Exchanges a refresh token for a new one of the same family. A token presented twice was copied:
   * the whole family is revoked, the legitimate holder's newest token included.
   */
  async rotate(presented: string | undefined): Promise<OpenedSession> {
    if (!presented) throw new UnauthenticatedError(SESSION_ENDED);
    const token = await this.tokens.findOneBy({ tokenHash: hashToken(presented) });
    if (!token || token.revokedAt) throw new UnauthenticatedError(SESSION_ENDED);
    const now = new Date();
    // Marks it used only if nobody did first: two concurrent refreshes cannot both win.
    const claimed: unknown[] = await this.db.query(
      `UPDATE refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
      [token.id, now],
    );
    if (claimedCount(claimed) === 0) {
      await this.revokeFamily(token.familyId);
      throw new UnauthenticatedError(SESSION_ENDED);
    }
    if (token.expiresAt <= now || token.familyExpiresAt <= now) {
      await this.revokeFamily(token.familyId);
      throw new UnauthenticatedError(SESSION_ENDED);
    }
    const user = await this.users.findOneBy({ id: token.userId });
    if (!user || !canSignIn(user)) {
      await this.revokeFamily(token.familyId);
      throw new UnauthenticatedError(SESSION_ENDED);
    }
    return this.issue(user, token.familyId, token.familyExpiresAt);
  }

  /** Signs out the device holding this refresh token. Unknown tokens are ignored. */
  async revokeByToken(presented: string | undefined): Promise<void> {
    if (!presented) return;
    const token = await this.tokens.findOneBy({ tokenHash: hashToken(presented) });
    if (token) await this.revokeFamily(token.familyId);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Every session of the person, except the one given (the device making the change). */
  async revokeAll(userId: string, exceptFamilyId?: string): Promise<void> {
    const query = this.tokens
      .createQueryBuilder()
      .update()
      .set({ revokedAt: new Date() })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (exceptFamilyId) query.andWhere('family_id <> :exceptFamilyId', { exceptFamilyId });
    await query.execute();
  }

  setCookie(res: Response, session: OpenedSession): void {
    res.cookie(REFRESH_COOKIE.name, session.refreshToken, {
      ...this.cookieOptions(),
      expires: session.refreshExpiresAt,
    });
  }

  clearCookie(res: Response): void {
    res.clearCookie(REFRESH_COOKIE.name, this.cookieOptions());
  }

  private cookieOptions(): CookieOptions {
    return {
      httpOnly: true,
      sameSite: 'strict',
      path: REFRESH_COOKIE.path,
      secure: this.config.publicUrl.startsWith('https://'),
    };
  }

  private async issue(user: UserEntity, familyId: string, familyExpiresAt: Date): Promise<OpenedSession> {
    const refreshToken = newToken();
    const refreshExpiresAt = new Date(Math.min(Date.now() + REFRESH_TOKEN_TTL_MS, familyExpiresAt.getTime()));
    await this.tokens.insert({
      familyId,
      userId: user.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
      familyExpiresAt,
    });
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      scopes: user.scopes ?? [],
      sid: familyId,
    };
    const accessToken = await this.jwt.signAsync({ ...claims });
    return {
      view: { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user: toMeView(user) },
      refreshToken,
      refreshExpiresAt,
    };
  }
}

/** pg answers an UPDATE … RETURNING as [rows, count] through TypeORM's query(). */
function claimedCount(result: unknown[]): number {
  if (Array.isArray(result[0])) return (result[0] as unknown[]).length;
  return result.length;
}
