import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { hasPermission, Permission } from '@foyer/shared/contracts';
import { ForbiddenError, UnauthenticatedError } from '../http/domain-errors';
import { AuthenticatedUser } from './authenticated-user';
import { NOT_FROM_KIOSK, PUBLIC_ROUTE, ROUTE_PERMISSION } from './auth.decorators';
import { JWT_STRATEGY } from './jwt.strategy';

/**
 * Global guard: deny by default. A route is reachable only if it is @Public() or carries
 * @Auth({ permission }) and the bearer token's holder has that permission. A route with neither
 * is refused (and the route-permission test fails), so a forgotten decorator never opens a door.
 * The token itself is checked by Passport's JWT strategy (JwtStrategy).
 */
@Injectable()
export class AccessGuard extends AuthGuard(JWT_STRATEGY) {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ') || header.slice(7).trim() === '') throw new UnauthenticatedError();
    // Sets request.user through handleRequest, or throws.
    await super.canActivate(context);

    const permission = this.reflector.getAllAndOverride<Permission | undefined>(ROUTE_PERMISSION, targets);
    if (!permission) {
      this.logger.error(`Route ${request.method} ${request.path} declares no permission: refused`);
      throw new ForbiddenError();
    }
    if (!hasPermission(request.user, permission)) throw new ForbiddenError();
    if (request.user?.kioskSessionId && this.reflector.getAllAndOverride<boolean>(NOT_FROM_KIOSK, targets)) {
      throw new ForbiddenError(
        'Cette modification du compte n’est pas possible depuis une borne : faites-la sur votre appareil.',
      );
    }
    return true;
  }

  override handleRequest<TUser = AuthenticatedUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) throw new UnauthenticatedError('Votre session a expiré. Veuillez vous reconnecter.');
    return user;
  }
}
