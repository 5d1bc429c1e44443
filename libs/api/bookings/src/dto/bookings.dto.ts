import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AttendanceMark,
  AttendanceQuery,
  BookingChange,
  BookingChangesRequest,
  CalendarQuery,
  CreateClosureRequest,
  DecideEnrollmentRequest,
  MarkAttendanceRequest,
  MAX_BOOKING_CHANGES,
  MealCountsQuery,
  PatternRequest,
  RequestEnrollmentRequest,
  SickCancellationRequest,
} from '@foyer/shared/contracts';
import { IsIsoDate, Trim } from '@foyer/api/core';

/** class-validator names this constraint isUuid, which core's French table also lists. */
const UUID = { message: 'doit être un identifiant valide' };

export class BookingChangeDto implements BookingChange {
  @ApiProperty({ example: '2027-01-18' })
  @IsIsoDate()
  date!: string;

  @IsUUID('all', UUID)
  activityId!: string;

  @IsBoolean()
  booked!: boolean;
}

export class BookingChangesDto implements BookingChangesRequest {
  @ApiProperty({
    type: [BookingChangeDto],
    example: [{ date: '2027-01-25', activityId: '00000000-0000-4000-8000-00000000beef', booked: true }],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BOOKING_CHANGES)
  // Each item an object: a nested array ([[]]) would pass ValidateNested and reach the service.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BookingChangeDto)
  changes!: BookingChangeDto[];
}

export class PatternDto implements PatternRequest {
  @IsUUID('all', UUID)
  activityId!: string;

  @ApiProperty({ example: '2027-01-18' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: '2027-02-05' })
  @IsIsoDate()
  to!: string;

  @ApiProperty({ example: [1, 2, 4, 5] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: number[];
}

export class SickDto implements SickCancellationRequest {
  @ApiProperty({ example: '2027-01-14' })
  @IsIsoDate()
  date!: string;

  @IsUUID('all', UUID)
  activityId!: string;
}

export class CalendarQueryDto implements CalendarQuery {
  @ApiProperty({ example: '2027-01-01' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: '2027-01-31' })
  @IsIsoDate()
  to!: string;
}

export class RequestEnrollmentDto implements RequestEnrollmentRequest {
  @IsUUID('all', UUID)
  activityId!: string;

  @IsUUID('all', UUID)
  siteId!: string;

  @ApiProperty({ example: '2026-2027' })
  @IsString()
  @Matches(/^\d{4}-\d{4}$/)
  schoolYear!: string;
}

export class DecideEnrollmentDto implements DecideEnrollmentRequest {
  @ApiProperty({ enum: ['approve', 'refuse'] })
  @IsIn(['approve', 'refuse'])
  decision!: 'approve' | 'refuse';

  @ApiPropertyOptional()
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CreateClosureDto implements CreateClosureRequest {
  @IsUUID('all', UUID)
  siteId!: string;

  @IsOptional()
  @IsUUID('all', UUID)
  activityId?: string | null;

  @ApiProperty({ example: '2027-01-21' })
  @IsIsoDate()
  from!: string;

  @ApiProperty({ example: '2027-01-21' })
  @IsIsoDate()
  to!: string;

  @ApiProperty({ example: 'grève' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}

export class AttendanceQueryDto implements AttendanceQuery {
  @IsUUID('all', UUID)
  siteId!: string;

  @IsUUID('all', UUID)
  activityId!: string;

  @ApiProperty({ example: '2027-01-14' })
  @IsIsoDate()
  date!: string;
}

export class MarkAttendanceDto implements MarkAttendanceRequest {
  @IsUUID('all', UUID)
  siteId!: string;

  @IsUUID('all', UUID)
  activityId!: string;

  @ApiProperty({ example: '2027-01-14' })
  @IsIsoDate()
  date!: string;

  @IsUUID('all', UUID)
  childId!: string;

  @ApiProperty({ enum: AttendanceMark })
  @IsIn(Object.values(AttendanceMark))
  mark!: AttendanceMark;
}

export class MealCountsQueryDto implements MealCountsQuery {
  @ApiProperty({ example: '2027-01-14' })
  @IsIsoDate()
  date!: string;
}
