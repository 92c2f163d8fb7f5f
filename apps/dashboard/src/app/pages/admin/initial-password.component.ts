import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * The one-time initial password of a new account, shown once: clearly, with a copy button, and with what
 * the admin must tell the person. It is never stored in the dashboard; closing the panel forgets it.
 */
@Component({
  selector: 'koop-initial-password',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="initial-password-heading" *transloco="let t">
      <h2 id="initial-password-heading" tabindex="-1" #heading>
        <span aria-hidden="true">✓</span>
        {{
          reset()
            ? t('admin.created.resetTitle', { username: username() })
            : t('admin.created.title', { username: username() })
        }}
      </h2>
      <dl>
        <dt>{{ t('admin.created.passwordLabel') }}</dt>
        <dd class="password">
          <code #code data-initial-password>{{ password() }}</code>
          <button type="button" class="koop-button-primary" (click)="copy()">
            {{ t('admin.created.copy') }}
          </button>
        </dd>
      </dl>
      <p class="copy-state" role="status">
        @if (copyState() === 'copied') {
          {{ t('admin.created.copied') }}
        } @else if (copyState() === 'failed') {
          {{ t('admin.created.copyFailed') }}
        }
      </p>
      <p>{{ t('admin.created.once', { name: displayName() }) }}</p>
      <p>
        <strong>{{ t('admin.created.mustChange') }}</strong>
      </p>
      <button type="button" class="done koop-button" (click)="closed.emit()">
        {{ t('admin.created.done') }}
      </button>
    </section>
  `,
  styles: `
    .panel {
      border: 2px solid #1b5e20;
      border-left-width: 8px;
      background: #f1f8f2;
      border-radius: 6px;
      padding: 0.75rem 1.25rem 1rem;
      margin-bottom: 1.25rem;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
      color: #1b5e20;
    }
    h2:focus {
      outline: 3px solid #e07b00;
      outline-offset: 2px;
    }
    p {
      margin: 0.3rem 0;
    }
    dl {
      margin: 0.5rem 0 0;
    }
    dt {
      font-weight: 600;
    }
    .password {
      margin: 0.2rem 0 0;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 0.75rem;
    }
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 1.35rem;
      letter-spacing: 0.06em;
      background: #fff;
      border: 1px solid #6b7785;
      border-radius: 4px;
      padding: 0.3rem 0.6rem;
      overflow-wrap: anywhere;
      user-select: all;
    }
    .copy-state {
      min-height: 1.5em;
      color: #1b5e20;
    }
    .done {
      margin-top: 0.5rem;
    }
  `,
})
export class InitialPasswordComponent {
  readonly username = input.required<string>();
  readonly displayName = input.required<string>();
  readonly password = input.required<string>();
  /** A password an admin reset rather than a new account's. */
  readonly reset = input(false);
  readonly closed = output<void>();

  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private readonly code = viewChild.required<ElementRef<HTMLElement>>('code');
  protected readonly copyState = signal<'idle' | 'copied' | 'failed'>('idle');

  constructor() {
    // The panel answers the form just sent: read it first.
    afterNextRender(() => this.heading().nativeElement.focus());
  }

  protected async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.password());
      this.copyState.set('copied');
    } catch {
      // Without clipboard access, select the password so that it can be copied by hand.
      const selection = window.getSelection();
      const range = document.createRange();
      range.selectNodeContents(this.code().nativeElement);
      selection?.removeAllRanges();
      selection?.addRange(range);
      this.copyState.set('failed');
    }
  }
}
