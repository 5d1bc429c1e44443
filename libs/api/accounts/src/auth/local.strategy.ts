import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { createValidationPipe } from '@foyer/api/core';
import { LoginDto } from '../dto/account.dto';
import { UserEntity } from '../entities';
import { IdentityService } from './identity.service';

/** E-mail and password sign-in, through Passport. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly identity: IdentityService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  validate(request: Request, email: string, password: string): Promise<UserEntity> {
    return this.identity.authenticate(email, password, clientIp(request));
  }
}

/**
 * Guards the sign-in route. Guards run before pipes, so the body is validated here first: a
 * missing or malformed field answers 400 naming it in French, like every other route.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  private readonly validation = createValidationPipe();

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.body = await this.validation.transform(request.body ?? {}, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }
}

/** The caller's address (Express resolves X-Forwarded-For from the trusted loopback proxy). */
export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
