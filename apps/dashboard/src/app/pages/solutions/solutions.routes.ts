import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

const scope = provideTranslocoScope('reuse');

export default [
  {
    path: '',
    providers: [scope],
    children: [
      { path: '', loadComponent: () => import('./solution-list.page').then((m) => m.SolutionListPage) },
      {
        path: 'netzwerk',
        loadComponent: () => import('./reuse-network.page').then((m) => m.ReuseNetworkPage),
      },
      { path: 'neu', loadComponent: () => import('./solution-form.page').then((m) => m.SolutionFormPage) },
      {
        path: ':id/bearbeiten',
        loadComponent: () => import('./solution-form.page').then((m) => m.SolutionFormPage),
      },
      {
        path: ':id',
        loadComponent: () => import('./solution-detail.page').then((m) => m.SolutionDetailPage),
      },
    ],
  },
] satisfies Routes;
