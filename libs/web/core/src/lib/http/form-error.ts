import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorCode, ApiErrorView } from '@foyer/shared/contracts';
import { OFFLINE_STATUS_TEXT, OFFLINE_WRITE_MESSAGE } from '../pwa/offline-messages';

/** What a form shows after a failed call: one sentence, and a message per offending field. */
export interface FormError {
  message: string;
  /** Field path as the API names it ("email", "children.0.birthDate") → French message. */
  fields: Record<string, string>;
  /** HTTP status, 0 when the server could not be reached. */
  status: number;
  /** The API's machine-readable reason, when it gives one. */
  code?: ApiErrorCode;
}

export const SERVER_UNREACHABLE_MESSAGE = 'Le serveur ne répond pas. Vérifiez votre connexion.';

const FALLBACK_BY_STATUS: Record<number, string> = {
  400: 'Certaines informations ne sont pas valides. Vérifiez le formulaire.',
  401: 'Votre session a expiré. Connectez-vous de nouveau.',
  403: "Vous n'avez pas accès à cette action.",
  404: 'Élément introuvable. Il a peut-être été supprimé.',
  409: 'Cette action est en conflit avec une autre modification. Rechargez la page.',
  413: 'Le fichier ou le formulaire est trop volumineux.',
  429: 'Trop de tentatives. Patientez quelques minutes avant de réessayer.',
};

const SERVER_FAILURE_MESSAGE = 'Le service rencontre un problème. Réessayez dans quelques instants.';
const GENERIC_MESSAGE = 'Une erreur inattendue est survenue. Réessayez.';

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
    return { message: GENERIC_MESSAGE, fields: {}, status: -1 };
  }
  if (error.status === 0) {
    const offline =
      error.statusText === OFFLINE_STATUS_TEXT || (typeof navigator !== 'undefined' && !navigator.onLine);
    return { message: offline ? OFFLINE_WRITE_MESSAGE : SERVER_UNREACHABLE_MESSAGE, fields: {}, status: 0 };
  }
  const body = parseBody(error.error);
  const fallback =
    FALLBACK_BY_STATUS[error.status] ?? (error.status >= 500 ? SERVER_FAILURE_MESSAGE : GENERIC_MESSAGE);
  if (!isApiErrorView(body)) {
    return { message: fallback, fields: {}, status: error.status };
  }
  const fields: Record<string, string> = {};
  for (const field of body.fields ?? []) {
    if (field.messages.length > 0) fields[field.field] = field.messages.join(' ');
  }
  return { message: body.message || fallback, fields, status: error.status, code: body.code };
}
