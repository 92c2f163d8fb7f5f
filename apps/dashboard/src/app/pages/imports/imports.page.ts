import {
  ChangeDetectionStrategy,
  Component,
  computed,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  IMPORT_COLUMNS,
  IMPORT_KINDS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportKind,
  type ImportResult,
} from '@koop/domain';
import { CooperationService } from '../../core/cooperation.service';
import { pageTitle } from '../../shared/page-title';
import { uploadImport } from './import-upload';

/** Where the page stands: choosing, sending (with progress), or showing an answer. */
type Phase = 'idle' | 'sending' | 'checking' | 'done';

/** The error table shows this many rows at first; the rest one click away, so that a huge list stays usable. */
const SHOWN_ERRORS = 200;

@Component({
  selector: 'koop-imports-page',
  imports: [FormsModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; read: 'imports'">
      <h1>{{ t('title') }}</h1>
      <p class="koop-lead">{{ t('lead', { rows: maxRows, megabytes: maxMegabytes }) }}</p>

      <form class="koop-card form" (ngSubmit)="check()" novalidate aria-labelledby="form-heading">
        <h2 id="form-heading">{{ t('formHeading') }}</h2>
        <fieldset>
          <legend>{{ t('kind.legend') }}</legend>
          @for (option of kinds; track option) {
            <label class="choice">
              <input
                type="radio"
                name="kind"
                [value]="option"
                [checked]="kind() === option"
                (change)="choose(option)"
              />
              {{ t('kind.' + option) }}
            </label>
          }
        </fieldset>
        <p class="koop-field">
          <label for="cooperation">{{ t('cooperation') }}</label>
          <select
            id="cooperation"
            class="koop-input"
            name="cooperation"
            [ngModel]="cooperationId()"
            (ngModelChange)="cooperationChosen($event)"
          >
            @for (cooperation of cooperations.cooperations(); track cooperation.id) {
              <option [value]="cooperation.id">{{ cooperation.name }}</option>
            }
          </select>
        </p>
        <p class="koop-field">
          <label for="file">{{ t('file') }}</label>
          <input
            #fileInput
            id="file"
            class="koop-input"
            type="file"
            name="file"
            accept=".csv,.CSV,.xlsx,.XLSX,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="file-hint"
            [attr.aria-invalid]="fileProblem() ? true : null"
            (change)="fileChosen(fileInput.files)"
          />
          <span id="file-hint" class="hint">{{ t('fileHint', { megabytes: maxMegabytes }) }}</span>
          @if (fileProblem(); as problem) {
            <span class="problem" role="alert">{{ t(problem, { megabytes: maxMegabytes }) }}</span>
          }
        </p>
        <details class="columns">
          <summary>{{ t('columns.summary') }}</summary>
          <p>{{ t('columns.intro') }}</p>
          <ul>
            @for (column of columns(); track column.name) {
              <li>
                <code>{{ column.name }}</code>
                @if (column.required) {
                  ({{ t('columns.required') }})
                }
                @if (column.aliases.length > 0) {
                  – {{ column.aliases.join(', ') }}
                }
              </li>
            }
          </ul>
        </details>
        <div class="actions">
          <button type="submit" class="koop-button-primary" [disabled]="busy() || !file()">
            {{ t('check') }}
          </button>
        </div>
      </form>

      <div class="status" aria-live="polite">
        @if (phase() === 'sending') {
          <p>
            <label for="upload-progress">{{ t('sending', { percent: percent() }) }}</label>
            <progress id="upload-progress" max="100" [value]="percent()">{{ percent() }} %</progress>
          </p>
        } @else if (phase() === 'checking') {
          <p>{{ t(dryRun() ? 'checking' : 'importing') }}</p>
        }
      </div>

      @if (phase() === 'done') {
        <section class="koop-card answer" aria-labelledby="answer-heading">
          <h2 id="answer-heading" tabindex="-1" #answerHeading>
            @if (refusal(); as message) {
              {{ t('refused') }}
            } @else if (result(); as r) {
              @if (r.errors.length > 0) {
                {{ t('errorsHeading', { count: r.errors.length }) }}
              } @else if (r.dryRun) {
                {{ t('previewHeading') }}
              } @else {
                {{ t('doneHeading') }}
              }
            }
          </h2>
          @if (refusal(); as message) {
            <p class="problem">{{ message }}</p>
          } @else if (result(); as r) {
            @if (r.errors.length > 0) {
              <p id="errors-summary">{{ t('errorsSummary', { rows: r.rows, count: r.errors.length }) }}</p>
              <div class="koop-table-wrap">
                <table class="koop-table" aria-describedby="errors-summary">
                  <caption>
                    {{
                      t('errorsCaption', { file: fileName() })
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('row') }}</th>
                      <th scope="col">{{ t('column') }}</th>
                      <th scope="col">{{ t('message') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (error of shownErrors(); track $index) {
                      <tr>
                        <th scope="row">{{ error.row === 0 ? t('wholeFile') : error.row }}</th>
                        <td>{{ error.column || '–' }}</td>
                        <td>{{ error.message }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              @if (r.errors.length > shownErrors().length) {
                <button type="button" class="koop-button" (click)="showAllErrors.set(true)">
                  {{ t('showAll', { count: r.errors.length }) }}
                </button>
              }
              <p>{{ t('fixAndRetry') }}</p>
            } @else {
              <dl class="koop-facts">
                <div>
                  <dt>{{ t('counts.rows') }}</dt>
                  <dd>{{ r.rows }}</dd>
                </div>
                <div>
                  <dt>{{ t(r.dryRun ? 'counts.toCreate' : 'counts.created') }}</dt>
                  <dd>{{ r.created }}</dd>
                </div>
                <div>
                  <dt>{{ t(r.dryRun ? 'counts.toChange' : 'counts.changed') }}</dt>
                  <dd>{{ r.changed }}</dd>
                </div>
                <div>
                  <dt>{{ t('counts.unchanged') }}</dt>
                  <dd>{{ r.unchanged }}</dd>
                </div>
              </dl>
              @if (r.dryRun) {
                <p>{{ t(r.created + r.changed > 0 ? 'previewNote' : 'nothingToDo') }}</p>
                @if (r.created + r.changed > 0) {
                  <button type="button" class="koop-button-primary" [disabled]="busy()" (click)="run()">
                    {{ t('import') }}
                  </button>
                }
              } @else {
                <p>{{ t('doneNote') }}</p>
              }
            }
          }
        </section>
      }
    </ng-container>
  `,
  styles: `
    .form {
      display: grid;
      gap: 0.75rem;
      max-width: 44rem;
      padding: 1rem 1.25rem;
    }
    h2 {
      margin: 0;
      font-size: 1.15rem;
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
      display: flex;
      gap: 1.25rem;
      flex-wrap: wrap;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.35rem;
    }
    .choice {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
    }
    .hint {
      color: #3d4a59;
      font-size: 0.9rem;
    }
    .problem {
      color: #9a0007;
    }
    .columns ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
    .status progress {
      display: block;
      width: min(30rem, 100%);
      height: 1.1rem;
      margin-top: 0.35rem;
    }
    .answer {
      margin-top: 1rem;
      padding: 1rem 1.25rem;
      display: grid;
      gap: 0.75rem;
    }
    .answer h2:focus {
      outline: 3px solid var(--koop-blue);
      outline-offset: 2px;
    }
  `,
})
export class ImportsPage {
  protected readonly cooperations = inject(CooperationService);
  private readonly transloco = inject(TranslocoService);

  protected readonly kinds = IMPORT_KINDS;
  protected readonly maxRows = IMPORT_MAX_ROWS.toLocaleString('de-DE');
  protected readonly maxMegabytes = IMPORT_MAX_BYTES / 1024 / 1024;

  protected readonly kind = signal<ImportKind>('satisfaction');
  private readonly chosenCooperation = signal<string | null>(null);
  protected readonly cooperationId = computed(() => this.cooperations.pick(this.chosenCooperation()) ?? '');
  protected readonly file = signal<File | null>(null);
  protected readonly fileName = computed(() => this.file()?.name ?? '');
  protected readonly fileProblem = signal<string | null>(null);
  protected readonly columns = computed(() => IMPORT_COLUMNS[this.kind()]);

  protected readonly phase = signal<Phase>('idle');
  protected readonly busy = computed(() => this.phase() === 'sending' || this.phase() === 'checking');
  protected readonly dryRun = signal(true);
  protected readonly percent = signal(0);
  protected readonly result = signal<ImportResult | null>(null);
  protected readonly refusal = signal<string | null>(null);
  protected readonly showAllErrors = signal(false);
  protected readonly shownErrors = computed(() => {
    const errors = this.result()?.errors ?? [];
    return this.showAllErrors() ? errors : errors.slice(0, SHOWN_ERRORS);
  });

  private readonly answerHeading = viewChild<ElementRef<HTMLElement>>('answerHeading');

  constructor() {
    pageTitle(toSignal(this.transloco.selectTranslate<string>('title', {}, 'imports')));
  }

  protected choose(kind: ImportKind): void {
    this.kind.set(kind);
    this.reset();
  }

  protected cooperationChosen(id: string): void {
    this.chosenCooperation.set(id);
    this.reset();
  }

  protected fileChosen(files: FileList | null): void {
    const file = files?.item(0) ?? null;
    this.reset();
    this.fileProblem.set(null);
    if (file && file.size > IMPORT_MAX_BYTES) {
      // The server refuses it too (413); saying so here spares the upload.
      this.fileProblem.set('tooLarge');
      this.file.set(null);
      return;
    }
    this.file.set(file);
  }

  /** The preview: everything is checked, nothing is written. */
  protected check(): Promise<void> {
    return this.send(true);
  }

  /** The import of the file just previewed. */
  protected run(): Promise<void> {
    return this.send(false);
  }

  private reset(): void {
    this.phase.set('idle');
    this.result.set(null);
    this.refusal.set(null);
    this.showAllErrors.set(false);
  }

  private async send(dryRun: boolean): Promise<void> {
    const file = this.file();
    const cooperationId = this.cooperationId();
    if (!file || !cooperationId || this.busy()) {
      return;
    }
    this.reset();
    this.dryRun.set(dryRun);
    this.percent.set(0);
    this.phase.set('sending');
    try {
      const answer = await uploadImport({
        kind: this.kind(),
        cooperationId,
        file,
        dryRun,
        progress: (sent) => {
          this.percent.set(Math.round(sent * 100));
          if (sent >= 1) this.phase.set('checking');
        },
      });
      if (answer.result) {
        this.result.set(answer.result);
      } else {
        this.refusal.set(
          answer.message ?? this.transloco.translate('imports.failed', { status: answer.status }),
        );
      }
    } catch {
      this.refusal.set(this.transloco.translate('imports.network'));
    }
    this.phase.set('done');
    // The answer replaces the form's place in the reading order: take the focus there, so that a screen
    // reader reads the outcome and a keyboard user continues from it.
    setTimeout(() => this.answerHeading()?.nativeElement.focus());
  }
}
