/** statusText of the error a write gets while offline (toFormError shows OFFLINE_WRITE_MESSAGE). */
export const OFFLINE_STATUS_TEXT = 'Offline';
export const OFFLINE_WRITE_MESSAGE =
  'Cette action nécessite une connexion. Vous êtes hors ligne : réessayez une fois reconnecté.';
