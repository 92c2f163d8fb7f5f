import type { Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./cockpit.page').then((m) => m.CockpitPage) },
] satisfies Routes;
