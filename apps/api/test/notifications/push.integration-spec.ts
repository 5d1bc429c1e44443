import {
  createDecipheriv,
  createECDH,
  createPublicKey,
  ECDH,
  hkdfSync,
  randomBytes,
  verify,
} from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NotificationTopic, PushPayload, Role } from '@foyer/shared/contracts';
import { APP_CONFIG } from '@foyer/api/core';
import type { AppConfig } from '@foyer/api/core';
import { NotificationsService, renderMessage, SAMPLE_DATA } from '@foyer/api/notifications';
import { signIn } from '../households/support';
import { createTestApp, TestApp } from '../test-app';
import { demoParent, DemoParent, eventually } from './support';

interface PushRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A push service on loopback: records each request; paths under /gone/ answer 410 Gone, others 201. */
class TestPushService {
  readonly received: PushRequest[] = [];
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
        res.writeHead(req.url?.startsWith('/gone/') ? 410 : 201).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  endpoint(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  to(path: string): PushRequest[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A browser's side of a subscription: its P-256 key pair and auth secret, made here with node:crypto. */
interface Device {
  ecdh: ECDH;
  authSecret: Buffer;
  body: { endpoint: string; keys: { p256dh: string; auth: string } };
}

function device(endpoint: string): Device {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    ecdh,
    authSecret,
    body: {
      endpoint,
      keys: { p256dh: ecdh.getPublicKey('base64url'), auth: authSecret.toString('base64url') },
    },
  };
}

/** RFC 8291 / RFC 8188: decrypts an aes128gcm Web Push body with the browser's private key. */
function decrypt(body: Buffer, d: Device): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const serverPublicKey = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  expect(idLength).toBe(65);
  expect(ciphertext.length).toBeLessThanOrEqual(recordSize);
  const sharedSecret = d.ecdh.computeSecret(serverPublicKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), d.ecdh.getPublicKey(), serverPublicKey]);
  const ikm = Buffer.from(hkdfSync('sha256', sharedSecret, d.authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with the delimiter 0x02, then zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  expect(padded[end]).toBe(2);
  return padded.subarray(0, end).toString('utf8');
}

/** The VAPID header: `vapid t=<JWT signed ES256 by the server's key>, k=<its public key>`. */
function checkVapid(header: string | undefined, publicKey: string, audience: string, subject: string): void {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(header ?? '');
  expect(match?.[2]).toBe(publicKey);
  const [head, claims, signature] = (match?.[1] ?? '').split('.');
  const raw = Buffer.from(publicKey, 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  expect(valid).toBe(true);
  expect(JSON.parse(Buffer.from(claims, 'base64url').toString())).toMatchObject({
    aud: audience,
    sub: subject,
  });
}

describe('Web Push: subscriptions and delivery of the real encrypted payload', () => {
  let t: TestApp;
  let push: TestPushService;
  let parent: DemoParent;
  let config: AppConfig;

  beforeAll(async () => {
    push = new TestPushService();
    await push.start();
    t = await createTestApp({ seed: true });
    parent = await demoParent(t);
    config = t.app.get<AppConfig>(APP_CONFIG);
  });

  afterAll(async () => {
    await t?.close();
    await push?.stop();
  });

  const me = () => signIn(t, Role.Resident, [], parent.userId);

  const subscribe = async (d: Device) =>
    t.http.post('/api/account/push-subscriptions').set('Authorization', me().auth).send(d.body).expect(201);

  const notifyParent = (
    topic: NotificationTopic.WaitingList | NotificationTopic.InvoiceIssued = NotificationTopic.WaitingList,
  ) =>
    t.dataSource.transaction((m) =>
      t.app
        .get(NotificationsService)
        .notify(
          [{ userId: parent.userId, email: parent.email, householdId: parent.householdId }],
          topic,
          SAMPLE_DATA[topic],
          m,
        ),
    );

  const pushMessages = async (): Promise<{ status: string; address: string }[]> =>
    t.dataSource.query(
      `SELECT status, address FROM notification_messages WHERE channel = 'push' ORDER BY created_at, id`,
    );

  it('gives the VAPID public key to anyone (browsers subscribe with it)', async () => {
    const res = await t.http.get('/api/push/public-key').expect(200);
    expect(res.body).toEqual({ publicKey: config.webPush.publicKey });
  });

  it('delivers a notification to the subscribed device, encrypted for it and signed by the server', async () => {
    const phone = device(push.endpoint('/send/phone'));
    await subscribe(phone);
    await notifyParent();
    const [request] = await eventually(
      async () => push.to('/send/phone').length > 0 && push.to('/send/phone'),
      'the push request',
    );
    expect(request.headers['content-encoding']).toBe('aes128gcm');
    expect(request.headers['ttl']).toBe('86400');
    checkVapid(
      request.headers['authorization'],
      config.webPush.publicKey,
      `http://127.0.0.1:${push.port}`,
      config.webPush.subject,
    );
    const payload = JSON.parse(decrypt(request.body, phone)) as PushPayload;
    const expected = renderMessage(NotificationTopic.WaitingList, SAMPLE_DATA[NotificationTopic.WaitingList]);
    expect(payload.notification).toMatchObject({
      title: expected.subject,
      body: expected.body,
      lang: 'fr',
      data: { onActionClick: { default: { operation: 'navigateLastFocusedOrOpen', url: '/reservations' } } },
    });
    await eventually(
      async () => (await pushMessages()).some((m) => m.status === 'delivered'),
      'the delivered status',
    );
    expect(await pushMessages()).toEqual([{ status: 'delivered', address: '1 appareil' }]);
  });

  it('deletes a subscription the push service says is gone (410), and keeps the others', async () => {
    const old = device(push.endpoint('/gone/tablet'));
    await subscribe(old);
    await notifyParent();
    await eventually(async () => push.to('/gone/tablet').length > 0, 'the push to the gone device');
    await eventually(
      async () =>
        Number(
          (
            await t.dataSource.query(`SELECT count(*) FROM push_subscriptions WHERE endpoint LIKE '%/gone/%'`)
          )[0].count,
        ) === 0,
      'the gone subscription deleted',
    );
    const left: { endpoint: string }[] = await t.dataSource.query(`SELECT endpoint FROM push_subscriptions`);
    expect(left.map((r) => r.endpoint)).toEqual([push.endpoint('/send/phone')]);
    expect(push.to('/send/phone')).toHaveLength(2);
  });

  it('sends nothing by push for a topic switched off, nor for one not on by default', async () => {
    await t.http
      .put('/api/account/notification-preferences')
      .set('Authorization', me().auth)
      .send({ preferences: [{ topic: 'waiting-list', channel: 'push', enabled: false }] })
      .expect(200);
    const before = (await pushMessages()).length;
    await notifyParent();
    await notifyParent(NotificationTopic.InvoiceIssued);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await pushMessages()).length).toBe(before);
    expect(push.to('/send/phone')).toHaveLength(2);
  });

  it('unsubscribes a device, and refuses bad subscriptions with a 400 naming the field in French', async () => {
    await t.http
      .post('/api/account/push-subscriptions/unsubscribe')
      .set('Authorization', me().auth)
      .send({ endpoint: push.endpoint('/send/phone') })
      .expect(204);
    expect(Number((await t.dataSource.query(`SELECT count(*) FROM push_subscriptions`))[0].count)).toBe(0);
    const good = device(push.endpoint('/send/x')).body;
    const cases: [object, string][] = [
      [{ ...good, endpoint: 'javascript:alert(1)' }, 'endpoint'],
      [{ ...good, keys: { ...good.keys, p256dh: 'abc' } }, 'keys.p256dh'],
      [{ ...good, keys: { ...good.keys, auth: '' } }, 'keys.auth'],
      [{ endpoint: good.endpoint }, 'keys'],
    ];
    for (const [body, field] of cases) {
      const res = await t.http
        .post('/api/account/push-subscriptions')
        .set('Authorization', me().auth)
        .send(body)
        .expect(400);
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(res.body.message).toMatch(/[éèàê]|invalide|doit/);
    }
    await t.http.post('/api/account/push-subscriptions').send(good).expect(401);
    expect(Number((await t.dataSource.query(`SELECT count(*) FROM push_subscriptions`))[0].count)).toBe(0);
  });
});
