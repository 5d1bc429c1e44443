import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { Role } from '@foyer/shared/contracts';
import { APP_CONFIG, AuditService, NotFoundError } from '@foyer/api/core';
import type { AppConfig, FranceConnectConfig } from '@foyer/api/core';
import { UserEntity } from '../entities';
import { normaliseEmail } from '../tokens';
import { canSignIn } from '../users';

export const FRANCECONNECT_SCOPES = 'openid given_name family_name birthdate email';
/** The state cookie lives as long as a person may reasonably take on FranceConnect's pages. */
export const FRANCECONNECT_FLOW_TTL_SECONDS = 10 * 60;
const FLOW_AUDIENCE = 'foyer:franceconnect-flow';

/** What the state cookie carries between the start and the callback (signed, httpOnly). */
interface FlowState {
  state: string;
  nonce: string;
  verifier: string;
}

export class FranceConnectFailure extends Error {}

/**
 * FranceConnect (OpenID Connect): authorization code flow with PKCE, state and nonce. The
 * provider's metadata is discovered at first use, never at boot, so the portal starts offline.
 */
@Injectable()
export class FranceConnectService {
  private readonly logger = new Logger(FranceConnectService.name);
  private configuration?: Promise<oidc.Configuration>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  private settings(): FranceConnectConfig {
    if (!this.config.franceConnect)
      throw new NotFoundError("FranceConnect n'est pas configuré sur ce portail.");
    return this.config.franceConnect;
  }

  /** The provider's authorization URL and the signed cookie value holding state, nonce and verifier. */
  async start(): Promise<{ url: URL; cookie: string }> {
    const settings = this.settings();
    const configuration = await this.discover();
    const flow: FlowState = {
      state: oidc.randomState(),
      // 32 random bytes, base64url: 43 characters (FranceConnect wants 22 or more).
      nonce: oidc.randomNonce(),
      verifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUri,
      scope: FRANCECONNECT_SCOPES,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
      acr_values: 'eidas1',
    });
    const cookie = await this.jwt.signAsync(
      { ...flow },
      { audience: FLOW_AUDIENCE, expiresIn: FRANCECONNECT_FLOW_TTL_SECONDS },
    );
    return { url, cookie };
  }

  /**
   * Exchanges the code, checks state, nonce and the ID token, reads userinfo (plain JSON or a signed
   * JWT, as FranceConnect v2 sends it), then links or creates the account. Returns the account.
   */
  async complete(query: string, cookie: string | undefined): Promise<UserEntity> {
    const settings = this.settings();
    if (!cookie) throw new FranceConnectFailure('no state cookie');
    let flow: FlowState;
    try {
      flow = await this.jwt.verifyAsync<FlowState>(cookie, {
        audience: FLOW_AUDIENCE,
        algorithms: ['HS256'],
      });
    } catch {
      throw new FranceConnectFailure('invalid or expired state cookie');
    }
    const configuration = await this.discover();
    const callbackUrl = new URL(settings.redirectUri);
    callbackUrl.search = query;
    let claims: oidc.UserInfoResponse;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new Error('no ID token');
      claims = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    } catch (error) {
      throw new FranceConnectFailure(
        error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      );
    }
    return this.linkOrCreate(claims);
  }

  private async linkOrCreate(claims: oidc.UserInfoResponse): Promise<UserEntity> {
    const sub = claims.sub;
    const email = typeof claims.email === 'string' ? normaliseEmail(claims.email) : undefined;
    const givenName = typeof claims.given_name === 'string' ? claims.given_name : '';
    const familyName = typeof claims.family_name === 'string' ? claims.family_name : '';
    const birthDate =
      typeof claims.birthdate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(claims.birthdate)
        ? claims.birthdate
        : null;
    if (!email) throw new FranceConnectFailure('no e-mail in userinfo');

    return this.db.transaction(async (manager) => {
      const users = manager.getRepository(UserEntity);
      const bySub = await users.findOneBy({ franceConnectSub: sub });
      if (bySub) {
        if (!canSignIn(bySub)) throw new FranceConnectFailure('account deactivated');
        return bySub;
      }
      const byEmail = await users
        .createQueryBuilder('u')
        .setLock('pessimistic_write')
        .where('lower(u.email) = :email', { email })
        .getOne();
      if (byEmail) {
        if (!canSignIn(byEmail)) throw new FranceConnectFailure('account deactivated');
        // Another FranceConnect identity already owns this account: an e-mail claim never replaces it.
        if (byEmail.franceConnectSub && byEmail.franceConnectSub !== sub) {
          throw new FranceConnectFailure('account already linked to another FranceConnect identity');
        }
        const changes: Partial<UserEntity> = {
          franceConnectSub: sub,
          birthDate: byEmail.birthDate ?? birthDate,
          emailVerifiedAt: byEmail.emailVerifiedAt ?? new Date(),
        };
        // An unverified account may have been opened by someone else with this address: its
        // password is not trusted once FranceConnect proves who owns the address.
        if (!byEmail.emailVerifiedAt) changes.passwordHash = null;
        await users.update({ id: byEmail.id }, changes);
        await this.audit.record(
          {
            actor: { id: byEmail.id, role: byEmail.role },
            action: 'user.franceconnect.link',
            entity: 'user',
            entityId: byEmail.id,
            details: {},
          },
          manager,
        );
        return { ...byEmail, ...changes } as UserEntity;
      }
      const created = await users.save(
        users.create({
          email,
          passwordHash: null,
          firstName: givenName.split(' ')[0] || givenName,
          lastName: familyName,
          phone: null,
          birthDate,
          role: Role.Resident,
          scopes: [],
          emailVerifiedAt: new Date(),
          active: true,
          franceConnectSub: sub,
        }),
      );
      await this.audit.record(
        {
          actor: { id: created.id, role: created.role },
          action: 'user.franceconnect.create',
          entity: 'user',
          entityId: created.id,
          details: {},
        },
        manager,
      );
      return created;
    });
  }

  /** Discovery at first use; a failure is not cached, so the next attempt tries again. */
  private discover(): Promise<oidc.Configuration> {
    const settings = this.settings();
    this.configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        {
          client_secret: settings.clientSecret,
          redirect_uris: [settings.redirectUri],
          response_types: ['code'],
        },
        oidc.ClientSecretPost(settings.clientSecret),
        // openid-client refuses plain http; a local test provider is allowed outside production only.
        this.config.isProduction ? undefined : { execute: [oidc.allowInsecureRequests] },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        this.logger.error({ err: error }, 'FranceConnect discovery failed');
        throw new FranceConnectFailure('discovery failed');
      });
    return this.configuration;
  }
}
