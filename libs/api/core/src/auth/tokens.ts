import { createHash } from 'node:crypto';

/** What the database keeps of a secret token (link, refresh token, invitation): its sha256, so a leaked table opens nothing. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
