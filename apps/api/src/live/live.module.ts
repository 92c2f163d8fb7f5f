import { Inject, Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Subscription } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { ChangeEvents } from '../database/index.js';
import { LiveHub } from './live-hub.js';
import { LiveStreamHandler } from './live-stream.handler.js';
import { LiveStreams } from './live-streams.js';
import { LiveResolver } from './live.resolver.js';
import { PostgresSignalBus } from './postgres-signal-bus.js';
import { InProcessSignalBus, SIGNAL_BUS, signalOf, type SignalBus } from './signal-bus.js';

const logger = new Logger('LiveUpdates');
const logError = (error: unknown) =>
  logger.error(
    { err: error instanceof Error ? error : new Error(String(error)) },
    'Live updates: a signal failed',
  );

/** SQLite serves one process; PostgreSQL may serve several, which hear each other through LISTEN/NOTIFY. */
async function createBus(config: AppConfig): Promise<SignalBus> {
  if (config.database.type === 'postgres') {
    const bus = new PostgresSignalBus(config.database.url, logError);
    await bus.start();
    return bus;
  }
  return new InProcessSignalBus(logError);
}

/** Live updates: committed changes reach the browsers that show them, as signals over /graphql/stream. */
@Module({
  providers: [
    { provide: SIGNAL_BUS, inject: [APP_CONFIG], useFactory: createBus },
    LiveHub,
    LiveStreams,
    LiveStreamHandler,
    LiveResolver,
  ],
  exports: [LiveStreamHandler, LiveHub, LiveStreams],
})
export class LiveModule implements OnModuleInit, OnModuleDestroy {
  private subscription: Subscription | null = null;
  private stopCommitting: (() => void) | null = null;

  constructor(
    private readonly changes: ChangeEvents,
    @Inject(SIGNAL_BUS) private readonly bus: SignalBus,
  ) {}

  onModuleInit(): void {
    const bus = this.bus;
    if (bus.notifyWithin) {
      // The other processes hear of a write through its own transaction: the commit delivers the signal.
      this.stopCommitting = this.changes.beforeCommit(async (events, manager) => {
        for (const event of events) {
          const signal = signalOf(event);
          if (signal) await bus.notifyWithin?.(signal, manager);
        }
      });
    }
    // Runs inside the writer's call, after its commit: publishing only hands the signal on.
    this.subscription = this.changes.events$.subscribe((event) => {
      try {
        const signal = signalOf(event);
        if (signal) this.bus.publish(signal);
      } catch (error) {
        logError(error);
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.subscription?.unsubscribe();
    this.stopCommitting?.();
    await this.bus.close();
  }
}
