import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorCode, ApiErrorView } from '@foyer/shared/contracts';
import { OFFLINE_STATUS_TEXT, offlineWriteMessage } from '../pwa/offline-messages';

/** What a form shows after a failed call: one sentence, and a message per offending field. */
export interface FormError {
  message: string;
  /** Field path as the API names it ("email", "children.0.birthDate") → message, in the page's language. */
  fields: Record<string, string>;
  /** HTTP status, 0 when the server could not be reached. */
  status: number;
  /** The API's machine-readable reason, when it gives one. */
  code?: ApiErrorCode;
}

// Functions, not constants: web/core runs before the English translations load (see main.ts).
export function serverUnreachableMessage(): string {
  return $localize`:@@core.formError.serverUnreachable:Le serveur ne répond pas. Vérifiez votre connexion.`;
}

/** What a refusal means when the API says nothing a person can read (a proxy's page, an empty body). */
function fallbackMessage(status: number): string {
  switch (status) {
    case 400:
      return $localize`:@@core.formError.badRequest:Certaines informations ne sont pas valides. Vérifiez le formulaire.`;
    case 401:
      return $localize`:@@core.formError.sessionExpired:Votre session a expiré. Connectez-vous de nouveau.`;
    case 403:
      return $localize`:@@core.formError.forbidden:Vous n'avez pas accès à cette action.`;
    case 404:
      return $localize`:@@core.formError.notFound:Élément introuvable. Il a peut-être été supprimé.`;
    case 409:
      return $localize`:@@core.formError.conflict:Cette action est en conflit avec une autre modification. Rechargez la page.`;
    case 413:
      return $localize`:@@core.formError.tooLarge:Le fichier ou le formulaire est trop volumineux.`;
    case 429:
      return $localize`:@@core.formError.tooManyAttempts:Trop de tentatives. Patientez quelques minutes avant de réessayer.`;
    default:
      return status >= 500
        ? $localize`:@@core.formError.serverFailure:Le service rencontre un problème. Réessayez dans quelques instants.`
        : genericMessage();
  }
}

function genericMessage(): string {
  return $localize`:@@core.formError.generic:Une erreur inattendue est survenue. Réessayez.`;
}

function isApiErrorView(body: unknown): body is ApiErrorView {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorView).message === 'string';
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}

/** Turns any failure of an API call into what a form can display. */
export function toFormError(error: unknown): FormError {
  if (!(error instanceof HttpErrorResponse)) {
    return { message: genericMessage(), fields: {}, status: -1 };
  }
  if (error.status === 0) {
    const offline =
      error.statusText === OFFLINE_STATUS_TEXT || (typeof navigator !== 'undefined' && !navigator.onLine);
    return {
      message: offline ? offlineWriteMessage() : serverUnreachableMessage(),
      fields: {},
      status: 0,
    };
  }
  const body = parseBody(error.error);
  const fallback = fallbackMessage(error.status);
  if (!isApiErrorView(body)) {
    return { message: fallback, fields: {}, status: error.status };
  }
  const fields: Record<string, string> = {};
  for (const field of body.fields ?? []) {
    if (field.messages.length > 0) fields[field.field] = field.messages.join(' ');
  }
  return { message: body.message || fallback, fields, status: error.status, code: body.code };
}
