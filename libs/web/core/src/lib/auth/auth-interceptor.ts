import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, from, switchMap, throwError } from 'rxjs';
import { API_PREFIX, AuthRoutes } from '@foyer/shared/contracts';
import { isApiUrl } from '../http/api-url';
import { AuthStore } from './auth-store';

/** Auth routes answer 401 for their own reasons (wrong password, no cookie): never retried. */
const NO_RETRY_PREFIX = `/${API_PREFIX}/auth/`;
const RETRYABLE_AUTH_ROUTES = [`/${API_PREFIX}/${AuthRoutes.logoutEverywhere}`];

function withToken(request: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
}

function mayRetry(url: string): boolean {
  const path = url.split('?')[0];
  return !path.startsWith(NO_RETRY_PREFIX) || RETRYABLE_AUTH_ROUTES.includes(path);
}

/**
 * Adds the access token to our API calls. On a 401, refreshes the session once (shared by every
 * request failing at the same time) and replays the request; if the session is gone, sends the
 * person to the sign-in page and lets the error through.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const auth = inject(AuthStore);
  const router = inject(Router);
  const sentToken = auth.accessToken();

  return next(withToken(request, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || !mayRetry(request.url)) {
        return throwError(() => error);
      }
      return from(auth.refresh()).pipe(
        switchMap((refreshed) => {
          if (refreshed) return next(withToken(request, auth.accessToken()));
          if (sentToken) {
            const retour = router.url;
            void router.navigateByUrl(router.createUrlTree(['/connexion'], { queryParams: { retour } }));
          }
          return throwError(() => error);
        }),
      );
    }),
  );
};
