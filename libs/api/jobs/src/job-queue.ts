import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import {
  DataSource,
  EntityManager,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { createHash } from 'node:crypto';
import { addDays, parisDateOf, parisInstant } from '@foyer/shared/domain';
import { APP_CONFIG, AuditService, DATABASE_KIND, DATABASE_URL, NotFoundError } from '@foyer/api/core';
import type { AppConfig, AuditRecord, DatabaseKind } from '@foyer/api/core';

/** What a domain says about one of its queues. */
export interface QueueDefinition<T extends object> {
  /** Letters, digits, dots and dashes: `notifications.email`. */
  name: string;
  /** Attempts after the first one; then the job goes to the dead-letter queue `<name>.failed`. */
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelaySeconds: number;
  /** Doubles the delay at each attempt (with jitter). */
  retryBackoff: boolean;
  /** Workers of this process polling the queue (one on the embedded database). */
  concurrency?: number;
  /**
   * Runs once a day at this hour, Europe/Paris, once across any number of processes: each day's job
   * has an id derived from the queue and the date, so a second process's send of it does nothing.
   */
  dailyAtHour?: number;
  /** Throws to fail the attempt (retried per the policy); returns to complete the job. */
  handler(data: T, job: { id: string; retryCount: number; retryLimit: number }): Promise<void>;
}

export interface SendJobOptions {
  /** Enqueue inside this transaction: the job exists only if the transaction commits. */
  manager?: EntityManager;
  /** Deduplicates: a second send with the same key while the first is queued is dropped. */
  singletonKey?: string;
}

const DEAD_LETTER_SUFFIX = '.failed';
const POLLING_MS = 500;

/**
 * The one pg-boss instance of the API process. Domains register their queues while their modules
 * initialise; the queue starts when the application has bootstrapped, creates every queue with its
 * retry policy and dead-letter queue, starts the workers and the schedules, and stops gracefully
 * before the database pool closes. Nothing else in the code base creates a PgBoss.
 */
@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly queues = new Map<string, QueueDefinition<object>>();
  /** Idle workers of each queue, woken by `wake` (a job was sent) or by the stop. */
  private readonly idle = new Map<string, Set<() => void>>();
  private readonly loops: Promise<void>[] = [];
  private stopping = false;
  private readonly wakeOnCommit = new WeakMap<QueryRunner, Set<string>>();
  private boss?: PgBoss;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    const pending = this.wakeOnCommit;
    this.dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }: TransactionCommitEvent) => {
        if (queryRunner.isTransactionActive) return; // a savepoint was released: not committed yet
        const names = pending.get(queryRunner);
        pending.delete(queryRunner);
        for (const name of names ?? []) this.wake(name);
      },
      afterTransactionRollback: ({ queryRunner }: TransactionRollbackEvent) => {
        if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
      },
    });
  }

  /** Call from a module's constructor or onModuleInit, before the application bootstraps. */
  register<T extends object>(definition: QueueDefinition<T>): void {
    if (this.boss) throw new Error(`queue ${definition.name} registered after the job queue started`);
    if (this.queues.has(definition.name)) throw new Error(`queue ${definition.name} registered twice`);
    this.queues.set(definition.name, definition as unknown as QueueDefinition<object>);
  }

  async onApplicationBootstrap(): Promise<void> {
    const embedded = this.databaseKind === 'embedded';
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      // PGlite is one session behind a multiplexer: one connection keeps the queue's statements from
      // interleaving with another client's (seen as "bind message supplies 3 parameters").
      max: embedded ? 1 : 4,
      application_name: 'foyer-jobs',
      // Daily jobs are sent by this class (see scheduleDaily): pg-boss's cron would add timers and
      // an internal worker that outlive stop() by up to a second.
      schedule: false,
    });
    boss.on('error', (error: Error) => this.logger.error({ err: error }, 'job queue error'));
    await boss.start();
    for (const queue of this.queues.values()) {
      const deadLetter = queue.name + DEAD_LETTER_SUFFIX;
      // The dead-letter queue keeps a failed job (data and last error) for the admin page: nothing works it.
      await boss.createQueue(deadLetter, { name: deadLetter, retentionDays: 30 });
      const policy = {
        name: queue.name,
        retryLimit: queue.retryLimit,
        retryDelay: queue.retryDelaySeconds,
        retryBackoff: queue.retryBackoff,
        deadLetter,
      };
      if (await boss.getQueue(queue.name)) await boss.updateQueue(queue.name, policy);
      else await boss.createQueue(queue.name, policy);
    }
    this.boss = boss;
    for (const queue of this.queues.values()) {
      const workers = embedded ? 1 : Math.max(1, queue.concurrency ?? 1);
      for (let i = 0; i < workers; i++) this.loops.push(this.work(boss, queue));
      if (queue.dailyAtHour !== undefined) await this.scheduleDaily(boss, queue.name, queue.dailyAtHour);
    }
  }

  /**
   * One worker: fetch a job, handle it, complete or fail it, and fetch again at once; when the
   * queue is empty, wait for a polling interval or a wake-up. The loop is ours (not pg-boss's
   * `work`) so that the stop can wait for it to end exactly.
   */
  private async work(boss: PgBoss, queue: QueueDefinition<object>): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let job: PgBoss.JobWithMetadata<object> | undefined;
      try {
        [job] = await boss.fetch<object>(queue.name, { includeMetadata: true, batchSize: 1 });
      } catch (error) {
        if (this.stopping) return;
        this.logger.error({ err: error, queue: queue.name }, 'job fetch failed');
        failures = Math.min(failures + 1, 6);
        await this.pause(queue.name, POLLING_MS * 2 ** failures);
        continue;
      }
      failures = 0;
      if (!job) {
        await this.pause(queue.name, POLLING_MS);
        continue;
      }
      try {
        await queue.handler(job.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
        await boss.complete(queue.name, job.id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await boss
          .fail(queue.name, job.id, { message })
          .catch((err: unknown) => this.logger.error({ err, queue: queue.name }, 'job fail failed'));
      }
      if (queue.dailyAtHour !== undefined && !this.stopping) {
        await this.scheduleDaily(boss, queue.name, queue.dailyAtHour).catch((err: unknown) =>
          this.logger.error({ err, queue: queue.name }, 'next daily job not scheduled'),
        );
      }
    }
  }

  private pause(name: string, ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const waiters = this.idle.get(name) ?? new Set<() => void>();
      this.idle.set(name, waiters);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waiters.add(done);
    });
  }

  /** Sends the next daily job (at the hour, Paris time) unless a process already has. */
  private async scheduleDaily(boss: PgBoss, name: string, hour: number): Promise<void> {
    const now = new Date();
    const time = `${String(hour).padStart(2, '0')}:00`;
    let date = parisDateOf(now);
    if (parisInstant(date, time).getTime() <= now.getTime()) date = addDays(date, 1);
    await boss.send(name, {}, { id: dailyJobId(name, date), startAfter: parisInstant(date, time) });
  }

  /**
   * Stops the queue before the shutdown hooks close the database pool that the workers write
   * through; `wait` lets an in-flight job finish and clears pg-boss's timers, so nothing keeps the
   * process (or a test run) alive after app.close().
   */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (!boss) return;
    this.stopping = true;
    for (const waiters of this.idle.values()) for (const wake of [...waiters]) wake();
    // A job in hand finishes (or fails and is retried later); nothing is fetched after this.
    await Promise.all(this.loops);
    await boss.stop({ graceful: true, wait: true, close: true, timeout: 5_000 });
  }

  /**
   * Enqueues a job. With `manager`, the insert runs on the caller's transaction (pg-boss's `db`
   * executor), so the change and the work it triggers commit or roll back together.
   */
  async send<T extends object>(name: string, data: T, options: SendJobOptions = {}): Promise<string> {
    const boss = this.started();
    if (!this.queues.has(name)) throw new Error(`unknown queue ${name}`);
    const manager = options.manager;
    const id = await boss.send(name, data, {
      singletonKey: options.singletonKey,
      db: manager ? executorOf(manager) : undefined,
    });
    if (!id) throw new Error(`job of queue ${name} was not created`);
    this.wakeAfterCommit(name, manager);
    return id;
  }

  /**
   * Enqueues many jobs of one queue in one statement (pg-boss `insert`: the queue's retry policy
   * applies), on the caller's transaction when `manager` is given, as `send` does. pg-boss's insert
   * skips conflicting rows silently and returns nothing to count: callers give no job id nor
   * singleton key (nothing can conflict), and the queue is checked as registered here.
   */
  async sendMany<T extends object>(
    name: string,
    data: T[],
    options: { manager?: EntityManager } = {},
  ): Promise<void> {
    if (data.length === 0) return;
    const boss = this.started();
    if (!this.queues.has(name)) throw new Error(`unknown queue ${name}`);
    const manager = options.manager;
    await boss.insert(
      data.map((d) => ({ name, data: d })),
      { db: manager ? executorOf(manager) : undefined },
    );
    this.wakeAfterCommit(name, manager);
  }

  private wakeAfterCommit(name: string, manager: EntityManager | undefined): void {
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) {
      // Wake the workers once the caller's transaction has committed (before, they would not see it).
      const names = this.wakeOnCommit.get(runner) ?? new Set<string>();
      names.add(name);
      this.wakeOnCommit.set(runner, names);
    } else {
      this.wake(name);
    }
  }

  /** Wakes this process's workers of the queue instead of waiting for their next poll. */
  wake(name: string): void {
    const waiters = this.idle.get(name);
    if (!waiters) return;
    for (const wake of [...waiters]) wake();
  }

  /** The jobs that failed every attempt, newest first (from the dead-letter queues). */
  async failedJobs(limit = 200): Promise<{ id: string; queue: string; error: string; failedAt: Date }[]> {
    this.started();
    const deadLetters = [...this.queues.keys()].map((name) => name + DEAD_LETTER_SUFFIX);
    const rows: { id: string; name: string; output: unknown; created_on: Date }[] =
      await this.dataSource.query(
        `SELECT id, name, output, created_on FROM pgboss.job
        WHERE name = ANY($1) AND state = 'created'
        ORDER BY created_on DESC, id LIMIT $2`,
        [deadLetters, limit],
      );
    return rows.map((row) => ({
      id: row.id,
      queue: row.name.slice(0, -DEAD_LETTER_SUFFIX.length),
      error: errorMessageOf(row.output),
      failedAt: row.created_on,
    }));
  }

  /**
   * Sends a failed job's data again to its queue, with a fresh set of attempts, and removes it from
   * the dead-letter queue, in one transaction. An unknown id (or one already retried) is a 404.
   */
  async retryFailed(id: string, actor: AuditRecord['actor']): Promise<void> {
    const boss = this.started();
    const deadLetters = [...this.queues.keys()].map((name) => name + DEAD_LETTER_SUFFIX);
    let queue = '';
    await this.dataSource.transaction(async (manager) => {
      const { rows } = (await executorOf(manager).executeSql(
        `DELETE FROM pgboss.job WHERE id = $1 AND name = ANY($2) AND state = 'created' RETURNING name, data`,
        [id, deadLetters],
      )) as { rows: { name: string; data: object }[] };
      if (rows.length === 0) throw new NotFoundError('Cette tâche en échec est introuvable.');
      queue = rows[0].name.slice(0, -DEAD_LETTER_SUFFIX.length);
      await boss.send(queue, rows[0].data ?? {}, { db: executorOf(manager) });
      await this.audit.record(
        { actor, action: 'job.retry', entity: 'job', entityId: id, details: { queue } },
        manager,
      );
    });
    this.wake(queue);
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job queue is not started');
    return this.boss;
  }
}

/** pg-boss's external executor on a TypeORM manager: its statements join the manager's transaction. */
function executorOf(manager: EntityManager): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const runner = manager.queryRunner;
      if (!runner) return { rows: (await manager.query(text, values)) as unknown[] };
      const result = await runner.query(text, values, true);
      return { rows: result.records ?? [] };
    },
  };
}

/** The id of a queue's daily job for a date, the same in every process (a UUID made of a hash). */
export function dailyJobId(name: string, date: string): string {
  const hex = createHash('sha256').update(`${name}|${date}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function errorMessageOf(output: unknown): string {
  if (output && typeof output === 'object') {
    const value = (output as { value?: unknown; message?: unknown }).value ?? output;
    if (value && typeof value === 'object' && 'message' in value) return String(value.message);
    return JSON.stringify(value);
  }
  return output == null ? '' : String(output);
}
