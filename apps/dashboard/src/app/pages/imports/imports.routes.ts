import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** Imports of adoption and satisfaction files: preview, then import (PRODUCT.md §4 items 10 and 11). */
export default [
  {
    path: '',
    providers: [provideTranslocoScope('imports')],
    loadComponent: () => import('./imports.page').then((m) => m.ImportsPage),
  },
] satisfies Routes;
