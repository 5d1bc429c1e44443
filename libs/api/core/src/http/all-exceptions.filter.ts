import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ApiErrorView } from '@foyer/shared/contracts';
import { DomainError, TooManyRequestsError } from './domain-errors';
import { localizeErrorBody, requestLocale, setLanguageHeaders } from './i18n/translate';

const STATUS_LABELS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const FRENCH_DEFAULTS: Record<number, string> = {
  400: 'La requête est invalide.',
  401: 'Veuillez vous connecter.',
  403: "Vous n'avez pas les droits nécessaires pour cette action.",
  404: 'Ressource introuvable.',
  405: 'Cette méthode n’est pas permise sur cette adresse.',
  409: "L'opération est impossible dans l'état actuel.",
  413: 'La requête est trop volumineuse.',
  415: "Ce type de contenu n'est pas accepté.",
  429: 'Trop de tentatives. Réessayez plus tard.',
  500: 'Une erreur interne est survenue. Réessayez plus tard ; si le problème persiste, contactez la mairie.',
  503: 'Le service est momentanément indisponible.',
};

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
}

const camelCase = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * Every error leaves the API as { statusCode, error, message[, fields] } with a French message, or
 * an English one when the request's Accept-Language asks for it (i18n/translate.ts): no stack trace,
 * no SQL, no framework wording. Unexpected errors are logged and answer 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: string }>();
    const locale = requestLocale(request);
    const body = localizeErrorBody(this.toBody(exception, request), locale);
    body.requestId = typeof request.id === 'string' ? request.id : undefined;
    if (exception instanceof TooManyRequestsError) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'request failed');
    }
    setLanguageHeaders(response, locale);
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request): ApiErrorView {
    if (exception instanceof DomainError) {
      const body = this.make(
        exception.status,
        exception.message,
        exception.field ? [{ field: exception.field, messages: [exception.message] }] : undefined,
      );
      return exception.code ? { ...body, code: exception.code } : body;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'fields' in payload) {
        return payload as ApiErrorView;
      }
      // Nest turns body-parser's SyntaxError into a BadRequestException carrying the parser's words.
      if (status === 400 && /JSON|Unexpected (token|end)|Expected .* after/i.test(exception.message)) {
        return this.make(400, "Le corps de la requête n'est pas un JSON valide.");
      }
      if (status === 400 && /URI malformed|Failed to decode/i.test(exception.message)) {
        return this.make(400, "L'adresse demandée est mal formée.");
      }
      return this.make(status, this.frenchMessageFor(status, exception, request));
    }
    if (exception instanceof QueryFailedError) {
      const pg = exception.driverError as PgError;
      // A constraint the database enforces was hit by concurrent or duplicate input.
      if (pg.code === '23505') return this.make(409, 'Cet élément existe déjà.');
      // A NOT NULL column reached with null: the input left out something required.
      if (pg.code === '23502') {
        const field = pg.column ? camelCase(pg.column) : undefined;
        return this.make(
          400,
          field ? `Le champ « ${field} » est obligatoire.` : 'Un champ obligatoire est manquant.',
          field ? [{ field, messages: ['est obligatoire'] }] : undefined,
        );
      }
      // Exclusion constraints and our own triggers guarding overlaps.
      if (pg.code === '23P01') return this.make(409, 'Cette période chevauche une période existante.');
      if (pg.code === '23503')
        return this.make(409, 'Cet élément est lié à un autre et ne peut être modifié ainsi.');
      if (pg.code === '23514' || pg.code === '22P02' || pg.code === '22007' || pg.code === '22008') {
        return this.make(400, FRENCH_DEFAULTS[400]);
      }
      if (pg.code === '40001' || pg.code === '40P01') {
        return this.make(409, 'Une autre opération était en cours. Réessayez.');
      }
    }
    // body-parser errors carry a status and a type.
    const parserError = exception as { status?: number; type?: string; message?: string };
    // Express's router could not decode a path parameter (%E0%A4%A).
    if (
      parserError?.status === 400 &&
      /Failed to decode param|URI malformed/.test(parserError.message ?? '')
    ) {
      return this.make(400, "L'adresse demandée est mal formée.");
    }
    if (parserError?.type === 'entity.parse.failed') {
      return this.make(400, "Le corps de la requête n'est pas un JSON valide.");
    }
    if (parserError?.type === 'entity.too.deep') {
      return this.make(400, 'Le corps de la requête est imbriqué trop profondément.');
    }
    if (parserError?.type === 'entity.too.large') return this.make(413, FRENCH_DEFAULTS[413]);
    if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
      return this.make(parserError.status, FRENCH_DEFAULTS[parserError.status] ?? FRENCH_DEFAULTS[400]);
    }
    return this.make(500, FRENCH_DEFAULTS[500]);
  }

  private frenchMessageFor(status: number, exception: HttpException, request: Request): string {
    if (status === HttpStatus.NOT_FOUND && exception.constructor.name === 'NotFoundException') {
      const message = exception.message ?? '';
      if (message.startsWith('Cannot '))
        return `Aucune ressource à l'adresse ${request.method} ${request.path}.`;
    }
    // Our own code throws domain errors (handled above) in French; an HttpException here comes from
    // the framework, with an English message: the status's French wording replaces it.
    return FRENCH_DEFAULTS[status] ?? FRENCH_DEFAULTS[500];
  }

  private make(statusCode: number, message: string, fields?: ApiErrorView['fields']): ApiErrorView {
    return {
      statusCode,
      error: STATUS_LABELS[statusCode] ?? 'Error',
      message,
      ...(fields ? { fields } : {}),
    };
  }
}
