import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/index.js';
import { pendingMigrations } from '../data-source.js';
import { dataVersion } from '../database/index.js';

@Controller('health')
export class HealthController {
  /**
   * The data version at which no migration was pending: while no row changes, the migrations table is not
   * read again by every probe (load balancers ask often, also while the API is busiest).
   */
  private migratedAt: string | null = null;

  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @HttpCode(HttpStatus.OK)
  async health(@Res({ passthrough: true }) response: Response): Promise<Record<string, unknown>> {
    try {
      // Reading the data version asks the database (on PostgreSQL one snapshot query, shared with the requests
      // of the same moment); when it has none to give (SQLite inside a transaction), a plain query asks.
      const version = await dataVersion(this.dataSource);
      if (version === null) {
        await this.dataSource.query('SELECT 1');
      }
      const pending =
        version !== null && version === this.migratedAt ? [] : await pendingMigrations(this.dataSource);
      this.migratedAt = pending.length === 0 ? version : null;
      if (pending.length > 0) {
        response.status(HttpStatus.SERVICE_UNAVAILABLE);
        return { status: 'unavailable', database: 'up', pendingMigrations: pending };
      }
      return { status: 'ok', database: 'up', pendingMigrations: [] };
    } catch (error) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return {
        status: 'unavailable',
        database: 'down',
        error: error instanceof Error ? error.message : String(error),
      };
    }
  }
}
