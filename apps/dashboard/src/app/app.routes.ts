import type { Routes } from '@angular/router';
import { signedInGuard } from './core/auth.guard';

/** Every page is its own lazy chunk; the paths are German, as the users' language. */
export const routes: Routes = [
  {
    path: 'anmelden',
    loadComponent: () => import('./pages/sign-in/sign-in.page').then((m) => m.SignInPage),
    title: 'Anmelden – Kooperationscockpit',
  },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'cockpit' },
      { path: 'cockpit', loadChildren: () => import('./pages/cockpit/cockpit.routes') },
      { path: 'arbeitskreise', loadChildren: () => import('./pages/working-groups/working-groups.routes') },
      { path: 'projekte', loadChildren: () => import('./pages/projects/projects.routes') },
      { path: 'nachnutzung', loadChildren: () => import('./pages/adoption-matrix/adoption-matrix.routes') },
      { path: 'zufriedenheit', loadChildren: () => import('./pages/satisfaction/satisfaction.routes') },
      { path: 'kommunen', loadChildren: () => import('./pages/city-profile/city-profile.routes') },
      { path: 'loesungen', loadChildren: () => import('./pages/solutions/solutions.routes') },
      { path: 'wissen', loadChildren: () => import('./pages/knowledge/knowledge.routes') },
      { path: 'suche', loadChildren: () => import('./pages/knowledge/search.routes') },
      { path: 'verwaltung', loadChildren: () => import('./pages/admin/admin.routes') },
      {
        path: 'passwort',
        loadComponent: () => import('./pages/password/password.page').then((m) => m.PasswordPage),
      },
      {
        path: '**',
        loadComponent: () => import('./pages/not-found/not-found.page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
