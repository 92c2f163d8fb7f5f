import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';

/** A committed change of one row, told to whoever shows that row. */
export interface ChangeEvent {
  /** The kind of row, named as in the audit log, e.g. Adoption. */
  readonly entity: string;
  readonly id: string;
  /** The operation that changed it, e.g. recordAdoption. */
  readonly operation: string;
  /** The row's version after the change; null for a row that has none. */
  readonly version: number | null;
  readonly at: Date;
  /**
   * The cooperations whose figures or lists show the row; left out for a row that belongs to none (an
   * account), so that a listener of one cooperation can skip what does not concern it.
   */
  readonly cooperationIds?: readonly number[];
}

/**
 * The changes the write path committed, in this process, in commit order. Only committed changes are
 * published: a write that rolls back publishes nothing. Listeners (for example a later push to browsers)
 * run inside the writer's call, so they must return quickly and never throw.
 */
/** Work done with a write's change events inside its transaction, so that it commits with the write. */
export type CommittingStep = (events: readonly ChangeEvent[], manager: EntityManager) => Promise<void>;

@Injectable()
export class ChangeEvents implements OnModuleDestroy {
  private readonly subject = new Subject<ChangeEvent>();
  private readonly committingSteps: CommittingStep[] = [];

  readonly events$: Observable<ChangeEvent> = this.subject.asObservable();

  /**
   * Adds a step that the write path runs with a write's change events as the last thing in its transaction
   * (PostgreSQL: the NOTIFY that tells the other processes, delivered by the commit itself, and no
   * transaction of its own that would move the data version a second time).
   */
  beforeCommit(step: CommittingStep): () => void {
    this.committingSteps.push(step);
    return () => {
      const index = this.committingSteps.indexOf(step);
      if (index >= 0) this.committingSteps.splice(index, 1);
    };
  }

  /** Runs the steps added by `beforeCommit`, inside the write's transaction (the write path calls it). */
  async committing(events: readonly ChangeEvent[], manager: EntityManager): Promise<void> {
    if (events.length === 0) return;
    for (const step of this.committingSteps) {
      await step(events, manager);
    }
  }

  publish(events: readonly ChangeEvent[]): void {
    for (const event of events) {
      this.subject.next(event);
    }
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
