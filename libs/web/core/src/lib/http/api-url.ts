import { API_PREFIX } from '@foyer/shared/contracts';

/** Absolute path of an API route on this origin: apiUrl('auth/login') is '/api/auth/login'. */
export function apiUrl(route: string): string {
  return `/${API_PREFIX}/${route.replace(/^\/+/, '')}`;
}

/** True for a request addressed to our own API (and not to another origin). */
export function isApiUrl(url: string): boolean {
  return url.startsWith(`/${API_PREFIX}/`);
}
