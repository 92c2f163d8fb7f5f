import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { MIN_RATINGS_FOR_RANKING } from '@koop/domain';
import { ChartComponent } from '@koop/ui';
import { AuthService } from '../../core/auth.service';
import { FormatService } from '../../core/format.service';
import { queryResource } from '../../core/graphql-resource';
import {
  SatisfactionChoicesDocument,
  SatisfactionCityTrendDocument,
  SatisfactionComparisonDocument,
  SatisfactionServiceTrendDocument,
} from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { ExportLinksComponent } from '../exports/export-links.component';
import { pageTitle } from '../../shared/page-title';
import { PeriodNoteComponent } from '../../shared/period-note.component';
import { localToday } from '../projects/milestones';
import {
  bandComparison,
  chooseBand,
  periodFrom,
  periodPresets,
  seriesStats,
  SIZE_BANDS,
} from './satisfaction-shape';
import { SatisfactionTrendComponent } from './satisfaction-trend.component';

/** `?kommune=` when the user chose all cities. */
const ALL_CITIES = 'alle';

interface ServiceGroup {
  readonly cooperation: string;
  readonly services: readonly { readonly id: string; readonly title: string }[];
}

/**
 * Satisfaction of the online services: the trend of one service over all cities, the trend of one city
 * over all its services, and the cities of one size band side by side for the service.
 */
