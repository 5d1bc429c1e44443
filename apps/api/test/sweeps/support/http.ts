import type { Operation } from './openapi';
import { fillPath } from './openapi';

export interface SweepRequest {
  op: Operation;
  auth?: string;
  pathValues: Record<string, string>;
  query?: Record<string, string>;
  /** A JSON value, or raw text with an explicit content type. */
  json?: unknown;
  raw?: { contentType: string; body: string | Buffer };
  multipart?: Record<string, string>;
  /** Raw path, sent as is (malformed percent-encoding). */
  rawPath?: string;
  /** More headers (Accept-Language for the English sweep). */
  headers?: Record<string, string>;
}

export interface SweepResponse {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown> | undefined;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

/** Sends one request over real HTTP to the listening app. */
export async function send(baseUrl: string, request: SweepRequest): Promise<SweepResponse> {
  const path = request.rawPath ?? fillPath(request.op.path, request.pathValues);
  const search = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  const headers: Record<string, string> = { ...request.headers };
  if (request.auth) headers['Authorization'] = request.auth;
  let body: BodyInit | undefined;
  if (request.raw) {
    headers['Content-Type'] = request.raw.contentType;
    body = typeof request.raw.body === 'string' ? request.raw.body : new Uint8Array(request.raw.body);
  } else if (request.multipart) {
    const form = new FormData();
    for (const [k, v] of Object.entries(request.multipart)) form.append(k, v);
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'justificatif.pdf');
    body = form;
  } else if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  if (request.op.method === 'GET') body = undefined;
  const url = `${baseUrl}${path}${search}`;
  let res: Response;
  try {
    res = await fetch(url, { method: request.op.method, headers, body, redirect: 'manual' });
  } catch {
    // A server may close the connection on a body it refuses to read (1 MB+): once more, afresh.
    try {
      res = await fetch(url, {
        method: request.op.method,
        headers: { ...headers, Connection: 'close' },
        body,
        redirect: 'manual',
      });
    } catch (error) {
      // Reported by the sweep with the input that caused it.
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? String(error);
      return { status: 0, headers: new Headers(), text: `connection failed: ${cause}`, body: undefined };
    }
  }
  const text = await res.text();
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** Runs tasks with at most `width` in flight. */
export async function inParallel<T, R>(
  items: T[],
  width: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  });
  await Promise.all(workers);
  return results;
}
