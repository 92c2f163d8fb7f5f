import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ProjectListOptionsQuery } from '../../graphql/generated/graphql';
import { activeFilterCount, HEALTHS, KINDS, PHASES, type ProjectListState } from './project-list-state';

/** How long the search waits after the last key stroke before it asks the server. */
const SEARCH_DELAY_MS = 400;

let nextId = 0;

/**
 * The list's filters: each a labelled native control, so that keyboard and screen reader work as
 * everywhere else. Every change is reported at once; the page puts it into the URL.
 */
@Component({
  selector: 'koop-project-filters',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section class="filters koop-card" [attr.aria-labelledby]="id + '-heading'">
        <div class="head">
          <h2 [id]="id + '-heading'">{{ t('projects.filters.title') }}</h2>
          <button
            type="button"
            class="toggle koop-button"
            [attr.aria-expanded]="open()"
            [attr.aria-controls]="id + '-body'"
            (click)="toggledOpen.set(!open())"
          >
            {{ open() ? t('projects.filters.hide') : t('projects.filters.show') }}
            @if (active() > 0) {
              ({{ t('projects.filters.active', { count: active() }) }})
            }
          </button>
        </div>
        <div class="body" [id]="id + '-body'" [class.closed]="!open()">
          <form role="search" (submit)="submitSearch($event)">
            <label [for]="id + '-search'">{{ t('projects.filters.search') }}</label>
            <div class="search">
              <input
                class="koop-input"
                type="search"
                [id]="id + '-search'"
                [value]="searchText()"
                (input)="typed($any($event.target).value)"
              />
              <button type="submit" class="koop-button-primary">
                {{ t('projects.filters.searchButton') }}
              </button>
            </div>
          </form>

          <label [for]="id + '-cooperation'">{{ t('common.cooperation') }}</label>
          <select
            class="koop-input"
            [id]="id + '-cooperation'"
            (change)="cooperationChosen($any($event.target).value)"
          >
            <option value="" [selected]="!state().cooperationId">
              {{ t('projects.filters.allFeminine') }}
            </option>
            @for (c of options()?.cooperations ?? []; track c.id) {
              <option [value]="c.id" [selected]="c.id === state().cooperationId">{{ c.name }}</option>
            }
          </select>

          <label [for]="id + '-group'">{{ t('common.workingGroup') }}</label>
          <select
            class="koop-input"
            [id]="id + '-group'"
            (change)="changed.emit({ workingGroupId: $any($event.target).value || null })"
          >
            <option value="" [selected]="!state().workingGroupId">{{ t('common.all') }}</option>
            @for (c of groupsByCooperation(); track c.id) {
              <optgroup [label]="c.shortName">
                @for (g of c.workingGroups; track g.id) {
                  <option [value]="g.id" [selected]="g.id === state().workingGroupId">{{ g.name }}</option>
                }
              </optgroup>
            }
          </select>

          <label [for]="id + '-city'">{{ t('common.city') }}</label>
          <select
            class="koop-input"
            [id]="id + '-city'"
            [attr.aria-describedby]="id + '-city-hint'"
            (change)="cityChosen($any($event.target).value)"
          >
            <option value="" [selected]="!state().cityId">{{ t('projects.filters.allFeminine') }}</option>
            @for (c of cityOptions(); track c.id) {
              <option [value]="c.id" [selected]="c.id === state().cityId">{{ c.name }}</option>
            }
          </select>
          <p class="hint" [id]="id + '-city-hint'">{{ t('projects.filters.cityHint') }}</p>

          <label [for]="id + '-efa'">{{ t('projects.filters.efa') }}</label>
          <select class="koop-input" [id]="id + '-efa'" (change)="efaChosen($any($event.target).value)">
            <option value="" [selected]="state().isEfa === null">{{ t('common.all') }}</option>
            <option value="ja" [selected]="state().isEfa === true">
              {{ t('projects.filters.efaOnly') }}
            </option>
            <option value="nein" [selected]="state().isEfa === false">
              {{ t('projects.filters.efaNot') }}
            </option>
          </select>

          <fieldset>
            <legend>{{ t('common.health') }}</legend>
            @for (h of healths; track h) {
              <label class="check">
                <input
                  type="checkbox"
                  [checked]="state().healths.includes(h)"
                  (change)="changed.emit({ healths: toggled(healths, state().healths, h) })"
                />
                {{ t('enum.health.' + h) }}
              </label>
            }
          </fieldset>

          <fieldset>
            <legend>{{ t('common.phase') }}</legend>
            @for (p of phases; track p) {
              <label class="check">
                <input
                  type="checkbox"
                  [checked]="state().phases.includes(p)"
                  (change)="changed.emit({ phases: toggled(phases, state().phases, p) })"
                />
                {{ t('enum.phase.' + p) }}
              </label>
            }
          </fieldset>

          <fieldset>
            <legend>{{ t('common.kind') }}</legend>
            @for (k of kinds; track k) {
              <label class="check">
                <input
                  type="checkbox"
                  [checked]="state().kinds.includes(k)"
                  (change)="changed.emit({ kinds: toggled(kinds, state().kinds, k) })"
                />
                {{ t('enum.kind.' + k) }}
              </label>
            }
          </fieldset>

          @if (active() > 0) {
            <button type="button" class="reset koop-button" (click)="reset()">
              {{ t('projects.filters.reset') }}
            </button>
          }
        </div>
      </section>
    </ng-container>
  `,
  styles: `
    .filters {
      padding: 0.75rem 1rem 1rem;
    }
    .head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
    }
    h2 {
      font-size: 1.15rem;
      margin: 0;
    }
    label,
    legend {
      display: block;
      font-weight: 600;
      margin: 0.75rem 0 0.2rem;
    }
    .koop-input {
      width: 100%;
      padding: 0.35rem 0.45rem;
    }
    .search {
      display: flex;
      gap: 0.35rem;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0.5rem 0 0;
    }
    .check {
      font-weight: 400;
      display: flex;
      align-items: center;
      gap: 0.45rem;
      margin: 0;
      min-height: 2rem;
    }
    .check input {
      width: 1.15rem;
      height: 1.15rem;
      margin: 0;
    }
    .hint {
      margin: 0.2rem 0 0;
      font-size: 0.85rem;
      color: var(--koop-muted);
    }
    button {
      padding: 0.35rem 0.8rem;
    }
    .reset {
      margin-top: 1rem;
      width: 100%;
    }
    @media (min-width: 64rem) {
      .toggle {
        display: none;
      }
    }
    @media (max-width: 63.99rem) {
      .body.closed {
        display: none;
      }
    }
  `,
})
export class ProjectFiltersComponent {
  readonly state = input.required<ProjectListState>();
  readonly options = input<ProjectListOptionsQuery | undefined>();
  /** A change of filters; the page starts again at the first page. */
  readonly changed = output<Partial<ProjectListState>>();

  protected readonly id = `koop-filters-${nextId++}`;
  protected readonly phases = PHASES;
  protected readonly healths = HEALTHS;
  protected readonly kinds = KINDS;
  protected readonly active = computed(() => activeFilterCount(this.state()));
  private readonly wide = typeof matchMedia === 'function' ? matchMedia('(min-width: 64rem)').matches : true;
  protected readonly toggledOpen = signal<boolean | null>(null);
  /** On a phone the filters start folded away, so that the results come first; the user unfolds them. */
  protected readonly open = computed(() => this.toggledOpen() ?? this.wide);
  /** What the user typed; follows the URL when that changes from elsewhere. */
  protected readonly searchText = linkedSignal(() => this.state().search);
  protected readonly groupsByCooperation = computed(() => {
    const cooperations = this.options()?.cooperations ?? [];
    const chosen = this.state().cooperationId;
    return chosen ? cooperations.filter((c) => c.id === chosen) : cooperations;
  });

  /**
   * The cities that take part: members of the chosen cooperation, or of any when none is chosen. A city in no
   * cooperation has no projects to filter by; the one chosen in the URL stays, so that the select shows it.
   */
  protected readonly cityOptions = computed(() => {
    const members = new Set(this.groupsByCooperation().flatMap((cooperation) => cooperation.memberCityIds));
    const chosen = this.state().cityId;
    return (this.options()?.cities ?? []).filter((city) => members.has(city.id) || city.id === chosen);
  });

  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.searchTimer));
  }

  protected typed(text: string): void {
    this.searchText.set(text);
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.emitSearch(), SEARCH_DELAY_MS);
  }

  protected submitSearch(event: Event): void {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    this.emitSearch();
  }

  protected cooperationChosen(value: string): void {
    const cooperationId = value || null;
    const groups = this.options()?.cooperations.find((c) => c.id === cooperationId)?.workingGroups ?? [];
    const keepGroup = !cooperationId || groups.some((g) => g.id === this.state().workingGroupId);
    this.changed.emit({
      cooperationId,
      ...(keepGroup ? {} : { workingGroupId: null }),
    });
  }

  protected cityChosen(value: string): void {
    this.changed.emit({ cityId: value || null });
  }

  protected efaChosen(value: string): void {
    this.changed.emit({ isEfa: value === 'ja' ? true : value === 'nein' ? false : null });
  }

  /** `all` without or with `value`, in the order of `all`. */
  protected toggled<T extends string>(all: readonly T[], chosen: readonly T[], value: T): T[] {
    return all.filter((item) => (item === value ? !chosen.includes(item) : chosen.includes(item)));
  }

  protected reset(): void {
    clearTimeout(this.searchTimer);
    this.searchText.set('');
    this.changed.emit({
      cooperationId: null,
      workingGroupId: null,
      phases: [],
      healths: [],
      kinds: [],
      cityId: null,
      isEfa: null,
      search: '',
    });
  }

  private emitSearch(): void {
    const search = this.searchText().trim();
    if (search !== this.state().search) {
      this.changed.emit({ search });
    }
  }
}
