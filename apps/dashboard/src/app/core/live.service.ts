import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { print } from 'graphql';
import { createClient, NetworkError, type Client } from 'graphql-sse';
import {
  CooperationChangedDocument,
  type CooperationChangedSubscription,
} from '../graphql/generated/graphql';

/** A committed change in the followed cooperation: refetch what shows it. */
export type LiveSignal = CooperationChangedSubscription['cooperationChanged'];

/**
 * What a page hears: a signal, or `null` when changes may have been missed (the stream reconnected, or the
 * server says `resync`) and everything shown should be refetched.
 */
export type LiveListener = (signal: LiveSignal | null) => void;

/**
 * `off`: nothing followed; `connecting`: the first connection; `live`: signals arrive; `reconnecting`: the
 * stream was lost and is opened again; `unavailable`: the server refused it (signed out, no permission).
 */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting' | 'unavailable';

const QUERY = print(CooperationChangedDocument);
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 30_000;

interface Followed {
  readonly listeners: Set<LiveListener>;
  stop: (() => void) | null;
  retryTimer: ReturnType<typeof setTimeout> | null;
  retryMs: number;
  wasConnected: boolean;
}

/**
 * One event stream per followed cooperation (a tab follows one), shared by the pages that show it. The
 * stream reconnects by itself with growing pauses; after a reconnect every listener refetches, since
 * signals sent meanwhile are lost.
 */
@Injectable({ providedIn: 'root' })
export class LiveService {
  readonly state = signal<LiveState>('off');

  // Made when a page first follows a cooperation. graphql-sse's own retries cannot tell a refusal (401,
  // 403) from a lost connection: this service retries itself.
  private client: Client | null = null;
  private readonly followed = new Map<string, Followed>();

  /** Follows the cooperation's changes until the returned function is called. */
  follow(cooperationId: string, listener: LiveListener): () => void {
    let entry = this.followed.get(cooperationId);
    if (!entry) {
      entry = {
        listeners: new Set(),
        stop: null,
        retryTimer: null,
        retryMs: FIRST_RETRY_MS,
        wasConnected: false,
      };
      this.followed.set(cooperationId, entry);
      this.connect(cooperationId, entry);
    }
    entry.listeners.add(listener);
    return () => {
      entry.listeners.delete(listener);
      if (entry.listeners.size > 0) return;
      this.followed.delete(cooperationId);
      entry.stop?.();
      if (entry.retryTimer) clearTimeout(entry.retryTimer);
      if (this.followed.size === 0) this.state.set('off');
    };
  }

  private connect(cooperationId: string, entry: Followed): void {
    this.state.set(entry.wasConnected ? 'reconnecting' : 'connecting');
    this.client ??= createClient({ url: '/graphql/stream', credentials: 'same-origin', retryAttempts: 0 });
    entry.stop = this.client.subscribe<CooperationChangedSubscription>(
      { query: QUERY, variables: { cooperationId } },
      {
        next: (result) => {
          const signal = result.data?.cooperationChanged;
          if (!signal) return;
          const resync = signal.operation === 'resync';
          entry.listeners.forEach((listener) => listener(resync ? null : signal));
        },
        error: (error: unknown) => this.lost(cooperationId, entry, error),
        // The server ends a stream after its idle time or lifetime: open the next one.
        complete: () => this.lost(cooperationId, entry, null),
      },
      {
        connected: () => {
          this.state.set('live');
          entry.retryMs = FIRST_RETRY_MS;
          if (entry.wasConnected) entry.listeners.forEach((listener) => listener(null));
          entry.wasConnected = true;
        },
      },
    );
  }

  private lost(cooperationId: string, entry: Followed, error: unknown): void {
    entry.stop = null;
    if (this.followed.get(cooperationId) !== entry) return;
    const status = error instanceof NetworkError ? error.response?.status : undefined;
    // Signed out, no permission, or no such cooperation: trying again would be refused again.
    if (status === 401 || status === 403 || status === 404) {
      this.state.set('unavailable');
      return;
    }
    this.state.set('reconnecting');
    const pause = entry.retryMs + Math.floor(Math.random() * 500);
    entry.retryMs = Math.min(entry.retryMs * 2, LAST_RETRY_MS);
    entry.retryTimer = setTimeout(() => {
      entry.retryTimer = null;
      if (this.followed.get(cooperationId) === entry) this.connect(cooperationId, entry);
    }, pause);
  }
}

/**
 * Follows the cooperation a page shows (it may change with the URL) for as long as the page lives, and
 * calls `onChange` for each signal or reconnect. Call it in a page's constructor.
 */
export function followCooperation(cooperationId: () => string | undefined, onChange: LiveListener): void {
  const live = inject(LiveService);
  let unfollow: (() => void) | null = null;
  effect(() => {
    const id = cooperationId();
    untracked(() => {
      unfollow?.();
      unfollow = id ? live.follow(id, onChange) : null;
    });
  });
  inject(DestroyRef).onDestroy(() => unfollow?.());
}

/**
 * Runs `refetch` at once for the first of several signals, then at most once per `intervalMs`: a burst of
 * writes (an import, a meeting's quick updates) costs one or two refetches, not one each.
 */
export function throttled(refetch: () => void, intervalMs: number): () => void {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const run = () => {
    timer = null;
    last = Date.now();
    refetch();
  };
  return () => {
    if (timer) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) run();
    else timer = setTimeout(run, wait);
  };
}
