import { inject, Injectable, signal } from '@angular/core';
import { DOCUMENT } from '@angular/common';

/**
 * The messages browsers give when a lazily loaded part of the app is gone from the server: after a new
 * version was deployed its files have new names, and the old page asks for the old ones.
 */
const STALE_CHUNK = [
  /Failed to fetch dynamically imported module/i, // Chromium
  /error loading dynamically imported module/i, // Firefox
  /Importing a module script failed/i, // Safari
  /ChunkLoadError/i,
];

/** True when `error` says a lazily loaded part of the app could not be fetched. */
export function isStaleChunkError(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : typeof error === 'string' ? error : '';
  return STALE_CHUNK.some((pattern) => pattern.test(text));
}

/** The last reload this tab made because of a stale version: for which address, and when. */
export interface LastReload {
  readonly url: string;
  readonly at: number;
}

/** A reload for the same address this soon after the last one would only repeat the failure. */
export const RELOAD_LOOP_MS = 30_000;

/** Whether to reload for `url` now, given the last reload this tab made for the same reason. */
export function shouldReload(last: LastReload | null, url: string, now: number): boolean {
  return !last || last.url !== url || now - last.at > RELOAD_LOOP_MS;
}

const STORAGE_KEY = 'koop.staleReload';

function lastReload(storage: Storage): LastReload | null {
  try {
    return JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as LastReload | null;
  } catch {
    return null;
  }
}
/** Long enough to read that a new version is coming and for a screen reader to say so. */
const RELOAD_DELAY_MS = 1500;

/**
 * After a new version was deployed (or the server restarted with one), a click on a page whose code the
 * tab has not loaded yet fails. This says so and loads the address the user wanted afresh, with the new
 * version; when that was just tried and failed again, it says so and offers the reload as a button.
 */
@Injectable({ providedIn: 'root' })
export class StaleVersionService {
  private readonly document = inject(DOCUMENT);
  /** `reloading` while the reload is about to happen; `failed` when reloading did not help. */
  readonly state = signal<'reloading' | 'failed' | null>(null);
  readonly target = signal<string | null>(null);

  /** A navigation to `url` failed because the app's code for it is gone. */
  staleVersion(url: string): void {
    const window = this.document.defaultView;
    if (!window) return;
    const target = url.startsWith('/') ? url : `/${url}`;
    this.target.set(target);
    const storage = window.sessionStorage;
    const now = Date.now();
    if (!shouldReload(lastReload(storage), target, now)) {
      this.state.set('failed');
      return;
    }
    storage.setItem(STORAGE_KEY, JSON.stringify({ url: target, at: now } satisfies LastReload));
    this.state.set('reloading');
    window.setTimeout(() => this.reload(), RELOAD_DELAY_MS);
  }

  /** Loads the wanted address afresh from the server. */
  reload(): void {
    this.document.defaultView?.location.assign(this.target() ?? '/');
  }
}
