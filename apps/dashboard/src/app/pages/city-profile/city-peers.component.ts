import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { isRankable, MIN_RATINGS_FOR_RANKING } from '@koop/domain';
import { CHART_PALETTE, ChartComponent, type ChartSeries, type ChartTexts } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { injectTranslate } from '../../core/translate-signal';
import { rankOf, type ComparisonRow } from './city-comparison';

/** Colour of the city shown; the peers are drawn in grey, and the city's label says which it is. */
const SELF_COLOUR = CHART_PALETTE[1];
const PEER_COLOUR = '#6b7785';

/** How the city compares with the cities of its size band: charts and a table, the city itself marked. */
@Component({
  selector: 'koop-city-peers',
  imports: [RouterLink, TranslocoDirective, ChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (rows().length < 2) {
        <p>{{ t('cityProfile.peers.none') }}</p>
      } @else {
        <div class="charts">
          <koop-chart
            class="koop-card"
            kind="bar"
            [stacked]="true"
            [caption]="t('cityProfile.peers.liveChart')"
            [summary]="liveSummary()"
            [labels]="labels()"
            [series]="liveSeries()"
            [texts]="texts()"
            [locale]="format.locale()"
            csvName="vergleich-live-dienste"
          />
          <koop-chart
            class="koop-card"
            kind="bar"
            [stacked]="true"
            [caption]="t('cityProfile.peers.ratingChart', { from: from(), to: to() })"
            [summary]="ratingSummary()"
            [labels]="labels()"
            [series]="ratingSeries()"
            [texts]="texts()"
            [locale]="format.locale()"
            [fractionDigits]="2"
            [yMin]="0"
            [yMax]="5"
            csvName="vergleich-bewertung"
          />
        </div>
        <p class="rule">{{ t('ranking.rule', { min: minRatings }) }}</p>
        <div class="table-wrap koop-table-wrap">
          <table class="koop-table">
            <caption>
              {{
                t('cityProfile.peers.caption', { from: from(), to: to() })
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('common.city') }}</th>
                <th scope="col" class="num">{{ t('common.population') }}</th>
                <th scope="col" class="num">{{ t('cityProfile.liveServices') }}</th>
                <th scope="col" class="num">{{ t('common.ratings') }}</th>
                <th scope="col" class="num">{{ t('common.averageRating') }}</th>
                <th scope="col" class="num">{{ t('common.completionRate') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.id) {
                <tr [class.self]="row.self" [attr.aria-current]="row.self ? 'true' : null">
                  <th scope="row">
                    @if (row.self) {
                      <span aria-hidden="true" class="marker">▶</span>
                      {{ row.name }} <span class="tag">({{ t('cityProfile.peers.self') }})</span>
                    } @else {
                      <a [routerLink]="['/kommunen', row.id]">{{ row.name }}</a>
                    }
                  </th>
                  <td class="num">{{ format.number(row.population) }}</td>
                  <td class="num">{{ format.number(row.liveAdoptionsCount) }}</td>
                  <td class="num">{{ format.number(row.ratingsCount) }}</td>
                  <td class="num">{{ format.number(row.averageRating, 2) }}</td>
                  <td class="num">{{ format.percent(row.completionRate) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
    </ng-container>
  `,
  styles: `
    .charts {
      display: grid;
      gap: 1rem;
      margin-bottom: 1rem;
    }
    @media (min-width: 64rem) {
      .charts {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }
    .charts > * {
      padding: 0.75rem;
      min-width: 0;
    }
    table {
      min-width: 40rem;
    }
    tr.self {
      background: #fff4e8;
      font-weight: 700;
      box-shadow: inset 4px 0 0 #c25700;
    }
    tr.self th {
      font-weight: 700;
    }
    .marker {
      color: #c25700;
    }
    .tag {
      font-weight: 400;
    }
    .rule {
      margin: 0 0 0.5rem;
      color: var(--koop-muted);
    }
    a {
      color: var(--koop-blue);
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
  `,
})
export class CityPeersComponent {
  /** The city and its peers, by name. */
  readonly rows = input.required<readonly ComparisonRow[]>();
  /** First and last month of the period, formatted. */
  readonly from = input.required<string>();
  readonly to = input.required<string>();

  protected readonly format = inject(FormatService);
  protected readonly minRatings = MIN_RATINGS_FOR_RANKING;
  private readonly text = injectTranslate();

  private readonly selfName = computed(() => this.rows().find((row) => row.self)?.name ?? '');
  protected readonly labels = computed(() =>
    this.rows().map((row) => (row.self ? `${row.name} (${this.text('cityProfile.peers.self')})` : row.name)),
  );
  protected readonly texts = computed<ChartTexts>(() => ({
    showTable: this.text('chart.showTable'),
    hideTable: this.text('chart.hideTable'),
    downloadCsv: this.text('chart.downloadCsv'),
    category: this.text('common.city'),
    noValue: this.text('chart.noValue'),
  }));
  protected readonly liveSeries = computed(() => this.split((row) => row.liveAdoptionsCount));
  /** Averages of fewer than MIN_RATINGS_FOR_RANKING ratings are left out of the chart: chance, not a result. */
  protected readonly ratingSeries = computed(() =>
    this.split((row) => (isRankable(row) ? row.averageRating : null)),
  );

  protected readonly liveSummary = computed(() =>
    this.summary(
      'cityProfile.peers.liveSummary',
      rankOf(this.rows(), (row) => row.liveAdoptionsCount),
      {
        value: this.format.number(this.rows().find((row) => row.self)?.liveAdoptionsCount),
      },
    ),
  );
  protected readonly ratingSummary = computed(() => {
    const self = this.rows().find((row) => row.self);
    if (self && self.averageRating !== null && !isRankable(self)) {
      return this.text(this.format.plural('cityProfile.peers.tooFewRatings', self.ratingsCount), {
        city: this.selfName(),
        count: self.ratingsCount,
        min: MIN_RATINGS_FOR_RANKING,
      });
    }
    return this.summary(
      'cityProfile.peers.ratingSummary',
      rankOf(this.rows(), (row) => (isRankable(row) ? row.averageRating : null)),
      { value: this.format.number(self?.averageRating, 2), min: String(MIN_RATINGS_FOR_RANKING) },
    );
  });

  /** Two series, the city and its peers, so that the legend names the colours; stacked, one bar each. */
  private split(value: (row: ComparisonRow) => number | null): ChartSeries[] {
    return [
      {
        label: this.selfName(),
        values: this.rows().map((row) => (row.self ? value(row) : null)),
        color: SELF_COLOUR,
      },
      {
        label: this.text('cityProfile.peers.peersSeries'),
        values: this.rows().map((row) => (row.self ? null : value(row))),
        color: PEER_COLOUR,
      },
    ];
  }

  private summary(
    key: string,
    rank: { place: number; of: number } | null,
    params: Record<string, string>,
  ): string {
    if (!rank) return this.text('cityProfile.peers.noValue', { city: this.selfName() });
    return this.text(key, { city: this.selfName(), ...params, place: rank.place, of: rank.of });
  }
}
