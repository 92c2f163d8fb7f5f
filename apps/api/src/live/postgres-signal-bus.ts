import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import { Listeners, type CooperationSignal, type SignalBus, type SignalListener } from './signal-bus.js';

/** The channel every API process of one database listens on. */
export const CHANNEL = 'koop_changes';
/**
 * PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; a signal is a few hundred. One that names
 * very many cooperations is sent as several notifications, each well below the limit.
 */
export const MAX_PAYLOAD_BYTES = 4000;
/** Signals kept while the connection is down, sent once it is back; older ones are dropped beyond it. */
const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

/** A signal on the wire: short keys, and the process that sent it so that it can skip its own. */
interface Wire {
  readonly o: string;
  readonly e: string;
  readonly i: string;
  readonly p: string;
  readonly v: number | null;
  readonly a: string;
  readonly c: readonly number[];
}

/** The payloads of one signal, each below MAX_PAYLOAD_BYTES: the cooperations split over several if need be. */
export function payloadsOf(origin: string, signal: CooperationSignal): string[] {
  const wire = (c: readonly number[]): string =>
    JSON.stringify({
      o: origin,
      e: signal.entity,
      i: signal.id,
      p: signal.operation,
      v: signal.version,
      a: signal.at.toISOString(),
      c,
    } satisfies Wire);
  const whole = wire(signal.cooperationIds);
  if (Buffer.byteLength(whole) < MAX_PAYLOAD_BYTES) return [whole];
  const bare = Buffer.byteLength(wire([]));
  if (bare + 16 >= MAX_PAYLOAD_BYTES) {
    throw new Error(`The signal of ${signal.operation} ${signal.entity} ${signal.id} is too large to send.`);
  }
  // A cooperation id takes at most 16 bytes with its comma: so many fit beside the rest.
  const perPayload = Math.floor((MAX_PAYLOAD_BYTES - bare) / 16);
  const payloads: string[] = [];
  for (let start = 0; start < signal.cooperationIds.length; start += perPayload) {
    payloads.push(wire(signal.cooperationIds.slice(start, start + perPayload)));
  }
  return payloads;
}

function signalFrom(payload: string): (CooperationSignal & { origin: string }) | null {
  try {
    const wire = JSON.parse(payload) as Partial<Wire>;
    if (
      typeof wire.o !== 'string' ||
      typeof wire.e !== 'string' ||
      typeof wire.i !== 'string' ||
      typeof wire.p !== 'string' ||
      typeof wire.a !== 'string' ||
      !Array.isArray(wire.c)
    ) {
      return null;
    }
    return {
      origin: wire.o,
      entity: wire.e,
      id: wire.i,
      operation: wire.p,
      version: typeof wire.v === 'number' ? wire.v : null,
      at: new Date(wire.a),
      cooperationIds: wire.c.filter((id): id is number => Number.isInteger(id)),
    };
  } catch {
    return null;
  }
}

/**
 * Several API processes on one PostgreSQL database: a write sends its signal with NOTIFY inside its own
 * transaction, so that the commit delivers it (and a rolled-back write sends nothing), and after the commit
 * the writing process tells its own listeners; every process LISTENs on one dedicated connection, outside
 * the pool, and tells its listeners what the others sent. When that connection is lost it is opened again,
 * with growing pauses, and the listeners are told that signals may have been missed.
 */
export class PostgresSignalBus implements SignalBus {
  private readonly origin = randomUUID();
  private readonly listeners: Listeners;
  private client: pg.Client | null = null;
  private connected = false;
  private stopped = false;
  private everConnected = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly gapListeners = new Set<() => void>();

  constructor(
    private readonly url: string,
    private readonly onError: (error: unknown) => void,
  ) {
    this.listeners = new Listeners(onError);
  }

  /** Opens the connection; resolves once it listens (or rejects when the first attempt fails). */
  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.connected = false;
    await client?.end().catch(() => undefined);
  }

  listen(listener: SignalListener): () => void {
    return this.listeners.add(listener);
  }

  listenForGaps(listener: () => void): () => void {
    this.gapListeners.add(listener);
    return () => this.gapListeners.delete(listener);
  }

  publish(signal: CooperationSignal): void {
    this.listeners.tell(signal);
  }

  async notifyWithin(signal: CooperationSignal, manager: EntityManager): Promise<void> {
    let payloads: string[];
    try {
      payloads = payloadsOf(this.origin, signal);
    } catch (error) {
      // A signal that cannot be sent must not undo the write: the others miss it, this process does not.
      this.onError(error);
      return;
    }
    for (const payload of payloads) {
      await manager.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'kooperationscockpit-live',
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const signal = signalFrom(message.payload);
      if (!signal || signal.origin === this.origin) return;
      const { origin: _origin, ...rest } = signal;
      this.listeners.tell(rest);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    if (this.stopped || this.client !== client) {
      await client.end().catch(() => undefined);
      return;
    }
    this.connected = true;
    this.retryMs = FIRST_RETRY_MS;
    const reconnected = this.everConnected;
    this.everConnected = true;
    // NOTIFY is never replayed: what the other processes sent while this one was away is lost.
    if (reconnected) for (const listener of this.gapListeners) listener();
  }

  private lost(client: pg.Client, error: Error | null): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    if (error) this.onError(error);
    this.retry();
  }

  private retry(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().catch((error: unknown) => {
        this.onError(error);
        if (this.client) {
          const failed = this.client;
          this.client = null;
          this.connected = false;
          void failed.end().catch(() => undefined);
        }
        this.retry();
      });
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
