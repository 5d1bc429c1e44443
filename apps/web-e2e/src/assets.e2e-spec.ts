import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Portal, startPortal } from './support/portal';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that keeps the body as sent on the wire (fetch would decompress it). */
function get(url: string, headers: Record<string, string>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The first visit as a browser makes it: what is sent, how compressed, how long it may be kept. */
describe('the web app as served to a browser', () => {
  let portal: Portal;
  let scripts: string[];
  const dist = 'dist/web/browser';

  beforeAll(async () => {
    portal = await startPortal({ env: { LOG_LEVEL: 'info' } });
    const index = await get(`${portal.baseUrl}/`, { Accept: 'text/html', 'Accept-Encoding': 'br, gzip' });
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    scripts = [...index.body.toString('utf8').matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]);
  });
  afterAll(() => portal?.stop());

  it('sends every script of the first load brotli-compressed, kept a year by the browser', async () => {
    expect(scripts).toContainEqual(expect.stringMatching(/^main-[A-Z0-9]{8}\.js$/));
    let raw = 0;
    let sent = 0;
    for (const script of scripts) {
      const res = await get(`${portal.baseUrl}/${script}`, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(res.status).toBe(200);
      const original = readFileSync(join(dist, script));
      raw += original.length;
      sent += res.body.length;
      if (original.length >= 1024) {
        expect(res.headers['content-encoding']).toBe('br');
        expect(brotliDecompressSync(res.body).equals(original)).toBe(true);
        // A file with compressed copies varies by encoding; one under 1 KB has none and does not.
        expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      }
      expect(res.headers['content-type']).toMatch(/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    // Measured at about 28 % (325 KB of JavaScript -> 90 KB).
    expect(sent / raw).toBeLessThan(0.4);
  });

  it('falls back to gzip, then to the plain file, for clients without brotli', async () => {
    const main = scripts.reduce((a, b) =>
      readFileSync(join(dist, a)).length >= readFileSync(join(dist, b)).length ? a : b,
    );
    const original = readFileSync(join(dist, main));
    const gzip = await get(`${portal.baseUrl}/${main}`, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);
    const plain = await get(`${portal.baseUrl}/${main}`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('asks the browser to revalidate the page and unhashed files on every visit', async () => {
    for (const path of ['/index.html', '/favicon.svg', '/famille']) {
      const res = await get(`${portal.baseUrl}${path}`, { Accept: 'text/html,*/*' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('logs one lean line per request and no router warning at start', async () => {
    expect((await fetch(`${portal.baseUrl}/api/me`)).status).toBe(401);
    // The child's log line crosses a pipe: wait for it.
    for (let i = 0; i < 50 && !portal.output().includes('"url":"/api/me"'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const lines = portal
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l['context'])).not.toContain('LegacyRouteConverter');
    const requestLog = lines.find((l) => l['req'] !== undefined && l['res'] !== undefined);
    expect(requestLog).toBeDefined();
    expect(requestLog!['res']).toEqual({ statusCode: expect.any(Number) });
  });
});
