import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ClassLevel, CreateChildRequest, Diet, Sex, UpdateChildRequest } from '@foyer/shared/contracts';
import { FrenchPhone, IsIsoDate, OptionalNotNull, PersonName, Trim } from '@foyer/api/core';

/** class-validator names this constraint isUuid, which core's French table misses (it lists isUUID). */
const UUID_MESSAGE = { message: 'doit être un identifiant valide' };

export class CreateChildDto implements CreateChildRequest {
  @ApiProperty({ example: 'Léa' })
  @PersonName()
  firstName!: string;

  @ApiProperty({ example: 'Martin' })
  @PersonName()
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

  @Trim()
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

  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  doctorName?: string | null;

  @IsOptional()
  @FrenchPhone()
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
  @Trim()
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName?: string;

  @Trim()
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

  @Trim()
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

  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  doctorName?: string | null;

  @IsOptional()
  @FrenchPhone()
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
