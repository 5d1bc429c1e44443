import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { ClassLevel, CreateChildRequest, Diet, Sex, UpdateChildRequest } from '@foyer/shared/contracts';
import { IsIsoDate, OptionalNotNull } from '@foyer/api/core';
import { PHONE_MESSAGE, PHONE_PATTERN } from './household.dto';

/** class-validator names this constraint isUuid, which core's French table misses (it lists isUUID). */
const UUID_MESSAGE = { message: 'doit être un identifiant valide' };

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateChildDto implements CreateChildRequest {
  @ApiProperty({ example: 'Léa' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName!: string;

  @ApiProperty({ example: 'Martin' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName!: string;

  @ApiProperty({ example: '2019-03-12' })
  @IsIsoDate()
  birthDate!: string;

  @ApiProperty({ enum: Sex })
  @IsEnum(Sex)
  sex!: Sex;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  schoolSiteId?: string | null;

  @ApiPropertyOptional({ enum: ClassLevel })
  @IsOptional()
  @IsEnum(ClassLevel)
  classLevel?: ClassLevel | null;

  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  allergies?: string | null;

  @ApiPropertyOptional({ enum: Diet })
  @IsOptional()
  @IsEnum(Diet)
  diet?: Diet;

  @IsOptional()
  @IsBoolean()
  pai?: boolean;

  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  paiDocumentId?: string | null;

  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  doctorName?: string | null;

  @Transform(trim)
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  doctorPhone?: string | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { ...UUID_MESSAGE, each: true })
  authorisedPickupContactIds?: string[];

  @IsOptional()
  @IsBoolean()
  photoConsent?: boolean;
}

export class UpdateChildDto implements UpdateChildRequest {
  @Transform(trim)
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;

  @Transform(trim)
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName?: string;

  @OptionalNotNull()
  @IsIsoDate()
  birthDate?: string;

  @OptionalNotNull()
  @IsEnum(Sex)
  sex?: Sex;

  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  schoolSiteId?: string | null;

  @IsOptional()
  @IsEnum(ClassLevel)
  classLevel?: ClassLevel | null;

  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  allergies?: string | null;

  @OptionalNotNull()
  @IsEnum(Diet)
  diet?: Diet;

  @OptionalNotNull()
  @IsBoolean()
  pai?: boolean;

  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  paiDocumentId?: string | null;

  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(200)
  doctorName?: string | null;

  @Transform(trim)
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  doctorPhone?: string | null;

  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { ...UUID_MESSAGE, each: true })
  authorisedPickupContactIds?: string[];

  @OptionalNotNull()
  @IsBoolean()
  photoConsent?: boolean;
}
