import { bootstrapApplication } from '@angular/platform-browser';
import { storedLocale } from '@foyer/web/core';
import { App } from './app/app';
import { appConfig } from './app/app.config';

/**
 * French is the source language: nothing to load. English loads its translations and Angular's
 * en-GB locale data (a lazy chunk, with the translation runtime)
 * before the app starts, so every `$localize` the app evaluates finds them. Nothing in the statically
 * imported code (this file, app.config, app.routes, web/core) may call `$localize` at module level:
 * route titles are functions, labels are computed when read.
 */
async function start(): Promise<void> {
  const locale = storedLocale();
  document.documentElement.lang = locale;
  if (locale === 'en') {
    const { useEnglish } = await import('./i18n/en');
    useEnglish();
  }
  await bootstrapApplication(App, appConfig);
}

start().catch((error: unknown) => console.error(error));
