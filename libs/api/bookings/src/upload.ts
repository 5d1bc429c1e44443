import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  PayloadTooLargeException,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ApiErrorView } from '@foyer/shared/contracts';

/** A medical certificate: 10 MB at most, like household documents. */
export const MAX_CERTIFICATE_BYTES = 10 * 1024 * 1024;

/** Multer keeps the upload in memory: nothing touches the disk before it is checked. */
export const CertificateFileInterceptor = FileInterceptor('file', {
  limits: { fileSize: MAX_CERTIFICATE_BYTES, files: 1, fields: 5, fieldSize: 1_000 },
});

/** Multer's refusals in French, naming the field (as households' upload filter does). */
@Catch(PayloadTooLargeException, BadRequestException)
export class CertificateUploadFilter implements ExceptionFilter {
  catch(exception: PayloadTooLargeException | BadRequestException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const requestId = http.getRequest<{ id?: unknown }>().id;
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
    response
      .status(body.statusCode)
      .json({ ...body, requestId: typeof requestId === 'string' ? requestId : undefined });
  }
}
