import type { Routes } from '@angular/router';

export default [
  { path: '', loadComponent: () => import('./meetings.page').then((m) => m.MeetingsPage) },
  { path: ':id', loadComponent: () => import('./meeting-detail.page').then((m) => m.MeetingDetailPage) },
] satisfies Routes;
