import { Global, Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
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
import { MeController } from './me/me.controller';

/**
 * Accounts: identity, sessions, FranceConnect, agents. Global because every domain looks accounts
 * up through AccountsService. Its mails go through the core Mailer (the notifications domain).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(accountsEntities), PassportModule],
  controllers: [AuthController, MeController, FranceConnectController, AdminController],
  providers: [
    AccountsService,
    IdentityService,
    SessionsService,
    ThrottleService,
    LocalStrategy,
    FranceConnectService,
    AgentsService,
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
