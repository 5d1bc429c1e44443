import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission } from '@foyer/shared/contracts';
import { AuthenticatedUser } from './authenticated-user';

export const PUBLIC_ROUTE = 'foyer:public';
export const NOT_FROM_KIOSK = 'foyer:not-from-kiosk';
export const ROUTE_PERMISSION = 'foyer:permission';

/** The route needs no account (health, sign-in, sign-up). The only way out of the global guard. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The route needs a signed-in person holding this permission. One per route. */
export const Auth = (options: { permission: Permission }) =>
  applyDecorators(
    SetMetadata(ROUTE_PERMISSION, options.permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Non connecté' }),
    ApiForbiddenResponse({ description: `Permission requise : ${options.permission}` }),
  );

/**
 * An account-level change (e-mail, password, account closure): refused to a session opened on a
 * public terminal (kiosk), which a stranger could reach if the person walks away.
 */
export const NotFromKiosk = () => SetMetadata(NOT_FROM_KIOSK, true);

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>();
  return request.user;
});
