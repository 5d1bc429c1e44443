import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Clock, configureApp, CoreModuleOptions } from '@foyer/api/core';
import { AppModule } from './app.module';

/** Builds the Nest application exactly as production runs it; tests use the same function. */
export async function createApp(
  options: CoreModuleOptions & { clock?: Clock },
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(options), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  configureApp(app, options.config);
  return app;
}
