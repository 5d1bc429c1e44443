import { Trim } from '@foyer/api/core';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class HouseholdSearchQueryDto {
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
