import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import {
  lastCompleteMonths,
  MATURITY_MODEL_VERSIONS,
  ONLINE_MATURITY_LEVEL,
  RECENT_MONTHS,
} from '@koop/domain';
import { CooperationService } from '../../core/cooperation.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import { CityRankingPageDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { localToday } from '../projects/milestones';
import {
  matching,
  nextSort,
  parseSort,
  rankingRows,
  sortParams,
  sortRanking,
  type SortKey,
} from './city-ranking';

interface Column {
  readonly key: SortKey | null;
  readonly label: string;
  readonly params?: Record<string, unknown>;
  readonly numeric: boolean;
}

const COLUMNS: readonly Column[] = [
  { key: 'rank', label: 'cities.column.rank', numeric: true },
  { key: 'name', label: 'common.city', numeric: false },
  { key: null, label: 'cities.column.cooperations', numeric: false },
  { key: 'servicesLive', label: 'cities.column.servicesLive', numeric: true },
  ...MATURITY_MODEL_VERSIONS.map((model) => ({
    key: `maturity-${model}` as SortKey,
    label: 'cities.column.maturity',
    params: { model, level: ONLINE_MATURITY_LEVEL },
    numeric: true,
  })),
  { key: 'averageRating', label: 'cities.column.satisfaction', numeric: true },
  { key: 'ratingsCount', label: 'common.ratings', numeric: true },
];

/**
 * All cities with their cooperations, ranked like the federal OZG dashboard: services live, the share of
 * them at maturity level 3 or higher for each maturity model apart, and satisfaction with its number of
 * ratings. The API computes the figures and the place; the table sorts by any column. Everything the user
 * chooses lives in the URL.
 */
