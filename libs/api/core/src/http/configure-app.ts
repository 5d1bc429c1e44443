import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { API_PREFIX } from '@foyer/shared/contracts';
import { AppConfig } from '../config/app-config';
import { LocalizedMessageInterceptor } from './i18n/localized-message.interceptor';
import { completeOpenApiDocument } from './openapi-schemas';
import {
  answerClientErrors,
  assignRequestId,
  refuseDeepJson,
  refuseUnreadBodies,
  refuseUnsafeInput,
} from './input-guard';

/**
 * Everything around the routes, shared by main.ts and the integration tests so that tests exercise
 * the same HTTP stack as production: prefix, body limit, security headers, cookies, OpenAPI, web app.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  // `{ message }` answers in the request's language, like the errors (the filter does those).
  app.useGlobalInterceptors(new LocalizedMessageInterceptor());
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // First of all, so that errors raised by the body parsers carry a request id too.
  app.use(assignRequestId);
  answerClientErrors(app.getHttpServer());
  // express.json rather than useBodyParser, which takes no `verify`: the depth cap runs on the raw bytes.
  app.use(express.json({ limit: config.bodyLimit, verify: refuseDeepJson }));
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.use(refuseUnsafeInput);
  app.use(refuseUnreadBodies);
  app.use(cookieParser());
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The portal runs on plain http on a developer's machine; production sits behind TLS.
          upgradeInsecureRequests: config.isProduction ? [] : null,
          imgSrc: ["'self'", 'data:'],
        },
      },
      hsts: config.isProduction,
    }),
  );

  const document = completeOpenApiDocument(
    app,
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Foyer API')
        .setDescription(
          'Portail famille : comptes, foyers, réservations, factures, démarches. Les messages d’erreur ' +
            'suivent Accept-Language : en français par défaut, en anglais avec `Accept-Language: en`.',
        )
        .setVersion(config.version)
        .addBearerAuth()
        .build(),
    ),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
    customSiteTitle: 'Foyer API',
  });

  serveWebApp(app, config);
}

/** Hashed bundles (`chunk-ABCD1234.js`, `styles-ABCD1234.css`), also as their .br/.gz copies. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css)(\.br|\.gz)?$/;

/**
 * The built Angular app, from the same port: one URL is the whole portal. Assets go out
 * pre-compressed (brotli, else gzip: written at build time by tools/compress-web.mjs); hashed
 * bundles never change, so browsers keep them a year; index.html is revalidated on every visit.
 */
function serveWebApp(app: NestExpressApplication, config: AppConfig): void {
  const dir = resolve(config.webDistDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  const assets = expressStaticGzip(dir, {
    index: false,
    enableBrotli: true,
    orderPreference: ['br', 'gz'],
    serveStatic: {
      index: false,
      setHeaders: (res, path) => {
        res.setHeader(
          'Cache-Control',
          HASHED_ASSET.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    },
  });
  // API paths never name a file: they skip the file lookup (a stat per request, measured at 8 % of
  // a household read). The static middleware decodes the path itself and would answer a malformed
  // one (%E0%A4%A) outside the error format: such a path falls through to the router's 404.
  const api = `/${API_PREFIX}/`;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith(api) || req.path === `/${API_PREFIX}`) return next();
    try {
      decodeURIComponent(req.path);
    } catch {
      return next();
    }
    return assets(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isPage = (req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith(`/${API_PREFIX}`);
    if (!isPage || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
