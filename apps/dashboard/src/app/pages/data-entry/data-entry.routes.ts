import type { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** Data entry: a city's satisfaction figures. */
export default [
  {
    path: 'zufriedenheit/:cityId',
    providers: [provideTranslocoScope('dataEntry')],
    loadComponent: () => import('./satisfaction-entry.page').then((m) => m.SatisfactionEntryPage),
  },
] satisfies Routes;
