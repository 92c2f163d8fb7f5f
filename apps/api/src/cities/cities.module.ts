import { Module } from '@nestjs/common';
import { CitiesResolver } from './cities.resolver.js';
import { CitiesService } from './cities.service.js';
import { CityRankingResolver } from './city-ranking.resolver.js';

@Module({ providers: [CitiesService, CitiesResolver, CityRankingResolver], exports: [CitiesService] })
export class CitiesModule {}
