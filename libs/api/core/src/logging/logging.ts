import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { requestIdOf } from '../http/input-guard';

/**
 * Structured JSON logs. Every line written while serving a request carries its id (`reqId`), taken
 * from a sane incoming X-Request-Id or generated, and echoed back in the response header.
 * Secrets never reach the logs: authorization, cookies and passwords are redacted.
 */
export function loggerParams(level: string): Params {
  return {
    pinoHttp: {
      level,
      // The id assigned by the first middleware (see input-guard.ts), or a new one.
      genReqId: (req: IncomingMessage, res: ServerResponse) => requestIdOf(req, res),
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.newPassword',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // Query strings may hold one-time tokens (verification, reset links): keep the path only.
          url: req.url?.split('?')[0],
        }),
      },
    },
  };
}
