import type { Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./working-groups.page').then((m) => m.WorkingGroupsPage) },
] satisfies Routes;
