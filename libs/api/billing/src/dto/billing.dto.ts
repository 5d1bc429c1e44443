import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
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
  CertificateQuery,
  CreateBillingRunRequest,
  CreateCreditNoteRequest,
  CreateSepaMandateRequest,
  CreateTariffRequest,
  EffortRate,
  FinalizeBillingRunRequest,
  Surcharge,
  TariffBracket,
  TariffMethod,
  TariffUnitLabel,
  TreasuryExportQuery,
  UpdateTariffRequest,
} from '@foyer/shared/contracts';
import { IsIsoDate, OptionalNotNull, ToInteger, Trim } from '@foyer/api/core';

const UUID_MESSAGE = { message: 'doit être un identifiant valide' };
const MAX_CENTS = 100_000_00;

export class TariffBracketDto implements TariffBracket {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  label!: string;

  @IsInt()
  @Min(0)
  @Max(1_000_000)
  qfMin!: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  qfMax!: number | null;

  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  unitCents!: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  paiCents?: number | null;
}

export class EffortRateDto implements EffortRate {
  @IsInt()
  @Min(1)
  @Max(10000)
  rateTenThousandths!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  floorCents!: number;

  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  ceilingCents!: number;
}

export class SurchargeDto implements Surcharge {
  @IsIn(['fixed', 'percent'], { message: 'doit être fixed ou percent' })
  mode!: 'fixed' | 'percent';

  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  value!: number;
}

export class SiblingReductionDto {
  @IsInt()
  @Min(2)
  @Max(20)
  fromRank!: number;

  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(1)
  @Max(100)
  percent!: number;
}

export class UnitLabelDto implements TariffUnitLabel {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  one!: string;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  many!: string;
}

class TariffRulesDto {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  // Each item an object: a nested array ([[]]) would pass ValidateNested and reach the service.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TariffBracketDto)
  brackets?: TariffBracketDto[] | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EffortRateDto)
  effortRate?: EffortRateDto | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  flatCents?: number | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  nonResidentCents?: number | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  paiCents?: number | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SiblingReductionDto)
  siblingReduction?: SiblingReductionDto | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SurchargeDto)
  lateSurcharge?: SurchargeDto | null;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SurchargeDto)
  unbookedPenalty?: SurchargeDto | null;
}

export class CreateTariffDto extends TariffRulesDto implements CreateTariffRequest {
  @IsEnum(TariffMethod, { message: 'doit être brackets, effort_rate ou flat' })
  method!: TariffMethod;

  @IsUUID('4', UUID_MESSAGE)
  activityId!: string;

  @IsIsoDate()
  validFrom!: string;

  @IsOptional()
  @IsIsoDate()
  validTo?: string | null;

  @IsObject()
  @ValidateNested()
  @Type(() => UnitLabelDto)
  unit!: UnitLabelDto;
}

export class UpdateTariffDto extends TariffRulesDto implements UpdateTariffRequest {
  @OptionalNotNull()
  @IsEnum(TariffMethod, { message: 'doit être brackets, effort_rate ou flat' })
  method?: TariffMethod;

  @OptionalNotNull()
  @IsIsoDate()
  validFrom?: string;

  @IsOptional()
  @IsIsoDate()
  validTo?: string | null;

  @OptionalNotNull()
  @IsObject()
  @ValidateNested()
  @Type(() => UnitLabelDto)
  unit?: UnitLabelDto;
}

export class CreateBillingRunDto implements CreateBillingRunRequest {
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'doit être un mois au format AAAA-MM' })
  period!: string;
}

export class FinalizeBillingRunDto implements FinalizeBillingRunRequest {
  @IsOptional()
  @IsBoolean()
  ignoreBlockers?: boolean;
}

export class CreateCreditNoteDto implements CreateCreditNoteRequest {
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  amountCents!: number;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class CreateSepaMandateDto implements CreateSepaMandateRequest {
  @IsString()
  @MaxLength(50)
  @Matches(/^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{10,40}$/, {
    message: 'doit être un IBAN, par exemple FR76 3000 …',
  })
  iban!: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$/, {
    message: 'doit être un BIC de 8 ou 11 caractères',
  })
  bic?: string | null;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(70)
  holder!: string;
}

export class CertificateQueryDto implements CertificateQuery {
  @ToInteger()
  @IsInt()
  @Min(2000)
  @Max(2199)
  year!: number;
}

export class TreasuryExportQueryDto implements TreasuryExportQuery {
  @IsIsoDate()
  from!: string;

  @IsIsoDate()
  to!: string;
}

export class SepaFileQueryDto {
  @IsString()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'doit être un mois au format AAAA-MM' })
  period!: string;
}
