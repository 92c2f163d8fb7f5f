import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

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
@Injectable()
export class ChangeEvents implements OnModuleDestroy {
  private readonly subject = new Subject<ChangeEvent>();

  readonly events$: Observable<ChangeEvent> = this.subject.asObservable();

  publish(events: readonly ChangeEvent[]): void {
    for (const event of events) {
      this.subject.next(event);
    }
  }

  onModuleDestroy(): void {
    this.subject.complete();
  }
}
