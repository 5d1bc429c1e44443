import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ApiRoutes, HealthView } from '@foyer/shared/contracts';
import { Public } from '../auth/auth.decorators';
import { Clock } from '../clock/clock';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { DATABASE_KIND } from '../database/database-kind';
import type { DatabaseKind } from '../database/database-kind';

const DB_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller(ApiRoutes.health)
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_KIND) private readonly databaseKind: DatabaseKind,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'The process is up and the database answers.' })
  @ApiServiceUnavailableResponse({ description: 'The database does not answer.' })
  async check(@Res() response: Response): Promise<void> {
    const databaseUp = await this.pingDatabase();
    const view: HealthView = {
      status: databaseUp ? 'ok' : 'error',
      database: databaseUp ? 'ok' : 'error',
      databaseKind: this.databaseKind,
      version: this.config.version,
      now: this.clock.now().toISOString(),
    };
    response.setHeader('Cache-Control', 'no-store');
    response.status(databaseUp ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json(view);
  }

  private async pingDatabase(): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), DB_TIMEOUT_MS);
      });
      await Promise.race([this.dataSource.query('SELECT 1'), timeout]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
