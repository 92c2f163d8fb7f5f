import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { requestProblem } from '../../core/graphql-errors';
import { ConflictNoticeComponent, type CurrentValue } from './conflict-notice.component';
import { hasProblems, NO_PROBLEMS, problemsAt, type FormProblems } from './field-problems';
import { RecordFormComponent, type FieldSpec, type FormValues } from './record-form.component';

/**
 * Sends the values; `version` is the version to send when the user chose, after a conflict, to build on
 * the row as it is now (null: the version the page knows). Resolves to what the page says once saved.
 */
export type SendValues = (values: FormValues, version: number | null) => Promise<string>;

/**
 * One create or change form of a row: checks the values with the page's rules (the API's, from
 * @koop/domain) before sending, shows the API's answer at the fields it names, and a CONFLICT as the row
 * is now, to take or to overwrite. What was typed is never lost on an error.
 */
@Component({
  selector: 'koop-edit-panel',
  imports: [TranslocoDirective, RecordFormComponent, ConflictNoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="panel koop-card" *transloco="let t">
      <koop-record-form
        [fields]="fields()"
        [initial]="start()"
        [heading]="heading()"
        [submitLabel]="submitLabel()"
        [problems]="problems()"
        [sending]="sending()"
        (submitted)="submit($event)"
      >
        @if (conflict(); as c) {
          <koop-conflict-notice
            [current]="currentValues(c.current)"
            (takeCurrent)="takeCurrent(c.current)"
            (overwrite)="overwrite(c)"
          />
        }
        <button actions type="button" class="koop-button" (click)="cancelled.emit()">
          {{ t('dataEntry.form.cancel') }}
        </button>
      </koop-record-form>
    </div>
  `,
  styles: `
    .panel {
      margin: 0.75rem 0 1rem;
      border-left: 4px solid var(--koop-blue, #1d4f91);
    }
  `,
})
export class EditPanelComponent {
  readonly fields = input.required<readonly FieldSpec[]>();
  readonly initial = input.required<FormValues>();
  readonly heading = input.required<string>();
  readonly submitLabel = input.required<string>();
  /** The page's own checks; an empty result when the values may be sent. */
  readonly check = input<(values: FormValues) => FormProblems>(() => NO_PROBLEMS);
  readonly send = input.required<SendValues>();
  /** The form's values for a row as a CONFLICT gives it (the API's stored row). */
  readonly valuesOf = input<(row: Record<string, unknown>) => FormValues>();
  readonly done = output<string>();
  readonly cancelled = output<void>();

  private readonly transloco = inject(TranslocoService);
  protected readonly problems = signal<FormProblems>(NO_PROBLEMS);
  protected readonly sending = signal(false);
  protected readonly conflict = signal<{ current: Record<string, unknown>; values: FormValues } | null>(null);
  /** What the form starts from: the page's values, or the row as it is now after "take current". */
  protected readonly start = linkedSignal(() => this.initial());
  /** The version to build on after a conflict; null while the page's is current. */
  private readonly version = linkedSignal<number | null>(() => {
    this.initial();
    return null;
  });
  private readonly names = computed(() => this.fields().map((field) => field.name));

  protected currentValues(row: Record<string, unknown>): CurrentValue[] {
    const values = this.valuesOf()?.(row) ?? {};
    return this.fields()
      .filter((field) => field.name in values)
      .map((field) => {
        const value = values[field.name];
        let shown: string;
        if (typeof value === 'boolean') {
          shown = this.transloco.translate(value ? 'common.yes' : 'common.no');
        } else if (field.kind === 'select') {
          shown = field.options?.find((option) => option.value === value)?.label ?? (value || '–');
        } else {
          shown = value || '–';
        }
        return { label: field.label, value: shown };
      });
  }

  protected takeCurrent(row: Record<string, unknown>): void {
    const values = this.valuesOf()?.(row);
    if (values) this.start.set(values);
    this.version.set(typeof row['version'] === 'number' ? row['version'] : null);
    this.conflict.set(null);
    this.problems.set(NO_PROBLEMS);
  }

  protected overwrite(c: { current: Record<string, unknown>; values: FormValues }): void {
    const version = c.current['version'];
    this.version.set(typeof version === 'number' ? version : null);
    void this.run(c.values);
  }

  protected submit(values: FormValues): void {
    this.conflict.set(null);
    const problems = this.check()(values);
    if (hasProblems(problems)) {
      this.problems.set(problems);
      return;
    }
    void this.run(values);
  }

  private async run(values: FormValues): Promise<void> {
    if (this.sending()) return;
    this.sending.set(true);
    try {
      const notice = await this.send()(values, this.version());
      this.problems.set(NO_PROBLEMS);
      this.conflict.set(null);
      this.done.emit(notice);
    } catch (error) {
      const problem = requestProblem(error);
      const current = problem.current;
      if (problem.code === 'CONFLICT' && current && typeof current === 'object') {
        this.problems.set(NO_PROBLEMS);
        this.conflict.set({ current: current as Record<string, unknown>, values });
      } else if (problem.code === 'NETWORK') {
        this.problems.set({ fields: {}, general: this.transloco.translate('state.networkError') });
      } else {
        this.problems.set(problemsAt(problem, this.names()));
      }
    } finally {
      this.sending.set(false);
    }
  }
}
