import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** The list of all cities with their ranking; each city's profile below it. */
export default [
  {
    path: '',
    pathMatch: 'full',
    providers: [provideTranslocoScope('cities')],
    loadComponent: () => import('./city-list.page').then((m) => m.CityListPage),
  },
  { path: '', loadChildren: () => import('../city-profile/city-profile.routes') },
] satisfies Routes;
