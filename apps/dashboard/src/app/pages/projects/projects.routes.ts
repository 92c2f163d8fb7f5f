import type { Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./projects.page').then((m) => m.ProjectsPage) },
] satisfies Routes;
