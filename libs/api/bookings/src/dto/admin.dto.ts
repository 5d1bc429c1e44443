import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ActivityKind,
  ActivityRulesView,
  CapacityOverrideRequest,
  CreateActivityRequest,
  CreateCampaignRequest,
  DocumentType,
  LateChangePolicy,
  PromotionPolicy,
  SiteOfferRequest,
  UpdateActivityRequest,
  UpdateSiteOfferRequest,
  WednesdayFormula,
} from '@foyer/shared/contracts';
import { DEADLINE_RULE_PATTERN, TIME_OF_DAY_PATTERN } from '@foyer/shared/domain';
import { IsIsoDate, OptionalNotNull, Trim } from '@foyer/api/core';

const UUID = { message: 'doit être un identifiant valide' };

export class ActivityRulesDto implements ActivityRulesView {
  @ApiProperty({ example: 'thursday of the week before at 12:00' })
  @IsString()
  @MaxLength(80)
  @Matches(DEADLINE_RULE_PATTERN)
  bookingDeadline!: string;

  @ApiProperty({ example: '2 working days before at 09:00' })
  @IsString()
  @MaxLength(80)
  @Matches(DEADLINE_RULE_PATTERN)
  cancelDeadline!: string;

  @IsInt()
  @Min(1)
  @Max(52)
  windowWeeks!: number;

  @ApiProperty({ enum: LateChangePolicy })
  @IsIn(Object.values(LateChangePolicy))
  lateChange!: LateChangePolicy;

  @IsInt()
  @Min(0)
  @Max(100_000)
  lateSurchargeCents!: number;

  @ApiProperty({ example: '09:30', nullable: true })
  @ValidateIf((_o: object, v: unknown) => v !== null)
  @IsString()
  @Matches(TIME_OF_DAY_PATTERN)
  sickCancelUntil!: string | null;

  @IsInt()
  @Min(0)
  @Max(60)
  certificateDays!: number;

  @ApiProperty({ enum: PromotionPolicy })
  @IsIn(Object.values(PromotionPolicy))
  promotion!: PromotionPolicy;

  @IsInt()
  @Min(1)
  @Max(168)
  offerHours!: number;
}

/** The same rules, each optional (PATCH). */
export class UpdateActivityRulesDto implements Partial<ActivityRulesView> {
  @ApiPropertyOptional({ example: 'thursday of the week before at 12:00' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(80)
  @Matches(DEADLINE_RULE_PATTERN)
  bookingDeadline?: string;

  @ApiPropertyOptional({ example: '2 working days before at 09:00' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(80)
  @Matches(DEADLINE_RULE_PATTERN)
  cancelDeadline?: string;

  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(52)
  windowWeeks?: number;

  @ApiPropertyOptional({ enum: LateChangePolicy })
  @OptionalNotNull()
  @IsIn(Object.values(LateChangePolicy))
  lateChange?: LateChangePolicy;

  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100_000)
  lateSurchargeCents?: number;

  @ApiPropertyOptional({ example: '09:30', nullable: true })
  @IsOptional()
  @IsString()
  @Matches(TIME_OF_DAY_PATTERN)
  sickCancelUntil?: string | null;

  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(60)
  certificateDays?: number;

  @ApiPropertyOptional({ enum: PromotionPolicy })
  @OptionalNotNull()
  @IsIn(Object.values(PromotionPolicy))
  promotion?: PromotionPolicy;

  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(168)
  offerHours?: number;
}

export class CreateActivityDto implements CreateActivityRequest {
  @ApiProperty({ example: 'etude-du-soir' })
  @IsString()
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  @MaxLength(60)
  code!: string;

  @ApiProperty({ enum: ActivityKind })
  @IsIn(Object.values(ActivityKind))
  kind!: ActivityKind;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ enum: WednesdayFormula, nullable: true })
  @IsOptional()
  @IsIn(Object.values(WednesdayFormula))
  formula?: WednesdayFormula | null;

  @ApiPropertyOptional({ enum: DocumentType, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(Object.values(DocumentType), { each: true })
  requiredDocuments?: string[];

  @ApiProperty({
    type: ActivityRulesDto,
    example: {
      bookingDeadline: 'thursday of the week before at 12:00',
      cancelDeadline: 'thursday of the week before at 12:00',
      windowWeeks: 8,
      lateChange: 'refuse',
      lateSurchargeCents: 0,
      sickCancelUntil: '09:30',
      certificateDays: 2,
      promotion: 'auto',
      offerHours: 24,
    },
  })
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => ActivityRulesDto)
  rules!: ActivityRulesDto;
}

export class UpdateActivityDto implements UpdateActivityRequest {
  @OptionalNotNull()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ enum: DocumentType, isArray: true })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(Object.values(DocumentType), { each: true })
  requiredDocuments?: string[];

  @ApiPropertyOptional({ type: UpdateActivityRulesDto })
  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => UpdateActivityRulesDto)
  rules?: UpdateActivityRulesDto;
}

export class SiteOfferDto implements SiteOfferRequest {
  @IsUUID('all', UUID)
  siteId!: string;

  @IsInt()
  @Min(0)
  @Max(5000)
  capacityPerDay!: number;

  @IsInt()
  @Min(0)
  @Max(5000)
  waitlistSize!: number;
}

export class UpdateSiteOfferDto implements UpdateSiteOfferRequest {
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(5000)
  capacityPerDay?: number;

  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(5000)
  waitlistSize?: number;
}

export class CapacityOverrideDto implements CapacityOverrideRequest {
  @ApiProperty({ example: '2027-01-21' })
  @IsIsoDate()
  date!: string;

  @IsInt()
  @Min(0)
  @Max(5000)
  capacity!: number;
}

export class CreateCampaignDto implements CreateCampaignRequest {
  @IsUUID('all', UUID)
  activityId!: string;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(80)
  periodName!: string;

  @ApiProperty({ example: '2027-02-08' })
  @IsIsoDate()
  periodFrom!: string;

  @ApiProperty({ example: '2027-02-19' })
  @IsIsoDate()
  periodTo!: string;

  @ApiProperty({ example: '2027-01-04T08:00:00.000Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  opensAt!: string;

  @ApiProperty({ example: '2027-01-25T23:00:00.000Z' })
  @IsISO8601({ strict: true, strictSeparator: true })
  closesAt!: string;
}
