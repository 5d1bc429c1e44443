import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { requestIdOf } from '../http/input-guard';

/**
 * Structured JSON logs. Every line written while serving a request carries its id (`reqId`), taken
 * from a sane incoming X-Request-Id or generated, and echoed back in the response header.
 * Secrets never reach the logs: authorization, cookies and passwords are redacted.
 */
export function loggerParams(level: string): Params {
  return {
    // Every route, in the path syntax of Express 5's router (nestjs-pino's default `*` is the old one).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      // The id assigned by the first middleware (see input-guard.ts), or a new one.
      genReqId: (req: IncomingMessage, res: ServerResponse) => requestIdOf(req, res),
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.newPassword', '*.token'],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // Query strings may hold one-time tokens (verification, reset links): keep the path only.
          url: req.url?.split('?')[0],
        }),
        // The status is what the request line needs; serialising every response header as JSON
        // on each request cost a measurable share of the API's throughput.
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
