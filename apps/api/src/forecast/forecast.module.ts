import { Module } from '@nestjs/common';
import { OverviewModule } from '../overview/overview.module.js';
import { ForecastResolver } from './forecast.resolver.js';
import { ForecastService } from './forecast.service.js';

@Module({ imports: [OverviewModule], providers: [ForecastService, ForecastResolver] })
export class ForecastModule {}
