import type { Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./adoption-matrix.page').then((m) => m.AdoptionMatrixPage) },
] satisfies Routes;
