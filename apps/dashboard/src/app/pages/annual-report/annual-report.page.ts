import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { countStages, REPORT_MATRIX_MAX_CELLS, stageTallies } from '@koop/domain';
import { ChartComponent, type ChartSeries, type ChartTexts } from '@koop/ui';
import { combineLatest, map, switchMap } from 'rxjs';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import {
  AdoptionMatrixViewDocument,
  AnnualReportPageDocument,
  CockpitTimelinesDocument,
  ReportMeetingsDocument,
  ReportSatisfactionRankingDocument,
} from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { AdoptionPrintTableComponent } from '../adoption-matrix/adoption-print-table.component';
import { shapeMatrix, STAGES } from '../adoption-matrix/matrix-shape';
import {
  alignToMonths,
  CHANGE_DIGITS,
  compareCounts,
  keyFigures,
  monthsOf,
  type KeyFigure,
} from '../cockpit/cockpit-figures';
import { DigestComponent } from './digest.component';

interface ChartModel {
  readonly key: string;
  readonly kind: 'bar' | 'line';
  readonly caption: string;
  readonly summary: string;
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  readonly yMin?: number;
  readonly yMax?: number;
  readonly digits: number;
}

/** The cockpit's grey for the year before. */
const MUTED_COLOR = '#6b7785';

/**
 * The annual report of a cooperation for a year as a page made for paper (print it, or download the PDF
 * the server makes from the same figures): key figures with the change against the year before, charts,
 * working groups, best and weakest rated services, the digest since the last annual meeting and the
 * whole adoption matrix, each section on a sheet of its own.
 */
