import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { ChartComponent, type ChartSeries, type ChartTexts } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { queryResource } from '../../core/graphql-resource';
import { CityProfileSeriesDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { byMonth, type MonthSpan } from '../projects/months';
import { injectTranslate } from '../../core/translate-signal';

/** A city's satisfaction figures month by month, over all the services it runs. */
@Component({
  selector: 'koop-city-satisfaction',
  imports: [TranslocoDirective, ChartComponent, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <koop-load-state
        [resource]="series"
        [empty]="points().length === 0"
        [emptyText]="t('cityProfile.satisfaction.empty')"
      >
        <div class="charts">
          <koop-chart
            class="koop-card"
            kind="line"
            [caption]="t('cityProfile.satisfaction.ratingChart')"
            [summary]="ratingSummary()"
            [labels]="labels()"
            [series]="ratingSeries()"
            [texts]="texts()"
            [locale]="format.locale()"
            [fractionDigits]="2"
            [yMin]="1"
            [yMax]="5"
            csvName="zufriedenheit-kommune-je-monat"
            [categoryMonths]="span().months"
          />
          <koop-chart
            class="koop-card"
            kind="bar"
            [caption]="t('cityProfile.satisfaction.ratingsChart')"
            [summary]="ratingsSummary()"
            [labels]="labels()"
            [series]="ratingsSeries()"
            [texts]="texts()"
            [locale]="format.locale()"
            csvName="bewertungen-kommune-je-monat"
            [categoryMonths]="span().months"
          />
          <koop-chart
            class="koop-card"
            kind="line"
            [caption]="t('cityProfile.satisfaction.completionChart')"
            [summary]="completionSummary()"
            [labels]="labels()"
            [series]="completionSeries()"
            [texts]="texts()"
            [locale]="format.locale()"
            [fractionDigits]="1"
            [yMin]="0"
            [yMax]="100"
            csvName="abschlussquote-kommune-je-monat"
            [categoryMonths]="span().months"
          />
        </div>
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    .charts {
      display: grid;
      gap: 1rem;
    }
    @media (min-width: 64rem) {
      .charts {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .charts > :first-child {
        grid-column: 1 / -1;
      }
    }
    .charts > * {
      padding: 0.75rem;
      min-width: 0;
    }
  `,
})
export class CitySatisfactionComponent {
  readonly cityId = input.required<string>();
  readonly span = input.required<MonthSpan>();

  protected readonly format = inject(FormatService);
  private readonly text = injectTranslate();

  protected readonly series = queryResource(CityProfileSeriesDocument, () => ({
    cityId: this.cityId(),
    from: this.span().from,
    to: this.span().to,
  }));
  protected readonly points = computed(() =>
    this.series.hasValue() ? (this.series.value()?.satisfactionSeries ?? []) : [],
  );

  protected readonly labels = computed(() => this.span().months.map((month) => this.format.month(month)));
  protected readonly texts = computed<ChartTexts>(() => ({
    showTable: this.text('chart.showTable'),
    hideTable: this.text('chart.hideTable'),
    downloadCsv: this.text('chart.downloadCsv'),
    category: this.text('common.month'),
    noValue: this.text('chart.noValue'),
  }));
  protected readonly ratingSeries = computed<ChartSeries[]>(() => [
    {
      label: this.text('common.averageRating'),
      values: byMonth(this.span().months, this.points(), (p) => p.averageRating),
    },
  ]);
  protected readonly ratingsSeries = computed<ChartSeries[]>(() => [
    {
      label: this.text('common.ratings'),
      values: byMonth(this.span().months, this.points(), (p) => p.ratingsCount),
      color: '#00796b',
    },
  ]);
  protected readonly completionSeries = computed<ChartSeries[]>(() => [
    {
      label: this.text('cityProfile.satisfaction.completionPercent'),
      values: byMonth(this.span().months, this.points(), (p) =>
        p.completionRate === null ? null : Math.round(p.completionRate * 1000) / 10,
      ),
      color: '#7b3fa0',
    },
  ]);

  protected readonly ratingSummary = computed(() => this.rangeSummary(this.ratingSeries()[0].values, 2));
  protected readonly completionSummary = computed(() =>
    this.rangeSummary(this.completionSeries()[0].values, 1, ' %'),
  );
  protected readonly ratingsSummary = computed(() =>
    this.text('cityProfile.satisfaction.ratingsSummary', {
      total: this.format.number(this.points().reduce((sum, p) => sum + p.ratingsCount, 0)),
    }),
  );

  private rangeSummary(values: readonly (number | null)[], digits: number, unit = ''): string {
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) return this.text('cityProfile.satisfaction.empty');
    const show = (v: number) => `${this.format.number(v, digits)}${unit}`;
    return this.text('cityProfile.satisfaction.rangeSummary', {
      min: show(Math.min(...known)),
      max: show(Math.max(...known)),
      last: show(known[known.length - 1]),
    });
  }
}
