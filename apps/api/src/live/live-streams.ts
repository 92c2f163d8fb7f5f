import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig, type LiveConfig } from '../config/index.js';

/** An SSE comment line: ignored by clients, keeps proxies and dead-peer detection busy. */
export const HEARTBEAT = ':\n\n';

/** One open event stream of this process. */
export class OpenStream {
  readonly openedAt = Date.now();
  lastSignalAt = this.openedAt;
  lastWriteAt = this.openedAt;

  constructor(
    private readonly res: Response,
    private readonly maxBufferBytes: number,
    private readonly onOverflow: () => void,
  ) {}

  get ended(): boolean {
    return this.res.writableEnded || this.res.destroyed;
  }

  /**
   * Hands a message to the socket without waiting for it to be sent, so that one slow reader never holds
   * up the others. What the client has not taken stays in the response's buffer; once that holds more than
   * the limit, the client is not keeping up and its stream is closed (it reconnects and refetches).
   */
  write(chunk: string, isSignal: boolean): boolean {
    if (this.ended) return false;
    this.res.write(chunk);
    const now = Date.now();
    this.lastWriteAt = now;
    if (isSignal) this.lastSignalAt = now;
    if (this.res.writableLength > this.maxBufferBytes) {
      this.onOverflow();
      this.res.destroy();
      return false;
    }
    return true;
  }

  /** Ends the stream without a `complete` message: the client takes it as a lost connection and reconnects. */
  end(): void {
    if (!this.ended) this.res.end();
  }
}

export type Admission =
  | { readonly stream: OpenStream }
  | {
      readonly refused: {
        readonly status: number;
        readonly message: string;
        readonly retryAfterSeconds: number;
      };
    };

/**
 * The open event streams of this process and their limits: how many per session and in all, how long a
 * stream may stay without a signal and at most, and the heartbeat. One timer looks after all streams,
 * rather than three timers per stream.
 */
@Injectable()
export class LiveStreams implements OnModuleDestroy {
  private readonly logger = new Logger('LiveStreams');
  private readonly limits: LiveConfig;
  private readonly streams = new Set<OpenStream>();
  private readonly perSession = new Map<string, number>();
  private sweeper: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limits = config.live;
  }

  get open(): number {
    return this.streams.size;
  }

  /** Admits a stream of the session, or says why not; the stream leaves the count when `res` closes. */
  admit(session: string, res: Response): Admission {
    if (this.closing) {
      return { refused: { status: 503, message: 'The server is shutting down.', retryAfterSeconds: 5 } };
    }
    const ofSession = this.perSession.get(session) ?? 0;
    if (ofSession >= this.limits.maxStreamsPerSession) {
      return {
        refused: {
          status: 429,
          message: `This sign-in already has ${ofSession} live streams open, the most allowed; close a tab or window of the dashboard.`,
          retryAfterSeconds: 30,
        },
      };
    }
    if (this.streams.size >= this.limits.maxStreams) {
      return {
        refused: {
          status: 503,
          message: 'The server follows as many live streams as it may; try again shortly.',
          retryAfterSeconds: 30,
        },
      };
    }
    const stream = new OpenStream(res, this.limits.maxBufferBytes, () =>
      this.logger.warn(
        `Closed a live stream whose client left more than ${this.limits.maxBufferBytes} bytes unread.`,
      ),
    );
    this.streams.add(stream);
    this.perSession.set(session, ofSession + 1);
    res.once('close', () => {
      this.streams.delete(stream);
      const left = (this.perSession.get(session) ?? 1) - 1;
      if (left > 0) this.perSession.set(session, left);
      else this.perSession.delete(session);
      if (this.streams.size === 0) this.stopSweeping();
    });
    this.startSweeping();
    return { stream };
  }

  /** Before the HTTP server closes: it would wait for every open stream otherwise. */
  onModuleDestroy(): void {
    this.closing = true;
    for (const stream of this.streams) stream.end();
    this.stopSweeping();
  }

  private startSweeping(): void {
    if (this.sweeper) return;
    const { heartbeatMs, idleMs, maxLifetimeMs } = this.limits;
    const every = Math.max(10, Math.min(1000, heartbeatMs / 2, idleMs / 4, maxLifetimeMs / 4));
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }

  private stopSweeping(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private sweep(): void {
    const now = Date.now();
    const { heartbeatMs, idleMs, maxLifetimeMs } = this.limits;
    for (const stream of this.streams) {
      if (now - stream.openedAt >= maxLifetimeMs || now - stream.lastSignalAt >= idleMs) {
        stream.end();
      } else if (now - stream.lastWriteAt >= heartbeatMs) {
        stream.write(HEARTBEAT, false);
      }
    }
  }
}
