import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideKoopCharts } from '@koop/ui';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('satisfaction'), provideKoopCharts()],
    loadComponent: () => import('./satisfaction.page').then((m) => m.SatisfactionPage),
  },
] satisfies Routes;
