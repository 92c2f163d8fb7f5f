import { Module } from '@nestjs/common';
import { ForecastResolver } from './forecast.resolver.js';
import { ForecastService } from './forecast.service.js';

@Module({ providers: [ForecastService, ForecastResolver] })
export class ForecastModule {}
