import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { CityModule } from '@foyer/api/city';
import { AccountsService } from '@foyer/api/accounts';
import { AgentHouseholdsController } from './agent-households.controller';
import { DocumentExpiryReminder } from './document-expiry.reminder';
import { DocumentsService } from './documents.service';
import { householdsEntities } from './entities';
import { GuardianAccounts } from './guardian-accounts';
import { HouseholdController } from './household.controller';
import { ChildrenService } from './children.service';
import { ContactsService } from './contacts.service';
import { HouseholdAccess } from './household-access';
import { HouseholdSearchService } from './household-search.service';
import { HouseholdsService } from './households.service';
import { InvitationsService } from './invitations.service';
import { PrivacyService } from './privacy.service';
import { QuotientsService } from './quotients.service';
import { DocumentStorage, LocalDocumentStorage } from './storage/document-storage';

@Module({
  imports: [TypeOrmModule.forFeature(householdsEntities), CityModule],
  controllers: [HouseholdController, AgentHouseholdsController],
  providers: [
    HouseholdAccess,
    HouseholdsService,
    InvitationsService,
    ContactsService,
    ChildrenService,
    HouseholdSearchService,
    QuotientsService,
    DocumentsService,
    PrivacyService,
    DocumentExpiryReminder,
    // AccountsModule is global: its service answers the port.
    { provide: GuardianAccounts, useExisting: AccountsService },
    {
      provide: DocumentStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDocumentStorage(config.documentsDir),
    },
  ],
  // Later domains (bookings, billing) reach households through HouseholdAccess only.
  exports: [HouseholdAccess, QuotientsService],
})
export class HouseholdsModule {}
