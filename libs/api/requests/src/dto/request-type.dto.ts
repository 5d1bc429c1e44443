import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AgentScope, RequestEffect } from '@foyer/shared/contracts';
import type {
  RequestFormSchema,
  RequiredDocumentView,
  SaveRequestTypeRequest,
} from '@foyer/shared/contracts';
import { Trim } from '@foyer/api/core';

export class RequiredDocumentDto implements RequiredDocumentView {
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  code!: string;

  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label!: string;

  @IsOptional()
  @IsBoolean()
  optional?: boolean;
}

export class SaveRequestTypeDto implements SaveRequestTypeRequest {
  @ApiProperty({ example: 'inscription-scolaire' })
  @Trim()
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    message: 'doit être en minuscules, chiffres et tirets (ex. inscription-scolaire)',
  })
  @MaxLength(60)
  code!: string;

  @ApiProperty({ example: 'Demande de balayage' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(150)
  title!: string;

  @ApiProperty({ example: 'Une démarche d’exemple.' })
  @Trim()
  @IsString()
  @MaxLength(4000)
  description!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema draft 2020-12, with the portal keywords (x-foyer-kind…)',
    example: {
      type: 'object',
      properties: { message: { type: 'string', title: 'Votre message', maxLength: 2000 } },
      required: ['message'],
      additionalProperties: false,
    },
  })
  @IsObject()
  form!: RequestFormSchema;

  @ApiPropertyOptional({ type: [RequiredDocumentDto] })
  @IsOptional()
  @ArrayMaxSize(20)
  // Each item an object: a nested array ([[]]) would pass ValidateNested and reach the service.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RequiredDocumentDto)
  requiredDocuments?: RequiredDocumentDto[];

  @ApiProperty({ enum: AgentScope })
  @IsEnum(AgentScope)
  scope!: AgentScope;

  @ApiProperty({ enum: RequestEffect })
  @IsEnum(RequestEffect)
  effect!: RequestEffect;

  @ApiProperty({ example: 15 })
  @IsInt()
  @Min(1)
  @Max(365)
  targetDays!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  severalOpenAllowed?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
