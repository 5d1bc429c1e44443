import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  PayloadTooLargeException,
  StreamableFile,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { ApiErrorView } from '@foyer/shared/contracts';
import { localizeErrorResponse } from '@foyer/api/core';
import { MAX_DOCUMENT_BYTES } from './documents.service';

/** C0 and C1 controls, and the marks that reorder text (bidi overrides and isolates). */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name a resident gave the file, as they wrote it: browsers send it in UTF-8 (multer would read
 * it as latin1 and store « quittance-fÃ©vrier.pdf »), NFC-normalised, without control characters
 * or bidi overrides (« facture\u202Efdp.exe » would display as « facture.exe.pdf »).
 */
export function uploadedFileName(name: string): string {
  return name.normalize('NFC').replace(INVISIBLE, '');
}

/** Multer keeps the upload in memory (10 MB at most): nothing touches the disk before it is checked. */
export const DocumentFileInterceptor = FileInterceptor('file', {
  limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 10, fieldSize: 10_000 },
  defParamCharset: 'utf8',
  fileFilter: (_req, file, accept) => {
    file.originalname = uploadedFileName(file.originalname);
    accept(null, true);
  },
});

/**
 * Multer's own refusals, in French and naming the field: a file above the limit answers 413, a
 * malformed upload (file in another field, several files) 400. Validation errors of the text fields
 * (which carry `fields`) pass through unchanged.
 */
@Catch(PayloadTooLargeException, BadRequestException)
export class UploadErrorFilter implements ExceptionFilter {
  catch(exception: PayloadTooLargeException | BadRequestException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: unknown }>();
    const requestId = request.id;
    const payload = exception.getResponse();
    let body: ApiErrorView;
    if (typeof payload === 'object' && payload !== null && 'fields' in payload) {
      body = payload as ApiErrorView;
    } else {
      const tooLarge = exception instanceof PayloadTooLargeException;
      const message = tooLarge
        ? 'Le fichier dépasse la taille maximale de 10 Mo.'
        : 'Envoyez un seul fichier PDF, JPEG ou PNG, dans le champ « file ».';
      body = {
        statusCode: tooLarge ? 413 : 400,
        error: tooLarge ? 'Payload Too Large' : 'Bad Request',
        message,
        fields: [{ field: 'file', messages: [message] }],
      };
    }
    response.status(body.statusCode).json({
      ...localizeErrorResponse(body, request, response),
      requestId: typeof requestId === 'string' ? requestId : undefined,
    });
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

/**
 * A private file as a download: its type, its name (attachmentHeader) and no cache anywhere on the
 * way, since it holds a family's data.
 */
export function privateDownload(
  res: Response,
  file: { content: Buffer; fileName: string; mimeType: string },
): StreamableFile {
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(file.content, {
    type: file.mimeType,
    disposition: attachmentHeader(file.fileName),
    length: file.content.length,
  });
}
