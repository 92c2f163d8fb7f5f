import { effect, inject, untracked } from '@angular/core';
import { type Params, Router } from '@angular/router';

/**
 * Keeps a page's choices (its cooperation, its year) in its URL, so that every view can be shared as a link:
 * whenever `missing` names parameters the URL lacks or has otherwise, they replace those of the current
 * entry in the history (no new one). Never while a navigation is under way: that one is the user's (a link,
 * the back button), and a page whose data arrive meanwhile must not pull them back to itself. The effect
 * runs again once that navigation has ended, if the page is still shown.
 */
export function keepInUrl(missing: () => Params | null): void {
  const router = inject(Router);
  effect(() => {
    if (router.currentNavigation() !== null) return;
    const queryParams = missing();
    if (queryParams) {
      untracked(
        () => void router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: true }),
      );
    }
  });
}
