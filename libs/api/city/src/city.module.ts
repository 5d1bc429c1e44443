import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CityAdminController } from './city-admin.controller';
import { CityAdminService } from './city-admin.service';
import { CityController } from './city.controller';
import { CityService } from './city.service';
import { cityEntities } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(cityEntities)],
  controllers: [CityController, CityAdminController],
  providers: [CityService, CityAdminService],
  exports: [CityService],
})
export class CityModule {}