@Component({
  selector: 'koop-city-list-page',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('cities.title') }}</h1>
      <p class="koop-lead">{{ t('cities.lead') }}</p>

      <form
        class="filters koop-card koop-filters"
        [attr.aria-label]="t('cities.filters')"
        (submit)="$event.preventDefault()"
      >
        <div class="koop-field">
          <label for="cities-cooperation">{{ t('common.cooperation') }}</label>
          <select
            class="koop-input"
            id="cities-cooperation"
            (change)="chooseCooperation($any($event.target).value)"
          >
            <option value="" [selected]="!cooperationId()">{{ t('cities.allCooperations') }}</option>
            @for (cooperation of cooperations.cooperations(); track cooperation.id) {
              <option [value]="cooperation.id" [selected]="cooperation.id === cooperationId()">
                {{ cooperation.name }}
              </option>
            }
          </select>
        </div>
        <div class="koop-field">
          <label for="cities-search">{{ t('cities.search') }}</label>
          <input
            class="koop-input"
            id="cities-search"
            type="search"
            autocomplete="off"
            [value]="search()"
            (input)="find($any($event.target).value)"
          />
        </div>
      </form>

      <ul class="explain">
        <li>{{ t('cities.explain.rank') }}</li>
        <li>{{ t('cities.explain.maturity', { level: level }) }}</li>
        <li>{{ t('cities.explain.satisfaction', period()) }}</li>
      </ul>

      <koop-load-state
        [resource]="ranking"
        [empty]="shown().length === 0"
        [emptyText]="search() ? t('cities.noMatch', { search: search() }) : t('cities.empty')"
      >
        <div class="koop-table-wrap" role="region" tabindex="0" aria-labelledby="cities-caption">
          <table class="koop-table">
            <caption id="cities-caption">
              {{
                t('cities.caption', { count: shown().length })
              }}
              <span class="hint">{{ t('cities.sortHint') }}</span>
            </caption>
            <thead>
              <tr>
                @for (column of columns; track $index) {
                  <th
                    scope="col"
                    [class.num]="column.numeric"
                    [attr.aria-sort]="column.key && sort().key === column.key ? sort().direction : null"
                  >
                    @if (column.key; as key) {
                      <button type="button" class="sort" (click)="sortBy(key)">
                        {{ t(column.label, column.params ?? {}) }}
                        <span class="arrow" aria-hidden="true">{{ arrow(key) }}</span>
                      </button>
                    } @else {
                      {{ t(column.label) }}
                    }
                  </th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of shown(); track row.id) {
                <tr [attr.data-city]="row.id">
                  <td class="num">{{ format.number(row.rank) }}</td>
                  <th scope="row">
                    <a [routerLink]="['/kommunen', row.id]">{{ row.name }}</a>
                  </th>
                  <td>{{ row.cooperations.length > 0 ? row.cooperations.join(', ') : '–' }}</td>
                  <td class="num">{{ format.number(row.servicesLive) }}</td>
                  @for (model of models; track model) {
                    @let figure = row.maturity[model];
                    <td class="num" [attr.data-model]="model">
                      @if (figure.share === null) {
                        <span aria-hidden="true">–</span>
                        <span class="sr-only">{{ t('cities.notAssessed') }}</span>
                      } @else {
                        {{ format.percent(figure.share, 0) }}
                        <span class="meta">{{
                          t('cities.ofAssessed', { count: figure.atLeastThree, total: figure.assessed })
                        }}</span>
                      }
                    </td>
                  }
                  <td class="num">{{ format.number(row.averageRating, 2) }}</td>
                  <td class="num">{{ format.number(row.ratingsCount) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </koop-load-state>
      <p class="sr-only" role="status">{{ announcement() }}</p>
    </ng-container>
  `,
  styles: `
    h1 {
      margin: 0 0 0.25rem;
    }
    .filters {
      margin-bottom: 1rem;
    }
    .filters select {
      max-width: 100%;
    }
    .explain {
      margin: 0 0 1rem;
      padding-left: 1.25rem;
      color: var(--koop-muted);
      max-width: 60rem;
    }
    .koop-table-wrap {
      /* Keeps the visually hidden texts of the cells inside the scrolling box, not widening the page. */
      position: relative;
    }
    table {
      min-width: 52rem;
    }
    caption .hint {
      display: block;
      font-weight: 400;
      font-size: 0.9rem;
      color: var(--koop-muted);
    }
    th,
    td {
      vertical-align: top;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    thead th {
      padding: 0;
      vertical-align: bottom;
    }
    thead th:not(:has(button)) {
      padding: 0.4rem 0.75rem;
    }
    .sort {
      font: inherit;
      font-weight: 600;
      color: var(--koop-ink);
      background: transparent;
      border: 0;
      width: 100%;
      min-height: 2.75rem;
      padding: 0.4rem 0.75rem;
      text-align: inherit;
      cursor: pointer;
    }
    .sort:hover {
      text-decoration: underline;
    }
    .arrow {
      display: inline-block;
      min-width: 1ch;
    }
    a {
      color: var(--koop-blue);
      font-weight: 600;
    }
    .meta {
      display: block;
      font-size: 0.85rem;
      color: var(--koop-muted);
    }
  `,
})
export class CityListPage {
  /** Query parameters, bound by the router. */
  readonly kooperation = input<string>();
  readonly suche = input<string>();
  readonly sortierung = input<string>();
  readonly richtung = input<string>();

  private readonly router = inject(Router);
  private readonly translate = injectTranslate();
  protected readonly format = inject(FormatService);
  protected readonly cooperations = inject(CooperationService);
  protected readonly columns = COLUMNS;
  protected readonly models = MATURITY_MODEL_VERSIONS;
  protected readonly level = ONLINE_MATURITY_LEVEL;

  /** Satisfaction over the last twelve complete months, as on the city profiles. */
  private readonly year = lastCompleteMonths(RECENT_MONTHS, localToday());
  protected readonly period = computed(() => ({
    from: this.format.month(this.year.from),
    to: this.format.month(this.year.to),
  }));

  /** An unknown cooperation in the URL means all of them, as the select shows. */
  protected readonly cooperationId = computed(() => {
    const id = this.kooperation();
    return this.cooperations.cooperations().some((c) => c.id === id) ? (id ?? null) : null;
  });
  protected readonly search = computed(() => this.suche() ?? '');
  protected readonly sort = computed(() => parseSort(this.sortierung(), this.richtung()));

  protected readonly ranking = queryResource(CityRankingPageDocument, () => {
    // Wait for the cooperations, so that an id in the URL is known to be one before it is asked for.
    if (!loaded(this.cooperations.list)) return undefined;
    return { cooperationId: this.cooperationId(), from: this.year.from, to: this.year.to };
  });
  private readonly rows = computed(() =>
    rankingRows(loaded(this.ranking)?.cityRanking ?? [], this.format.locale()),
  );
  protected readonly shown = computed(() =>
    sortRanking(
      matching(this.rows(), this.search(), this.format.locale()),
      this.sort(),
      this.format.locale(),
    ),
  );

  /** Said after the user sorted, so that a screen reader hears what changed. */
  private readonly sorted = signal(false);
  protected readonly announcement = computed(() => {
    if (!this.sorted()) return '';
    const sort = this.sort();
    const column = COLUMNS.find((c) => c.key === sort.key);
    return this.translate(`cities.sorted.${sort.direction}`, {
      column: column ? this.translate(column.label, column.params ?? {}) : '',
    });
  });

  protected arrow(key: SortKey): string {
    const sort = this.sort();
    if (sort.key !== key) return '↕';
    return sort.direction === 'ascending' ? '▲' : '▼';
  }

  protected sortBy(key: SortKey): void {
    this.sorted.set(true);
    this.navigate(sortParams(nextSort(this.sort(), key)));
  }

  protected chooseCooperation(id: string): void {
    this.navigate({ kooperation: id || null });
  }

  protected find(text: string): void {
    // Typing replaces the entry in the history instead of adding one per letter.
    this.navigate({ suche: text || null }, true);
  }

  private navigate(queryParams: Record<string, string | null>, replaceUrl = false): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}
