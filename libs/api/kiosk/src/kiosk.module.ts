import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '@foyer/api/households';
import { kioskEntities } from './entities';
import { KioskController } from './kiosk.controller';
import { KioskService } from './kiosk.service';

/** Public touch terminals (kiosks): enrolment, QR sign-in from a phone, short kiosk sessions. */
@Module({
  imports: [TypeOrmModule.forFeature(kioskEntities), HouseholdsModule],
  controllers: [KioskController],
  providers: [KioskService],
  exports: [KioskService],
})
export class KioskModule {}
