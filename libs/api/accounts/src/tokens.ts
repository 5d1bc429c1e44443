import { randomBytes } from 'node:crypto';

export { hashToken } from '@foyer/api/core';

/** A random secret for a link or a refresh token: 32 bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
