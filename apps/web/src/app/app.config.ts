import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import localeFr from '@angular/common/locales/fr';
import {
  ApplicationConfig,
  inject,
  isDevMode,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  provideRouter,
  TitleStrategy,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import {
  authInterceptor,
  AuthStore,
  FoyerTitleStrategy,
  angularLocaleId,
  HOME_NEWS,
  localeInterceptor,
  offlineInterceptor,
  storedLocale,
} from '@foyer/web/core';
import { appRoutes } from './app.routes';

registerLocaleData(localeFr);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    // Offline first: a write is refused before anything else runs.
    provideHttpClient(withInterceptors([offlineInterceptor, localeInterceptor, authInterceptor])),
    // The installable app: the service worker keeps the app's files and, for offline reading, the
    // family calendar, invoices and requests (apps/web/ngsw-config.json). Production builds only.
    provideServiceWorker('ngsw-worker.js', {
      enabled: !isDevMode(),
      registrationStrategy: 'registerWhenStable:5000',
    }),
    { provide: LOCALE_ID, useFactory: () => angularLocaleId(storedLocale()) },
    { provide: TitleStrategy, useClass: FoyerTitleStrategy },
    // The city's announcements on the home page, loaded after start-up like a lazy route.
    {
      provide: HOME_NEWS,
      useValue: () => import('@foyer/web/announcements').then((m) => m.HomeAnnouncements),
    },
    // Restores the session from the httpOnly refresh cookie before the first page is routed.
    provideAppInitializer(() => inject(AuthStore).refresh()),
  ],
};
