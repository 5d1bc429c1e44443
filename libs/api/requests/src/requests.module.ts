import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { BookingsModule } from '@foyer/api/bookings';
import { CityModule } from '@foyer/api/city';
import { DocumentStorage, HouseholdsModule, LocalDocumentStorage } from '@foyer/api/households';
import { HouseholdPaymentsReader } from '@foyer/api/payments';
import { AgentDigestJob } from './agent-digest.job';
import { AgentRequestsController, RequestTypesAdminController } from './agent-requests.controller';
import { ActivityEnrolmentHandler } from './effects/activity-enrolment.handler';
import { AddressChangeHandler } from './effects/address-change.handler';
import {
  CertificateHandler,
  CertificatePayments,
  LedgerCertificatePayments,
} from './effects/certificate.handler';
import { CrechePlaceHandler } from './effects/creche-place.handler';
import { NoEffectHandler } from './effects/no-effect.handler';
import { QuotientUpdateHandler } from './effects/quotient-update.handler';
import { RequestEffects } from './effects/request-effect';
import { SchoolEnrolmentHandler } from './effects/school-enrolment.handler';
import { requestsEntities } from './entities';
import { FormValidator } from './forms/form-validator';
import { RequestQueueService } from './request-queue.service';
import { RequestTypesService } from './request-types.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

/**
 * Online service requests (démarches): the catalogue of types and their forms, the residents'
 * requests, the agents' queue, the effects of approvals, the daily digest.
 */
@Module({
  imports: [TypeOrmModule.forFeature(requestsEntities), HouseholdsModule, CityModule, BookingsModule],
  // The agents' controller first: its static « admin/requests/dashboard » precedes « admin/requests/:id ».
  controllers: [AgentRequestsController, RequestTypesAdminController, RequestsController],
  providers: [
    FormValidator,
    RequestEffects,
    RequestTypesService,
    RequestsService,
    RequestQueueService,
    AgentDigestJob,
    NoEffectHandler,
    SchoolEnrolmentHandler,
    ActivityEnrolmentHandler,
    QuotientUpdateHandler,
    CrechePlaceHandler,
    CertificateHandler,
    AddressChangeHandler,
    // The attestation de paiement reads the payments domain's ledger (a read-only service that needs
    // only the caller's EntityManager, so it is provided here without importing PaymentsModule).
    HouseholdPaymentsReader,
    { provide: CertificatePayments, useClass: LedgerCertificatePayments },
    // The same folder and checks as the family documents.
    {
      provide: DocumentStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDocumentStorage(config.documentsDir),
    },
  ],
  exports: [RequestsService, RequestTypesService, AgentDigestJob],
})
export class RequestsModule {}
