import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** The adoption forecast of a cooperation, for all its live services or one. */
export default [
  {
    path: '',
    providers: [provideTranslocoScope('forecast')],
    loadComponent: () => import('./forecast.page').then((m) => m.ForecastPage),
  },
] satisfies Routes;
