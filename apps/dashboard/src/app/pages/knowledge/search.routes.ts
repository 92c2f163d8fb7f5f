import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('knowledge')],
    loadComponent: () => import('./search-results.page').then((m) => m.SearchResultsPage),
  },
] satisfies Routes;
