import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AgentScope, Role } from '@foyer/shared/contracts';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { AccessTokenClaims, AuthenticatedUser } from './authenticated-user';
import { SessionChecks } from './session-checks';

export const JWT_STRATEGY = 'jwt';

/** Reads the bearer access token (HS256, signed with JWT_SECRET) and turns its claims into the caller. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, JWT_STRATEGY) {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionChecks,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a
      // public key on every verification, and that failed attempt was the costliest step of a request.
      secretOrKey: createSecretKey(Buffer.from(config.jwtSecret)) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * Runs on every authenticated request: besides the signature and expiry, the token's session
   * version must still be the person's (signing out everywhere, a password change or an agent's
   * deactivation bump it), so those take effect on the next request.
   */
  async validate(claims: AccessTokenClaims): Promise<AuthenticatedUser | false> {
    if (typeof claims.sub !== 'string' || !Object.values(Role).includes(claims.role)) return false;
    const version = typeof claims.sv === 'number' ? claims.sv : undefined;
    if (!(await this.sessions.isCurrent(claims.sub, version))) return false;
    const kioskSessionId = typeof claims.ks === 'string' ? claims.ks : undefined;
    if (
      claims.ks !== undefined &&
      !(kioskSessionId && (await this.sessions.isKioskSessionOpen(kioskSessionId)))
    )
      return false;
    return {
      id: claims.sub,
      role: claims.role,
      scopes: (claims.scopes ?? []).filter((s) => Object.values(AgentScope).includes(s)),
      sessionId: typeof claims.sid === 'string' ? claims.sid : undefined,
      ...(kioskSessionId ? { kioskSessionId } : {}),
    };
  }
}
