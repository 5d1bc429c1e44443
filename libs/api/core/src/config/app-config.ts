import { createECDH } from 'node:crypto';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';

export enum RuntimeEnvironment {
  Development = 'development',
  Test = 'test',
  Production = 'production',
}

const emptyToUndefined = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * Every setting the API reads, validated once at boot. Nothing else reads process.env.
 * Names are the environment variables; README.md lists them.
 */
export class EnvironmentVariables {
  @IsEnum(RuntimeEnvironment)
  NODE_ENV: RuntimeEnvironment = RuntimeEnvironment.Development;

  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsString()
  HOST?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Folder of the embedded database, used when DATABASE_URL is not set. */
  @IsString()
  EMBEDDED_DB_DIR = './data/db';

  /** Outside production: start the application clock at this instant (ISO 8601 with offset). */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'must be an ISO 8601 instant with an offset, e.g. 2027-01-14T08:30:00+01:00',
  })
  FOYER_NOW?: string;

  /** Signs access tokens. Required in production; generated per process otherwise. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  JWT_SECRET?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_URL?: string;

  /**
   * Which proxies may set X-Forwarded-For (the client address used by throttling): `false`, a hop
   * count, or a comma-separated list of addresses, CIDRs and the names loopback, linklocal and
   * uniquelocal (Express's trust proxy). Required in production: a wrong guess either lets clients
   * spoof their address or puts a whole city behind one counter.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(
    /^(false|\d+|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*)$/,
    {
      message:
        'must be false, a number of hops, or a list of loopback, linklocal, uniquelocal, addresses and CIDRs',
    },
  )
  TRUST_PROXY?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Folder holding the built web app; served from / when it exists. */
  @IsString()
  WEB_DIST_DIR = './dist/web/browser';

  @Matches(/^\d+(kb|mb)$/i, { message: 'must look like 100kb or 1mb' })
  BODY_LIMIT = '1mb';

  /** Folder of the households' uploaded documents (local storage). */
  @IsString()
  DOCUMENTS_DIR = './data/documents';

  /**
   * How many months before the month of a quotient declaration an agent may date its effect (a family
   * that declared late). Never before the start of the current school year either.
   */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(12)
  QUOTIENT_BACKDATE_MONTHS = 2;

  /** Postal codes of the commune, comma-separated: an address there pays resident rates. */
  @Matches(/^\d{5}(,\d{5})*$/, { message: 'must be postal codes separated by commas, e.g. 94999' })
  COMMUNE_POSTAL_CODES = '94999';

  /** Name of the commune, as written in addresses. */
  @IsString()
  @MinLength(1)
  COMMUNE_NAME = 'Foyer-sur-Marne';

  /** Seed the demo city on the first start of an empty embedded database. */
  @IsIn(['true', 'false'])
  SEED_DEMO = 'true';

  /**
   * Every browser of this deployment is a public touch terminal (kiosk): QR sign-in only, short
   * sessions, sign-out when idle. Otherwise only browsers enrolled by an administrator are.
   */
  @IsIn(['true', 'false'])
  KIOSK_MODE = 'false';

  /** Mail server, e.g. smtp://user:pass@smtp.example.fr:587. Unset: mails go to the outbox table. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** Sender of the portal's mails. Default: no-reply@<host of PUBLIC_URL>. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  /** Seconds before a mail that failed temporarily is tried again (doubled at each attempt). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(1)
  @Max(3600)
  MAIL_RETRY_DELAY_SECONDS = 60;

  /** Attempts after the first before a mail's job goes to the failed jobs (admin page). */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(20)
  MAIL_RETRY_LIMIT = 5;

  /** Hour (Europe/Paris) of the daily reminders job. */
  @Transform(({ value }) => (value === undefined ? value : Number(value)))
  @IsInt()
  @Min(0)
  @Max(23)
  REMINDERS_HOUR = 8;

  /**
   * Serve the development mailbox (`/api/dev/mailbox`, which holds password-reset links) although
   * the server listens beyond loopback: for a private staging server. Refused in production.
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsIn(['true', 'false'])
  DEV_MAILBOX?: string;

  /**
   * Web Push (VAPID) key pair, base64url as `npx web-push generate-vapid-keys` prints it. Required
   * in production; generated per process otherwise (subscriptions then last until a restart).
   */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{87}$/, { message: 'must be a base64url P-256 public key (87 characters)' })
  VAPID_PUBLIC_KEY?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'must be a base64url P-256 private key (43 characters)' })
  VAPID_PRIVATE_KEY?: string;

  /** Who push services contact about this sender: mailto: or https: URL. Default: mailto:the sender of the mails. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/, {
    message: 'must be a mailto: address or an https: URL',
  })
  VAPID_SUBJECT?: string;

  /** FranceConnect (OpenID Connect) issuer. Unset: FranceConnect is off. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  FRANCECONNECT_ISSUER?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FRANCECONNECT_CLIENT_ID?: string;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  FRANCECONNECT_CLIENT_SECRET?: string;

  /** Default: ${PUBLIC_URL}/api/auth/franceconnect/callback. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  FRANCECONNECT_REDIRECT_URI?: string;

  /** Online payment: `sandbox` (the portal plays the bank; never takes money, off in production) or `payfip`. */
  @IsIn(['sandbox', 'payfip'])
  PAYMENT_PROVIDER = 'sandbox';

  /** Signs the sandbox's server-to-server notifications (HMAC-SHA256). Generated per process when unset. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters long' })
  PAYMENT_SECRET?: string;

  /** PayFiP web service (SOAP) endpoint. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PAYFIP_URL = 'https://www.payfip.gouv.fr/tpa/services/securite';

  /** Where PayFiP takes the resident: `?idop=` is appended. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PAYFIP_PAYMENT_URL = 'https://www.payfip.gouv.fr/tpa/paiementws.web';

  /** The régie's PayFiP client number (6 digits), given by the DGFiP. Required with PAYMENT_PROVIDER=payfip. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'must be the 6-digit PayFiP client number' })
  PAYFIP_NUMCLI?: string;

  /** PayFiP mode: T test, X activation (qualification), W production. */
  @IsIn(['T', 'X', 'W'])
  PAYFIP_SAISIE = 'T';
}

