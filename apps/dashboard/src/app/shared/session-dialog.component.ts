import {
  ChangeDetectionStrategy,
  Component,
  effect,
  ElementRef,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../core/auth.service';
import { requestProblem } from '../core/graphql-errors';
import { SessionService } from '../core/session.service';

/**
 * Asks to sign in again when the session ended under the user, over the page they are on, so that what
 * they typed stays. A modal dialog: focus moves into it and back to where it was afterwards.
 */
@Component({
  selector: 'koop-session-dialog',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (session.expired()) {
        <dialog
          #dialog
          class="koop-card"
          aria-labelledby="session-title"
          aria-describedby="session-text"
          (cancel)="$event.preventDefault(); giveUp()"
        >
          <form novalidate (submit)="submit($event)">
            <h2 id="session-title">{{ t('session.title') }}</h2>
            <p id="session-text">{{ t('session.text') }}</p>
            <p class="koop-field">
              <label for="session-username">{{ t('auth.username') }}</label>
              <input
                class="koop-input"
                id="session-username"
                name="username"
                autocomplete="username"
                readonly
                [value]="auth.account()?.username ?? ''"
              />
            </p>
            <p class="koop-field">
              <label for="session-password">{{ t('auth.password') }}</label>
              <input
                #password
                class="koop-input"
                id="session-password"
                name="password"
                type="password"
                autocomplete="current-password"
                autofocus
                required
                [attr.aria-invalid]="problem() ? true : null"
                [attr.aria-describedby]="problem() ? 'session-problem' : null"
              />
            </p>
            @if (problem(); as code) {
              <p id="session-problem" class="problem" role="alert">{{ t('auth.problem.' + code) }}</p>
            }
            <div class="actions">
              <button type="submit" class="koop-button-primary" [attr.aria-disabled]="busy()">
                {{ t('session.signIn') }}
              </button>
              <button type="button" class="koop-button" (click)="giveUp()">{{ t('session.cancel') }}</button>
            </div>
          </form>
        </dialog>
      }
      <p class="sr-only" role="status">{{ note() ? t(note()!) : '' }}</p>
    </ng-container>
  `,
  styles: `
    dialog {
      max-width: min(30rem, calc(100vw - 2rem));
      box-sizing: border-box;
      padding: 1.25rem 1.5rem;
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 45%);
    }
    h2 {
      margin-top: 0;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
    }
    .problem {
      color: #9a0007;
      background: #fff5f7;
      border-left: 4px solid #b0003a;
      padding: 0.5rem 0.75rem;
    }
  `,
})
export class SessionDialogComponent {
  protected readonly auth = inject(AuthService);
  protected readonly session = inject(SessionService);
  // Drawn only while the session is to be resumed.
  private readonly dialog = viewChild<ElementRef<HTMLDialogElement>>('dialog');
  private readonly password = viewChild<ElementRef<HTMLInputElement>>('password');

  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);
  /** What happened last, for screen readers: signed in again, or given up. */
  protected readonly note = signal<string | null>(null);
  /** Where the focus was when the dialog opened: it goes back there. */
  private returnFocus: HTMLElement | null = null;

  constructor() {
    effect(() => {
      const expired = this.session.expired();
      untracked(() => {
        if (expired) {
          this.returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
          this.problem.set(null);
          this.note.set(null);
        } else {
          this.returnFocus?.focus();
          this.returnFocus = null;
        }
      });
    });
    // The dialog exists only while asked for, so that its fields are nowhere else; modal once drawn.
    effect(() => {
      const dialog = this.dialog()?.nativeElement;
      if (dialog && !dialog.open) untracked(() => dialog.showModal());
    });
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy()) return;
    const password = this.password()?.nativeElement.value ?? '';
    if (!password) {
      this.problem.set('MISSING');
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.auth.resume(password);
      this.note.set('session.resumed');
      this.session.resumed();
    } catch (error) {
      const { code } = requestProblem(error);
      this.problem.set(['UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'NETWORK'].includes(code) ? code : 'OTHER');
      this.clearPassword();
      this.password()?.nativeElement.focus();
    } finally {
      this.busy.set(false);
    }
  }

  private clearPassword(): void {
    const input = this.password()?.nativeElement;
    if (input) input.value = '';
  }

  /** Not now: the page stays as it is, and what waited for the session fails as refused. */
  protected giveUp(): void {
    this.note.set('session.abandoned');
    this.session.abandoned();
  }
}
