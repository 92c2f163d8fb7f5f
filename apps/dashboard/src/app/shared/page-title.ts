import { DestroyRef, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';

const PRODUCT = 'Kooperationscockpit';

/**
 * Keeps the document title at `text` while the calling component lives, so that each page has a title
 * of its own (WCAG 2.4.2). Call it in a constructor or field initializer.
 */
export function pageTitle(text: () => string | null | undefined): void {
  const title = inject(Title);
  effect(() => {
    const value = text();
    title.setTitle(value ? `${value} – ${PRODUCT}` : PRODUCT);
  });
  inject(DestroyRef).onDestroy(() => title.setTitle(PRODUCT));
}
