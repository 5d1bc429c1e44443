import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AccessGuard } from './auth/access.guard';
import { Clock, ShiftedClock, SystemClock } from './clock/clock';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { DATABASE_KIND, DATABASE_URL, DatabaseKind } from './database/database-kind';
import { JwtStrategy } from './auth/jwt.strategy';
import { SessionChecks } from './auth/session-checks';
import { HealthController } from './health/health.controller';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { createValidationPipe } from './http/validation';
import { loggerParams } from './logging/logging';
import { ACCESS_TOKEN_TTL_SECONDS } from './auth/authenticated-user';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditService } from './audit/audit.service';

export interface CoreModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  databaseKind: DatabaseKind;
  /** Replaces the clock (tests). */
  clock?: Clock;
}

/** Cross-cutting services every domain uses: config, clock, database, auth guard, errors, logs. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreModuleOptions): DynamicModule {
    const { config } = options;
    const clock = options.clock ?? (config.startNow ? new ShiftedClock(config.startNow) : new SystemClock());
    return {
      module: CoreModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config.logLevel)),
        JwtModule.register({
          global: true,
          secret: config.jwtSecret,
          signOptions: { algorithm: 'HS256', expiresIn: ACCESS_TOKEN_TTL_SECONDS },
        }),
        TypeOrmModule.forRoot({
          // PGlite is a single session behind a multiplexer: one pooled connection keeps every
          // query of a transaction, and only those, in order. A real server gets a real pool.
          ...dataSourceOptions(options.databaseUrl, [], options.databaseKind === 'embedded' ? 1 : 10),
          autoLoadEntities: true,
          // Migrations run at start, before the first request.
          migrationsRun: true,
        }),
        TypeOrmModule.forFeature([AuditEntryEntity]),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DATABASE_KIND, useValue: options.databaseKind },
        { provide: DATABASE_URL, useValue: options.databaseUrl },
        { provide: Clock, useValue: clock },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        JwtStrategy,
        SessionChecks,
        AuditService,
      ],
      exports: [APP_CONFIG, DATABASE_KIND, DATABASE_URL, Clock, AuditService, SessionChecks],
    };
  }
}