@Component({
  selector: 'koop-annual-report-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    ChartComponent,
    LoadStateComponent,
    DigestComponent,
    AdoptionPrintTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <koop-load-state [resource]="report">
        @if (data(); as d) {
          <h1>
            {{ t('report.page.title', { year: year() }) }} –
            <span class="cooperation">{{ d.cooperation.name }}</span>
          </h1>
          <p class="koop-lead">
            {{ t('report.page.madeOn', { date: format.date(today) }) }}
            {{
              isCurrentYear()
                ? t('report.page.asOfToday', { year: year() })
                : t('report.page.asOfYearEnd', { year: year() })
            }}
          </p>
          <p class="actions no-print">
            <a class="koop-button-primary download" [href]="pdfUrl()" download>{{
              t('report.page.download')
            }}</a>
            <button type="button" class="koop-button" (click)="print()">{{ t('report.page.print') }}</button>
            <a
              class="back"
              [routerLink]="['/cockpit']"
              [queryParams]="{ kooperation: d.cooperation.id, jahr: year() }"
              >{{ t('cockpit.title') }}</a
            >
          </p>

          <section aria-labelledby="report-figures">
            <h2 id="report-figures">{{ t('report.page.figures') }} {{ year() }}</h2>
            <div class="koop-table-wrap">
              <table class="koop-table figures">
                <thead>
                  <tr>
                    <th scope="col">{{ t('report.page.figure') }}</th>
                    <th scope="col" class="number">{{ year() }}</th>
                    <th scope="col" class="number">{{ year() - 1 }}</th>
                    <th scope="col" class="number">{{ t('report.page.change') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of figureRows(); track row.key) {
                    <tr [attr.data-figure]="row.key">
                      <th scope="row">{{ row.label }}</th>
                      <td class="number">{{ row.value }}</td>
                      <td class="number">{{ row.previous }}</td>
                      <td class="number">{{ row.change }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </section>

          <section class="print-break-before" aria-labelledby="report-charts">
            <h2 id="report-charts">{{ t('report.page.charts') }}</h2>
            <div class="charts">
              @for (chart of charts(); track chart.key) {
                <div class="koop-card chart" [attr.data-chart]="chart.key">
                  <koop-chart
                    [kind]="chart.kind"
                    [caption]="chart.caption"
                    [summary]="chart.summary"
                    [labels]="chart.labels"
                    [series]="chart.series"
                    [texts]="chartTexts()"
                    [locale]="format.locale()"
                    [fractionDigits]="chart.digits"
                    [yMin]="chart.yMin"
                    [yMax]="chart.yMax"
                    [height]="220"
                    [csvName]="chart.key + '-' + year()"
                  />
                </div>
              }
            </div>
          </section>

          <section class="print-break-before" aria-labelledby="report-groups">
            <h2 id="report-groups">{{ t('report.page.workingGroups') }}</h2>
            @for (group of d.cooperation.workingGroups; track group.id) {
              <h3>{{ group.name }}</h3>
              <p class="facts">
                {{
                  t('report.page.workingGroupFacts', {
                    focus: t('enum.focus.' + group.focus),
                    lead: group.leadCity?.name ?? t('report.page.noLead'),
                  })
                }}
              </p>
              @if (group.projects.length === 0) {
                <p>{{ t('report.page.noProjects') }}</p>
              } @else {
                <div class="koop-table-wrap">
                  <table class="koop-table">
                    <thead>
                      <tr>
                        <th scope="col">{{ t('report.page.project') }}</th>
                        <th scope="col">{{ t('common.phase') }}</th>
                        <th scope="col">{{ t('common.health') }}</th>
                        <th scope="col" class="number">{{ t('report.page.progress') }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (project of group.projects; track project.id) {
                        <tr>
                          <th scope="row">{{ project.title }}</th>
                          <td>{{ t('enum.phase.' + project.phase) }}</td>
                          <td>{{ t('enum.health.' + project.health) }}</td>
                          <td class="number">{{ format.percent(project.progress / 100, 0) }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              }
            }
          </section>

          <section class="print-break-before" aria-labelledby="report-decisions">
            <h2 id="report-decisions">{{ t('report.page.decisions', { year: year() }) }}</h2>
            <koop-load-state [resource]="meetings">
              @if (meetingsLeftOut() > 0) {
                <p class="warning" role="note">
                  {{
                    t('report.page.meetingsLeftOut', {
                      shown: heldMeetings().length,
                      count: meetingsLeftOut(),
                    })
                  }}
                </p>
              }
              <h3>{{ t('report.page.decisionsTitle') }}</h3>
              @if (decisions().length === 0) {
                <p>{{ t('report.page.noDecisions', { year: year() }) }}</p>
              } @else {
                <div class="koop-table-wrap">
                  <table class="koop-table" data-report="decisions">
                    <thead>
                      <tr>
                        <th scope="col">{{ t('report.page.decision') }}</th>
                        <th scope="col">{{ t('report.page.meeting') }}</th>
                        <th scope="col">{{ t('report.page.projects') }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (decision of decisions(); track decision.id) {
                        <tr>
                          <td>{{ decision.text }}</td>
                          <td>{{ decision.meeting }}, {{ format.date(decision.startsAt) }}</td>
                          <td>{{ decision.projects }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              }
              <h3>{{ t('report.page.actionItemsTitle') }}</h3>
              @if (actionItems().length === 0) {
                <p>{{ t('report.page.noActionItems', { year: year() }) }}</p>
              } @else {
                <div class="koop-table-wrap">
                  <table class="koop-table" data-report="action-items">
                    <thead>
                      <tr>
                        <th scope="col">{{ t('report.page.actionItem') }}</th>
                        <th scope="col">{{ t('report.page.owner') }}</th>
                        <th scope="col">{{ t('report.page.due') }}</th>
                        <th scope="col">{{ t('report.page.status') }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (item of actionItems(); track item.id) {
                        <tr [class.overdue]="item.overdue">
                          <td>{{ item.title }}</td>
                          <td>{{ item.owner }}</td>
                          <td>{{ format.date(item.dueOn) }}</td>
                          <td>
                            {{ t('report.page.actionStatus.' + item.status) }}
                            @if (item.overdue) {
                              <strong>· {{ t('report.page.overdue') }}</strong>
                            }
                          </td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              }
            </koop-load-state>
          </section>

          <section class="print-break-before" aria-labelledby="report-ranking">
            <h2 id="report-ranking">{{ t('report.page.ranking') }}</h2>
            <koop-load-state [resource]="ranking">
              @if (rankingData(); as r) {
                <p class="facts">{{ t('report.page.rankingRule', { min: r.minRatings, year: year() }) }}</p>
                @for (
                  part of [
                    { key: 'best', rows: r.best },
                    { key: 'weakest', rows: r.weakest },
                  ];
                  track part.key
                ) {
                  @if (part.rows.length) {
                    <div class="koop-table-wrap">
                      <table class="koop-table" [attr.data-ranking]="part.key">
                        <caption>
                          {{
                            t('report.page.' + part.key)
                          }}
                        </caption>
                        <thead>
                          <tr>
                            <th scope="col">{{ t('report.page.service') }}</th>
                            <th scope="col">{{ t('common.city') }}</th>
                            <th scope="col" class="number">{{ t('report.page.average') }}</th>
                            <th scope="col" class="number">{{ t('report.page.ratings') }}</th>
                          </tr>
                        </thead>
                        <tbody>
                          @for (row of part.rows; track $index) {
                            <tr>
                              <th scope="row">{{ row.project }}</th>
                              <td>{{ row.city }}</td>
                              <td class="number">{{ format.number(row.average, 2) }}</td>
                              <td class="number">{{ format.number(row.ratings) }}</td>
                            </tr>
                          }
                        </tbody>
                      </table>
                    </div>
                  }
                }
                @if (r.best.length === 0) {
                  <p>{{ t('report.page.noRanking') }}</p>
                }
              }
            </koop-load-state>
          </section>

          <section class="print-break-before" aria-labelledby="report-digest">
            <koop-digest [cooperationId]="d.cooperation.id" [to]="asOf()" headingId="report-digest" />
          </section>

          <section class="print-break-before" aria-labelledby="report-matrix">
            <h2 id="report-matrix">{{ t('report.page.matrix') }}</h2>
            <koop-load-state
              [resource]="matrix"
              [empty]="!shaped() && !byService()"
              [emptyText]="t('adoptionMatrix.noServices')"
            >
              @if (byService(); as tally) {
                <p>
                  {{
                    t('report.page.matrixByService', {
                      cities: format.number(tally.cities),
                      services: format.number(tally.services.length),
                      cells: format.number(tally.cities * tally.services.length),
                    })
                  }}
                </p>
                <div class="koop-table-wrap">
                  <table class="koop-table" data-testid="matrix-by-service">
                    <caption>
                      {{
                        t('report.page.matrixByServiceCaption', { name: d.cooperation.name })
                      }}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{{ t('report.page.service') }}</th>
                        @for (stage of stages; track stage) {
                          <th scope="col" class="number">{{ t('enum.stage.' + stage) }}</th>
                        }
                        <th scope="col" class="number">{{ t('report.page.noRecord') }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (service of tally.services; track service.id) {
                        <tr>
                          <th scope="row">{{ service.title }}</th>
                          @for (stage of stages; track stage) {
                            <td class="number">{{ format.number(service.stages[stage]) }}</td>
                          }
                          <td class="number">{{ format.number(service.noRecord) }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              } @else if (shaped(); as m) {
                <koop-adoption-print-table
                  [matrix]="m"
                  [always]="true"
                  [caption]="t('report.page.matrixCaption', { name: d.cooperation.name })"
                />
              }
            </koop-load-state>
          </section>
        }
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    h1 {
      margin: 0 0 0.25rem;
    }
    .cooperation {
      color: var(--koop-blue);
    }
    h2 {
      font-size: 1.3rem;
      margin: 1.5rem 0 0.75rem;
    }
    h3 {
      font-size: 1.05rem;
      margin: 1rem 0 0.25rem;
    }
    .facts {
      color: var(--koop-muted);
      margin: 0 0 0.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1.25rem;
    }
    .download {
      text-decoration: none;
      display: inline-block;
    }
    .number {
      text-align: right;
    }
    tr.overdue td {
      background: #fdeef0;
    }
    .charts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
      gap: 1rem;
    }
    table caption {
      text-align: left;
      font-weight: 700;
    }
    @media print {
      h1 {
        font-size: 18pt;
      }
      .charts {
        grid-template-columns: 1fr 1fr;
      }
    }
  `,
})
export class AnnualReportPage {
  /** Route parameters. */
  readonly kooperation = input.required<string>();
  readonly jahr = input.required<string>();

  protected readonly format = inject(FormatService);
  private readonly transloco = inject(TranslocoService);
  private readonly t = injectTranslate();
  protected readonly today = new Date().toISOString().slice(0, 10);
  private readonly now = new Date();

  protected readonly year = computed(() => {
    const year = Number(this.jahr());
    return Number.isInteger(year) ? year : this.now.getUTCFullYear();
  });
  protected readonly isCurrentYear = computed(() => this.year() === this.now.getUTCFullYear());
  /** The day the figures stand at: the year's end, or today. */
  protected readonly asOf = computed(() => (this.isCurrentYear() ? this.today : `${this.year()}-12-31`));
  protected readonly months = computed(() => monthsOf(this.year(), this.now));
  protected readonly pdfUrl = computed(
    () => `/reports/annual/${encodeURIComponent(this.kooperation())}/${this.year()}.pdf`,
  );

  protected readonly report = queryResource(AnnualReportPageDocument, () => ({
    cooperationId: this.kooperation(),
    year: this.year(),
  }));
  protected readonly timelines = queryResource(CockpitTimelinesDocument, () => {
    const months = this.months();
    return months.length > 0
      ? { cooperationId: this.kooperation(), from: months[0], to: months[months.length - 1] }
      : undefined;
  });
  protected readonly ranking = queryResource(ReportSatisfactionRankingDocument, () => ({
    cooperationId: this.kooperation(),
    year: this.year(),
  }));
  protected readonly matrix = queryResource(
    AdoptionMatrixViewDocument,
    () => ({ cooperationId: this.kooperation() }),
    { uncached: true },
  );

  protected readonly meetings = queryResource(ReportMeetingsDocument, () => ({
    filter: { cooperationId: this.kooperation(), from: `${this.year()}-01-01`, to: `${this.year()}-12-31` },
  }));

  protected readonly data = computed(() => loaded(this.report));
  /** The decisions of the year's meetings, oldest meeting first. */
  protected readonly decisions = computed(() =>
    this.heldMeetings().flatMap((meeting) =>
      meeting.decisions.map((decision) => ({
        id: decision.id,
        text: decision.text,
        meeting: meeting.title,
        startsAt: meeting.startsAt,
        projects: decision.projects.map((project) => project.title).join(', ') || '–',
      })),
    ),
  );
  /** The action items of the year's meetings, by due date. */
  protected readonly actionItems = computed(() =>
    this.heldMeetings()
      .flatMap((meeting) =>
        meeting.actionItems.map((item) => ({
          ...item,
          owner: item.ownerCity?.name ?? item.ownerWorkingGroup?.name ?? '–',
        })),
      )
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn)),
  );
  /** Meetings of the year beyond the page the report loads: said on the page, never left out silently. */
  protected readonly meetingsLeftOut = computed(() => {
    const meetings = loaded(this.meetings)?.meetings;
    return meetings ? meetings.totalCount - meetings.edges.length : 0;
  });
  protected readonly heldMeetings = computed(() =>
    [...(loaded(this.meetings)?.meetings.edges.map((edge) => edge.node) ?? [])].sort((a, b) =>
      a.startsAt.localeCompare(b.startsAt),
    ),
  );
  protected readonly rankingData = computed(() => loaded(this.ranking)?.satisfactionRanking);
  /** Whether the matrix is too large to print cell by cell (as in the PDF): then it is counted by service. */
  private readonly large = computed(() => {
    const data = loaded(this.matrix)?.adoptionMatrix;
    return !!data && data.cities.length * data.projects.length > REPORT_MATRIX_MAX_CELLS;
  });
  protected readonly shaped = computed(() => {
    const data = loaded(this.matrix)?.adoptionMatrix;
    return data && !this.large() && data.cities.length > 0 && data.projects.length > 0
      ? shapeMatrix(data, { topic: null, stage: null })
      : null;
  });
  protected readonly stages = STAGES;
  /** Each service with its member cities at each stage, for a matrix too large to print cell by cell. */
  protected readonly byService = computed(() => {
    const data = loaded(this.matrix)?.adoptionMatrix;
    if (!data || !this.large()) return null;
    const tallies = stageTallies(data.projects.length);
    for (const row of data.rows) countStages(tallies, row.codes);
    return {
      cities: data.cities.length,
      services: data.projects.map((project, column) => ({ ...project, ...tallies[column] })),
    };
  });

  /** The active language once its texts and the scopes' are loaded: computed texts depend on it. */
  private readonly textsLoaded = toSignal(
    this.transloco.langChanges$.pipe(
      switchMap((language) =>
        combineLatest([
          this.transloco.selectTranslation(),
          this.transloco.selectTranslation('cockpit'),
          this.transloco.selectTranslation('adoptionMatrix'),
        ]).pipe(map(() => language)),
      ),
    ),
  );

  constructor() {
    pageTitle(() => {
      this.textsLoaded();
      const name = this.data()?.cooperation?.name;
      return `${this.t('report.page.title', { year: this.year() })}${name ? ` – ${name}` : ''}`;
    });
  }

  protected readonly figureRows = computed(() => {
    const overview = this.data()?.overview;
    if (!overview || !this.textsLoaded()) return [];
    const previous = overview.previous ?? null;
    const before = previous ? keyFigures(previous, null) : [];
    return keyFigures(overview, previous).map((figure, index) => ({
      key: figure.key,
      label: this.t(`cockpit.figure.${figure.key}`),
      value: this.shown(figure, figure.value),
      previous: before[index] ? this.shown(figure, before[index].value) : '–',
      change:
        figure.change === null
          ? '–'
          : `${this.format.delta(figure.change, CHANGE_DIGITS[figure.kind])}${figure.kind === 'rate' ? ' Pp.' : ''}`,
    }));
  });

  protected readonly chartTexts = computed<ChartTexts>(() => {
    this.textsLoaded();
    return {
      showTable: this.t('chart.showTable'),
      hideTable: this.t('chart.hideTable'),
      downloadCsv: this.t('chart.downloadCsv'),
      noValue: this.t('chart.noValue'),
      category: '',
    };
  });

  protected readonly charts = computed<ChartModel[]>(() => {
    const overview = this.data()?.overview;
    if (!overview || !this.textsLoaded()) return [];
    const year = overview.year;
    const counts = (
      caption: string,
      key: string,
      enumKey: string,
      list: 'projectsByPhase' | 'projectsByHealth',
    ) => {
      const compared = compareCounts(overview[list], overview.previous?.[list] ?? null);
      const labels = compared.keys.map((k) => this.t(`${enumKey}.${k}`));
      const series: ChartSeries[] = [{ label: String(year), values: compared.current }];
      if (compared.previous)
        series.push({ label: String(year - 1), values: compared.previous, color: MUTED_COLOR });
      const items = labels.map((label, index) => `${label} ${this.format.number(compared.current[index])}`);
      return {
        key,
        kind: 'bar' as const,
        caption,
        summary: this.t('cockpit.chart.countSummary', { caption, year, items: items.join(', ') }),
        labels,
        series,
        digits: 0,
      };
    };
    const charts: ChartModel[] = [
      counts(this.t('cockpit.chart.phase'), 'phase', 'enum.phase', 'projectsByPhase'),
      counts(this.t('cockpit.chart.health'), 'health', 'enum.health', 'projectsByHealth'),
    ];
    const timelines = loaded(this.timelines);
    const months = this.months();
    if (timelines && months.length > 0) {
      const labels = months.map((month) => this.format.month(month));
      const live = alignToMonths(months, timelines.adoptionTimeline, (point) => point.count);
      charts.push({
        key: 'adoption',
        kind: 'line',
        caption: this.t('cockpit.chart.adoption', { year }),
        summary: this.t('cockpit.chart.adoptionSummary', {
          first: this.format.number(live[0]),
          from: labels[0],
          last: this.format.number(live[live.length - 1]),
          to: labels[labels.length - 1],
        }),
        labels,
        series: [{ label: this.t('cockpit.chart.adoptionSeries'), values: live }],
        digits: 0,
      });
      const averages = alignToMonths(months, timelines.satisfactionSeries, (point) => point.averageRating);
      const present = averages.filter((value): value is number => value !== null);
      if (present.length > 0) {
        const ratings = alignToMonths(months, timelines.satisfactionSeries, (point) => point.ratingsCount);
        charts.push({
          key: 'satisfaction',
          kind: 'line',
          caption: this.t('cockpit.chart.satisfaction', { year }),
          summary: this.t('cockpit.chart.satisfactionSummary', {
            min: this.format.number(Math.min(...present), 2),
            max: this.format.number(Math.max(...present), 2),
            ratings: this.format.number(ratings.reduce<number>((sum, value) => sum + (value ?? 0), 0)),
          }),
          labels,
          series: [{ label: this.t('cockpit.chart.averageSeries'), values: averages }],
          yMin: 1,
          yMax: 5,
          digits: 2,
        });
      }
    }
    return charts;
  });

  protected print(): void {
    window.print();
  }

  private shown(figure: KeyFigure, value: number | null): string {
    if (figure.kind === 'rate') return this.format.percent(value, 1);
    return this.format.number(value, figure.kind === 'rating' ? 2 : 0);
  }
}
