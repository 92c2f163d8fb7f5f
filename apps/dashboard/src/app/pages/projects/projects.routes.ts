import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { provideKoopCharts } from '@koop/ui';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('projects'), provideKoopCharts()],
    children: [
      { path: '', loadComponent: () => import('./project-list.page').then((m) => m.ProjectListPage) },
      {
        path: ':id',
        title: 'titles.project',
        loadComponent: () => import('./project-detail.page').then((m) => m.ProjectDetailPage),
      },
    ],
  },
] satisfies Routes;
