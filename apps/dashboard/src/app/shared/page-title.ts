import { DestroyRef, effect, inject } from '@angular/core';
import { PageTitleService } from '../core/page-title.service';

/**
 * Names the page in the document title with `text` while the calling component lives, in place of its
 * route's title (a city's or a project's name once it is loaded). Call it in a constructor or field
 * initializer.
 */
export function pageTitle(text: () => string | null | undefined): void {
  const titles = inject(PageTitleService);
  const owner = {};
  effect(() => titles.setOwn(owner, text() ?? null));
  inject(DestroyRef).onDestroy(() => titles.clearOwn(owner));
}
