import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CityModule } from '@foyer/api/city';
import { HouseholdsModule } from '@foyer/api/households';
import { AnnouncementsController } from './announcements.controller';
import { AnnouncementsService } from './announcements.service';
import { AudienceResolver } from './audience';
import { announcementsEntities } from './entities';

/** The city's news section: announcements, their audiences, and the sending of important ones. */
@Module({
  imports: [TypeOrmModule.forFeature(announcementsEntities), CityModule, HouseholdsModule],
  controllers: [AnnouncementsController],
  providers: [AnnouncementsService, AudienceResolver],
  exports: [AnnouncementsService, AudienceResolver],
})
export class AnnouncementsModule {}
