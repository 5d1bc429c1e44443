import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { bookingsEntities } from './entities';

@Module({
  imports: [TypeOrmModule.forFeature(bookingsEntities)],
})
export class BookingsModule {}
