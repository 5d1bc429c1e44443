import type { ApiErrorCode } from '@foyer/shared/contracts';

/**
 * Errors the services throw; the exception filter turns them into HTTP answers.
 * Messages are in French: they reach residents and agents as they are, or in English when the request
 * asks for it (i18n/messages.en.ts holds an entry for each message; its test says which are missing).
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  /** Machine-readable reason, when a client must react to this error in particular. */
  code?: ApiErrorCode;

  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  withCode(code: ApiErrorCode): this {
    this.code = code;
    return this;
  }
}

/** Bad input that validation decorators could not catch (a rule across fields, a state). 400 */
export class InvalidInputError extends DomainError {
  readonly status = 400;
}

/** Unknown id, or an id that belongs to someone else: both answer the same 404. */
export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(message = 'Ressource introuvable.') {
    super(message);
  }
}

/** The caller is known but may not do this. 403 */
export class ForbiddenError extends DomainError {
  readonly status = 403;
  constructor(message = "Vous n'avez pas les droits nécessaires pour cette action.") {
    super(message);
  }
}

/** The request is valid but the state of things forbids it now (full, already done, duplicate). 409 */
export class ConflictError extends DomainError {
  readonly status = 409;
}

/** Too many attempts. 429 */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** Credentials missing or wrong. 401 */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
  constructor(message = 'Veuillez vous connecter.') {
    super(message);
  }
}
