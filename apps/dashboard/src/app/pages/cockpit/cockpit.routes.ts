import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideKoopCharts } from '@koop/ui';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('cockpit'), provideKoopCharts()],
    loadComponent: () => import('./cockpit.page').then((m) => m.CockpitPage),
  },
] satisfies Routes;
