import { HttpErrorResponse, HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { inject } from '@angular/core';
import { tap, throwError } from 'rxjs';
import { isApiUrl } from '../http/api-url';
import { NetworkStatus } from './network-status';
import { OFFLINE_STATUS_TEXT, offlineWriteMessage } from './offline-messages';

/**
 * Offline, a change (anything but GET and HEAD) is refused at once with a clear message instead of
 * failing after a timeout; reads go on (the service worker answers from its cache). Every API answer
 * read records its `Date`, for the offline banner's « mis à jour le … ».
 */
export const offlineInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const network = inject(NetworkStatus);
  const navigator = inject(DOCUMENT).defaultView?.navigator;
  const write = request.method !== 'GET' && request.method !== 'HEAD';
  if (write && navigator && !navigator.onLine) {
    return throwError(
      () =>
        new HttpErrorResponse({
          status: 0,
          statusText: OFFLINE_STATUS_TEXT,
          url: request.url,
          error: { message: offlineWriteMessage() },
        }),
    );
  }
  return next(request).pipe(
    tap((event) => {
      if (!write && event instanceof HttpResponse) network.recordResponse(event.headers.get('Date'));
    }),
  );
};
