import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  AddRequestNoteRequest,
  AssignRequestRequest,
  AttachFamilyDocumentRequest,
  CreateRequestRequest,
  FileRequestOnBehalfRequest,
  PostRequestMessageRequest,
  RequestChannel,
  RequestQueueQuery,
  RequestStatus,
  RequestTransitionRequest,
  UpdateRequestDraftRequest,
  WithdrawRequestRequest,
} from '@foyer/shared/contracts';
import type { RequestQueueSort } from '@foyer/shared/contracts';
import { ToInteger, Trim } from '@foyer/api/core';

const UUID_MESSAGE = { message: 'doit être un identifiant valide' };
/** The answers of the free-message form (what the OpenAPI document shows, and the route sweeps send). */
const DATA_EXAMPLE = { subject: 'Bonjour', message: 'Une question.' };
const OBJECT_MESSAGE = { message: 'doit être un objet (les réponses du formulaire)' };

export class CreateRequestDto implements CreateRequestRequest {
  @ApiProperty({ example: 'message-libre' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  typeCode!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: DATA_EXAMPLE })
  @IsObject(OBJECT_MESSAGE)
  data!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Envoyer tout de suite (sinon brouillon)' })
  @IsOptional()
  @IsBoolean()
  submit?: boolean;
}

export class UpdateRequestDraftDto implements UpdateRequestDraftRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, example: DATA_EXAMPLE })
  @IsObject(OBJECT_MESSAGE)
  data!: Record<string, unknown>;
}

export class FileRequestOnBehalfDto implements FileRequestOnBehalfRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', UUID_MESSAGE)
  householdId!: string;

  @ApiProperty({ example: 'message-libre' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  typeCode!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, example: DATA_EXAMPLE })
  @IsObject(OBJECT_MESSAGE)
  data!: Record<string, unknown>;

  @ApiProperty({ enum: [RequestChannel.Counter, RequestChannel.Phone, RequestChannel.Mail] })
  @IsIn([RequestChannel.Counter, RequestChannel.Phone, RequestChannel.Mail], {
    message: 'doit être counter (guichet), phone (téléphone) ou mail (courrier)',
  })
  channel!: Exclude<RequestChannel, RequestChannel.Online>;
}

export class RequestTransitionDto implements RequestTransitionRequest {
  @ApiProperty({ enum: RequestStatus })
  @IsEnum(RequestStatus)
  to!: RequestStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Détails de la décision pour son effet',
  })
  @IsOptional()
  @IsObject()
  effect?: Record<string, unknown>;
}

export class WithdrawRequestDto implements WithdrawRequestRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class PostRequestMessageDto implements PostRequestMessageRequest {
  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  body!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true, ...UUID_MESSAGE })
  attachmentIds?: string[];

  @ApiPropertyOptional({ description: 'Agents : une question met la demande en attente de l’usager' })
  @IsOptional()
  @IsBoolean()
  question?: boolean;
}

export class AssignRequestDto implements AssignRequestRequest {
  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((o: AssignRequestDto) => o.assigneeId !== null)
  @IsUUID('all', UUID_MESSAGE)
  assigneeId!: string | null;
}

export class AddRequestNoteDto implements AddRequestNoteRequest {
  @ApiProperty()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  body!: string;
}

export class AttachFamilyDocumentDto implements AttachFamilyDocumentRequest {
  @ApiProperty()
  @IsUUID('all', UUID_MESSAGE)
  documentId!: string;
}

const SORTS: RequestQueueSort[] = [
  'due',
  '-due',
  'submitted',
  '-submitted',
  'number',
  '-number',
  'updated',
  '-updated',
];

export class RequestQueueQueryDto implements RequestQueueQuery {
  @ApiPropertyOptional({ description: 'Statuts séparés par des virgules' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  status?: string;

  @ApiPropertyOptional({ description: 'Codes de types séparés par des virgules' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  type?: string;

  @ApiPropertyOptional({ description: 'Identifiant d’agent, « me » ou « none »' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  assignee?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'doit valoir true ou false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  school?: string;

  @ApiPropertyOptional({ enum: SORTS })
  @IsOptional()
  @IsIn(SORTS, { message: `doit être l’un de : ${SORTS.join(', ')}` })
  sort?: RequestQueueSort;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(10000)
  page?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

/** `?status=` of the resident's list (optional). */
export class ResidentListQueryDto {
  @ApiPropertyOptional({ enum: RequestStatus })
  @IsOptional()
  @IsEnum(RequestStatus)
  status?: RequestStatus;
}
