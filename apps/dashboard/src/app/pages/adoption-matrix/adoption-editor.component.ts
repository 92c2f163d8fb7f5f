import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { FormatService } from '../../core/format.service';
import { requestProblem, type FieldProblem } from '../../core/graphql-errors';
import {
  AdoptionMatrixCellDetailDocument,
  AdoptionMatrixRecordDocument,
  AdoptionMatrixSolutionsDocument,
  type AdoptionStage,
} from '../../graphql/generated/graphql';
import {
  type AdoptionField,
  type AdoptionFormValue,
  type AdoptionValues,
  conflictCurrent,
  FORM_FIELDS,
  formFromAdoption,
  formProblems,
  isReusing,
  knownMessage,
  levelsFor,
  MODELS,
  recordInput,
  SOURCES,
  solutionChoices,
  type SolutionOption,
  withModel,
} from './adoption-form';
import { type MatrixAdoption, type MatrixCellView, STAGES } from './matrix-shape';

interface Conflict {
  readonly current: AdoptionValues | null;
}

let nextId = 0;

/**
 * Edits one cell of the matrix in a modal dialog. The grid knows only a cell's stage and maturity: the
 * dialog loads the row in full (notes, source, version …) and opens once it has it. The API decides what
 * is valid: its messages appear beside the fields they name. Escape or Cancel closes without saving.
 */
