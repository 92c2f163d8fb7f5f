import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideKoopCharts } from '@koop/ui';

export default [
  {
    path: ':id',
    title: 'titles.city',
    providers: [provideTranslocoScope('cityProfile'), provideKoopCharts()],
    loadComponent: () => import('./city-profile.page').then((m) => m.CityProfilePage),
  },
] satisfies Routes;
