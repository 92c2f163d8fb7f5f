import type { Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./satisfaction.page').then((m) => m.SatisfactionPage) },
] satisfies Routes;
