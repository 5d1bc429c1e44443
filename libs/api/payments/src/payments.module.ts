import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BillingModule } from '@foyer/api/billing';
import { paymentsEntities } from './entities';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { PayfipProvider } from './providers/payfip.provider';
import { SandboxProvider } from './providers/sandbox.provider';

@Module({
  imports: [TypeOrmModule.forFeature(paymentsEntities), BillingModule],
  controllers: [PaymentsController],
  providers: [PaymentsService, SandboxProvider, PayfipProvider],
  exports: [PaymentsService],
})
export class PaymentsModule {}
