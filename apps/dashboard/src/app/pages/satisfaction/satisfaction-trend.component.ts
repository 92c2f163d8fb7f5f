import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { ChartComponent, KpiTileComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import {
  addMonths,
  byMonth,
  type MonthPoint,
  type Period,
  seriesStats,
  totalsOf,
} from './satisfaction-shape';

let nextId = 0;

/**
 * The figures of a service or a city over a period: the totals as tiles, rating and completion rate as
 * charts (each with its table and CSV), and every month in a table.
 */
@Component({
  selector: 'koop-satisfaction-trend',
  imports: [TranslocoDirective, ChartComponent, KpiTileComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './satisfaction-trend.component.html',
  styleUrls: ['./satisfaction-panel.css', './satisfaction-trend.component.css'],
})
export class SatisfactionTrendComponent {
  readonly heading = input.required<string>();
  /** One sentence on what the figures cover. */
  readonly scope = input.required<string>();
  readonly points = input.required<readonly MonthPoint[]>();
  readonly period = input.required<Period>();
  /** File name of the CSV downloads, without extension. */
  readonly csvName = input.required<string>();

  protected readonly format = inject(FormatService);
  protected readonly id = `satisfaction-trend-${nextId++}`;

  protected readonly months = computed(() => byMonth(this.points(), this.period()));
  /** The month of each label, for the CSV downloads (written there as dates). */
  protected readonly monthKeys = computed(() => {
    const period = this.period();
    return this.months().map((point, index) => point?.month ?? addMonths(period.from, index));
  });
  protected readonly labels = computed(() => {
    this.format.locale();
    const period = this.period();
    return this.months().map((point, index) =>
      this.format.month(point?.month ?? addMonths(period.from, index)),
    );
  });
  protected readonly totals = computed(() => totalsOf(this.points()));
  protected readonly hasFigures = computed(() => this.points().length > 0);
  protected readonly ratings = computed(() => this.months().map((p) => p?.averageRating ?? null));
  protected readonly completion = computed(() =>
    this.months().map((p) =>
      p?.completionRate === null || p === null ? null : round(p.completionRate * 100, 1),
    ),
  );
  protected readonly ratingStats = computed(() => seriesStats(this.ratings()));
  protected readonly completionStats = computed(() => seriesStats(this.completion()));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