export interface PaymentConfig {
  provider: 'sandbox' | 'payfip';
  /** HMAC secret of the sandbox notifications. */
  secret: string;
  /** The sandbox takes no money: it is refused in production (online payment answers 409). */
  sandboxEnabled: boolean;
  payfip: { url: string; paymentUrl: string; numcli: string; saisie: 'T' | 'X' | 'W' };
}

export interface FranceConnectConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

export interface WebPushConfig {
  publicKey: string;
  privateKey: string;
  subject: string;
  /** Generated for this process (outside production, no VAPID keys configured). */
  generated: boolean;
}

export interface AppConfig {
  env: RuntimeEnvironment;
  isProduction: boolean;
  port: number;
  host: string;
  databaseUrl?: string;
  embeddedDbDir: string;
  /** Instant the application clock starts at, when FOYER_NOW is set. */
  startNow?: Date;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  publicUrl: string;
  logLevel: string;
  /** Express's trust proxy setting (see TRUST_PROXY). */
  trustProxy: boolean | number | string;
  webDistDir: string;
  bodyLimit: string;
  seedDemo: boolean;
  /** See KIOSK_MODE. */
  kioskMode: boolean;
  version: string;
  documentsDir: string;
  communePostalCodes: string[];
  communeName: string;
  /** See QUOTIENT_BACKDATE_MONTHS. */
  quotientBackdateMonths: number;
  /** Unset: mails are kept in the outbox table (development). */
  smtpUrl?: string;
  mailFrom: string;
  mailRetryDelaySeconds: number;
  mailRetryLimit: number;
  remindersHour: number;
  /** Unset when FRANCECONNECT_ISSUER is not configured. */
  franceConnect?: FranceConnectConfig;
  /**
   * Whether the development mailbox is served: never in production; otherwise when the server
   * listens on loopback only, or when DEV_MAILBOX=true says so.
   */
  devMailbox: boolean;
  payment: PaymentConfig;
  /** Web Push's VAPID identity (see VAPID_PUBLIC_KEY). */
  webPush: WebPushConfig;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export class ConfigError extends Error {}

function describe(errors: ValidationError[]): string {
  return errors.map((e) => `${e.property} ${Object.values(e.constraints ?? {}).join(', ')}`).join('; ');
}

/** Reads and validates the environment. Throws ConfigError with one line saying what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv, randomSecret: () => string): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...env }, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(`Invalid configuration: ${describe(errors)}`);

  const isProduction = vars.NODE_ENV === RuntimeEnvironment.Production;
  if (isProduction && vars.FOYER_NOW) {
    throw new ConfigError(
      'Invalid configuration: FOYER_NOW is refused in production (the clock must be real)',
    );
  }
  if (isProduction && !vars.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration: JWT_SECRET is required in production (32 characters or more)',
    );
  }
  let startNow: Date | undefined;
  if (vars.FOYER_NOW) {
    startNow = new Date(vars.FOYER_NOW);
    if (Number.isNaN(startNow.getTime())) {
      throw new ConfigError(`Invalid configuration: FOYER_NOW is not a valid instant: ${vars.FOYER_NOW}`);
    }
  }
  if (isProduction && !vars.TRUST_PROXY) {
    throw new ConfigError(
      'Invalid configuration: TRUST_PROXY is required in production (e.g. "loopback" behind a proxy on the same host, "false" without a proxy)',
    );
  }
  if (isProduction && !vars.SMTP_URL) {
    throw new ConfigError(
      'Invalid configuration: SMTP_URL is required in production (smtp://user:pass@host:587): without it no mail would leave',
    );
  }
  if (isProduction && vars.DEV_MAILBOX === 'true') {
    throw new ConfigError(
      'Invalid configuration: DEV_MAILBOX=true is refused in production (the mailbox holds password-reset links)',
    );
  }
  if (vars.PAYMENT_PROVIDER === 'payfip' && !vars.PAYFIP_NUMCLI) {
    throw new ConfigError('Invalid configuration: PAYFIP_NUMCLI is required with PAYMENT_PROVIDER=payfip');
  }
  const webPush = vapidConfig(vars, isProduction);
  const host = vars.HOST ?? (isProduction ? '0.0.0.0' : '127.0.0.1');
  const trustProxy = vars.TRUST_PROXY ?? 'loopback';
  const publicUrl = (vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`).replace(/\/$/, '');
  if (vars.FRANCECONNECT_ISSUER && (!vars.FRANCECONNECT_CLIENT_ID || !vars.FRANCECONNECT_CLIENT_SECRET)) {
    throw new ConfigError(
      'Invalid configuration: FRANCECONNECT_CLIENT_ID and FRANCECONNECT_CLIENT_SECRET are required with FRANCECONNECT_ISSUER',
    );
  }
  const franceConnect: FranceConnectConfig | undefined = vars.FRANCECONNECT_ISSUER
    ? {
        issuer: vars.FRANCECONNECT_ISSUER,
        clientId: vars.FRANCECONNECT_CLIENT_ID ?? '',
        clientSecret: vars.FRANCECONNECT_CLIENT_SECRET ?? '',
        redirectUri: vars.FRANCECONNECT_REDIRECT_URI ?? `${publicUrl}/api/auth/franceconnect/callback`,
      }
    : undefined;
  return {
    env: vars.NODE_ENV,
    isProduction,
    port: vars.PORT,
    host,
    databaseUrl: vars.DATABASE_URL,
    embeddedDbDir: vars.EMBEDDED_DB_DIR,
    startNow,
    jwtSecret: vars.JWT_SECRET ?? randomSecret(),
    jwtSecretGenerated: !vars.JWT_SECRET,
    publicUrl,
    logLevel: vars.LOG_LEVEL,
    trustProxy: trustProxy === 'false' ? false : /^\d+$/.test(trustProxy) ? Number(trustProxy) : trustProxy,
    webDistDir: vars.WEB_DIST_DIR,
    bodyLimit: vars.BODY_LIMIT,
    seedDemo: vars.SEED_DEMO === 'true',
    kioskMode: vars.KIOSK_MODE === 'true',
    documentsDir: vars.DOCUMENTS_DIR,
    communePostalCodes: vars.COMMUNE_POSTAL_CODES.split(','),
    communeName: vars.COMMUNE_NAME,
    quotientBackdateMonths: vars.QUOTIENT_BACKDATE_MONTHS,
    version: env['npm_package_version'] ?? '0.1.0',
    smtpUrl: vars.SMTP_URL,
    mailFrom: vars.MAIL_FROM ?? `Foyer <no-reply@${new URL(publicUrl).hostname}>`,
    mailRetryDelaySeconds: vars.MAIL_RETRY_DELAY_SECONDS,
    mailRetryLimit: vars.MAIL_RETRY_LIMIT,
    remindersHour: vars.REMINDERS_HOUR,
    franceConnect,
    payment: {
      provider: vars.PAYMENT_PROVIDER as 'sandbox' | 'payfip',
      secret: vars.PAYMENT_SECRET ?? randomSecret(),
      sandboxEnabled: !isProduction,
      payfip: {
        url: vars.PAYFIP_URL,
        paymentUrl: vars.PAYFIP_PAYMENT_URL,
        numcli: vars.PAYFIP_NUMCLI ?? '',
        saisie: vars.PAYFIP_SAISIE as 'T' | 'X' | 'W',
      },
    },
    webPush: {
      ...webPush,
      subject:
        vars.VAPID_SUBJECT ??
        `mailto:no-reply@${new URL(publicUrl).hostname === 'localhost' ? 'foyer.invalid' : new URL(publicUrl).hostname}`,
    },
    // On loopback behind a reverse proxy, the public address says whether strangers reach it.
    devMailbox:
      !isProduction &&
      (vars.DEV_MAILBOX === 'true' ||
        (vars.DEV_MAILBOX !== 'false' &&
          isLoopbackHost(host) &&
          isLoopbackHost(new URL(publicUrl).hostname))),
  };
}

/**
 * The VAPID key pair: both or neither; the public key must be the private key's (a mismatch would
 * only show as every push refused). Missing in production stops the process; elsewhere a pair is
 * generated for the process.
 */
function vapidConfig(vars: EnvironmentVariables, isProduction: boolean): Omit<WebPushConfig, 'subject'> {
  const { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey } = vars;
  if (!publicKey && !privateKey) {
    if (isProduction) {
      throw new ConfigError(
        'Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are required in production (npx web-push generate-vapid-keys)',
      );
    }
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    return {
      publicKey: ecdh.getPublicKey('base64url'),
      privateKey: ecdh.getPrivateKey('base64url'),
      generated: true,
    };
  }
  if (!publicKey || !privateKey) {
    throw new ConfigError('Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together');
  }
  let derived: string;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(privateKey, 'base64url'));
    derived = ecdh.getPublicKey('base64url');
  } catch {
    throw new ConfigError('Invalid configuration: VAPID_PRIVATE_KEY is not a P-256 private key');
  }
  if (derived !== publicKey) {
    throw new ConfigError(
      'Invalid configuration: VAPID_PUBLIC_KEY is not the public key of VAPID_PRIVATE_KEY',
    );
  }
  return { publicKey, privateKey, generated: false };
}

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
