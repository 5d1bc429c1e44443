import { IsIsoDate, OptionalNotNull, PersonName, ToInteger, Trim } from '@foyer/api/core';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { AgentScope, AuditQuery, CreateAgentRequest, UpdateAgentRequest } from '@foyer/shared/contracts';

export class CreateAgentDto implements CreateAgentRequest {
  @Trim()
  @IsEmail({}, { message: 'doit être une adresse e-mail valide' })
  @MaxLength(254)
  email!: string;

  @PersonName()
  firstName!: string;

  @PersonName()
  lastName!: string;

  @IsArray()
  @ArrayUnique()
  @IsEnum(AgentScope, {
    each: true,
    message: 'ne contient que des périmètres parmi enfance, facturation, demarches',
  })
  scopes!: AgentScope[];
}

export class UpdateAgentDto implements UpdateAgentRequest {
  @OptionalNotNull()
  @IsArray()
  @ArrayUnique()
  @IsEnum(AgentScope, {
    each: true,
    message: 'ne contient que des périmètres parmi enfance, facturation, demarches',
  })
  scopes?: AgentScope[];

  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class AuditQueryDto implements AuditQuery {
  @IsOptional()
  @IsUUID('all', { message: 'doit être un identifiant valide' })
  householdId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'doit être un identifiant valide' })
  actorId?: string;

  @IsOptional()
  @Matches(/^[a-z][a-z.-]{0,60}$/, { message: 'doit être une action, par exemple quotient.validate' })
  action?: string;

  @IsOptional()
  @IsIsoDate()
  from?: string;

  @IsOptional()
  @IsIsoDate()
  to?: string;

  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'doit être un instant ISO 8601, par exemple 2027-01-14T08:30:00Z',
  })
  before?: string;

  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
