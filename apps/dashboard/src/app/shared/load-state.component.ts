import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ResourceRef } from '@angular/core';
import { requestProblem } from '../core/graphql-errors';

/**
 * Shows the content once its data is there, and otherwise says why not, in the user's language: loading,
 * failed (with a retry where that can help), or empty. Every page wraps its data in one. The API's own
 * message (English, for developers) is only offered as a detail.
 */
@Component({
  selector: 'koop-load-state',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (resource().error()) {
        <div class="problem" role="alert">
          <p>
            <strong>{{ t('state.errorTitle') }}</strong>
          </p>
          @switch (problem()) {
            @case ('NETWORK') {
              <p>{{ t('state.networkError') }}</p>
            }
            @case ('NOT_FOUND') {
              <p>{{ t('state.notFound') }}</p>
            }
            @case ('FORBIDDEN') {
              <p>{{ t('state.forbidden') }}</p>
            }
            @default {
              <p>{{ t('state.serverError') }}</p>
              <details>
                <summary>{{ t('state.details') }}</summary>
                <p lang="en">{{ message() }}</p>
              </details>
            }
          }
          @if (retryable()) {
            <button type="button" (click)="retry()">{{ t('state.retry') }}</button>
          }
        </div>
      } @else if (resource().isLoading() && !resource().hasValue()) {
        <p class="loading" role="status" aria-live="polite">{{ t('state.loading') }}</p>
      } @else if (empty()) {
        <p class="empty">{{ emptyText() || t('state.empty') }}</p>
      } @else {
        <ng-content />
      }
    </ng-container>
  `,
  styles: `
    .problem {
      border: 1px solid #b0003a;
      border-left-width: 6px;
      background: #fff5f7;
      padding: 0.75rem 1rem;
      border-radius: 6px;
    }
    .problem p {
      margin: 0 0 0.5rem;
    }
    details {
      margin: 0 0 0.5rem;
    }
    button {
      font: inherit;
      padding: 0.35rem 0.9rem;
      border-radius: 4px;
      border: 1px solid #0b4f8a;
      background: #0b4f8a;
      color: #fff;
      cursor: pointer;
    }
    .loading,
    .empty {
      color: #3d4a59;
    }
  `,
})
export class LoadStateComponent {
  readonly resource = input.required<ResourceRef<unknown>>();
  /** True when the data arrived but holds nothing to show. */
  readonly empty = input(false);
  readonly emptyText = input<string | null>(null);
  readonly retried = output<void>();

  protected readonly problem = computed(() => requestProblem(this.resource().error()).code);
  /** Asking again helps when the server was away or failed, not when the data do not exist or are not ours. */
  protected readonly retryable = computed(() => !['NOT_FOUND', 'FORBIDDEN'].includes(this.problem()));
  protected readonly message = computed(() => requestProblem(this.resource().error()).message);

  protected retry(): void {
    this.resource().reload();
    this.retried.emit();
  }
}
