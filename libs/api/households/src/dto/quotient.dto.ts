import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  DeclareQuotientRequest,
  DecideQuotientRequest,
  QuotientMethod,
  QuotientStatus,
} from '@foyer/shared/contracts';
import { IsIsoDate, Trim } from '@foyer/api/core';

/** class-validator names this constraint isUuid, which core's French table misses (it lists isUUID). */
const UUID_MESSAGE = { message: 'doit être un identifiant valide' };

export class DeclareQuotientDto implements DeclareQuotientRequest {
  @ApiProperty({ enum: QuotientMethod })
  @IsEnum(QuotientMethod)
  method!: QuotientMethod;

  @ApiPropertyOptional({ example: '1234567', description: "Numéro d'allocataire CAF (7 chiffres)" })
  @ValidateIf((o: DeclareQuotientDto) => o.method === QuotientMethod.Caf)
  @IsDefined()
  @IsString()
  @Matches(/^\d{7}$/, { message: "doit être un numéro d'allocataire CAF à 7 chiffres" })
  cafNumber?: string;

  @ApiPropertyOptional({ example: 850, description: "QF de l'attestation CAF, en euros" })
  @ValidateIf((o: DeclareQuotientDto) => o.method === QuotientMethod.Caf)
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(100000)
  cafValue?: number;

  @ValidateIf((o: DeclareQuotientDto) => o.method === QuotientMethod.Declared)
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  annualResourcesCents?: number;

  @ValidateIf((o: DeclareQuotientDto) => o.method === QuotientMethod.Declared)
  @IsDefined()
  @IsInt()
  @Min(0)
  @Max(10_000_000_00)
  monthlyBenefitsCents?: number;

  @ValidateIf((o: DeclareQuotientDto) => o.method === QuotientMethod.Declared)
  @IsDefined()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(20)
  parts?: number;

  @IsUUID('all', UUID_MESSAGE)
  documentId!: string;
}

export class DecideQuotientDto implements DecideQuotientRequest {
  @IsIn(['validate', 'reject'])
  decision!: 'validate' | 'reject';

  @IsOptional()
  @IsIsoDate()
  effectiveFrom?: string;

  // Required to reject; when sent with a validation, it must still be text (an object slipped through).
  @ValidateIf((o: DecideQuotientDto) => o.decision === 'reject' || o.note !== undefined)
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  note?: string;
}

export class QuotientsQueryDto {
  @IsOptional()
  @IsEnum(QuotientStatus)
  status?: QuotientStatus;
}
