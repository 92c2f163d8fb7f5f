import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('workingGroups')],
    children: [
      { path: '', loadComponent: () => import('./working-groups.page').then((m) => m.WorkingGroupsPage) },
      {
        path: ':id',
        title: 'titles.workingGroup',
        loadComponent: () => import('./working-group-detail.page').then((m) => m.WorkingGroupDetailPage),
      },
    ],
  },
] satisfies Routes;
