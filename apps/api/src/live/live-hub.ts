import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ChangeSignal } from './change-signal.model.js';
import { SIGNAL_BUS, type CooperationSignal, type SignalBus } from './signal-bus.js';

/**
 * Signals a subscriber has not taken yet. The stream's writer takes them at once (a slow client shows as
 * unsent bytes of its response, which the stream handler bounds), so this stays near empty; the bound
 * only ends a subscriber that nobody reads.
 */
const MAX_QUEUED = 256;

/** The signals of one subscription, as the async iterator GraphQL subscriptions are made of. */
class SignalQueue implements AsyncIterableIterator<ChangeSignal> {
  private readonly queued: ChangeSignal[] = [];
  private waiting: ((result: IteratorResult<ChangeSignal>) => void) | null = null;
  private done = false;

  constructor(private readonly onEnd: (queue: SignalQueue) => void) {}

  /** Never waits: the publisher goes on to the next subscriber at once. */
  push(signal: ChangeSignal): void {
    if (this.done) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: signal, done: false });
      return;
    }
    if (this.queued.length >= MAX_QUEUED) {
      void this.return();
      return;
    }
    this.queued.push(signal);
  }

  next(): Promise<IteratorResult<ChangeSignal>> {
    const signal = this.queued.shift();
    if (signal) return Promise.resolve({ value: signal, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<ChangeSignal>> {
    if (!this.done) {
      this.done = true;
      this.queued.length = 0;
      this.onEnd(this);
      this.waiting?.({ value: undefined, done: true });
      this.waiting = null;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(): Promise<IteratorResult<ChangeSignal>> {
    return this.return();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChangeSignal> {
    return this;
  }
}

/** Hands the signals of the bus to the subscriptions of this process, by cooperation. */
@Injectable()
export class LiveHub implements OnModuleDestroy {
  private readonly byCooperation = new Map<number, Set<SignalQueue>>();
  private readonly unlisten: (() => void)[];

  constructor(@Inject(SIGNAL_BUS) bus: SignalBus) {
    this.unlisten = [bus.listen((signal) => this.deliver(signal)), bus.listenForGaps(() => this.resync())];
  }

  /** The signals of one cooperation from now on, until the iterator is returned. */
  subscribe(cooperationId: number): AsyncIterableIterator<ChangeSignal> {
    let queues = this.byCooperation.get(cooperationId);
    if (!queues) {
      queues = new Set();
      this.byCooperation.set(cooperationId, queues);
    }
    const queue = new SignalQueue((ended) => {
      const set = this.byCooperation.get(cooperationId);
      set?.delete(ended);
      if (set?.size === 0) this.byCooperation.delete(cooperationId);
    });
    queues.add(queue);
    return queue;
  }

  /** Open subscriptions, for tests and diagnostics. */
  get subscriptions(): number {
    let count = 0;
    for (const queues of this.byCooperation.values()) count += queues.size;
    return count;
  }

  /**
   * Tells every subscriber to refetch: signals may have been missed (the connection between the API
   * processes was lost for a while). The signal names the cooperation itself, operation `resync`.
   */
  resync(): void {
    const at = new Date();
    for (const [cooperationId, queues] of this.byCooperation) {
      const signal = toChangeSignal({
        entity: 'Cooperation',
        id: String(cooperationId),
        operation: 'resync',
        version: null,
        at,
        cooperationIds: [cooperationId],
      });
      for (const queue of queues) queue.push(signal);
    }
  }

  onModuleDestroy(): void {
    this.unlisten.forEach((unlisten) => unlisten());
    for (const queues of [...this.byCooperation.values()]) {
      for (const queue of [...queues]) void queue.return();
    }
  }

  /** One signal object for all subscribers: it is never changed, and 500 copies would cost 500 times. */
  private deliver(signal: CooperationSignal): void {
    let shared: ChangeSignal | null = null;
    for (const cooperationId of signal.cooperationIds) {
      const queues = this.byCooperation.get(cooperationId);
      if (!queues) continue;
      shared ??= toChangeSignal(signal);
      for (const queue of queues) queue.push(shared);
    }
  }
}

function toChangeSignal(signal: CooperationSignal): ChangeSignal {
  return Object.assign(new ChangeSignal(), {
    entity: signal.entity,
    id: signal.id,
    operation: signal.operation,
    version: signal.version,
    at: signal.at,
  });
}
