import type { Routes } from '@angular/router';
import { signedInGuard } from './core/auth.guard';

/**
 * Every page is its own lazy chunk; the paths are German, as the users' language. A route's `title` is a
 * translation key (see TranslatedTitleStrategy); pages that show one record name it once it is loaded.
 */
export const routes: Routes = [
  {
    path: 'anmelden',
    loadComponent: () => import('./pages/sign-in/sign-in.page').then((m) => m.SignInPage),
    title: 'titles.signIn',
  },
  {
    path: '',
    // Checked on every page change, not only the first: a session that ended meanwhile leads to sign-in.
    canActivateChild: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'cockpit' },
      {
        path: 'cockpit',
        loadChildren: () => import('./pages/cockpit/cockpit.routes'),
        title: 'titles.cockpit',
      },
      {
        path: 'arbeitskreise',
        loadChildren: () => import('./pages/working-groups/working-groups.routes'),
        title: 'titles.workingGroups',
      },
      {
        path: 'projekte',
        loadChildren: () => import('./pages/projects/projects.routes'),
        title: 'titles.projects',
      },
      {
        path: 'meine-projekte',
        loadChildren: () => import('./pages/my-projects/my-projects.routes'),
        title: 'titles.myProjects',
      },
      {
        path: 'nachnutzung',
        loadChildren: () => import('./pages/adoption-matrix/adoption-matrix.routes'),
        title: 'titles.adoption',
      },
      {
        path: 'zufriedenheit',
        loadChildren: () => import('./pages/satisfaction/satisfaction.routes'),
        title: 'titles.satisfaction',
      },
      {
        path: 'jahresbericht',
        loadChildren: () => import('./pages/annual-report/annual-report.routes'),
        title: 'titles.annualReport',
      },
      {
        path: 'prognose',
        loadChildren: () => import('./pages/forecast/forecast.routes'),
        title: 'titles.forecast',
      },
      {
        path: 'sitzungen',
        loadChildren: () => import('./pages/meetings/meetings.routes'),
        title: 'titles.meetings',
      },
      {
        path: 'loesungen',
        loadChildren: () => import('./pages/solutions/solutions.routes'),
        title: 'titles.solutions',
      },
      {
        path: 'wissen',
        loadChildren: () => import('./pages/knowledge/knowledge.routes'),
        title: 'titles.knowledge',
      },
      {
        path: 'suche',
        loadChildren: () => import('./pages/knowledge/search.routes'),
        title: 'titles.search',
      },
      {
        path: 'kommunen',
        loadChildren: () => import('./pages/cities/cities.routes'),
        title: 'titles.cities',
      },
      {
        path: 'erfassung',
        loadChildren: () => import('./pages/data-entry/data-entry.routes'),
      },
      {
        path: 'datenimport',
        loadChildren: () => import('./pages/imports/imports.routes'),
        title: 'titles.imports',
      },
      {
        path: 'verwaltung',
        loadChildren: () => import('./pages/admin/admin.routes'),
        title: 'titles.admin',
      },
      {
        path: 'passwort',
        loadComponent: () => import('./pages/password/password.page').then((m) => m.PasswordPage),
        title: 'titles.password',
      },
      {
        path: '**',
        loadComponent: () => import('./pages/not-found/not-found.page').then((m) => m.NotFoundPage),
        title: 'titles.notFound',
      },
    ],
  },
];
