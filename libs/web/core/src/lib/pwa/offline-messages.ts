/** statusText of the error a write gets while offline (toFormError shows offlineWriteMessage()). */
export const OFFLINE_STATUS_TEXT = 'Offline';

export function offlineWriteMessage(): string {
  return $localize`:@@core.offline.writeRefused:Cette action nécessite une connexion. Vous êtes hors ligne : réessayez une fois reconnecté.`;
}
