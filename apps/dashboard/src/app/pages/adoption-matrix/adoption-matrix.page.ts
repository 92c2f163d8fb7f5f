import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthService } from '../../core/auth.service';
import { CooperationService } from '../../core/cooperation.service';
import { queryResource } from '../../core/graphql-resource';
import { followCooperation, throttled } from '../../core/live.service';
import { LanguageService } from '../../core/language.service';
import { AdoptionMatrixTopicsDocument, AdoptionMatrixViewDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { STAGE_SYMBOLS } from '../../shared/labels';
import { AdoptionEditorComponent } from './adoption-editor.component';
import { AdoptionGridComponent } from './adoption-grid.component';
import { ExportLinksComponent } from '../exports/export-links.component';
import { AdoptionLegendComponent } from './adoption-legend.component';
import { AdoptionPrintTableComponent } from './adoption-print-table.component';
import {
  isStage,
  type MatrixAdoption,
  type MatrixCellView,
  shapeMatrix,
  STAGES,
  topicsInUse,
  withAdoption,
} from './matrix-shape';

/** The rows the matrix shows: cells, services, member cities. */
const MATRIX_ENTITIES = new Set(['Adoption', 'Project', 'Membership', 'City', 'Cooperation']);

interface Saved {
  readonly city: string;
  readonly service: string;
  readonly adoption: MatrixAdoption;
}

/**
 * Member cities × online services of a cooperation: stage and maturity per cell, live totals per city
 * and service, filters in the URL, and a city editor's change made in place.
 */
@Component({
  selector: 'koop-adoption-matrix-page',
  imports: [
    TranslocoDirective,
    LoadStateComponent,
    AdoptionGridComponent,
    AdoptionEditorComponent,
    AdoptionLegendComponent,
    AdoptionPrintTableComponent,
    ExportLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('adoptionMatrix.title') }}</h1>
      <p class="intro koop-lead">{{ t('adoptionMatrix.intro') }}</p>

      <koop-load-state [resource]="cooperations.list" [empty]="cooperations.cooperations().length === 0">
        <form
          class="filters koop-card koop-filters"
          [attr.aria-label]="t('adoptionMatrix.filters')"
          (submit)="$event.preventDefault()"
        >
          <div class="control koop-field">
            <label for="adoption-cooperation">{{ t('common.cooperation') }}</label>
            <select
              class="koop-input"
              id="adoption-cooperation"
              (change)="chooseCooperation($any($event.target).value)"
            >
              @for (cooperation of cooperations.cooperations(); track cooperation.id) {
                <option [value]="cooperation.id" [selected]="cooperation.id === cooperationId()">
                  {{ cooperation.name }}
                </option>
              }
            </select>
          </div>
          <div class="control koop-field">
            <label for="adoption-topic">{{ t('adoptionMatrix.topic') }}</label>
            <select class="koop-input" id="adoption-topic" (change)="chooseTopic($any($event.target).value)">
              <option value="" [selected]="topic() === null">{{ t('adoptionMatrix.allTopics') }}</option>
              @for (option of topicOptions(); track option.key) {
                <option [value]="option.key" [selected]="option.key === topic()">{{ option.name }}</option>
              }
            </select>
          </div>
          <div class="control koop-field">
            <label for="adoption-stage">{{ t('common.stage') }}</label>
            <select class="koop-input" id="adoption-stage" (change)="chooseStage($any($event.target).value)">
              <option value="" [selected]="stage() === null">{{ t('adoptionMatrix.allStages') }}</option>
              @for (option of stages; track option) {
                <option [value]="option" [selected]="option === stage()">
                  {{ symbols[option] }} {{ t('enum.stage.' + option) }}
                </option>
              }
            </select>
          </div>
          @if (filtered()) {
            <button type="button" class="reset koop-button" (click)="resetFilters()">
              {{ t('adoptionMatrix.resetFilters') }}
            </button>
          }
        </form>

        <koop-load-state
          [resource]="matrix"
          [empty]="!data()?.cities?.length || !data()?.projects?.length"
          [emptyText]="t('adoptionMatrix.noServices')"
        >
          @if (shaped(); as m) {
            <koop-adoption-legend />
            <h2 id="adoption-grid-title" class="grid-title">
              {{ t('adoptionMatrix.gridTitle') }} – {{ cooperationName() }}
            </h2>
            <p class="summary">
              {{
                t('adoptionMatrix.size', {
                  cities: m.cities.length,
                  services: m.services.length,
                  live: m.total,
                })
              }}
              @if (m.hiddenCities > 0 || m.hiddenServices > 0) {
                {{ t('adoptionMatrix.hidden', { cities: m.hiddenCities, services: m.hiddenServices }) }}
              }
            </p>
            <koop-export-links
              dataset="adoption-matrix"
              [label]="t('adoptionMatrix.gridTitle') + ' – ' + cooperationName()"
              [params]="{ cooperationId: cooperationId(), ozgTopic: topic(), stage: stage() }"
            />
            @if (m.cities.length === 0 || m.services.length === 0) {
              <p class="no-match">{{ t('adoptionMatrix.noMatch') }}</p>
              <button type="button" class="reset koop-button" (click)="resetFilters()">
                {{ t('adoptionMatrix.resetFilters') }}
              </button>
            } @else {
              @let scope = editScope();
              <p id="adoption-grid-help" class="help no-print">
                @switch (scope.kind) {
                  @case ('all') {
                    {{ t('adoptionMatrix.editAll') }}
                  }
                  @case ('own') {
                    {{ t('adoptionMatrix.editOwn', { cities: scope.cities }) }}
                  }
                  @default {
                    {{ t('adoptionMatrix.readOnly') }}
                  }
                }
                {{
                  scope.kind === 'none' ? t('adoptionMatrix.keyboardRead') : t('adoptionMatrix.keyboardHelp')
                }}
              </p>
              <koop-adoption-grid
                [matrix]="m"
                [mayEdit]="mayEdit()"
                [markEditable]="scope.kind === 'own'"
                labelledBy="adoption-grid-title"
                describedBy="adoption-grid-help"
                (edit)="open($event)"
              />
              <koop-adoption-print-table
                [matrix]="m"
                [caption]="t('adoptionMatrix.gridTitle') + ' – ' + cooperationName()"
              />
            }
          }
        </koop-load-state>
      </koop-load-state>

      @if (editing(); as cell) {
        <koop-adoption-editor
          [cell]="cell"
          (saved)="onSaved($event)"
          (closed)="onClosed()"
          (reloadRequested)="reloadMatrix()"
        />
      }

      <p class="sr-only" role="status" aria-live="polite">
        @if (saved(); as s) {
          {{
            t('adoptionMatrix.editor.saved', {
              city: s.city,
              service: s.service,
              state:
                t('enum.stage.' + s.adoption.stage) +
                ', ' +
                (s.adoption.maturityLevel === null
                  ? t('adoptionMatrix.maturityNoLevel', { model: s.adoption.maturityModel })
                  : t('adoptionMatrix.maturityLong', {
                      level: s.adoption.maturityLevel,
                      model: s.adoption.maturityModel,
                    })),
            })
          }}
        }
      </p>
    </ng-container>
  `,
  styleUrl: './adoption-matrix.page.css',
})
export class AdoptionMatrixPage {
  /** Query parameters, bound by the router. */
  readonly kooperation = input<string>();
  readonly themenfeld = input<string>();
  readonly stufe = input<string>();

  constructor() {
    pageTitle(toSignal(inject(TranslocoService).selectTranslate<string>('title', {}, 'adoptionMatrix')));
    // An open editor keeps the version it loaded: saving over someone else's change shows the conflict.
    followCooperation(
      () => this.cooperationId(),
      (signal) => {
        if (!signal || MATRIX_ENTITIES.has(signal.entity)) this.refetch();
      },
    );
  }

  /** The matrix is one large answer: refetched at most every two seconds, however many rows change. */
  private readonly refetch = throttled(() => this.matrix.refresh(), 2000);

  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  protected readonly cooperations = inject(CooperationService);
  private readonly auth = inject(AuthService);
  protected readonly stages = STAGES;
  protected readonly symbols = STAGE_SYMBOLS;

  private readonly grid = viewChild(AdoptionGridComponent);

  /**
   * The cooperation of the URL, trusted while the list of cooperations loads, so that the matrix loads
   * beside the list instead of after it; once the list is there, an unknown one gives way to the first.
   */
  protected readonly cooperationId = computed(() => {
    const wanted = this.kooperation();
    return wanted && this.cooperations.list.isLoading() ? wanted : this.cooperations.pick(wanted);
  });
  protected readonly cooperationName = computed(
    () => this.cooperations.cooperations().find((c) => c.id === this.cooperationId())?.name ?? '',
  );
  // 100 cities × 600 services is one large answer that only this page reads: it stays out of the cache.
  protected readonly matrix = queryResource(
    AdoptionMatrixViewDocument,
    () => {
      const cooperationId = this.cooperationId();
      return cooperationId ? { cooperationId } : undefined;
    },
    { uncached: true },
  );
  private readonly topics = queryResource(AdoptionMatrixTopicsDocument, () => ({}));

  protected readonly data = computed(() => this.matrix.value()?.adoptionMatrix);
  protected readonly topicOptions = computed(() => {
    const data = this.data();
    if (!data) return [];
    const english = this.language.language() === 'en';
    const known = new Map((this.topics.value()?.ozgTopics ?? []).map((t) => [t.key, t]));
    return topicsInUse(data)
      .map((key) => {
        const topic = known.get(key);
        return { key, name: topic ? (english ? topic.nameEn : topic.nameDe) : key };
      })
      .sort((a, b) => a.name.localeCompare(b.name, this.language.locale()));
  });
  /** The topic of the URL, if the cooperation has services in it. */
  protected readonly topic = computed(() => {
    const wanted = this.themenfeld();
    return this.topicOptions().some((t) => t.key === wanted) ? (wanted ?? null) : null;
  });
  protected readonly stage = computed(() => {
    const wanted = this.stufe();
    return isStage(wanted) ? wanted : null;
  });
  protected readonly shaped = computed(() => {
    const data = this.data();
    return data ? shapeMatrix(data, { topic: this.topic(), stage: this.stage() }) : null;
  });
  protected readonly filtered = computed(() => this.topic() !== null || this.stage() !== null);

  /** Whose rows the user may change: all (admins), their own city's (editors, CDOs), or none. */
  protected readonly mayEdit = computed(() => {
    this.auth.roles();
    return (cityId: string) => this.auth.mayEditCity(cityId);
  });
  protected readonly editScope = computed(() => {
    if (this.auth.isAdmin()) return { kind: 'all' as const, cities: '' };
    const mayEdit = this.mayEdit();
    const own = (this.data()?.cities ?? []).filter((city) => mayEdit(city.id)).map((city) => city.name);
    return own.length > 0
      ? { kind: 'own' as const, cities: own.join(', ') }
      : { kind: 'none' as const, cities: '' };
  });

  protected readonly editing = signal<MatrixCellView | null>(null);
  protected readonly saved = signal<Saved | null>(null);

  protected chooseCooperation(id: string): void {
    this.navigate({ kooperation: id, themenfeld: null });
  }

  protected chooseTopic(key: string): void {
    this.navigate({ themenfeld: key || null });
  }

  protected chooseStage(stage: string): void {
    this.navigate({ stufe: stage || null });
  }

  protected resetFilters(): void {
    this.navigate({ themenfeld: null, stufe: null });
  }

  protected open(cell: MatrixCellView): void {
    this.saved.set(null);
    this.editing.set(cell);
  }

  protected onSaved(adoption: MatrixAdoption): void {
    const cell = this.editing();
    // The server's answer is the row's new state: show it at once, without waiting for a reload.
    this.matrix.value.update((value) =>
      value ? { ...value, adoptionMatrix: withAdoption(value.adoptionMatrix, adoption) } : value,
    );
    if (cell) this.saved.set({ city: cell.city.name, service: cell.service.title, adoption });
  }

  protected onClosed(): void {
    const cell = this.editing();
    this.editing.set(null);
    if (cell) this.grid()?.focusCell(cell.city.id, cell.service.id);
  }

  protected reloadMatrix(): void {
    this.matrix.reload();
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge', replaceUrl: false });
  }
}
