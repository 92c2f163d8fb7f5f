import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  linkedSignal,
  viewChild,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { daysSince, projectFlags, type ProjectFlags } from '@koop/domain';
import { StatusBadgeComponent } from '@koop/ui';
import { requestProblem } from '../../core/graphql-errors';
import { FormatService } from '../../core/format.service';
import { queryResource } from '../../core/graphql-resource';
import {
  ProjectListOptionsDocument,
  ProjectListPageDocument,
  type ProjectListPageQuery,
  type ProjectSortField,
} from '../../graphql/generated/graphql';
import { HEALTH_TONES } from '../../shared/labels';
import { pageTitle } from '../../shared/page-title';
import { localToday } from './milestones';
import { ExportLinksComponent } from '../exports/export-links.component';
import { ProjectFiltersComponent } from './project-filters.component';
import {
  changed,
  listParams,
  listVariables,
  PAGE_SIZES,
  parseListState,
  sortedBy,
  type ProjectListState,
} from './project-list-state';

type ProjectRow = ProjectListPageQuery['projects']['edges'][number]['node'];

interface Column {
  readonly key: string;
  readonly sort?: ProjectSortField;
  /** Left out of the table on a phone, where the title cell says it instead. */
  readonly wide?: boolean;
}

/** The projects of all cooperations: filtered, sorted and paged as the URL says. */
@Component({
  selector: 'koop-project-list-page',
  imports: [
    RouterLink,
    TranslocoDirective,
    StatusBadgeComponent,
    ProjectFiltersComponent,
    ExportLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('projects.list.title') }}</h1>
      <p class="lead koop-lead">{{ t('projects.list.lead') }}</p>
      <div class="layout">
        <koop-project-filters [state]="state()" [options]="options.value()" (changed)="filter($event)" />

        <section class="results" aria-labelledby="results-heading" [attr.aria-busy]="list.isLoading()">
          <h2 id="results-heading" tabindex="-1" #resultsHeading>{{ t('projects.list.results') }}</h2>
          @if (list.error(); as error) {
            <div class="problem" role="alert">
              <p>
                <strong>{{ t('state.errorTitle') }}</strong>
              </p>
              <p>{{ problemText(error, t('state.networkError')) }}</p>
              <button type="button" (click)="list.reload()">{{ t('state.retry') }}</button>
            </div>
          } @else if (page(); as page) {
            <p class="count" role="status">
              @if (page.projects.totalCount === 0) {
                {{ t('projects.list.none') }}
              } @else {
                {{
                  t('projects.list.range', {
                    from: format.number(range().from),
                    to: format.number(range().to),
                    total: format.number(page.projects.totalCount),
                  })
                }}
                ·
                {{
                  t('projects.list.sortedBy', {
                    column: t('projects.column.' + sortColumn()),
                    direction: t('projects.list.' + state().direction),
                  })
                }}
              }
              @if (list.isLoading()) {
                · {{ t('state.loading') }}
              }
            </p>
            @if (page.projects.totalCount === 0) {
              <p>{{ t('projects.list.noneHint') }}</p>
            } @else {
              <koop-export-links
                dataset="projects"
                [label]="t('projects.list.title')"
                [params]="exportParams()"
              />
              <div
                class="table-wrap koop-table-wrap"
                role="region"
                [attr.aria-labelledby]="'results-caption'"
                tabindex="0"
              >
                <table class="koop-table">
                  <caption id="results-caption">
                    {{
                      t('projects.list.caption', { page: state().trail.length + 1 })
                    }}
                  </caption>
                  <thead>
                    <tr>
                      @for (c of columns; track c.key) {
                        <th scope="col" [attr.aria-sort]="ariaSort(c)" [class.wide]="c.wide">
                          @if (c.sort; as field) {
                            <button type="button" (click)="sort(field)">
                              {{ t('projects.column.' + c.key) }}
                              <span aria-hidden="true" class="arrow">{{ arrow(c) }}</span>
                            </button>
                          } @else {
                            {{ t('projects.column.' + c.key) }}
                          }
                        </th>
                      }
                    </tr>
                  </thead>
                  <tbody>
                    @for (edge of page.projects.edges; track edge.node.id) {
                      @let p = edge.node;
                      @let flags = flagsOf(p);
                      <tr
                        [attr.data-project]="p.id"
                        [class.retired]="flags.retired"
                        [attr.data-flags]="flagNames(flags)"
                      >
                        <th scope="row">
                          <a [routerLink]="['/projekte', p.id]">{{ p.title }}</a>
                          <span class="meta"
                            >{{ t('enum.kind.' + p.kind) }}
                            @if (p.isEfa) {
                              · <abbr [title]="t('common.efaLong')">{{ t('common.efa') }}</abbr>
                            }
                          </span>
                          <!-- On a phone the columns left out are said here, under the title. -->
                          <span class="meta narrow" data-narrow-meta
                            >{{ t('enum.phase.' + p.phase) }} · {{ p.workingGroup.name }} ·
                            {{ t('projects.column.targetDate') }} {{ format.date(p.targetDate) }}
                            @if (flags.overdue) {
                              <span class="flag-inline"
                                ><span aria-hidden="true">⚠ </span>{{ t('projects.list.overdue') }}</span
                              >
                            }
                          </span>
                        </th>
                        <td class="wide">{{ p.workingGroup.name }}</td>
                        <td class="wide">{{ p.ownerCity?.name ?? t('common.none') }}</td>
                        <td class="wide">{{ t('enum.phase.' + p.phase) }}</td>
                        <td>
                          @if (flags.retired) {
                            <koop-status-badge tone="grey" icon="✕" [label]="t('projects.list.retired')" />
                          } @else {
                            <koop-status-badge
                              [tone]="healthTones[p.health]"
                              [label]="t('enum.health.' + p.health)"
                            />
                          }
                          @if (flags.stale) {
                            @let days = daysSince(p.lastStatusUpdateAt);
                            <span class="flag" data-flag="stale"
                              ><span aria-hidden="true">⚠ </span
                              >{{
                                days === null
                                  ? t('projects.list.noUpdate')
                                  : t(format.plural('projects.list.stale', days), { days: days })
                              }}</span
                            >
                          }
                        </td>
                        <td class="num">
                          @if (flags.retired) {
                            <span class="muted">{{ t('projects.list.noProgress') }}</span>
                          } @else {
                            <span class="bar" aria-hidden="true"
                              ><span [style.width.%]="p.progress"></span
                            ></span>
                            {{ format.percent(p.progress / 100, 0) }}
                          }
                        </td>
                        <td class="num wide">
                          {{ format.date(p.targetDate) }}
                          @if (flags.overdue) {
                            <span class="flag" data-flag="overdue"
                              ><span aria-hidden="true">⚠ </span>{{ t('projects.list.overdue') }}</span
                            >
                          }
                        </td>
                        <td class="num wide">{{ format.date(p.updatedAt) }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              <nav class="pager" [attr.aria-label]="t('projects.list.pages')">
                <button type="button" [disabled]="state().trail.length === 0" (click)="firstPage()">
                  {{ t('projects.list.first') }}
                </button>
                <button type="button" [disabled]="state().trail.length === 0" (click)="previousPage()">
                  <span aria-hidden="true">‹</span> {{ t('projects.list.previous') }}
                </button>
                <span class="page">{{
                  t('projects.list.page', { page: state().trail.length + 1, pages: pages() })
                }}</span>
                <button
                  type="button"
                  [disabled]="!page.projects.pageInfo.hasNextPage"
                  (click)="nextPage(page.projects.pageInfo.endCursor)"
                >
                  {{ t('projects.list.next') }} <span aria-hidden="true">›</span>
                </button>
                <label class="size">
                  {{ t('projects.list.pageSize') }}
                  <select (change)="pageSize($any($event.target).value)">
                    @for (size of pageSizes; track size) {
                      <option [value]="size" [selected]="size === state().pageSize">{{ size }}</option>
                    }
                  </select>
                </label>
              </nav>
            }
          } @else {
            <p class="count" role="status">{{ t('state.loading') }}</p>
          }
        </section>
      </div>
    </ng-container>
  `,
  styleUrl: './project-list.page.css',
})
export class ProjectListPage {
  // Query parameters, bound by the router; their names are the URL's.
  readonly kooperation = input<string>();
  readonly arbeitszirkel = input<string>();
  readonly phase = input<string>();
  readonly status = input<string>();
  readonly art = input<string>();
  readonly kommune = input<string>();
  readonly efa = input<string>();
  readonly suche = input<string>();
  readonly sortierung = input<string>();
  readonly richtung = input<string>();
  readonly anzahl = input<string>();
  readonly nach = input<string>();

  private readonly router = inject(Router);
  protected readonly format = inject(FormatService);
  protected readonly healthTones = HEALTH_TONES;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns: readonly Column[] = [
    { key: 'title', sort: 'TITLE' },
    { key: 'workingGroup', wide: true },
    { key: 'ownerCity', wide: true },
    { key: 'phase', sort: 'PHASE', wide: true },
    { key: 'health', sort: 'HEALTH' },
    { key: 'progress', sort: 'PROGRESS' },
    { key: 'targetDate', sort: 'TARGET_DATE', wide: true },
    { key: 'updatedAt', sort: 'UPDATED_AT', wide: true },
  ];

  private readonly resultsHeading = viewChild<ElementRef<HTMLElement>>('resultsHeading');
  /** The user's day and time when the page opened: what is overdue or stale is judged against them. */
  private readonly now = new Date();
  private readonly today = localToday(this.now);

  protected readonly state = computed(() =>
    parseListState({
      kooperation: this.kooperation(),
      arbeitszirkel: this.arbeitszirkel(),
      phase: this.phase(),
      status: this.status(),
      art: this.art(),
      kommune: this.kommune(),
      efa: this.efa(),
      suche: this.suche(),
      sortierung: this.sortierung(),
      richtung: this.richtung(),
      anzahl: this.anzahl(),
      nach: this.nach(),
    }),
  );

  /** The list's filters and sort as the export's query parameters: the file holds every page of the list. */
  protected readonly exportParams = computed(() => {
    const state = this.state();
    return {
      cooperationId: state.cooperationId,
      workingGroupId: state.workingGroupId,
      phase: state.phases,
      health: state.healths,
      kind: state.kinds,
      cityId: state.cityId,
      isEfa: state.isEfa,
      search: state.search,
      orderBy: state.sort,
      direction: state.direction,
    };
  });

  protected readonly options = queryResource(ProjectListOptionsDocument, () => ({}));
  protected readonly list = queryResource(ProjectListPageDocument, () => listVariables(this.state()));

  /** The last page that arrived: it stays while the next loads, so that focus and place are kept. */
  protected readonly page = linkedSignal<ProjectListPageQuery | undefined, ProjectListPageQuery | undefined>({
    source: () => (this.list.hasValue() ? this.list.value() : undefined),
    computation: (value, previous) => value ?? previous?.value,
  });

  protected readonly range = computed(() => {
    const shown = this.page()?.projects.edges.length ?? 0;
    const from = this.state().trail.length * this.state().pageSize + 1;
    return { from, to: from + shown - 1 };
  });
  protected readonly pages = computed(() =>
    Math.max(1, Math.ceil((this.page()?.projects.totalCount ?? 0) / this.state().pageSize)),
  );
  protected readonly sortColumn = computed(
    () => this.columns.find((c) => c.sort === this.state().sort)?.key ?? 'title',
  );

  constructor() {
    const title = toSignal(inject(TranslocoService).selectTranslate<string>('list.title', {}, 'projects'));
    pageTitle(title);
  }

  /** Overdue, stale and retired, by the rules of libs/domain. */
  protected flagsOf(project: ProjectRow): ProjectFlags {
    return projectFlags(project, this.today, this.now);
  }

  protected flagNames(flags: ProjectFlags): string | null {
    const names = (['overdue', 'stale', 'retired'] as const).filter((name) => flags[name]);
    return names.length > 0 ? names.join(' ') : null;
  }

  protected daysSince(instant: string | null): number | null {
    return daysSince(instant, this.now);
  }

  protected filter(changes: Partial<ProjectListState>): void {
    this.go(changed(this.state(), changes), 'search' in changes);
  }

  protected sort(field: ProjectSortField): void {
    this.go(sortedBy(this.state(), field));
  }

  protected ariaSort(column: Column): string | null {
    if (!column.sort || column.sort !== this.state().sort) return null;
    return this.state().direction === 'ASC' ? 'ascending' : 'descending';
  }

  protected arrow(column: Column): string {
    if (column.sort !== this.state().sort) return '↕';
    return this.state().direction === 'ASC' ? '▲' : '▼';
  }

  protected nextPage(cursor: string | null): void {
    if (!cursor) return;
    this.turnPage([...this.state().trail, cursor]);
  }

  protected previousPage(): void {
    this.turnPage(this.state().trail.slice(0, -1));
  }

  protected firstPage(): void {
    this.turnPage([]);
  }

  protected pageSize(value: string): void {
    this.go(changed(this.state(), { pageSize: Number(value) }));
  }

  protected problemText(error: unknown, networkText: string): string {
    const problem = requestProblem(error);
    return problem.code === 'NETWORK' ? networkText : problem.message;
  }

  private turnPage(trail: readonly string[]): void {
    this.go({ ...this.state(), trail });
    // The page's buttons may vanish (first and last page): start reading at the results instead.
    this.resultsHeading()?.nativeElement.focus();
  }

  private go(state: ProjectListState, replaceUrl = false): void {
    void this.router.navigate([], {
      queryParams: listParams(state),
      queryParamsHandling: 'merge',
      replaceUrl,
    });
  }
}
