import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LiveService } from '../core/live.service';

/**
 * Whether the page follows changes live. A polite live region: screen readers hear when the state changes
 * (connected, interrupted), never each signal, which would drown everything else. Not role="status": the
 * page's own status messages (results, saving) are the ones "the status" of a page means.
 */
@Component({
  selector: 'koop-live-indicator',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p
        class="live"
        aria-live="polite"
        aria-atomic="true"
        [attr.data-live-state]="live.state()"
        [attr.title]="live.state() === 'off' ? null : t('live.describe.' + live.state())"
      >
        @if (live.state() !== 'off') {
          <span class="dot" aria-hidden="true"></span>
          <span aria-hidden="true">{{ t('live.' + live.state()) }}</span>
          <span class="visually-hidden">{{ t('live.describe.' + live.state()) }}</span>
        }
      </p>
    </ng-container>
  `,
  styles: `
    .live {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      margin: 0;
      font-size: 0.9rem;
      min-height: 1.5rem;
    }
    .dot {
      width: 0.65rem;
      height: 0.65rem;
      border-radius: 50%;
      border: 2px solid #fff;
      background: transparent;
    }
    [data-live-state='live'] .dot {
      background: #7ee2a8;
    }
    [data-live-state='reconnecting'] .dot {
      background: #ffd166;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class LiveIndicatorComponent {
  protected readonly live = inject(LiveService);
}
