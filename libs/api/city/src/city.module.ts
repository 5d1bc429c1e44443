import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CityController } from './city.controller';
import { CityService } from './city.service';
import { cityEntities } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(cityEntities)],
  controllers: [CityController],
  providers: [CityService],
  exports: [CityService],
})
export class CityModule {}
