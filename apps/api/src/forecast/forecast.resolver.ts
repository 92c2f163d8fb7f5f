import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { SignedIn } from '../auth/index.js';
import { AdoptionForecast } from './forecast.model.js';
import { ForecastService } from './forecast.service.js';

@Resolver(() => AdoptionForecast)
export class ForecastResolver {
  constructor(private readonly forecasts: ForecastService) {}

  @Query(() => AdoptionForecast, {
    description:
      'When, at the present pace, every member city will run the cooperation’s live online services (or the one given) live: a logistic diffusion curve fitted to the monthly live adoptions, with an 80 % band and the backtest of the forecast made a year earlier.',
  })
  @SignedIn()
  adoptionForecast(
    @Args('cooperationId', { type: () => ID }) cooperationId: string,
    @Args('projectId', { type: () => ID, nullable: true, description: 'One service; all when left out.' })
    projectId?: string | null,
  ): Promise<AdoptionForecast> {
    return this.forecasts.forecast(cooperationId, projectId ?? null);
  }
}
