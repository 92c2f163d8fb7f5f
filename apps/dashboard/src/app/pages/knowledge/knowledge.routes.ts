import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('knowledge')],
    children: [
      { path: '', loadComponent: () => import('./knowledge-list.page').then((m) => m.KnowledgeListPage) },
      { path: 'neu', loadComponent: () => import('./knowledge-form.page').then((m) => m.KnowledgeFormPage) },
      {
        path: ':id/bearbeiten',
        loadComponent: () => import('./knowledge-form.page').then((m) => m.KnowledgeFormPage),
      },
      {
        path: ':id',
        loadComponent: () => import('./knowledge-detail.page').then((m) => m.KnowledgeDetailPage),
      },
    ],
  },
] satisfies Routes;
