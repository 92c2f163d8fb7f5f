import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideKoopCharts } from '@koop/ui';

export default [
  {
    path: ':kooperation/:jahr',
    // The key figures' labels are the cockpit's, the matrix's texts the adoption matrix's.
    providers: [provideTranslocoScope('cockpit', 'adoptionMatrix'), provideKoopCharts()],
    loadComponent: () => import('./annual-report.page').then((m) => m.AnnualReportPage),
  },
] satisfies Routes;
