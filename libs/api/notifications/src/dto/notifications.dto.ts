import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  NotificationChannel,
  NotificationPreferenceChange,
  NotificationTopic,
  UpdateNotificationPreferencesBody,
} from '@foyer/shared/contracts';
import { ToInteger } from '@foyer/api/core';

export class InboxQueryDto {
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  page = 1;

  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize = 20;

  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}

export class PreferenceChangeDto implements NotificationPreferenceChange {
  @IsEnum(NotificationTopic)
  topic!: NotificationTopic;

  @IsEnum(NotificationChannel)
  channel!: NotificationChannel;

  @IsBoolean()
  enabled!: boolean;
}

export class UpdatePreferencesDto implements UpdateNotificationPreferencesBody {
  @ArrayMaxSize(100)
  // Each item an object: a nested array ([[]]) would pass ValidateNested and reach the service.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PreferenceChangeDto)
  preferences!: PreferenceChangeDto[];
}
