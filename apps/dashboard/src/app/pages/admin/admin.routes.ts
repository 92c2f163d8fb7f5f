import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { adminsOnly, auditReaders, firstArea, projectKeepers } from './admin-access';

const noAccess = () => import('./no-access.page').then((m) => m.NoAccessPage);

/**
 * The administration: accounts, roles and master data for admins, working groups and projects for admins and
 * leads, the audit log for admins and CDOs.
 */
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
        path: 'stammdaten',
        canMatch: [adminsOnly],
        providers: [provideTranslocoScope('masterData', 'dataEntry')],
        loadComponent: () => import('../master-data/master-data.page').then((m) => m.MasterDataPage),
      },
      { path: 'stammdaten', loadComponent: noAccess, data: { area: 'masterData' } },
      {
        path: 'projekte',
        canMatch: [projectKeepers],
        providers: [provideTranslocoScope('masterData', 'dataEntry')],
        loadComponent: () => import('../master-data/projects-admin.page').then((m) => m.ProjectsAdminPage),
      },
      { path: 'projekte', loadComponent: noAccess, data: { area: 'projects' } },
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
