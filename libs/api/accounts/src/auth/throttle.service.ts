import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TooManyRequestsError } from '@foyer/api/core';

export interface ThrottleRule {
  /** Attempts allowed within the window before the key is locked. */
  limit: number;
  windowMs: number;
  /** Locks grow 1, 2, 4… times this, up to maxLockMs. Without it, the key waits for the window to slide. */
  baseLockMs?: number;
  maxLockMs?: number;
}

const MINUTE = 60_000;

export const THROTTLE_RULES = {
  /** Failed sign-ins for one e-mail address (known or not: unknown ones are counted the same). */
  loginAccount: { limit: 5, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE },
  /** Failed sign-ins from one address, whatever the e-mail. */
  loginIp: { limit: 20, windowMs: 15 * MINUTE, baseLockMs: MINUTE, maxLockMs: 60 * MINUTE },
  register: { limit: 10, windowMs: 15 * MINUTE },
  /** Forgotten password and resend-verification requests. */
  mailRequest: { limit: 10, windowMs: 15 * MINUTE },
} satisfies Record<string, ThrottleRule>;

const TOO_MANY = (seconds: number) =>
  new TooManyRequestsError(
    `Trop de tentatives. Réessayez dans ${seconds < 90 ? `${seconds} secondes` : `${Math.ceil(seconds / 60)} minutes`}.`,
    seconds,
  );

/**
 * Counts attempts per key in PostgreSQL, so that every process of the API shares the counts.
 * Security timing: it uses real time (Date.now()), never the application Clock a demo may shift.
 */
@Injectable()
export class ThrottleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Throws 429 while the key is locked (rules with a lock) or over its limit (rules without). */
  async check(key: string, rule: ThrottleRule): Promise<void> {
    const now = Date.now();
    if (rule.baseLockMs) {
      const rows: { locked_until: Date }[] = await this.db.query(
        `SELECT locked_until FROM login_locks WHERE key = $1`,
        [key],
      );
      const until = rows[0]?.locked_until?.getTime() ?? 0;
      if (until > now) throw TOO_MANY(Math.ceil((until - now) / 1000));
      return;
    }
    const rows: { n: number; oldest: Date | null }[] = await this.db.query(
      `SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts WHERE key = $1 AND at > $2`,
      [key, new Date(now - rule.windowMs)],
    );
    const { n, oldest } = rows[0];
    if (n >= rule.limit && oldest) {
      throw TOO_MANY(Math.max(1, Math.ceil((oldest.getTime() + rule.windowMs - now) / 1000)));
    }
  }

  /** Counts one attempt; for rules with a lock, locks the key once the limit is reached. */
  async hit(key: string, rule: ThrottleRule): Promise<void> {
    const now = Date.now();
    await this.db.query(`INSERT INTO login_attempts (key, at) VALUES ($1, $2)`, [key, new Date(now)]);
    if (Math.random() < 0.01) await this.prune();
    if (!rule.baseLockMs) return;
    const rows: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM login_attempts WHERE key = $1 AND at > $2`,
      [key, new Date(now - rule.windowMs)],
    );
    if (rows[0].n < rule.limit) return;
    const base = rule.baseLockMs;
    const max = rule.maxLockMs ?? base;
    // A lock that ended more than an hour ago is forgotten: the next one starts small again.
    await this.db.query(
      `INSERT INTO login_locks (key, level, locked_until) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         level = CASE WHEN login_locks.locked_until < $3 THEN 1 ELSE login_locks.level + 1 END,
         locked_until = $4::timestamptz + LEAST(
           $5::float8,
           $6::float8 * power(2, CASE WHEN login_locks.locked_until < $3 THEN 0 ELSE login_locks.level END)
         ) * interval '1 millisecond'`,
      [key, new Date(now + base), new Date(now - 60 * MINUTE), new Date(now), max, base],
    );
  }

  /** A successful sign-in forgets the account's failures (never the IP's). */
  async reset(key: string): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE key = $1`, [key]);
    await this.db.query(`DELETE FROM login_locks WHERE key = $1`, [key]);
  }

  /** Old attempts are of no use once outside every window. */
  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE at < $1`, [new Date(Date.now() - 2 * 60 * MINUTE)]);
  }
}
