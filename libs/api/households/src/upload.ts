import { ArgumentsHost, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ApiErrorView } from '@foyer/shared/contracts';
import { MAX_DOCUMENT_BYTES } from './documents.service';

/** Multer keeps the upload in memory (10 MB at most): nothing touches the disk before it is checked. */
export const DocumentFileInterceptor = FileInterceptor('file', {
  limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 10_000 },
});

/** A file above the limit answers 413 naming the field, in French, instead of Multer's English. */
@Catch(PayloadTooLargeException)
export class UploadTooLargeFilter implements ExceptionFilter {
  catch(_exception: PayloadTooLargeException, host: ArgumentsHost): void {
    const message = 'Le fichier dépasse la taille maximale de 10 Mo.';
    const body: ApiErrorView = {
      statusCode: 413,
      error: 'Payload Too Large',
      message,
      fields: [{ field: 'file', messages: [message] }],
    };
    host.switchToHttp().getResponse<Response>().status(413).json(body);
  }
}

/** Content-Disposition for a download: an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
