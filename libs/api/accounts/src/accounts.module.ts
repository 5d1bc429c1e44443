import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Mailer } from '@foyer/api/core';
import { AccountsService } from './accounts.service';
import { AdminController } from './admin/admin.controller';
import { AgentsService } from './admin/agents.service';
import { AuthController } from './auth/auth.controller';
import { IdentityService } from './auth/identity.service';
import { LocalStrategy } from './auth/local.strategy';
import { SessionsService } from './auth/sessions.service';
import { ThrottleService } from './auth/throttle.service';
import { accountsEntities } from './entities';
import { FranceConnectController } from './franceconnect/franceconnect.controller';
import { FranceConnectService } from './franceconnect/franceconnect.service';
import { DevMailboxController } from './mail/dev-mailbox.controller';
import { QueueMailer } from './mail/queue-mailer';
import { MeController } from './me/me.controller';

/**
 * Accounts: identity, sessions, FranceConnect, agents. Global because it provides the Mailer every
 * domain injects (core declares it, this module implements it) and AccountsService.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(accountsEntities), PassportModule],
  controllers: [AuthController, MeController, FranceConnectController, AdminController, DevMailboxController],
  providers: [
    { provide: Mailer, useClass: QueueMailer },
    AccountsService,
    IdentityService,
    SessionsService,
    ThrottleService,
    LocalStrategy,
    FranceConnectService,
    AgentsService,
  ],
  exports: [Mailer, AccountsService],
})
export class AccountsModule {}
