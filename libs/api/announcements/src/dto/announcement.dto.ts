import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  ANNOUNCEMENT_TEXT_MAX,
  ANNOUNCEMENT_TITLE_MAX,
  AnnouncementAudience,
  AnnouncementImportance,
  ClassLevel,
  CreateAnnouncementRequest,
  UpdateAnnouncementRequest,
} from '@foyer/shared/contracts';
import { OptionalNotNull, Trim } from '@foyer/api/core';

/** An instant with its offset, in a sensible year; the calendar day is checked by the service. */
export const INSTANT_PATTERN =
  /^(19|20|21)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
const INSTANT_MESSAGE = 'doit être une date et une heure avec fuseau, par exemple 2027-01-14T08:30:00+01:00';

export class CreateAnnouncementDto implements CreateAnnouncementRequest {
  @ApiProperty({ example: 'Fermeture exceptionnelle des accueils' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANNOUNCEMENT_TITLE_MAX)
  title!: string;

  @ApiProperty({ example: 'Les accueils seront fermés vendredi. Détails : https://ville.example/infos' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANNOUNCEMENT_TEXT_MAX)
  text!: string;

  @IsEnum(AnnouncementImportance)
  importance!: AnnouncementImportance;

  @ApiProperty({ enum: AnnouncementAudience, example: AnnouncementAudience.Everyone })
  @IsEnum(AnnouncementAudience)
  audience!: AnnouncementAudience;

  @ApiProperty({ required: false, nullable: true, format: 'uuid' })
  @IsOptional() // null or absent
  @IsUUID()
  siteId?: string | null;

  @ApiProperty({ required: false, nullable: true, format: 'uuid' })
  @IsOptional() // null or absent
  @IsUUID()
  activityId?: string | null;

  @ApiProperty({ required: false, nullable: true, enum: ClassLevel })
  @IsOptional() // null or absent
  @IsEnum(ClassLevel)
  classLevel?: ClassLevel | null;

  @ApiProperty({ example: '2030-09-02T08:00:00+02:00' })
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  publishAt!: string;

  @ApiProperty({ required: false, nullable: true, example: '2030-09-30T18:00:00+02:00' })
  @IsOptional() // null or absent
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  expireAt?: string | null;
}

export class UpdateAnnouncementDto implements UpdateAnnouncementRequest {
  @OptionalNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANNOUNCEMENT_TITLE_MAX)
  title?: string;

  @OptionalNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANNOUNCEMENT_TEXT_MAX)
  text?: string;

  @OptionalNotNull()
  @IsEnum(AnnouncementImportance)
  importance?: AnnouncementImportance;

  @OptionalNotNull()
  @IsEnum(AnnouncementAudience)
  audience?: AnnouncementAudience;

  @ApiProperty({ required: false, nullable: true, format: 'uuid' })
  @IsOptional() // null or absent
  @IsUUID()
  siteId?: string | null;

  @ApiProperty({ required: false, nullable: true, format: 'uuid' })
  @IsOptional() // null or absent
  @IsUUID()
  activityId?: string | null;

  @ApiProperty({ required: false, nullable: true, enum: ClassLevel })
  @IsOptional() // null or absent
  @IsEnum(ClassLevel)
  classLevel?: ClassLevel | null;

  @ApiProperty({ required: false, example: '2030-09-02T08:00:00+02:00' })
  @OptionalNotNull()
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  publishAt?: string;

  @ApiProperty({ required: false, nullable: true, example: '2030-09-30T18:00:00+02:00' })
  @IsOptional() // null or absent
  @IsString()
  @Matches(INSTANT_PATTERN, { message: INSTANT_MESSAGE })
  expireAt?: string | null;
}
