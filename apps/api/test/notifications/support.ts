import type { AddressInfo } from 'node:net';
import { simpleParser, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, AccountsService } from '@foyer/api/accounts';
import type { TestApp } from '../test-app';

export interface ReceivedMail {
  to: string[];
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback. `answer(recipient, attempt)` decides what RCPT TO gets: undefined
 * accepts, a number refuses with that code. Attempts are counted per recipient.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  readonly attempts = new Map<string, number>();
  private server?: SMTPServer;
  port = 0;

  constructor(private readonly answer: (recipient: string, attempt: number) => number | undefined) {}

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const recipient = address.address.toLowerCase();
        const attempt = (this.attempts.get(recipient) ?? 0) + 1;
        this.attempts.set(recipient, attempt);
        const code = this.answer(recipient, attempt);
        if (code === undefined) return callback();
        const error = Object.assign(
          new Error(code >= 500 ? '5.1.1 User unknown' : '4.7.1 Greylisted, try again later'),
          { responseCode: code },
        );
        return callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({
                to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
                raw,
                parsed,
              });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Polls until `check` returns a value (or throws after the timeout). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface DemoParent {
  userId: string;
  householdId: string;
  email: string;
}

export async function demoParent(t: TestApp): Promise<DemoParent> {
  const account = await t.app.get(AccountsService).findByEmail(DEMO_ACCOUNTS.parent.email);
  if (!account) throw new Error('demo parent missing: seed the app');
  const [row] = await t.dataSource.query(`SELECT household_id FROM household_guardians WHERE user_id = $1`, [
    account.id,
  ]);
  return { userId: account.id, householdId: row.household_id, email: account.email };
}

export async function messageStatus(dataSource: DataSource, id: string): Promise<string> {
  const [row] = await dataSource.query(`SELECT status FROM notification_messages WHERE id = $1`, [id]);
  return row?.status;
}
