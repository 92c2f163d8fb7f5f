import type { Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./city-profile.page').then((m) => m.CityProfilePage) },
] satisfies Routes;
