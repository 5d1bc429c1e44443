import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { InvalidInputError } from './domain-errors';
import { localeOfHeader, translateMessage } from './i18n/translate';

/** Deepest JSON nesting a body may have: our DTOs use 3 levels; 32 leaves room and keeps the stack safe. */
export const MAX_JSON_DEPTH = 32;
/** Longest array a body may hold: more is refused before validation walks it element by element. */
export const MAX_ARRAY_LENGTH = 1_000;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request id, set before anything else runs (body parsers included), so that even an error
 * raised before the app's own middleware (malformed JSON, 413, 415, bad URL encoding) carries a
 * `requestId` and an `X-Request-Id` header. The logger reuses it.
 */
export function requestIdOf(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = id;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}

export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  requestIdOf(req, res);
  next();
}

/** An error body-parser reports as it reports its own: a status and a type. */
class BodyRefused extends Error {
  readonly status = 400;
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * body-parser `verify` hook: refuses a JSON text nested deeper than MAX_JSON_DEPTH before it is
 * parsed, in one pass over the bytes (brackets inside strings do not count).
 */
export function refuseDeepJson(_req: IncomingMessage, _res: ServerResponse, buffer: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i];
    if (inString) {
      if (byte === 0x5c)
        i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw new BodyRefused('entity.too.deep', 'JSON nested too deeply');
    } else if (byte === 0x7d || byte === 0x5d) depth--;
  }
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text value cannot be accepted, in French, or undefined when it is fine. */
export function textDefect(value: string): string | undefined {
  if (value.includes('\u0000')) return 'ne doit pas contenir de caractère nul';
  if (LONE_SURROGATE.test(value)) return 'contient un caractère Unicode invalide';
  return undefined;
}

/**
 * Walks a parsed body or query and refuses, naming the field: text holding a NUL character (which
 * PostgreSQL cannot store) or a lone surrogate (which is not text), and arrays longer than
 * MAX_ARRAY_LENGTH. Runs before guards and pipes, so a Passport strategy never sees such input.
 */
export function findInputDefect(value: unknown, path: string): InvalidInputError | undefined {
  if (typeof value === 'string') {
    const defect = textDefect(value);
    return defect ? invalid(path, defect) : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_LENGTH) {
      return invalid(path, `doit contenir au plus ${MAX_ARRAY_LENGTH} élément(s)`);
    }
    for (let i = 0; i < value.length; i++) {
      const found = findInputDefect(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const keyDefect = textDefect(key);
      if (keyDefect) return invalid(path || 'body', keyDefect);
      // class-transformer skips these names, so the whitelist would never see (nor refuse) them.
      if (FORBIDDEN_KEYS.has(key))
        return invalid(path ? `${path}.${key}` : key, "n'est pas un champ attendu");
      const found = findInputDefect(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

function invalid(field: string, message: string): InvalidInputError {
  const error = new InvalidInputError(`Le champ « ${field} » ${message}.`, field);
  return error;
}

/** Express middleware running findInputDefect over the query and the parsed body. */
export function refuseUnsafeInput(req: Request, _res: Response, next: NextFunction): void {
  next(findInputDefect(req.query, '') ?? findInputDefect(req.body, ''));
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (a URL or headers above 16 KB, a
 * malformed request line) still answer in the error format, with a request id.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const requestId = randomUUID();
    // No request object here: the language comes from the bytes received, when they hold it.
    const locale = localeOfHeader(acceptLanguageIn((error as { rawPacket?: unknown }).rawPacket));
    const body = JSON.stringify({
      statusCode: tooLarge ? 431 : 400,
      error: tooLarge ? 'Request Header Fields Too Large' : 'Bad Request',
      message: translateMessage(
        tooLarge ? "L'adresse ou les en-têtes de la requête sont trop longs." : 'La requête est mal formée.',
        locale,
      ),
      requestId,
    });
    socket.end(
      `HTTP/1.1 ${tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nX-Request-Id: ${requestId}\r\n` +
        `Content-Language: ${locale}\r\nVary: Accept-Language\r\n` +
        `Connection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
}

/** The Accept-Language line of a raw request Node's parser refused, if it got that far. */
function acceptLanguageIn(rawPacket: unknown): string | undefined {
  if (!Buffer.isBuffer(rawPacket)) return undefined;
  return /\r\naccept-language:[ \t]*([^\r\n]{0,200})/i.exec(rawPacket.toString('latin1'))?.[1];
}

const BODY_TYPES = ['application/json', 'multipart/form-data', 'application/x-www-form-urlencoded'];

/**
 * A body the API does not read (text/plain, XML…) answers 415 instead of being ignored: ignored, it
 * let an all-optional PATCH through as an empty change.
 */
export function refuseUnreadBodies(req: Request, _res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (hasBody && !BODY_TYPES.includes(type)) {
    next(new UnsupportedMediaTypeError());
    return;
  }
  next();
}

class UnsupportedMediaTypeError extends Error {
  readonly status = 415;
  readonly type = 'content.type.unsupported';
}
