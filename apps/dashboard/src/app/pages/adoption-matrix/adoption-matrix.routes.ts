import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('adoptionMatrix')],
    loadComponent: () => import('./adoption-matrix.page').then((m) => m.AdoptionMatrixPage),
  },
] satisfies Routes;
