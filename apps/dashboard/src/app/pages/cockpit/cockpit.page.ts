import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  ChartComponent,
  KpiTileComponent,
  StatusBadgeComponent,
  type ChartSeries,
  type ChartTexts,
} from '@koop/ui';
import { combineLatest, map, switchMap } from 'rxjs';
import { CooperationService } from '../../core/cooperation.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { followCooperation, throttled } from '../../core/live.service';
import {
  CockpitAttentionDocument,
  CockpitOverviewDocument,
  CockpitTimelinesDocument,
  CockpitUpdatesDocument,
  type CockpitOverviewQuery,
} from '../../graphql/generated/graphql';
import { HEALTH_TONES } from '../../shared/labels';
import { LoadStateComponent } from '../../shared/load-state.component';
import { OverdueActionItemsComponent } from '../../shared/overdue-action-items.component';
import { ReuseCountTileComponent } from '../solutions/reuse-count-tile.component';
import { StatusUpdateListComponent } from '../../shared/status-update-list.component';
import { PeriodNoteComponent } from '../../shared/period-note.component';
import { localToday } from '../projects/milestones';
import { injectTranslate } from '../../core/translate-signal';
import { DigestComponent } from '../annual-report/digest.component';
import { keepInUrl } from '../../shared/keep-in-url';
import {
  alignToMonths,
  CHANGE_DIGITS,
  compareCounts,
  keyFigures,
  monthsOf,
  pickYear,
  yearOptions,
  type CountComparison,
  type KeyFigure,
} from './cockpit-figures';

interface Tile {
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly change: string;
  readonly trend: KeyFigure['trend'];
  readonly higherIsBetter: boolean;
  readonly detail: string | null;
}

