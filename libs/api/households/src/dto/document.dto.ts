import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { DocumentType, UploadDocumentRequest } from '@foyer/shared/contracts';
import { IsIsoDate } from '@foyer/api/core';

/** The text fields of the multipart upload; the file itself is the `file` part. */
export class UploadDocumentDto implements UploadDocumentRequest {
  @ApiProperty({ enum: DocumentType })
  @IsEnum(DocumentType)
  type!: DocumentType;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  childId?: string;

  @ApiPropertyOptional({ example: '2027-08-31' })
  @IsOptional()
  @IsIsoDate()
  expiresOn?: string;
}
