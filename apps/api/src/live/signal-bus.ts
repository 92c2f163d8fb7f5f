import type { EntityManager } from 'typeorm';
import type { ChangeEvent } from '../database/index.js';

/** A committed change, as it travels between API processes: small, and only for cooperations. */
export interface CooperationSignal {
  readonly entity: string;
  readonly id: string;
  readonly operation: string;
  readonly version: number | null;
  readonly at: Date;
  readonly cooperationIds: readonly number[];
}

export type SignalListener = (signal: CooperationSignal) => void;

/**
 * Carries the signals of committed changes to the listeners of every API process. `publish` is called
 * inside the writer's call after the commit: it must return at once and never throw. Listeners are told
 * of the signals of this process and of the others; a signal is delivered at most once, never replayed.
 */
export interface SignalBus {
  publish(signal: CooperationSignal): void;
  /**
   * Sends the signal to the other processes from inside the write's transaction, so that the commit
   * delivers it (PostgreSQL's NOTIFY); absent where there are no other processes. `publish` follows after
   * the commit and tells this process's own listeners.
   */
  notifyWithin?(signal: CooperationSignal, manager: EntityManager): Promise<void>;
  /** Adds a listener; returns the function that removes it. */
  listen(listener: SignalListener): () => void;
  /**
   * Adds a listener told when signals of other processes may have been missed (the connection between
   * them was lost and is back), so that subscribers refetch; returns the function that removes it.
   */
  listenForGaps(listener: () => void): () => void;
  /** Lets go of what the bus holds (a connection); nothing is delivered afterwards. */
  close(): Promise<void>;
}

export const SIGNAL_BUS = Symbol('SignalBus');

/** The signal of a change event, or null for a row that concerns no cooperation (an account, a session). */
export function signalOf(event: ChangeEvent): CooperationSignal | null {
  if (!event.cooperationIds || event.cooperationIds.length === 0) return null;
  return {
    entity: event.entity,
    id: event.id,
    operation: event.operation,
    version: event.version,
    at: event.at,
    cooperationIds: event.cooperationIds,
  };
}

/** Tells each listener, one after the other; one that throws does not keep the signal from the others. */
export class Listeners {
  private readonly listeners = new Set<SignalListener>();

  constructor(private readonly onError: (error: unknown) => void) {}

  add(listener: SignalListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  tell(signal: CooperationSignal): void {
    for (const listener of this.listeners) {
      try {
        listener(signal);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}

/** One process (SQLite): the signals never leave it. */
export class InProcessSignalBus implements SignalBus {
  private readonly listeners: Listeners;

  constructor(onError: (error: unknown) => void) {
    this.listeners = new Listeners(onError);
  }

  publish(signal: CooperationSignal): void {
    this.listeners.tell(signal);
  }

  listen(listener: SignalListener): () => void {
    return this.listeners.add(listener);
  }

  /** One process misses nothing: its signals never leave it. */
  listenForGaps(): () => void {
    return () => undefined;
  }

  async close(): Promise<void> {
    // holds nothing
  }
}
