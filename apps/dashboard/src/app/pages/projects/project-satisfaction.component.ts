import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { lastCompleteMonths, MIN_RATINGS_FOR_RANKING, rankBySatisfaction, RECENT_MONTHS } from '@koop/domain';
import { ChartComponent, type ChartSeries, type ChartTexts } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { queryResource } from '../../core/graphql-resource';
import { ProjectSatisfactionFiguresDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { localToday } from './milestones';
import { byMonth } from './months';
import { PeriodNoteComponent } from '../../shared/period-note.component';
import { injectTranslate } from '../../core/translate-signal';

/** How satisfied the users of a service are: per city over the last year, and month by month. */
@Component({
  selector: 'koop-project-satisfaction',
  imports: [RouterLink, TranslocoDirective, ChartComponent, LoadStateComponent, PeriodNoteComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section aria-labelledby="satisfaction-heading">
        <h2 id="satisfaction-heading">{{ t('projects.satisfaction.title') }}</h2>
        <koop-period-note [period]="span()" [today]="today" />
        <p class="period">{{ t('projects.satisfaction.scale') }}</p>
        <koop-load-state
          [resource]="figures"
          [empty]="cities().length === 0"
          [emptyText]="t('projects.satisfaction.empty')"
        >
          <div class="charts">
            <koop-chart
              class="koop-card"
              kind="bar"
              [caption]="t('projects.satisfaction.byCityChart', { min: minRatings })"
              [summary]="byCitySummary()"
              [labels]="cityLabels()"
              [series]="cityRatingSeries()"
              [texts]="cityTexts()"
              [locale]="format.locale()"
              [fractionDigits]="2"
              [yMin]="0"
              [yMax]="5"
              csvName="zufriedenheit-nach-kommune"
            />
            <koop-chart
              class="koop-card"
              kind="line"
              [caption]="t('projects.satisfaction.monthlyChart')"
              [summary]="monthlySummary()"
              [labels]="monthLabels()"
              [series]="monthlySeries()"
              [texts]="monthTexts()"
              [locale]="format.locale()"
              [fractionDigits]="2"
              [yMin]="1"
              [yMax]="5"
              csvName="zufriedenheit-je-monat"
              [categoryMonths]="span().months"
            />
            <koop-chart
              class="koop-card"
              kind="bar"
              [caption]="t('projects.satisfaction.ratingsChart')"
              [summary]="ratingsSummary()"
              [labels]="monthLabels()"
              [series]="ratingsSeries()"
              [texts]="monthTexts()"
              [locale]="format.locale()"
              csvName="bewertungen-je-monat"
              [categoryMonths]="span().months"
            />
          </div>
          <p class="rule">{{ t('ranking.rule', { min: minRatings }) }}</p>
          <div class="table-wrap koop-table-wrap">
            <table class="koop-table" data-ranking>
              <caption>
                {{
                  t('projects.satisfaction.tableCaption', {
                    from: format.month(span().from),
                    to: format.month(span().to),
                  })
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="num">{{ t('ranking.place') }}</th>
                  <th scope="col">{{ t('common.city') }}</th>
                  <th scope="col" class="num">{{ t('common.ratings') }}</th>
                  <th scope="col" class="num">{{ t('common.averageRating') }}</th>
                  <th scope="col" class="num">{{ t('common.completionRate') }}</th>
                  <th scope="col" class="num">{{ t('common.visits') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (entry of rows(); track entry.row.city.id) {
                  @let row = entry.row;
                  <tr [attr.data-city]="row.city.name">
                    <td class="num">
                      @if (entry.place !== null) {
                        {{ entry.place }}
                      } @else {
                        <span class="unranked">{{ t('ranking.unranked') }}</span>
                      }
                    </td>
                    <th scope="row">
                      <a [routerLink]="['/kommunen', row.city.id]">{{ row.city.name }}</a>
                    </th>
                    <td class="num">{{ format.number(row.ratingsCount) }}</td>
                    <td class="num">{{ format.number(row.averageRating, 2) }}</td>
                    <td class="num">{{ format.percent(row.completionRate) }}</td>
                    <td class="num">{{ format.number(row.visits) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </koop-load-state>
      </section>
    </ng-container>
  `,
  styles: `
    h2 {
      font-size: 1.25rem;
      margin: 0;
    }
    .period {
      margin: 0 0 0.75rem;
      color: var(--koop-muted);
    }
    .charts {
      display: grid;
      gap: 1rem;
      margin-bottom: 1rem;
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
    table {
      min-width: 36rem;
    }
    a {
      color: var(--koop-blue);
      font-weight: 600;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .rule {
      margin: 0 0 0.5rem;
      color: var(--koop-muted);
    }
    .unranked {
      color: var(--koop-muted);
      font-size: 0.9rem;
    }
  `,
})
export class ProjectSatisfactionComponent {
  readonly projectId = input.required<string>();

  protected readonly format = inject(FormatService);
  private readonly text = injectTranslate();

  protected readonly today = localToday();
  protected readonly span = computed(() => lastCompleteMonths(RECENT_MONTHS, this.today));
  protected readonly figures = queryResource(ProjectSatisfactionFiguresDocument, () => ({
    projectId: this.projectId(),
    from: this.span().from,
    to: this.span().to,
  }));

  protected readonly minRatings = MIN_RATINGS_FOR_RANKING;
  /** The cities with figures: ranked by their average where enough ratings back it, the others after them. */
  private readonly ranking = computed(() =>
    rankBySatisfaction(
      this.figures.hasValue() ? (this.figures.value()?.satisfactionByCity ?? []) : [],
      (row) => row.city.name,
      this.format.locale(),
    ),
  );
  protected readonly rows = computed(() => [
    ...this.ranking().ranked,
    ...this.ranking().unranked.map((row) => ({ row, place: null })),
  ]);
  protected readonly cities = computed(() => this.rows().map((entry) => entry.row));
  /** Only ranked cities are drawn side by side: a bar of two ratings would look like a result. */
  private readonly ranked = computed(() => this.ranking().ranked.map((entry) => entry.row));
  private readonly series = computed(() =>
    this.figures.hasValue() ? (this.figures.value()?.satisfactionSeries ?? []) : [],
  );

  protected readonly cityLabels = computed(() => this.ranked().map((row) => row.city.name));
  protected readonly cityRatingSeries = computed<ChartSeries[]>(() => [
    { label: this.text('common.averageRating'), values: this.ranked().map((row) => row.averageRating) },
  ]);
  protected readonly monthLabels = computed(() =>
    this.span().months.map((month) => this.format.month(month)),
  );
  protected readonly monthlySeries = computed<ChartSeries[]>(() => [
    {
      label: this.text('common.averageRating'),
      values: byMonth(this.span().months, this.series(), (p) => p.averageRating),
    },
  ]);
  protected readonly ratingsSeries = computed<ChartSeries[]>(() => [
    {
      label: this.text('common.ratings'),
      values: byMonth(this.span().months, this.series(), (p) => p.ratingsCount),
      color: '#00796b',
    },
  ]);

  protected readonly byCitySummary = computed(() => {
    const rated = this.ranked();
    if (rated.length === 0) {
      return this.text('projects.satisfaction.noneRanked', { min: MIN_RATINGS_FOR_RANKING });
    }
    const best = rated[0];
    const worst = rated[rated.length - 1];
    return this.text(this.format.plural('projects.satisfaction.byCitySummary', rated.length), {
      count: rated.length,
      min: MIN_RATINGS_FOR_RANKING,
      best: best.city.name,
      bestValue: this.format.number(best.averageRating, 2),
      worst: worst.city.name,
      worstValue: this.format.number(worst.averageRating, 2),
    });
  });
  protected readonly monthlySummary = computed(() => {
    const values = this.monthlySeries()[0].values.filter((v): v is number => v !== null);
    if (values.length === 0) return this.text('projects.satisfaction.empty');
    return this.text('projects.satisfaction.monthlySummary', {
      min: this.format.number(Math.min(...values), 2),
      max: this.format.number(Math.max(...values), 2),
      last: this.format.number(values[values.length - 1], 2),
    });
  });
  protected readonly ratingsSummary = computed(() => {
    const total = this.series().reduce((sum, p) => sum + p.ratingsCount, 0);
    return this.text('projects.satisfaction.ratingsSummary', { total: this.format.number(total) });
  });

  protected readonly cityTexts = computed(() => this.chartTexts(this.text('common.city')));
  protected readonly monthTexts = computed(() => this.chartTexts(this.text('common.month')));

  private chartTexts(category: string): ChartTexts {
    return {
      showTable: this.text('chart.showTable'),
      hideTable: this.text('chart.hideTable'),
      downloadCsv: this.text('chart.downloadCsv'),
      category,
      noValue: this.text('chart.noValue'),
    };
  }
}
