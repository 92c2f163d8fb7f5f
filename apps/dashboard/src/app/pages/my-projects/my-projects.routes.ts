import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

export default [
  {
    path: '',
    providers: [provideTranslocoScope('myProjects')],
    loadComponent: () => import('./my-projects.page').then((m) => m.MyProjectsPage),
  },
] satisfies Routes;
