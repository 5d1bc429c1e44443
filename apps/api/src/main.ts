import './register-aliases';
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig, openDatabase } from '@foyer/api/core';
import { createApp } from './create-app';
import { seedDemo } from './seed';

const SHUTDOWN_GRACE_MS = 10_000;

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, () => randomBytes(48).toString('base64url'));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }

  const database = await openDatabase(config);
  const app = await createApp({ config, databaseUrl: database.url, databaseKind: database.kind });
  const logger = app.get(Logger);

  if (database.kind === 'embedded' && database.created && config.seedDemo) {
    await seedDemo(app.get<DataSource>(getDataSourceToken()), { documentsDir: config.documentsDir });
    logger.log('Demo city seeded (first start of an empty embedded database)', 'Bootstrap');
  }
  if (config.jwtSecretGenerated) {
    logger.warn(
      'JWT_SECRET is not set: a random one is used, sessions end when the process restarts',
      'Bootstrap',
    );
  }

  await app.listen(config.port, config.host);
  logger.log(
    `Foyer is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} ` +
      `(database: ${database.kind}${config.startNow ? `, clock starts at ${config.startNow.toISOString()}` : ''})`,
    'Bootstrap',
  );

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.log(`${signal} received: finishing in-flight requests`, 'Bootstrap');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    // Stops accepting connections, waits for in-flight requests, then closes the pool.
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Foyer failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