@Component({
  selector: 'koop-adoption-editor',
  imports: [NgTemplateOutlet, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './adoption-editor.component.html',
  styleUrl: './adoption-editor.component.css',
})
export class AdoptionEditorComponent {
  readonly cell = input.required<MatrixCellView>();
  /** The row was saved; the server's state of it. */
  readonly saved = output<MatrixAdoption>();
  /** The dialog closed, saved or not. */
  readonly closed = output<void>();
  /** The user asked for the current state after a conflict. */
  readonly reloadRequested = output<void>();

  private readonly apollo = inject(Apollo);
  private readonly injector = inject(Injector);
  protected readonly format = inject(FormatService);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly formElement = viewChild.required<ElementRef<HTMLFormElement>>('editorForm');

  protected readonly id = `adoption-editor-${nextId++}`;
  protected readonly stages = STAGES;
  protected readonly sources = SOURCES;
  protected readonly models = MODELS;

  protected readonly form = signal<AdoptionFormValue>(formFromAdoption(null));
  /** The row as the server holds it when the dialog opened; null for a cell without a record. */
  protected readonly detail = signal<MatrixAdoption | null>(null);
  /** Why the row could not be loaded; the dialog then offers only to close. */
  protected readonly loadFailure = signal<{ network: boolean; message: string } | null>(null);
  /** The version sent with the save: that of the row shown, or of the current row after a conflict. */
  private readonly version = signal<number | null>(null);
  protected readonly saving = signal(false);
  protected readonly fieldErrors = signal<Partial<Record<AdoptionField, string>>>({});
  protected readonly generalErrors = signal<readonly FieldProblem[]>([]);
  protected readonly failure = signal<{ network: boolean; message: string } | null>(null);
  protected readonly conflict = signal<Conflict | null>(null);
  protected readonly reloaded = signal(false);
  protected readonly levels = computed(() => levelsFor(this.form().maturityModel));
  /** The solutions of the service's project, loaded once the source takes over someone's work. */
  protected readonly solutions = signal<readonly SolutionOption[] | null>(null);
  protected readonly solutionsFailed = signal(false);
  private solutionsRequested = false;
  protected readonly reusing = computed(() => isReusing(this.form().source));
  protected readonly solutionOptions = computed(() =>
    solutionChoices(this.solutions() ?? [], this.cell().city.id, this.detail()?.reusedSolution),
  );
  /** The solution chosen in the form, to link to its page. */
  protected readonly chosenSolution = computed(
    () => this.solutionOptions().find((solution) => solution.id === this.form().reusedSolutionId) ?? null,
  );
  protected readonly hasErrors = computed(
    () => Object.keys(this.fieldErrors()).length > 0 || this.generalErrors().length > 0,
  );

  constructor() {
    afterNextRender(() => void this.load());
  }

  private async load(): Promise<void> {
    const cell = this.cell();
    try {
      const result = await firstValueFrom(
        this.apollo.query({
          query: AdoptionMatrixCellDetailDocument,
          variables: { projectId: cell.service.id, cityId: cell.city.id },
          fetchPolicy: 'network-only',
        }),
      );
      if (!result.data) throw new Error('The server sent no answer.');
      const adoption = result.data.adoption;
      this.detail.set(adoption);
      this.form.set(formFromAdoption(adoption));
      this.version.set(adoption?.version ?? null);
      this.loadSolutionsIfReusing();
    } catch (error) {
      const problem = requestProblem(error);
      this.loadFailure.set({ network: problem.code === 'NETWORK', message: problem.message });
    }
    this.dialog().nativeElement.showModal();
  }

  /** Loads the project's solutions once, when the form first needs them. */
  private loadSolutionsIfReusing(): void {
    if (this.solutionsRequested || !this.reusing()) return;
    this.solutionsRequested = true;
    void (async () => {
      try {
        const result = await firstValueFrom(
          this.apollo.query({
            query: AdoptionMatrixSolutionsDocument,
            variables: { projectId: this.cell().service.id },
            fetchPolicy: 'network-only',
          }),
        );
        this.solutions.set(result.data?.project.solutions ?? []);
      } catch {
        this.solutionsFailed.set(true);
      }
    })();
  }

  protected names(cities: readonly { readonly name: string }[]): string {
    return cities.map((city) => city.name).join(', ');
  }

  protected fieldId(field: AdoptionField): string {
    return `${this.id}-${field}`;
  }

  protected describedBy(field: AdoptionField, hint = false): string | null {
    const ids = [
      hint ? `${this.fieldId(field)}-hint` : null,
      this.fieldErrors()[field] ? `${this.fieldId(field)}-error` : null,
    ];
    const joined = ids.filter(Boolean).join(' ');
    return joined || null;
  }

  protected set(field: AdoptionField, value: string): void {
    this.form.update((form) =>
      field === 'maturityModel' ? withModel(form, value) : { ...form, [field]: value },
    );
    if (field === 'source') this.loadSolutionsIfReusing();
  }

  protected setStage(value: string): void {
    this.set('stage', value as AdoptionStage);
  }

  protected maxLevel(model: string): number {
    return levelsFor(model).length - 1;
  }

  protected errorFor(field: AdoptionField): string | undefined {
    return this.fieldErrors()[field];
  }

  protected messageOf(message: string) {
    return knownMessage(message);
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.saving()) return;
    const cell = this.cell();
    this.saving.set(true);
    this.failure.set(null);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: AdoptionMatrixRecordDocument,
          variables: {
            input: recordInput(this.form(), {
              projectId: cell.service.id,
              cityId: cell.city.id,
              version: this.version(),
            }),
          },
        }),
      );
      const adoption = result.data?.recordAdoption;
      if (!adoption) throw new Error('The server sent no adoption back.');
      this.saved.emit(adoption);
      this.dialog().nativeElement.close();
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.saving.set(false);
    }
  }

  private showProblem(error: unknown): void {
    const problem = requestProblem(error);
    this.reloaded.set(false);
    if (problem.code === 'CONFLICT') {
      this.fieldErrors.set({});
      this.generalErrors.set([]);
      this.conflict.set({ current: conflictCurrent(problem) });
      this.focusAfterRender(`#${this.id}-conflict`);
      return;
    }
    this.conflict.set(null);
    const sorted = formProblems(problem);
    this.fieldErrors.set(sorted.fields);
    this.generalErrors.set(sorted.general);
    const firstField = FORM_FIELDS.find((field) => sorted.fields[field]);
    if (firstField) {
      this.focusAfterRender(`#${this.fieldId(firstField)}`);
    } else {
      if (sorted.general.length === 0) {
        this.failure.set({ network: problem.code === 'NETWORK', message: problem.message });
      }
      this.focusAfterRender(`#${this.id}-problem`);
    }
  }

  /** Takes the row's current state into the form, so that the user can apply the change again. */
  protected takeCurrent(): void {
    const current = this.conflict()?.current ?? null;
    if (current) {
      // The conflict's row is the adoption alone: the solution the user chose stays chosen.
      this.form.set({ ...formFromAdoption(current), reusedSolutionId: this.form().reusedSolutionId });
      this.version.set(current.version ?? null);
      this.loadSolutionsIfReusing();
    }
    this.conflict.set(null);
    this.reloaded.set(true);
    this.reloadRequested.emit();
    this.focusAfterRender(`#${this.fieldId('stage')}`);
  }

  protected cancel(): void {
    this.dialog().nativeElement.close();
  }

  protected onClose(): void {
    this.closed.emit();
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.formElement().nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