@Component({
  selector: 'koop-satisfaction-page',
  imports: [
    TranslocoDirective,
    RouterLink,
    LoadStateComponent,
    SatisfactionTrendComponent,
    ChartComponent,
    PeriodNoteComponent,
    ExportLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('satisfaction.title') }}</h1>
      <p class="intro koop-lead">{{ t('satisfaction.intro') }}</p>
      @if (entryCities().length > 0) {
        <ul class="entry-links">
          @for (c of entryCities(); track c.id) {
            <li>
              <a [routerLink]="['/erfassung/zufriedenheit', c.id]">{{
                t('dataEntryLinks.enterSatisfactionFor', { city: c.name })
              }}</a>
            </li>
          }
        </ul>
      }

      <koop-load-state
        [resource]="choices"
        [empty]="serviceGroups().length === 0"
        [emptyText]="t('satisfaction.noServices')"
      >
        @let periodLabel = t('satisfaction.periodText', periodText());
        <form
          class="filters koop-card koop-filters"
          [attr.aria-label]="t('satisfaction.filters')"
          (submit)="$event.preventDefault()"
        >
          <div class="control koop-field wide">
            <label for="satisfaction-service">{{ t('satisfaction.service') }}</label>
            <select
              class="koop-input"
              id="satisfaction-service"
              (change)="chooseService($any($event.target).value)"
            >
              @for (group of serviceGroups(); track group.cooperation) {
                <optgroup [label]="group.cooperation">
                  @for (option of group.services; track option.id) {
                    <option [value]="option.id" [selected]="option.id === service()?.id">
                      {{ option.title }}
                    </option>
                  }
                </optgroup>
              }
            </select>
          </div>
          <div class="control koop-field">
            <label for="satisfaction-city">{{ t('satisfaction.city') }}</label>
            <select
              class="koop-input"
              id="satisfaction-city"
              (change)="chooseCity($any($event.target).value)"
            >
              <option value="" [selected]="!city()">{{ t('satisfaction.allCities') }}</option>
              @for (option of cities(); track option.id) {
                <option [value]="option.id" [selected]="option.id === city()?.id">{{ option.name }}</option>
              }
            </select>
          </div>
          <div class="control koop-field">
            <label for="satisfaction-period">{{ t('satisfaction.period') }}</label>
            <select
              class="koop-input"
              id="satisfaction-period"
              (change)="choosePeriod($any($event.target).value)"
            >
              @for (preset of presets; track $index) {
                <option [value]="$index" [selected]="$index === presetIndex()">
                  {{ t('satisfaction.preset.' + preset.key, { value: preset.value }) }}
                </option>
              }
              @if (presetIndex() < 0) {
                <option value="" selected>{{ t('satisfaction.preset.custom', periodText()) }}</option>
              }
            </select>
          </div>
        </form>
        <koop-period-note [period]="period()" [today]="today" [recent]="recentPeriod()" />

        @if (service(); as s) {
          <koop-load-state [resource]="serviceTrend">
            <koop-satisfaction-trend
              data-trend="service"
              [heading]="t('satisfaction.serviceTrend', { service: s.title })"
              [scope]="t('satisfaction.serviceTrendScope', { period: periodLabel })"
              [points]="serviceTrend.value()?.satisfactionSeries ?? []"
              [period]="period()"
              [csvName]="t('satisfaction.csvService')"
            />
            <koop-export-links
              dataset="satisfaction"
              data-export-for="service"
              [label]="t('satisfaction.serviceTrend', { service: s.title })"
              [params]="{ projectId: s.id, from: period().from, to: period().to }"
            />
          </koop-load-state>
        }

        @if (city(); as c) {
          <koop-load-state [resource]="cityTrend">
            <koop-satisfaction-trend
              data-trend="city"
              [heading]="t('satisfaction.cityTrend', { city: c.name })"
              [scope]="t('satisfaction.cityTrendScope', { period: periodLabel })"
              [points]="cityTrend.value()?.satisfactionSeries ?? []"
              [period]="period()"
              [csvName]="t('satisfaction.csvCity')"
            />
            <koop-export-links
              dataset="satisfaction"
              data-export-for="city"
              [label]="t('satisfaction.cityTrend', { city: c.name })"
              [params]="{ cityId: c.id, from: period().from, to: period().to }"
            />
          </koop-load-state>
        } @else {
          <p class="hint">{{ t('satisfaction.cityHint') }}</p>
        }

        @if (service(); as s) {
          <section class="comparison koop-card panel" aria-labelledby="satisfaction-comparison-title">
            <h2 id="satisfaction-comparison-title">{{ t('satisfaction.comparison') }}</h2>
            <p class="scope">
              {{ t('satisfaction.comparisonIntro', { service: s.title, period: periodLabel }) }}
            </p>
            <koop-load-state [resource]="byCity">
              @let cmp = comparison();
              <div class="control koop-field band">
                <label for="satisfaction-band">{{ t('satisfaction.band') }}</label>
                <select
                  class="koop-input"
                  id="satisfaction-band"
                  (change)="chooseBand($any($event.target).value)"
                >
                  @for (option of bands; track option) {
                    <option [value]="option" [selected]="option === band()">
                      {{
                        t(format.plural('satisfaction.bandOption', cmp.counts[option]), {
                          band: option,
                          name: t('enum.sizeBand.' + option),
                          count: cmp.counts[option],
                        })
                      }}
                    </option>
                  }
                </select>
              </div>
              @if (cmp.rows.length === 0) {
                <p class="empty">{{ t('satisfaction.bandNone') }}</p>
              } @else {
                <p class="scope">{{ t('ranking.rule', { min: minRatings }) }}</p>
                @let stats = comparisonStats();
                <div class="comparison-body">
                  <koop-chart
                    kind="bar"
                    [caption]="t('satisfaction.comparisonChart', { band: band(), minRatings: minRatings })"
                    [summary]="
                      cmp.ranked.length === 0
                        ? t('satisfaction.noneRanked', { minRatings: minRatings })
                        : t(format.plural('satisfaction.comparisonSummary', cmp.ranked.length), {
                            count: cmp.ranked.length,
                            minRatings: minRatings,
                            band: band(),
                            min: format.number(stats?.min, 2),
                            max: format.number(stats?.max, 2),
                          })
                    "
                    [labels]="comparisonLabels()"
                    [series]="[{ label: t('common.averageRating'), values: comparisonValues() }]"
                    [texts]="{
                      showTable: t('chart.showTable'),
                      hideTable: t('chart.hideTable'),
                      downloadCsv: t('chart.downloadCsv'),
                      category: t('common.city'),
                      noValue: t('chart.noValue'),
                    }"
                    [locale]="format.locale()"
                    [fractionDigits]="2"
                    [yMin]="0"
                    [yMax]="5"
                    [height]="260"
                    [csvName]="t('satisfaction.csvComparison') + '-' + band()"
                  />
                  <div class="table-block">
                    <h3 id="satisfaction-comparison-table">
                      {{ t('satisfaction.comparisonTable', { band: band() }) }}
                    </h3>
                    <div class="table-wrap">
                      <table class="figures" data-comparison aria-labelledby="satisfaction-comparison-table">
                        <thead>
                          <tr>
                            <th scope="col">{{ t('ranking.place') }}</th>
                            <th scope="col">{{ t('common.city') }}</th>
                            <th scope="col">{{ t('common.population') }}</th>
                            <th scope="col">{{ t('common.ratings') }}</th>
                            <th scope="col">{{ t('common.averageRating') }}</th>
                            <th scope="col">{{ t('common.completionRate') }}</th>
                            <th scope="col">{{ t('common.visits') }}</th>
                          </tr>
                        </thead>
                        <tbody>
                          @for (row of cmp.rows; track row.city.id) {
                            <tr [attr.data-city]="row.city.id" [class.chosen]="row.city.id === city()?.id">
                              <td>
                                @if (cmp.places.get(row.city.id); as place) {
                                  {{ place }}
                                } @else {
                                  <span class="unranked">{{ t('ranking.unranked') }}</span>
                                }
                              </td>
                              <th scope="row">
                                <a [routerLink]="['/kommunen', row.city.id]">{{ row.city.name }}</a>
                                @if (row.city.id === city()?.id) {
                                  <span class="tag">({{ t('satisfaction.chosen') }})</span>
                                }
                              </th>
                              <td>{{ format.number(row.city.population) }}</td>
                              <td>{{ format.number(row.ratingsCount) }}</td>
                              <td>{{ format.number(row.averageRating, 2) }}</td>
                              <td>{{ format.percent(row.completionRate) }}</td>
                              <td>{{ format.number(row.visits) }}</td>
                            </tr>
                          }
                        </tbody>
                        <tfoot>
                          <tr data-band-total>
                            <td></td>
                            <th scope="row">{{ t('satisfaction.bandTotal') }}</th>
                            <td></td>
                            <td>{{ format.number(cmp.totals.ratingsCount) }}</td>
                            <td>{{ format.number(cmp.totals.averageRating, 2) }}</td>
                            <td>{{ format.percent(cmp.totals.completionRate) }}</td>
                            <td>{{ format.number(cmp.totals.visits) }}</td>
                          </tr>
                        </tfoot>
                      </table>
                    </div>
                  </div>
                </div>
              }
            </koop-load-state>
          </section>
        }
      </koop-load-state>
    </ng-container>
  `,
  styleUrls: ['./satisfaction-panel.css', './satisfaction.page.css'],
})
export class SatisfactionPage {
  /** Query parameters, bound by the router. */
  readonly dienst = input<string>();
  readonly kommune = input<string>();
  readonly klasse = input<string>();
  readonly von = input<string>();
  readonly bis = input<string>();

  constructor() {
    pageTitle(toSignal(inject(TranslocoService).selectTranslate<string>('title', {}, 'satisfaction')));
  }

  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  protected readonly format = inject(FormatService);
  protected readonly bands = SIZE_BANDS;

  /** The user's calendar day: months are counted on the user's calendar, as on every page. */
  protected readonly today = localToday();
  protected readonly presets = periodPresets(this.today);
  protected readonly recentPeriod = computed(() => this.presets[this.presetIndex()]?.key === 'lastMonths');
  protected readonly period = computed(() => periodFrom(this.von(), this.bis(), this.today));
  protected readonly presetIndex = computed(() =>
    this.presets.findIndex((p) => p.from === this.period().from && p.to === this.period().to),
  );
  protected readonly periodText = computed(() => ({
    from: this.format.month(this.period().from),
    to: this.format.month(this.period().to),
  }));

  protected readonly choices = queryResource(SatisfactionChoicesDocument, () => ({}));
  private readonly services = computed(
    () => this.choices.value()?.projects.edges.map((edge) => edge.node) ?? [],
  );
  protected readonly serviceGroups = computed<ServiceGroup[]>(() => {
    const groups = new Map<string, { id: string; title: string }[]>();
    for (const service of this.services()) {
      const name = service.workingGroup.cooperation.shortName;
      groups.set(name, [...(groups.get(name) ?? []), { id: service.id, title: service.title }]);
    }
    // Cooperations in the order of their names, as everywhere else; services by title within.
    return [...groups]
      .map(([cooperation, services]) => ({ cooperation, services }))
      .sort((a, b) => a.cooperation.localeCompare(b.cooperation, this.format.locale()));
  });
  protected readonly cities = computed(() => this.choices.value()?.cities ?? []);
  protected readonly service = computed(() => {
    const services = this.serviceGroups().flatMap((group) => group.services);
    return services.find((s) => s.id === this.dienst()) ?? (services.length > 0 ? services[0] : null);
  });
  /**
   * The city of `?kommune=`; without one, a CDO's or city editor's own city. `alle` (all cities) is an
   * explicit choice, so that choosing it is not undone by the default.
   */
  protected readonly city = computed(() => {
    const chosen = this.kommune();
    const id = chosen === undefined || chosen === '' ? this.auth.ownCityId() : chosen;
    return this.cities().find((c) => c.id === id) ?? null;
  });
  /** Where the signed-in account may enter figures: its own cities, or for admins the chosen one. */
  protected readonly entryCities = computed(() => {
    if (this.auth.isAdmin()) {
      const city = this.city();
      return city ? [city] : [];
    }
    return this.cities().filter((c) => this.auth.mayEditCity(c.id));
  });

  protected readonly serviceTrend = queryResource(SatisfactionServiceTrendDocument, () => {
    const service = this.service();
    return service ? { projectId: service.id, ...this.period() } : undefined;
  });
  protected readonly cityTrend = queryResource(SatisfactionCityTrendDocument, () => {
    const city = this.city();
    return city ? { cityId: city.id, ...this.period() } : undefined;
  });
  protected readonly byCity = queryResource(SatisfactionComparisonDocument, () => {
    const service = this.service();
    return service ? { projectId: service.id, ...this.period() } : undefined;
  });

  private readonly cityRows = computed(() => this.byCity.value()?.satisfactionByCity ?? []);
  protected readonly band = computed(() => chooseBand(this.klasse(), this.city()?.sizeBand, this.cityRows()));
  protected readonly comparison = computed(() =>
    bandComparison(this.cityRows(), this.band(), this.format.locale()),
  );
  protected readonly minRatings = MIN_RATINGS_FOR_RANKING;
  protected readonly comparisonLabels = computed(() => this.comparison().ranked.map((row) => row.city.name));
  protected readonly comparisonValues = computed(() =>
    this.comparison().ranked.map((row) => row.averageRating),
  );
  protected readonly comparisonStats = computed(() => seriesStats(this.comparisonValues()));

  protected chooseService(id: string): void {
    this.navigate({ dienst: id });
  }

  protected chooseCity(id: string): void {
    // The band follows a newly chosen city.
    this.navigate({ kommune: id || ALL_CITIES, klasse: null });
  }

  protected chooseBand(band: string): void {
    this.navigate({ klasse: band });
  }

  protected choosePeriod(index: string): void {
    const preset = this.presets[Number(index)];
    if (preset) this.navigate({ von: preset.from, bis: preset.to });
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
