import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { AgentScope, hasPermission, Permission, Role } from '@foyer/shared/contracts';
import { ForbiddenError, UnauthenticatedError } from '../http/domain-errors';
import { AccessTokenClaims, AuthenticatedUser } from './authenticated-user';
import { PUBLIC_ROUTE, ROUTE_PERMISSION } from './auth.decorators';

/**
 * Global guard: deny by default. A route is reachable only if it is @Public() or carries
 * @Auth({ permission }) and the bearer token's holder has that permission. A route with neither
 * is refused (and the route-permission test fails), so a forgotten decorator never opens a door.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    request.user = await this.authenticate(request);

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(ROUTE_PERMISSION, targets);
    if (!permission) {
      this.logger.error(`Route ${request.method} ${request.path} declares no permission: refused`);
      throw new ForbiddenError();
    }
    if (!hasPermission(request.user, permission)) throw new ForbiddenError();
    return true;
  }

  private async authenticate(request: Request): Promise<AuthenticatedUser> {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new UnauthenticatedError();
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (!Object.values(Role).includes(claims.role)) throw new Error('bad role');
      return {
        id: claims.sub,
        role: claims.role,
        scopes: (claims.scopes ?? []).filter((s) => Object.values(AgentScope).includes(s)),
      };
    } catch {
      throw new UnauthenticatedError('Votre session a expiré. Veuillez vous reconnecter.');
    }
  }
}
