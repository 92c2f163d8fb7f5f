import { Injectable, signal } from '@angular/core';

/**
 * The session ended under a signed-in user (it expired, or was ended elsewhere). Rather than leave the
 * page and lose what was typed, the shell asks to sign in again; the requests that were refused wait for
 * that and are sent again, or fail as refused when the user gives up.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  /** True while the user is asked to sign in again. */
  readonly expired = signal(false);
  private waiting: Promise<boolean> | null = null;
  private settle: ((resumed: boolean) => void) | null = null;

  /**
   * Resolves true once the user signed in again, false when they gave up. The requests refused meanwhile
   * share the one prompt.
   */
  signInAgain(): Promise<boolean> {
    if (!this.waiting) {
      this.waiting = new Promise<boolean>((resolve) => (this.settle = resolve));
      this.expired.set(true);
    }
    return this.waiting;
  }

  /** Signed in again: the waiting requests are sent again. */
  resumed(): void {
    this.finish(true);
  }

  /** The user gave up: the waiting requests fail as they were refused. */
  abandoned(): void {
    this.finish(false);
  }

  private finish(resumed: boolean): void {
    const settle = this.settle;
    this.waiting = null;
    this.settle = null;
    this.expired.set(false);
    settle?.(resumed);
  }
}
