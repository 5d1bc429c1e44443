import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { loadConfig, SettableClock } from '@foyer/api/core';
import { createTestDatabase, TestDatabase } from '@foyer/api/core/testing';
import { createApp } from '../src/create-app';
import { seedDemo } from '../src/seed';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TestApp {
  app: NestExpressApplication;
  /** supertest bound to the app's HTTP server. */
  http: ReturnType<typeof request>;
  clock: SettableClock;
  dataSource: DataSource;
  database: TestDatabase;
  /** Base URL when started with listen: true. */
  baseUrl: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Instant the clock starts at. Default: Thursday 14 January 2027, 08:30 in Paris. */
  now?: string;
  /** Seed the demo city (sites, calendar, demo accounts). */
  seed?: boolean;
  /** With seed: also store the demo family's CAF attestation in DOCUMENTS_DIR. */
  seedDocuments?: boolean;
  /** Listen on a loopback port (browser tests) instead of in-memory supertest only. */
  listen?: boolean;
  /** Extra environment variables (validated like in production). */
  env?: Record<string, string>;
}

/** The real Nest app, real HTTP stack, on an isolated real database with every migration applied. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      JWT_SECRET: TEST_JWT_SECRET,
      WEB_DIST_DIR: options.listen ? 'dist/web/browser' : '/nonexistent',
      PUBLIC_URL: 'http://localhost:3000',
      ...options.env,
    },
    () => TEST_JWT_SECRET,
  );
  const clock = new SettableClock(new Date(options.now ?? '2027-01-14T08:30:00+01:00'));
  const app = await createApp({ config, databaseUrl: database.url, databaseKind: database.kind, clock });
  const dataSource = app.get<DataSource>(getDataSourceToken());
  let baseUrl = '';
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}`;
  } else {
    await app.init();
  }
  if (options.seed) {
    await seedDemo(dataSource, { documentsDir: options.seedDocuments ? config.documentsDir : undefined });
  }
  return {
    app,
    http: request(app.getHttpServer()),
    clock,
    dataSource,
    database,
    baseUrl,
    close: async () => {
      // Drop the database even when closing the app fails (a test may have cut the pool on purpose).
      try {
        await app.close();
      } finally {
        await database.drop();
      }
    },
  };
}
