import { generateVAPIDKeys } from 'web-push';
import { ConfigError, loadConfig } from './app-config';

const secret = () => 'generated-secret';

/** A VAPID pair made for this run (no key sits in the repository). */
const vapidKeys = generateVAPIDKeys();
const VAPID = { VAPID_PUBLIC_KEY: vapidKeys.publicKey, VAPID_PRIVATE_KEY: vapidKeys.privateKey };

describe('loadConfig', () => {
  it('gives working defaults on a bare machine', () => {
    const config = loadConfig({}, secret);
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      embeddedDbDir: './data/db',
      jwtSecret: 'generated-secret',
      jwtSecretGenerated: true,
      publicUrl: 'http://localhost:3000',
      seedDemo: true,
    });
  });

  it('stops with one line naming a bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' }, secret)).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' }, secret)).toThrow(/^Invalid configuration: PORT /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' }, secret)).toThrow(
      /DATABASE_URL must be a postgres/,
    );
    expect(() => loadConfig({ NODE_ENV: 'staging' }, secret)).toThrow(/NODE_ENV/);
  });

  it('serves the dev mailbox on loopback or with DEV_MAILBOX=true, never in production', () => {
    expect(loadConfig({}, secret).devMailbox).toBe(true);
    expect(loadConfig({ HOST: '::1' }, secret).devMailbox).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0' }, secret).devMailbox).toBe(false);
    expect(loadConfig({ HOST: '192.168.1.20' }, secret).devMailbox).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0', DEV_MAILBOX: 'true' }, secret).devMailbox).toBe(true);
    expect(loadConfig({ DEV_MAILBOX: 'false' }, secret).devMailbox).toBe(false);
    // On loopback behind a reverse proxy that publishes it: strangers would reach it.
    expect(loadConfig({ PUBLIC_URL: 'https://recette.example.fr' }, secret).devMailbox).toBe(false);
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'y'.repeat(40),
      TRUST_PROXY: 'false',
      SMTP_URL: 'smtp://mail.example.fr:587',
      ...VAPID,
    };
    expect(loadConfig(production, secret).devMailbox).toBe(false);
    expect(() => loadConfig({ ...production, DEV_MAILBOX: 'true' }, secret)).toThrow(
      /DEV_MAILBOX=true is refused in production/,
    );
  });

  it('reads FOYER_NOW outside production and refuses it in production', () => {
    const config = loadConfig({ FOYER_NOW: '2027-01-14T08:30:00+01:00' }, secret);
    expect(config.startNow?.toISOString()).toBe('2027-01-14T07:30:00.000Z');
    expect(() => loadConfig({ FOYER_NOW: '14/01/2027' }, secret)).toThrow(
      /FOYER_NOW must be an ISO 8601 instant/,
    );
    expect(() =>
      loadConfig(
        { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), FOYER_NOW: '2027-01-14T08:30:00+01:00' },
        secret,
      ),
    ).toThrow(/FOYER_NOW is refused in production/);
  });

  it('requires a real JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, secret)).toThrow(
      /JWT_SECRET is required in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' }, secret)).toThrow(/at least 32/);
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        JWT_SECRET: 'y'.repeat(40),
        TRUST_PROXY: 'false',
        SMTP_URL: 'smtp://mail.example.fr:587',
        ...VAPID,
      },
      secret,
    );
    expect(config).toMatchObject({ isProduction: true, host: '0.0.0.0', jwtSecretGenerated: false });
  });

  it('requires a matching VAPID key pair in production and generates one elsewhere', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'y'.repeat(40),
      TRUST_PROXY: 'false',
      SMTP_URL: 'smtp://mail.example.fr:587',
    };
    expect(() => loadConfig(production, secret)).toThrow(
      /VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required in production/,
    );
    expect(() => loadConfig({ ...production, VAPID_PUBLIC_KEY: VAPID.VAPID_PUBLIC_KEY }, secret)).toThrow(
      /go together/,
    );
    expect(() => loadConfig({ ...production, ...VAPID, VAPID_PRIVATE_KEY: 'A'.repeat(43) }, secret)).toThrow(
      /not the public key of VAPID_PRIVATE_KEY|not a P-256 private key/,
    );
    expect(() => loadConfig({ ...production, ...VAPID, VAPID_PUBLIC_KEY: 'short' }, secret)).toThrow(
      /87 characters/,
    );
    expect(() => loadConfig({ ...production, ...VAPID, VAPID_SUBJECT: 'http://ville.fr' }, secret)).toThrow(
      /mailto: address or an https: URL/,
    );
    expect(loadConfig({ ...production, ...VAPID }, secret).webPush).toEqual({
      publicKey: VAPID.VAPID_PUBLIC_KEY,
      privateKey: VAPID.VAPID_PRIVATE_KEY,
      subject: 'mailto:no-reply@localhost'.replace('localhost', 'foyer.invalid'),
      generated: false,
    });
    const generated = loadConfig({}, secret).webPush;
    expect(generated.generated).toBe(true);
    expect(generated.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(loadConfig({}, secret).webPush.publicKey).not.toBe(generated.publicKey);
  });

  it('requires an SMTP server in production, where the outbox would keep every mail unsent', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'y'.repeat(40), TRUST_PROXY: 'false' }, secret),
    ).toThrow(/SMTP_URL is required in production/);
  });

  it('takes the proxies to trust from TRUST_PROXY, required in production', () => {
    expect(loadConfig({}, secret).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'false' }, secret).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }, secret).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }, secret).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' }, secret)).toThrow(/TRUST_PROXY must be false/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'y'.repeat(40) }, secret)).toThrow(
      /TRUST_PROXY is required in production/,
    );
  });
});
