import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { currentMonth, monthsBetween } from '@koop/domain';
import { FormatService } from '../core/format.service';

/**
 * Says which months a page's figures cover and whether the month still running counts: the rule of
 * libs/domain (periods.ts) leaves it out, so the note says so and names it.
 */
@Component({
  selector: 'koop-period-note',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="period-note" data-period-note *transloco="let t">
      @if (includesCurrent()) {
        {{ t('period.withCurrent', texts()) }}
      } @else if (recent()) {
        {{ t(format.plural('period.recent', count()), texts()) }}
      } @else {
        {{ t('period.months', texts()) }}
      }
    </p>
  `,
  styles: `
    .period-note {
      margin: 0 0 0.75rem;
      color: var(--koop-muted);
    }
  `,
})
export class PeriodNoteComponent {
  /** First and last month of the figures, YYYY-MM. */
  readonly period = input.required<{ readonly from: string; readonly to: string }>();
  /** The user's calendar day, YYYY-MM-DD. */
  readonly today = input.required<string>();
  /** Whether the period is "the last N complete months" (else a chosen one, such as a year). */
  readonly recent = input(true);

  protected readonly format = inject(FormatService);
  protected readonly count = computed(() => monthsBetween(this.period().from, this.period().to).length);
  protected readonly includesCurrent = computed(() => this.period().to >= currentMonth(this.today()));
  protected readonly texts = computed(() => ({
    count: this.count(),
    from: this.format.month(this.period().from),
    to: this.format.month(this.period().to),
    current: this.format.month(currentMonth(this.today())),
  }));
}
