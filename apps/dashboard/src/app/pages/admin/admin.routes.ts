import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { adminsOnly, auditReaders, firstArea } from './admin-access';

const noAccess = () => import('./no-access.page').then((m) => m.NoAccessPage);

/** The administration: accounts and roles for admins, the audit log for admins and CDOs. */
export default [
  {
    path: '',
    providers: [provideTranslocoScope('admin')],
    loadComponent: () => import('./admin-layout.component').then((m) => m.AdminLayoutComponent),
    children: [
      // A redirect runs no canMatch guard: the redirect itself decides.
      { path: '', pathMatch: 'full', redirectTo: firstArea },
      {
        path: 'konten',
        title: 'titles.accounts',
        canMatch: [adminsOnly],
        loadComponent: () => import('./accounts.page').then((m) => m.AccountsPage),
      },
      { path: 'konten', title: 'titles.accounts', loadComponent: noAccess, data: { area: 'accounts' } },
      {
        path: 'protokoll',
        title: 'titles.audit',
        canMatch: [auditReaders],
        loadComponent: () => import('./audit.page').then((m) => m.AuditPage),
      },
      { path: 'protokoll', title: 'titles.audit', loadComponent: noAccess, data: { area: 'audit' } },
    ],
  },
] satisfies Routes;