interface ChartModel {
  readonly caption: string;
  readonly summary: string;
  readonly labels: readonly string[];
  /** The months (`YYYY-MM`) of the labels, when the categories are months. */
  readonly months?: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** Grey for the year before, so that the chosen year stands out. */
const MUTED_COLOR = '#6b7785';
/** Light grey bars (still 3:1 against white) behind the blue line of the average rating. */
const RATINGS_COLOR = '#8a95a1';

/** Key figures, charts and recent activity of one cooperation in one year; both chosen in the URL. */
@Component({
  selector: 'koop-cockpit-page',
  imports: [
    RouterLink,
    TranslocoDirective,
    ChartComponent,
    KpiTileComponent,
    StatusBadgeComponent,
    LoadStateComponent,
    StatusUpdateListComponent,
    PeriodNoteComponent,

    DigestComponent,
    OverdueActionItemsComponent,
    ReuseCountTileComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('cockpit.title') }}</h1>
      <p class="lead">{{ t('cockpit.lead') }}</p>

      <koop-load-state [resource]="cooperations.list" [empty]="cooperations.cooperations().length === 0">
        <form class="selection" [attr.aria-label]="t('cockpit.selection')" (submit)="$event.preventDefault()">
          <div class="field koop-field">
            <label for="cockpit-cooperation">{{ t('common.cooperation') }}</label>
            <select id="cockpit-cooperation" (change)="chooseCooperation($event)">
              @for (cooperation of cooperations.cooperations(); track cooperation.id) {
                <option [value]="cooperation.id" [selected]="cooperation.id === cooperationId()">
                  {{ cooperation.name }}
                </option>
              }
            </select>
          </div>
          <div class="field koop-field">
            <label for="cockpit-year">{{ t('common.year') }}</label>
            <select id="cockpit-year" (change)="chooseYear($event)">
              @for (option of years(); track option) {
                <option [value]="option" [selected]="option === year()">{{ option }}</option>
              }
            </select>
          </div>
        </form>
        @if (chosenCooperation()?.description; as description) {
          <!-- The cooperation's own text, written in German whatever the interface language (WCAG 3.1.2). -->
          <p class="cooperation-description" data-testid="cooperation-description" lang="de">
            {{ description }}
          </p>
        }
        <p class="print-only printed-selection">{{ cooperationName() }} · {{ year() }}</p>
        <p class="as-of">
          @if (isCurrentYear()) {
            {{ t('cockpit.asOfToday', { date: todayText(), previous: year() - 1 }) }}
          } @else {
            {{ t('cockpit.asOfYearEnd', { year: year(), previous: year() - 1 }) }}
          }
        </p>

        @if (cooperationId(); as id) {
          <p class="report-link">
            <a [routerLink]="['/jahresbericht', id, year()]">{{ t('report.page.open', { year: year() }) }}</a>
          </p>
        }

        <section aria-labelledby="cockpit-figures" [attr.aria-busy]="overview.isLoading()">
          <h2 id="cockpit-figures">{{ t('cockpit.figures', { year: year() }) }}</h2>
          <koop-load-state [resource]="overview">
            <ul class="tiles">
              @for (tile of tiles(); track tile.key) {
                <li [attr.data-figure]="tile.key">
                  <koop-kpi-tile
                    [label]="tile.label"
                    [value]="tile.value"
                    [change]="tile.change"
                    [trend]="tile.trend"
                    [higherIsBetter]="tile.higherIsBetter"
                    [detail]="tile.detail"
                  />
                </li>
              }
              <li data-testid="reuse-count">
                <koop-reuse-count-tile [cooperationId]="cooperationId()" [year]="year()" />
              </li>
            </ul>
            <div class="charts">
              @if (phaseChart(); as chart) {
                <div class="card koop-card" data-chart="phase">
                  <koop-chart
                    kind="bar"
                    [caption]="chart.caption"
                    [summary]="chart.summary"
                    [labels]="chart.labels"
                    [series]="chart.series"
                    [texts]="chartTexts()('common.phase')"
                    [locale]="format.locale()"
                    [csvName]="'projekte-nach-phase-' + year()"
                  />
                </div>
              }
              @if (healthChart(); as chart) {
                <div class="card koop-card" data-chart="health">
                  <koop-chart
                    kind="bar"
                    [caption]="chart.caption"
                    [summary]="chart.summary"
                    [labels]="chart.labels"
                    [series]="chart.series"
                    [texts]="chartTexts()('common.health')"
                    [locale]="format.locale()"
                    [csvName]="'projekte-nach-status-' + year()"
                  />
                </div>
              }
            </div>
          </koop-load-state>
        </section>

        <section aria-labelledby="cockpit-charts" [attr.aria-busy]="timelines.isLoading()">
          <h2 id="cockpit-charts">{{ t('cockpit.charts') }} {{ year() }}</h2>
          @if (months().length > 0) {
            <koop-period-note
              [period]="{ from: months()[0], to: months()[months().length - 1] }"
              [today]="today"
              [recent]="false"
            />
          }
          <koop-load-state
            [resource]="timelines"
            [empty]="months().length === 0"
            [emptyText]="t('cockpit.chart.noMonths')"
          >
            <div class="charts">
              @if (adoptionChart(); as chart) {
                <div class="card koop-card" data-chart="adoption">
                  <koop-chart
                    kind="line"
                    [caption]="chart.caption"
                    [summary]="chart.summary"
                    [labels]="chart.labels"
                    [series]="chart.series"
                    [texts]="chartTexts()('common.month')"
                    [locale]="format.locale()"
                    [csvName]="'live-nachnutzungen-' + year()"
                    [categoryMonths]="chart.months ?? null"
                  />
                </div>
              }
              <div class="card koop-card" data-chart="satisfaction">
                @if (satisfactionChart(); as chart) {
                  <koop-chart
                    kind="line"
                    [caption]="chart.caption"
                    [summary]="chart.summary"
                    [labels]="chart.labels"
                    [series]="chart.series"
                    [texts]="chartTexts()('common.month')"
                    [locale]="format.locale()"
                    [fractionDigits]="2"
                    [yMin]="1"
                    [yMax]="5"
                    [csvName]="'zufriedenheit-' + year()"
                    [categoryMonths]="chart.months ?? null"
                  />
                } @else {
                  <p class="caption">{{ t('cockpit.chart.satisfaction', { year: year() }) }}</p>
                  <p>{{ t('cockpit.chart.noRatings') }}</p>
                }
              </div>
            </div>
          </koop-load-state>
        </section>

        @if (cooperationId(); as id) {
          <section class="card koop-card digest print-break-before" aria-labelledby="cockpit-digest">
            <koop-digest [cooperationId]="id" headingId="cockpit-digest" />
          </section>
        }

        <div class="activity print-break-before">
          <section class="card koop-card" aria-labelledby="cockpit-attention">
            <h2 id="cockpit-attention">{{ t('cockpit.attention.title') }}</h2>
            <p class="hint">{{ t('cockpit.attention.hint') }}</p>
            <koop-load-state
              [resource]="attention"
              [empty]="attentionProjects().length === 0"
              [emptyText]="t('cockpit.attention.empty')"
            >
              <ul class="attention">
                @for (project of attentionProjects(); track project.id) {
                  <li>
                    <a class="title" [routerLink]="['/projekte', project.id]">{{ project.title }}</a>
                    <p class="state">
                      <koop-status-badge
                        [tone]="tones[project.health]"
                        [label]="t('enum.health.' + project.health)"
                      />
                      <span>
                        {{ t('enum.phase.' + project.phase) }} · {{ t('common.progress') }}
                        {{ format.percent(project.progress / 100, 0) }}
                      </span>
                    </p>
                    <p class="group">
                      {{ t('common.workingGroup') }}:
                      <a [routerLink]="['/arbeitskreise', project.workingGroup.id]">{{
                        project.workingGroup.name
                      }}</a>
                    </p>
                  </li>
                }
              </ul>
            </koop-load-state>
          </section>

          @if (cooperationId(); as id) {
            <koop-overdue-action-items [filter]="{ cooperationId: id }" />
          }

          <section class="card koop-card" aria-labelledby="cockpit-updates">
            <h2 id="cockpit-updates">{{ t('cockpit.updates.title') }}</h2>
            <koop-load-state
              [resource]="updates"
              [empty]="latestUpdates().length === 0"
              [emptyText]="t('cockpit.updates.empty')"
            >
              <koop-status-update-list [updates]="latestUpdates()" />
            </koop-load-state>
          </section>
        </div>
      </koop-load-state>
    </ng-container>
  `,
  styleUrl: './cockpit.page.css',
})
export class CockpitPage {
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(FormatService);
  protected readonly cooperations = inject(CooperationService);
  protected readonly tones = HEALTH_TONES;

  /** `?kooperation=` of the URL. */
  readonly kooperation = input<string>();
  /** `?jahr=` of the URL. */
  readonly jahr = input<string>();

  private readonly now = new Date();
  protected readonly today = localToday(this.now);
  protected readonly cooperationId = computed(() => this.cooperations.pick(this.kooperation()));
  protected readonly chosenCooperation = computed(() =>
    this.cooperations.cooperations().find((c) => c.id === this.cooperationId()),
  );
  protected readonly year = computed(() => pickYear(this.jahr(), this.now));
  protected readonly years = computed(() => yearOptions(this.now, this.year()));
  protected readonly cooperationName = computed(
    () => this.cooperations.cooperations().find((c) => c.id === this.cooperationId())?.name ?? '',
  );
  protected readonly isCurrentYear = computed(() => this.year() === this.now.getUTCFullYear());
  protected readonly months = computed(() => monthsOf(this.year(), this.now));
  protected readonly todayText = computed(() => this.format.date(this.now.toISOString()));

  protected readonly overview = queryResource(CockpitOverviewDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId, year: this.year() } : undefined;
  });

  protected readonly timelines = queryResource(CockpitTimelinesDocument, () => {
    const cooperationId = this.cooperationId();
    const months = this.months();
    return cooperationId && months.length > 0
      ? { cooperationId, from: months[0], to: months[months.length - 1] }
      : undefined;
  });

  protected readonly attention = queryResource(CockpitAttentionDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId } : undefined;
  });

  protected readonly updates = queryResource(CockpitUpdatesDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId } : undefined;
  });

  /** The active language once its texts and this page's are loaded: computed texts depend on it. */
  private readonly textsLoaded = toSignal(
    this.transloco.langChanges$.pipe(
      switchMap((language) =>
        combineLatest([this.transloco.selectTranslation(), this.transloco.selectTranslation('cockpit')]).pipe(
          map(() => language),
        ),
      ),
    ),
  );

  protected readonly tiles = computed<Tile[]>(() => {
    const overview = loaded(this.overview)?.overview;
    if (!overview || !this.textsLoaded()) return [];
    const previousYear = overview.year - 1;
    return keyFigures(overview, overview.previous ?? null).map((figure) => ({
      key: figure.key,
      label: this.t(`cockpit.figure.${figure.key}`),
      value: this.value(figure),
      change: this.changeText(figure, previousYear),
      trend: figure.trend,
      higherIsBetter: figure.higherIsBetter,
      detail: this.detail(figure, overview),
    }));
  });

  protected readonly chartTexts = computed(() => {
    this.textsLoaded();
    return (category: string): ChartTexts => ({
      showTable: this.t('chart.showTable'),
      hideTable: this.t('chart.hideTable'),
      downloadCsv: this.t('chart.downloadCsv'),
      noValue: this.t('chart.noValue'),
      category: this.t(category),
    });
  });

  protected readonly phaseChart = computed(() => {
    const overview = loaded(this.overview)?.overview;
    if (!overview || !this.textsLoaded()) return null;
    return this.countChart(
      this.t('cockpit.chart.phase'),
      'enum.phase',
      overview.year,
      compareCounts(overview.projectsByPhase, overview.previous?.projectsByPhase ?? null),
    );
  });

  protected readonly healthChart = computed(() => {
    const overview = loaded(this.overview)?.overview;
    if (!overview || !this.textsLoaded()) return null;
    return this.countChart(
      this.t('cockpit.chart.health'),
      'enum.health',
      overview.year,
      compareCounts(overview.projectsByHealth, overview.previous?.projectsByHealth ?? null),
    );
  });

  protected readonly adoptionChart = computed<ChartModel | null>(() => {
    const data = loaded(this.timelines);
    if (!data || !this.textsLoaded()) return null;
    const months = this.months();
    const values = alignToMonths(months, data.adoptionTimeline, (point) => point.count);
    const labels = months.map((month) => this.format.month(month));
    const last = values.length - 1;
    return {
      caption: this.t('cockpit.chart.adoption', { year: this.year() }),
      summary: this.t('cockpit.chart.adoptionSummary', {
        first: this.format.number(values[0]),
        from: labels[0],
        last: this.format.number(values[last]),
        to: labels[last],
      }),
      labels,
      months,
      series: [{ label: this.t('cockpit.chart.adoptionSeries'), values }],
    };
  });

  protected readonly satisfactionChart = computed<ChartModel | null>(() => {
    const data = loaded(this.timelines);
    if (!data || !this.textsLoaded()) return null;
    const months = this.months();
    const averages = alignToMonths(months, data.satisfactionSeries, (point) => point.averageRating);
    const ratings = alignToMonths(months, data.satisfactionSeries, (point) => point.ratingsCount);
    const present = averages.filter((value): value is number => value !== null);
    if (present.length === 0) return null;
    return {
      caption: this.t('cockpit.chart.satisfaction', { year: this.year() }),
      summary: this.t('cockpit.chart.satisfactionSummary', {
        min: this.format.number(Math.min(...present), 2),
        max: this.format.number(Math.max(...present), 2),
        ratings: this.format.number(ratings.reduce<number>((sum, value) => sum + (value ?? 0), 0)),
      }),
      labels: months.map((month) => this.format.month(month)),
      months,
      series: [
        { label: this.t('cockpit.chart.averageSeries'), values: averages, kind: 'line' },
        {
          label: this.t('cockpit.chart.ratingsSeries'),
          values: ratings,
          kind: 'bar',
          secondaryAxis: true,
          color: RATINGS_COLOR,
        },
      ],
    };
  });

  protected readonly attentionProjects = computed(
    () => loaded(this.attention)?.projects.edges.map((edge) => edge.node) ?? [],
  );

  protected readonly latestUpdates = computed(() => loaded(this.updates)?.latestStatusUpdates ?? []);

  /** Every change in the cooperation may move a figure, a chart or the lists: all four are refetched. */
  private readonly refetch = throttled(() => {
    this.overview.refresh();
    this.timelines.refresh();
    this.attention.refresh();
    this.updates.refresh();
  }, 1000);

  constructor() {
    followCooperation(
      () => this.cooperationId(),
      () => this.refetch(),
    );
    keepInUrl(() => {
      const cooperationId = this.cooperationId();
      const year = String(this.year());
      return cooperationId && (cooperationId !== this.kooperation() || year !== this.jahr())
        ? { kooperation: cooperationId, jahr: year }
        : null;
    });
  }

  protected chooseCooperation(event: Event): void {
    this.choose({ kooperation: (event.target as HTMLSelectElement).value });
  }

  protected chooseYear(event: Event): void {
    this.choose({ jahr: (event.target as HTMLSelectElement).value });
  }

  private choose(queryParams: Record<string, string>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }

  /** Texts computed in code: reading it inside a computed re-runs it when the language or a text file changes. */
  private readonly t = injectTranslate();

  private value(figure: KeyFigure): string {
    if (figure.kind === 'rate') return this.format.percent(figure.value, 1);
    return this.format.number(figure.value, figure.kind === 'rating' ? 2 : 0);
  }

  private changeText(figure: KeyFigure, year: number): string {
    if (figure.change === null) return this.t('cockpit.change.none', { year });
    if (figure.change === 0) return this.t('cockpit.change.same', { year });
    const delta = this.format.delta(figure.change, CHANGE_DIGITS[figure.kind]);
    return this.t(`cockpit.change.${figure.kind}`, { delta, year });
  }

  private detail(figure: KeyFigure, overview: CockpitOverviewQuery['overview']): string | null {
    switch (figure.key) {
      case 'activeProjects':
      case 'completionRate':
        return this.t(`cockpit.detail.${figure.key}`);
      case 'adoptionRate':
        return this.t('cockpit.detail.adoptionRate', {
          live: this.format.number(overview.liveAdoptions),
          cities: this.format.number(overview.memberCities),
          services: this.format.number(overview.onlineServices),
        });
      case 'averageSatisfaction':
        return figure.ratings
          ? this.t(this.format.plural('cockpit.detail.averageSatisfaction', figure.ratings), {
              ratings: this.format.number(figure.ratings),
            })
          : this.t('cockpit.detail.noRatings', { year: overview.year });
      default:
        return null;
    }
  }

  private countChart(caption: string, enumKey: string, year: number, counts: CountComparison): ChartModel {
    const labels = counts.keys.map((key) => this.t(`${enumKey}.${key}`));
    const series: ChartSeries[] = [{ label: String(year), values: counts.current }];
    if (counts.previous) {
      series.push({ label: String(year - 1), values: counts.previous, color: MUTED_COLOR });
    }
    const items = (values: readonly number[]) =>
      labels.map((label, index) => `${label} ${this.format.number(values[index])}`).join(', ');
    // The text alternative says what the bars say: the previous year's too, when they are drawn.
    const summary = counts.previous
      ? this.t('cockpit.chart.countSummaryWithPrevious', {
          caption,
          year,
          items: items(counts.current),
          previous: year - 1,
          previousItems: items(counts.previous),
        })
      : this.t('cockpit.chart.countSummary', { caption, year, items: items(counts.current) });
    return { caption, summary, labels, series };
  }
}
