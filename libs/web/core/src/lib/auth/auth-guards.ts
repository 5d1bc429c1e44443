import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import type { Permission } from '@foyer/shared/contracts';
import { AuthStore } from './auth-store';

function toSignIn(router: Router, url: string): UrlTree {
  return router.createUrlTree(['/connexion'], { queryParams: { retour: url } });
}

/** Lets signed-in people through; sends the others to the sign-in page, and back here afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  return auth.signedIn() || toSignIn(inject(Router), state.url);
};

/** Signed in and holding this permission; otherwise the sign-in page or « Accès refusé ». */
export function permissionGuard(permission: Permission): CanActivateFn {
  return (_route, state) => {
    const auth = inject(AuthStore);
    const router = inject(Router);
    if (!auth.signedIn()) return toSignIn(router, state.url);
    return auth.can(permission) || router.createUrlTree(['/acces-refuse']);
  };
}

/** Keeps a "return to" URL inside this portal: never another site ("//evil.example"). */
export function safeReturnUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/connexion')) return '/';
  return value;
}
