import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
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

/** An attempt counted by `take`; `forgive` removes it when it turns out not to be a failure. */
export interface CountedAttempt {
  key: string;
  id: string;
  /** Set when this attempt locked the key: the lock as it was before, and the new end. */
  lock?: { before: { level: number; lockedUntil: Date } | null; until: Date };
}

/**
 * Counts attempts per key in PostgreSQL, so that every process of the API shares the counts.
 * Checking and counting happen together under a transaction-scoped advisory lock on the key:
 * requests sent in parallel are counted one after the other, so none slips past the limit.
 * Security timing: it uses real time (Date.now()), never the application Clock a demo may shift.
 */
@Injectable()
export class ThrottleService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Throws 429 while the key is locked (rules with a lock) or over its limit (rules without);
   * otherwise counts this attempt at once, before the work it guards (checking a password) starts.
   * For rules with a lock, the attempt that reaches the limit locks the key.
   */
  async take(key: string, rule: ThrottleRule): Promise<CountedAttempt> {
    const now = Date.now();
    const attempt = await this.db.transaction(async (manager) => {
      await lockKey(manager, key);
      let before: { level: number; lockedUntil: Date } | null = null;
      if (rule.baseLockMs) {
        const locks: { level: number; locked_until: Date }[] = await manager.query(
          `SELECT level, locked_until FROM login_locks WHERE key = $1`,
          [key],
        );
        if (locks[0]) before = { level: locks[0].level, lockedUntil: locks[0].locked_until };
        const until = before?.lockedUntil.getTime() ?? 0;
        if (until > now) throw TOO_MANY(Math.ceil((until - now) / 1000));
      } else {
        const rows: { n: number; oldest: Date | null }[] = await manager.query(
          `SELECT count(*)::int AS n, min(at) AS oldest FROM login_attempts WHERE key = $1 AND at > $2`,
          [key, new Date(now - rule.windowMs)],
        );
        const { n, oldest } = rows[0];
        if (n >= rule.limit && oldest) {
          throw TOO_MANY(Math.max(1, Math.ceil((oldest.getTime() + rule.windowMs - now) / 1000)));
        }
      }
      const [inserted]: { id: string }[] = await manager.query(
        `INSERT INTO login_attempts (key, at) VALUES ($1, $2) RETURNING id`,
        [key, new Date(now)],
      );
      const counted: CountedAttempt = { key, id: inserted.id };
      if (!rule.baseLockMs) return counted;
      const rows: { n: number }[] = await manager.query(
        `SELECT count(*)::int AS n FROM login_attempts WHERE key = $1 AND at > $2`,
        [key, new Date(now - rule.windowMs)],
      );
      if (rows[0].n < rule.limit) return counted;
      const base = rule.baseLockMs;
      const max = rule.maxLockMs ?? base;
      // A lock that ended more than an hour ago is forgotten: the next one starts small again.
      const [locked]: { locked_until: Date }[] = await manager.query(
        `INSERT INTO login_locks (key, level, locked_until) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
           level = CASE WHEN login_locks.locked_until < $3 THEN 1 ELSE login_locks.level + 1 END,
           locked_until = $4::timestamptz + LEAST(
             $5::float8,
             $6::float8 * power(2, CASE WHEN login_locks.locked_until < $3 THEN 0 ELSE login_locks.level END)
           ) * interval '1 millisecond'
         RETURNING locked_until`,
        [key, new Date(now + base), new Date(now - 60 * MINUTE), new Date(now), max, base],
      );
      return { ...counted, lock: { before, until: locked.locked_until } };
    });
    if (Math.random() < 0.01) await this.prune();
    return attempt;
  }

  /**
   * The attempt was not a failure (right password, or refused by another limit): it stops counting,
   * and a lock it set is undone unless something changed that lock since.
   */
  async forgive(attempt: CountedAttempt): Promise<void> {
    await this.db.transaction(async (manager) => {
      await lockKey(manager, attempt.key);
      await manager.query(`DELETE FROM login_attempts WHERE id = $1`, [attempt.id]);
      if (!attempt.lock) return;
      const { before, until } = attempt.lock;
      if (before) {
        await manager.query(
          `UPDATE login_locks SET level = $2, locked_until = $3 WHERE key = $1 AND locked_until = $4`,
          [attempt.key, before.level, before.lockedUntil, until],
        );
      } else {
        await manager.query(`DELETE FROM login_locks WHERE key = $1 AND locked_until = $2`, [
          attempt.key,
          until,
        ]);
      }
    });
  }

  /** A successful sign-in forgets the account's failures (never the IP's). */
  async reset(key: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await lockKey(manager, key);
      await manager.query(`DELETE FROM login_attempts WHERE key = $1`, [key]);
      await manager.query(`DELETE FROM login_locks WHERE key = $1`, [key]);
    });
  }

  /** Old attempts are of no use once outside every window. */
  async prune(): Promise<void> {
    await this.db.query(`DELETE FROM login_attempts WHERE at < $1`, [new Date(Date.now() - 2 * 60 * MINUTE)]);
  }
}

function lockKey(manager: EntityManager, key: string): Promise<unknown> {
  return manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [key]);
}
