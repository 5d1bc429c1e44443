import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { DocumentType, UploadDocumentRequest } from '@foyer/shared/contracts';
import { IsIsoDate } from '@foyer/api/core';

/** class-validator names this constraint isUuid, which core's French table misses (it lists isUUID). */
const UUID_MESSAGE = { message: 'doit être un identifiant valide' };

/** The text fields of the multipart upload; the file itself is the `file` part. */
export class UploadDocumentDto implements UploadDocumentRequest {
  @ApiProperty({ enum: DocumentType })
  @IsEnum(DocumentType)
  type!: DocumentType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', UUID_MESSAGE)
  childId?: string;

  @ApiPropertyOptional({ example: '2027-08-31' })
  @IsOptional()
  @IsIsoDate()
  expiresOn?: string;
}
