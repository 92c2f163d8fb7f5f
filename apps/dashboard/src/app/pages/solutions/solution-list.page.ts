import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { MAX_PAGE_SIZE } from '@koop/domain';
import { AuthService } from '../../core/auth.service';
import { injectTranslate } from '../../core/translate-signal';
import { loaded, queryResource } from '../../core/graphql-resource';
import {
  SolutionCatalogueDocument,
  SolutionCitiesDocument,
  type SolutionFilter,
  type SolutionKind,
  type SolutionStatus,
} from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { PagerComponent, cursorPages } from '../../shared/pager/pager.component';
import { pageTitle } from '../../shared/page-title';
import { SOLUTION_KINDS, SOLUTION_STATUSES } from './solution-labels';

/** The catalogue of reusable solutions, filtered by kind, status, city and text. */
@Component({
  selector: 'koop-solution-list-page',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('reuse.catalogue.title') }}</h1>
      <p class="lead">{{ t('reuse.catalogue.lead') }}</p>
      <p class="links">
        <a routerLink="/loesungen/netzwerk">{{ t('reuse.catalogue.network') }}</a>
        @if (mayCreate()) {
          <a class="koop-button-primary" routerLink="/loesungen/neu">{{ t('reuse.catalogue.create') }}</a>
        }
      </p>

      <form
        class="filters koop-card"
        [attr.aria-label]="t('reuse.catalogue.filters')"
        (submit)="$event.preventDefault()"
      >
        <div class="koop-field">
          <label for="solution-kind">{{ t('reuse.catalogue.kind') }}</label>
          <select id="solution-kind" class="koop-input" (change)="kind.set(value($event))">
            <option value="">{{ t('reuse.catalogue.all') }}</option>
            @for (k of kinds; track k) {
              <option [value]="k" [selected]="k === kind()">{{ t('reuse.kind.' + k) }}</option>
            }
          </select>
        </div>
        <div class="koop-field">
          <label for="solution-status">{{ t('reuse.catalogue.status') }}</label>
          <select id="solution-status" class="koop-input" (change)="status.set(value($event))">
            <option value="">{{ t('reuse.catalogue.all') }}</option>
            @for (s of statuses; track s) {
              <option [value]="s" [selected]="s === status()">{{ t('reuse.status.' + s) }}</option>
            }
          </select>
        </div>
        <div class="koop-field">
          <label for="solution-city">{{ t('reuse.catalogue.city') }}</label>
          <select id="solution-city" class="koop-input" (change)="cityId.set(value($event))">
            <option value="">{{ t('reuse.catalogue.all') }}</option>
            @for (c of cities(); track c.id) {
              <option [value]="c.id" [selected]="c.id === cityId()">{{ c.name }}</option>
            }
          </select>
        </div>
        <div class="koop-field search">
          <label for="solution-search">{{ t('reuse.catalogue.search') }}</label>
          <input
            id="solution-search"
            class="koop-input"
            type="search"
            [value]="search()"
            (input)="search.set(value($event))"
          />
        </div>
      </form>

      <koop-load-state
        [resource]="catalogue"
        [empty]="rows().length === 0"
        [emptyText]="t('reuse.catalogue.empty')"
      >
        <div class="koop-table-wrap">
          <table class="koop-table" data-testid="solution-list">
            <caption aria-live="polite">
              {{
                total() > rows().length
                  ? t('reuse.catalogue.captionMore', { shown: rows().length, count: total() })
                  : t('reuse.catalogue.caption', { count: total() })
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('reuse.catalogue.solution') }}</th>
                <th scope="col">{{ t('reuse.catalogue.kind') }}</th>
                <th scope="col">{{ t('reuse.catalogue.status') }}</th>
                <th scope="col">{{ t('reuse.catalogue.developedBy') }}</th>
                <th scope="col">{{ t('reuse.catalogue.licence') }}</th>
                <th scope="col" class="number">{{ t('reuse.catalogue.reuses') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (s of rows(); track s.id) {
                <tr>
                  <th scope="row">
                    <a [routerLink]="['/loesungen', s.id]">{{ s.title }}</a>
                  </th>
                  <td>{{ t('reuse.kind.' + s.kind) }}</td>
                  <td>{{ t('reuse.status.' + s.status) }}</td>
                  <td>{{ names(s.developedBy) }}</td>
                  <td class="code">{{ s.licence ?? '–' }}</td>
                  <td class="number">{{ s.reuses.length }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <koop-pager
          [pages]="pages"
          [total]="total()"
          [pageSize]="pageSize"
          [hasNext]="!!pageInfo()?.hasNextPage"
          [endCursor]="pageInfo()?.endCursor"
        />
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    .links {
      display: flex;
      gap: 1.5rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .filters {
      display: flex;
      gap: 1rem;
      flex-wrap: wrap;
      align-items: flex-end;
      margin-bottom: 1rem;
    }
    .filters .search {
      flex: 1 1 16rem;
    }
    .filters input {
      width: 100%;
    }
    .number {
      text-align: right;
    }
    .code {
      font-family: ui-monospace, monospace;
    }
  `,
})
export class SolutionListPage {
  private readonly auth = inject(AuthService);
  private readonly translate = injectTranslate();

  protected readonly kinds = SOLUTION_KINDS;
  protected readonly statuses = SOLUTION_STATUSES;
  protected readonly kind = signal('');
  protected readonly status = signal('');
  protected readonly cityId = signal('');
  protected readonly search = signal('');

  private readonly citiesResource = queryResource(SolutionCitiesDocument, () => ({}));
  protected readonly cities = computed(() => loaded(this.citiesResource)?.cities ?? []);

  private readonly filter = computed(() => {
    const filter: SolutionFilter = {};
    if (this.kind()) filter.kind = this.kind() as SolutionKind;
    if (this.status()) filter.status = this.status() as SolutionStatus;
    if (this.cityId()) filter.cityId = this.cityId();
    if (this.search().trim()) filter.search = this.search().trim();
    return filter;
  });
  protected readonly pageSize = MAX_PAGE_SIZE;
  protected readonly pages = cursorPages(this.filter);
  protected readonly catalogue = queryResource(SolutionCatalogueDocument, () => ({
    filter: this.filter(),
    first: this.pageSize,
    after: this.pages.after(),
  }));
  protected readonly pageInfo = computed(() => loaded(this.catalogue)?.solutions.pageInfo);
  protected readonly rows = computed(() => loaded(this.catalogue)?.solutions.edges.map((e) => e.node) ?? []);
  protected readonly total = computed(() => loaded(this.catalogue)?.solutions.totalCount ?? 0);

  /** Everyone with a role that may write to the catalogue sees the way to add a solution; the API decides. */
  protected readonly mayCreate = computed(() =>
    this.auth.roles().some((r) => ['ADMIN', 'WORKING_GROUP_LEAD', 'CDO', 'CITY_EDITOR'].includes(r.role)),
  );

  constructor() {
    pageTitle(() => this.translate('reuse.catalogue.title'));
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected names(cities: readonly { name: string }[]): string {
    return cities.map((c) => c.name).join(', ');
  }
}
