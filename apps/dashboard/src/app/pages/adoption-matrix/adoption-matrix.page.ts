import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { CooperationService } from '../../core/cooperation.service';
import { queryResource } from '../../core/graphql-resource';
import { LanguageService } from '../../core/language.service';
import { AdoptionMatrixTopicsDocument, AdoptionMatrixViewDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { STAGE_SYMBOLS } from '../../shared/labels';
import { AdoptionEditorComponent } from './adoption-editor.component';
import { AdoptionGridComponent } from './adoption-grid.component';
import { AdoptionLegendComponent } from './adoption-legend.component';
import {
  isStage,
  type MatrixAdoption,
  type MatrixCellView,
  shapeMatrix,
  STAGES,
  topicsInUse,
  withAdoption,
} from './matrix-shape';

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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './adoption-matrix.page.html',
  styleUrl: './adoption-matrix.page.css',
})
export class AdoptionMatrixPage {
  /** Query parameters, bound by the router. */
  readonly kooperation = input<string>();
  readonly themenfeld = input<string>();
  readonly stufe = input<string>();

  private readonly router = inject(Router);
  private readonly language = inject(LanguageService);
  protected readonly cooperations = inject(CooperationService);
  protected readonly stages = STAGES;
  protected readonly symbols = STAGE_SYMBOLS;

  private readonly grid = viewChild(AdoptionGridComponent);

  protected readonly cooperationId = computed(() => this.cooperations.pick(this.kooperation()));
  protected readonly cooperationName = computed(
    () => this.cooperations.cooperations().find((c) => c.id === this.cooperationId())?.name ?? '',
  );
  protected readonly matrix = queryResource(AdoptionMatrixViewDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId } : undefined;
  });
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
