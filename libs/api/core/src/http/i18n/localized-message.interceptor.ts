import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { map, Observable } from 'rxjs';
import { requestLocale, setLanguageHeaders, translateMessage } from './translate';

/**
 * The few successful answers that are a sentence, `{ message }` alone ("Votre adresse e-mail est
 * confirmée…"), follow Accept-Language like the errors. Other answers carry data, never translated.
 */
@Injectable()
export class LocalizedMessageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    return next.handle().pipe(
      map((body: unknown) => {
        if (!isMessageOnly(body)) return body;
        const locale = requestLocale(http.getRequest<Request>());
        setLanguageHeaders(http.getResponse<Response>(), locale);
        return { message: translateMessage(body.message, locale) };
      }),
    );
  }
}

function isMessageOnly(body: unknown): body is { message: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  return (
    keys.length === 1 && keys[0] === 'message' && typeof (body as { message: unknown }).message === 'string'
  );
}
