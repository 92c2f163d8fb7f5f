import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { ChartComponent, type ChartSeries, type ChartTexts } from '@koop/ui';
import { CooperationService } from '../../core/cooperation.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import {
  ForecastPageDocument,
  ForecastServicesDocument,
  type ForecastPointItemFragment,
} from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';

/** The series of a forecast chart: observed counts, the expected curve and its band. */
function forecastSeries(
  points: readonly ForecastPointItemFragment[],
  t: (key: string) => string,
): ChartSeries[] {
  return [
    {
      label: t('forecast.series.low'),
      values: points.map((p) => p.low ?? null),
      color: '#0b4f8a',
      hidePoints: true,
    },
    {
      label: t('forecast.series.high'),
      values: points.map((p) => p.high ?? null),
      color: '#0b4f8a',
      hidePoints: true,
      fillToPrevious: true,
    },
    {
      label: t('forecast.series.expected'),
      values: points.map((p) => p.expected ?? null),
      color: '#c25700',
      dashed: true,
      hidePoints: true,
    },
    { label: t('forecast.series.observed'), values: points.map((p) => p.observed ?? null), color: '#2e7d32' },
  ];
}

/**
 * The adoption forecast: by when, at the present pace, every member city runs the cooperation's live
 * services (or one of them), with the band of the fit, the data it rests on, and how the forecast of a year
 * ago fared. A fit on too little says so instead of showing a date.
 */
