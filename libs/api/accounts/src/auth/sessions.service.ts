import { createHmac, randomUUID } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { CookieOptions, Response } from 'express';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { REFRESH_COOKIE, SessionView } from '@foyer/shared/contracts';
import {
  ACCESS_TOKEN_TTL_SECONDS,
  AccessTokenClaims,
  APP_CONFIG,
  RuntimeEnvironment,
  SessionChecks,
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

/**
 * A token rotated less than this long ago may be presented again and answers the same successor
 * (two tabs refreshing at the same instant), as the OAuth 2.0 Security BCP allows. Later, or once
 * the successor was itself used, a replay revokes the family.
 */
export const REFRESH_GRACE_MS = 10_000;

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
export class SessionsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly sessionChecks: SessionChecks,
  ) {}

  /** Plugs the per-request check into the core's JWT strategy. */
  onModuleInit(): void {
    this.sessionChecks.use((userId, version) => this.isCurrent(userId, version));
  }

  /**
   * One primary-key lookup per authenticated request: the account still exists, may sign in, and
   * its session version is the token's. A token without a version is refused, except in the tests,
   * which mint such tokens for people with no account row.
   */
  async isCurrent(userId: string, version: number | undefined): Promise<boolean> {
    if (version === undefined) return this.config.env === RuntimeEnvironment.Test;
    const [row] = (await this.db.query(
      `SELECT session_version FROM users WHERE id = $1 AND active AND anonymised_at IS NULL`,
      [userId],
    )) as { session_version: number }[];
    return row?.session_version === version;
  }

  /** A new family: one per sign-in. */
  async open(user: UserEntity): Promise<OpenedSession> {
    const now = Date.now();
    const session = await this.issue(user, randomUUID(), new Date(now + SESSION_ABSOLUTE_TTL_MS));
    if (!session) throw new UnauthenticatedError(SESSION_ENDED);
    return session;
  }

  /**
   * Exchanges a refresh token for a new one of the same family. A token presented again within
   * REFRESH_GRACE_MS of its rotation answers the same successor (two tabs); otherwise a token
   * presented twice was copied: the whole family is revoked, the holder's newest token included.
   */
  async rotate(presented: string | undefined): Promise<OpenedSession> {
    // The successor is derived from the presented token (HMAC with the server's secret), so that a
    // second refresh inside the grace window can hand out the same one without storing it.
    const successor = createHmac('sha256', this.config.jwtSecret)
      .update(`refresh-successor:${presented ?? ''}`)
      .digest('base64url');
    if (!presented) throw new UnauthenticatedError(SESSION_ENDED);
    const token = await this.tokens.findOneBy({ tokenHash: hashToken(presented) });
    if (!token || token.revokedAt) throw new UnauthenticatedError(SESSION_ENDED);
    const user = await this.users.findOneBy({ id: token.userId });
    // Claim and successor in one transaction under the person's lock: a revocation (reuse detected,
    // sign-out everywhere) runs wholly before or after it, so it never misses the new token.
    const session = await this.db.transaction(async (manager) => {
      await lockSessionsOf(manager, token.userId);
      const now = new Date();
      // Marks it used only if nobody did first: two concurrent refreshes cannot both win.
      const claimed: unknown[] = await manager.query(
        `UPDATE refresh_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL RETURNING id`,
        [token.id, now],
      );
      if (claimedCount(claimed) === 0 && user && canSignIn(user) && now < token.familyExpiresAt) {
        const again = await this.sameSuccessor(manager, token.id, successor, now);
        if (again) return this.issued(user, token.familyId, successor, again, manager);
      }
      if (
        claimedCount(claimed) === 0 ||
        token.expiresAt <= now ||
        token.familyExpiresAt <= now ||
        !user ||
        !canSignIn(user)
      ) {
        await revokeFamilyWith(manager, token.familyId);
        return null;
      }
      return this.issue(user, token.familyId, token.familyExpiresAt, manager, successor);
    });
    if (!session) throw new UnauthenticatedError(SESSION_ENDED);
    return session;
  }

  /** Signs out the device holding this refresh token. Unknown tokens are ignored. */
  async revokeByToken(presented: string | undefined): Promise<void> {
    if (!presented) return;
    const token = await this.tokens.findOneBy({ tokenHash: hashToken(presented) });
    if (token) await this.revokeFamily(token.familyId);
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      const [owner] = (await manager.query(
        `SELECT user_id FROM refresh_tokens WHERE family_id = $1 LIMIT 1`,
        [familyId],
      )) as { user_id: string }[];
      if (!owner) return;
      await lockSessionsOf(manager, owner.user_id);
      await revokeFamilyWith(manager, familyId);
    });
  }

  /** Every session of the person, except the one given (the device making the change). */
  async revokeAll(userId: string, exceptFamilyId?: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await lockSessionsOf(manager, userId);
      // Every access token issued so far stops working on its next request (the device that made
      // the change keeps its refresh token and gets a new access token with the new version).
      await manager.query(`UPDATE users SET session_version = session_version + 1 WHERE id = $1`, [userId]);
      const query = manager
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder()
        .update()
        .set({ revokedAt: new Date() })
        .where('user_id = :userId AND revoked_at IS NULL', { userId });
      if (exceptFamilyId) query.andWhere('family_id <> :exceptFamilyId', { exceptFamilyId });
      await query.execute();
    });
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

  /**
   * Inside the grace window, the expiry of the successor already issued for this token, if it is
   * still the family's live token (neither used nor revoked); undefined otherwise.
   */
  private async sameSuccessor(
    manager: EntityManager,
    tokenId: string,
    successor: string,
    now: Date,
  ): Promise<Date | undefined> {
    const [row] = (await manager.query(
      `SELECT next.expires_at FROM refresh_tokens used
         JOIN refresh_tokens next ON next.token_hash = $2 AND next.family_id = used.family_id
        WHERE used.id = $1 AND used.revoked_at IS NULL AND used.used_at > $3
          AND next.used_at IS NULL AND next.revoked_at IS NULL AND next.expires_at > $4`,
      [tokenId, hashToken(successor), new Date(now.getTime() - REFRESH_GRACE_MS), now],
    )) as { expires_at: Date }[];
    return row ? new Date(row.expires_at) : undefined;
  }

  private async issue(
    user: UserEntity,
    familyId: string,
    familyExpiresAt: Date,
    manager: EntityManager = this.db.manager,
    refreshToken: string = newToken(),
  ): Promise<OpenedSession | null> {
    const refreshExpiresAt = new Date(Math.min(Date.now() + REFRESH_TOKEN_TTL_MS, familyExpiresAt.getTime()));
    // Never adds a token to a family that was revoked, even in part.
    const inserted: unknown[] = await manager.query(
      `INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at, family_expires_at)
       SELECT $1, $2, $3, $4, $5
       WHERE NOT EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = $1 AND revoked_at IS NOT NULL)
       RETURNING id`,
      [familyId, user.id, hashToken(refreshToken), refreshExpiresAt, familyExpiresAt],
    );
    if (claimedCount(inserted) === 0) return null;
    return this.issued(user, familyId, refreshToken, refreshExpiresAt, manager);
  }

  /** The answer to a sign-in or refresh: a new access token with the refresh token to set. */
  private async issued(
    user: UserEntity,
    familyId: string,
    refreshToken: string,
    refreshExpiresAt: Date,
    manager: EntityManager,
  ): Promise<OpenedSession> {
    // Read now, not from the account loaded earlier: a bump in between must not be missed.
    const [current] = (await manager.query(`SELECT session_version FROM users WHERE id = $1`, [user.id])) as {
      session_version: number;
    }[];
    const claims: AccessTokenClaims = {
      sub: user.id,
      role: user.role,
      scopes: user.scopes ?? [],
      sid: familyId,
      sv: current?.session_version ?? 0,
    };
    const accessToken = await this.jwt.signAsync({ ...claims });
    return {
      view: { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS, user: toMeView(user) },
      refreshToken,
      refreshExpiresAt,
    };
  }
}

/** Serialises changes to one person's refresh tokens (rotation, revocation) across API processes. */
async function lockSessionsOf(manager: EntityManager, userId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`refresh-tokens:${userId}`]);
}

async function revokeFamilyWith(manager: EntityManager, familyId: string): Promise<void> {
  await manager.query(
    `UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
    [familyId, new Date()],
  );
}

/** pg answers an UPDATE … RETURNING as [rows, count] through TypeORM's query(); an INSERT as rows. */
function claimedCount(result: unknown[]): number {
  if (Array.isArray(result[0])) return (result[0] as unknown[]).length;
  return result.length;
}
