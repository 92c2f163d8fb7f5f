import { DestroyRef, inject, Injectable, signal } from '@angular/core';

/**
 * Whether the page is being printed. Parts that are too large to keep in the page all the time (the whole
 * adoption matrix) render only then. Browsers announce printing with `beforeprint`; a print preview
 * emulated by a test (or by the developer tools) only switches the `print` media query, so both count.
 */
@Injectable({ providedIn: 'root' })
export class PrintService {
  private readonly state = signal(false);
  readonly printing = this.state.asReadonly();
  private readonly listeners = new Set<() => void>();

  constructor() {
    if (typeof window === 'undefined') return;
    const media = window.matchMedia?.('print');
    const set = (value: boolean) => {
      if (this.state() === value) return;
      this.state.set(value);
      // The browser lays the page out for printing right after `beforeprint`: waiting for the next
      // change detection would print the page as it was.
      for (const listener of this.listeners) listener();
    };
    const before = () => set(true);
    const after = () => set(media?.matches ?? false);
    const change = (event: MediaQueryListEvent) => set(event.matches);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    media?.addEventListener?.('change', change);
    set(media?.matches ?? false);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
      media?.removeEventListener?.('change', change);
    });
  }

  /** Calls `render` whenever printing starts or ends, until `destroyRef` is destroyed. */
  onChange(render: () => void, destroyRef: DestroyRef): void {
    this.listeners.add(render);
    destroyRef.onDestroy(() => this.listeners.delete(render));
  }
}