@Component({
  selector: 'koop-forecast-page',
  imports: [TranslocoDirective, LoadStateComponent, ChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('forecast.title') }}</h1>
      <p class="lead">{{ t('forecast.lead') }}</p>

      <koop-load-state [resource]="cooperations.list" [empty]="cooperations.cooperations().length === 0">
        <form
          class="selection koop-filters"
          [attr.aria-label]="t('forecast.selection')"
          (submit)="$event.preventDefault()"
        >
          <div class="koop-field">
            <label for="forecast-cooperation">{{ t('common.cooperation') }}</label>
            <select
              id="forecast-cooperation"
              class="koop-input"
              (change)="choose({ kooperation: $any($event.target).value, dienst: null })"
            >
              @for (cooperation of cooperations.cooperations(); track cooperation.id) {
                <option [value]="cooperation.id" [selected]="cooperation.id === cooperationId()">
                  {{ cooperation.name }}
                </option>
              }
            </select>
          </div>
          <div class="koop-field">
            <label for="forecast-service">{{ t('forecast.service') }}</label>
            <select
              id="forecast-service"
              class="koop-input"
              (change)="choose({ dienst: $any($event.target).value || null })"
            >
              <option value="" [selected]="!projectId()">{{ t('forecast.allServices') }}</option>
              @for (service of services(); track service.id) {
                <option [value]="service.id" [selected]="service.id === projectId()">
                  {{ service.title }}
                </option>
              }
            </select>
          </div>
        </form>

        <koop-load-state [resource]="forecast">
          @if (result(); as f) {
            <section aria-labelledby="forecast-answer" class="koop-card answer">
              <h2 id="forecast-answer">{{ t('forecast.answerTitle') }}</h2>
              @if (f.sufficientData) {
                <p class="date" data-testid="all-live-by">
                  {{
                    f.allLiveBy
                      ? t('forecast.allLiveBy', {
                          month: format.month(f.allLiveBy),
                          ceiling: format.number(f.ceiling),
                        })
                      : t('forecast.notWithinHorizon')
                  }}
                </p>
                @if (f.allLiveByLow && f.allLiveByHigh) {
                  <p>
                    {{
                      t('forecast.band', {
                        level: format.percent(f.bandLevel, 0),
                        low: format.month(f.allLiveByLow),
                        high: format.month(f.allLiveByHigh),
                      })
                    }}
                  </p>
                }
              } @else {
                <p class="date" data-testid="not-enough-data">{{ t('forecast.notEnoughData') }}</p>
              }
              <dl class="facts">
                <div>
                  <dt>{{ t('forecast.observations') }}</dt>
                  <dd data-testid="observations">
                    {{ format.number(f.observations) }} / {{ format.number(f.ceiling) }}
                  </dd>
                </div>
                <div>
                  <dt>{{ t('forecast.dataUntil') }}</dt>
                  <dd>{{ f.lastObservedMonth ? format.month(f.lastObservedMonth) : t('common.none') }}</dd>
                </div>
                <div>
                  <dt>{{ t('forecast.method') }}</dt>
                  <dd>{{ t('forecast.methodText') }}</dd>
                </div>
              </dl>
            </section>

            @if (f.points.length > 0) {
              <section aria-labelledby="forecast-chart-title" class="koop-card">
                <h2 id="forecast-chart-title">{{ t('forecast.chartTitle') }}</h2>
                <koop-chart
                  kind="line"
                  [caption]="t('forecast.chartTitle')"
                  [summary]="summary()"
                  [labels]="labels()"
                  [series]="series()"
                  [texts]="chartTexts()"
                  [locale]="format.locale()"
                  [fractionDigits]="1"
                  [yMin]="0"
                  [csvName]="'prognose-nachnutzung'"
                />
              </section>
            }

            <section aria-labelledby="forecast-backtest" class="koop-card" data-testid="backtest">
              <h2 id="forecast-backtest">{{ t('forecast.backtestTitle') }}</h2>
              @if (f.backtest; as b) {
                @if (b.sufficientData) {
                  <p>
                    {{
                      t('forecast.backtestText', {
                        month: format.month(b.lastObservedMonth),
                        error: format.number(b.meanAbsoluteError, 1),
                        allLiveBy: b.allLiveBy
                          ? format.month(b.allLiveBy)
                          : t('forecast.notWithinHorizonShort'),
                      })
                    }}
                  </p>
                  <div class="koop-table-wrap">
                    <table class="koop-table">
                      <caption>
                        {{
                          t('forecast.backtestCaption', { month: format.month(b.lastObservedMonth) })
                        }}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{{ t('common.month') }}</th>
                          <th scope="col" class="num">{{ t('forecast.series.observed') }}</th>
                          <th scope="col" class="num">{{ t('forecast.expectedThen') }}</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (p of b.points; track p.month) {
                          <tr>
                            <th scope="row">{{ format.month(p.month) }}</th>
                            <td class="num">{{ format.number(p.observed) }}</td>
                            <td class="num">{{ format.number(p.expected, 1) }}</td>
                          </tr>
                        }
                      </tbody>
                    </table>
                  </div>
                } @else {
                  <p>{{ t('forecast.backtestNotEnough', { month: format.month(b.lastObservedMonth) }) }}</p>
                }
              } @else {
                <p>{{ t('forecast.backtestNone') }}</p>
              }
            </section>
          }
        </koop-load-state>
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    .selection {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin-block: 1rem;
    }
    .answer .date {
      font-size: 1.4rem;
      font-weight: 600;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
    section {
      margin-block: 1rem;
    }
  `,
})
export class ForecastPage {
  private readonly router = inject(Router);
  private readonly t = injectTranslate();
  protected readonly format = inject(FormatService);
  protected readonly cooperations = inject(CooperationService);

  readonly kooperation = input<string>();
  readonly dienst = input<string>();

  protected readonly cooperationId = computed(() => this.cooperations.pick(this.kooperation()));
  protected readonly projectId = computed(() => this.dienst() ?? null);

  protected readonly serviceList = queryResource(ForecastServicesDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId } : undefined;
  });
  protected readonly services = computed(
    () => loaded(this.serviceList)?.projects.edges.map((edge) => edge.node) ?? [],
  );

  protected readonly forecast = queryResource(ForecastPageDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId, projectId: this.projectId() } : undefined;
  });
  protected readonly result = computed(() => loaded(this.forecast)?.adoptionForecast);

  protected readonly labels = computed(() =>
    (this.result()?.points ?? []).map((p) => this.format.month(p.month)),
  );
  protected readonly series = computed(() => forecastSeries(this.result()?.points ?? [], this.t));
  protected readonly summary = computed(() => {
    const f = this.result();
    if (!f) return '';
    return f.sufficientData && f.allLiveBy
      ? this.t('forecast.summary', {
          observations: this.format.number(f.observations),
          ceiling: this.format.number(f.ceiling),
          month: this.format.month(f.allLiveBy),
        })
      : this.t('forecast.summaryNoDate', {
          observations: this.format.number(f.observations),
          ceiling: this.format.number(f.ceiling),
        });
  });
  protected readonly chartTexts = computed<ChartTexts>(() => ({
    showTable: this.t('chart.showTable'),
    hideTable: this.t('chart.hideTable'),
    downloadCsv: this.t('chart.downloadCsv'),
    noValue: this.t('chart.noValue'),
    category: this.t('common.month'),
  }));

  protected choose(params: { kooperation?: string; dienst?: string | null }): void {
    void this.router.navigate([], { queryParams: params, queryParamsHandling: 'merge' });
  }
}
