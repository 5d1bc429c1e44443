import { Transform } from 'class-transformer';
import { IsEnum, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import {
  CreateSchoolHolidayRequest,
  CreateSiteRequest,
  SiteKind,
  UpdateSchoolYearRequest,
  UpdateSiteRequest,
} from '@foyer/shared/contracts';
import { IsIsoDate, OptionalNotNull } from '@foyer/api/core';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSiteDto implements CreateSiteRequest {
  @Transform(trim)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'doit être en minuscules, chiffres et tirets, par exemple ecole-jean-jaures',
  })
  @MaxLength(60)
  code!: string;

  @IsEnum(SiteKind, { message: 'doit être school ou leisure_centre' })
  kind!: SiteKind;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address!: string;
}

export class UpdateSiteDto implements UpdateSiteRequest {
  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @OptionalNotNull()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  address?: string;
}

export class UpdateSchoolYearDto implements UpdateSchoolYearRequest {
  @OptionalNotNull()
  @IsIsoDate()
  firstSchoolDay?: string;

  @OptionalNotNull()
  @IsIsoDate()
  lastSchoolDay?: string;
}

export class CreateSchoolHolidayDto implements CreateSchoolHolidayRequest {
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @IsIsoDate()
  from!: string;

  @IsIsoDate()
  to!: string;
}
