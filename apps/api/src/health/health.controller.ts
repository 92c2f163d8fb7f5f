import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../auth/index.js';
import { pendingMigrations } from '../data-source.js';

@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @HttpCode(HttpStatus.OK)
  async health(@Res({ passthrough: true }) response: Response): Promise<Record<string, unknown>> {
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await pendingMigrations(this.dataSource);
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
