import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  untracked,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/language.service';
import { hasProblems, localizedProblem, NO_PROBLEMS, type FormProblems } from './field-problems';

/** One field of a form, named as the API's input names it. */
export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'count' | 'decimal' | 'date' | 'month' | 'select' | 'checkbox';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly required?: boolean;
  readonly hint?: string;
}

/** What the fields hold: text as typed (numbers too, so that nothing typed is lost), booleans for checkboxes. */
export type FormValues = Readonly<Record<string, string | boolean>>;

let nextId = 0;

/**
 * A form of labelled fields, each with its hint and its error linked by aria-describedby. When problems
 * arrive, the first field at fault takes the focus (or the general message, when no field is); what was
 * typed stays. The page decides what the values mean and sends them.
 */
@Component({
  selector: 'koop-record-form',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form novalidate (submit)="submit($event)" [attr.aria-labelledby]="id + '-heading'" *transloco="let t">
      <h3 [id]="id + '-heading'" class="heading">{{ heading() }}</h3>
      @if (problems().general; as general) {
        @let text = localized(general);
        <p class="general" role="alert" tabindex="-1" [id]="id + '-general'">
          {{ t('dataEntry.form.notSaved') }} <span [attr.lang]="text.lang">{{ text.text }}</span>
        </p>
      }
      <div class="fields">
        @for (field of fields(); track field.name) {
          @let problem = problems().fields[field.name];
          @if (field.kind === 'checkbox') {
            <div class="field checkbox">
              <input
                type="checkbox"
                [id]="id + '-' + field.name"
                [checked]="values()[field.name] === true"
                [attr.aria-invalid]="problem ? true : null"
                [attr.aria-describedby]="describedBy(field)"
                (change)="set(field.name, $any($event.target).checked)"
              />
              <label [for]="id + '-' + field.name">{{ field.label }}</label>
              @if (field.hint) {
                <p class="hint" [id]="id + '-' + field.name + '-hint'">{{ field.hint }}</p>
              }
              @if (problem) {
                @let text = localized(problem);
                <p class="error" [id]="id + '-' + field.name + '-error'">
                  <span class="sr-only">{{ t('dataEntry.form.error') }}</span>
                  <span [attr.lang]="text.lang">{{ text.text }}</span>
                </p>
              }
            </div>
          } @else {
            <div class="field" [class.wide]="field.kind === 'textarea'">
              <label [for]="id + '-' + field.name"
                >{{ field.label }}
                @if (field.required) {
                  <span class="required">({{ t('dataEntry.form.required') }})</span>
                }
              </label>
              @if (field.hint) {
                <p class="hint" [id]="id + '-' + field.name + '-hint'">{{ field.hint }}</p>
              }
              @if (problem) {
                @let text = localized(problem);
                <p class="error" [id]="id + '-' + field.name + '-error'">
                  <span class="sr-only">{{ t('dataEntry.form.error') }}</span>
                  <span [attr.lang]="text.lang">{{ text.text }}</span>
                </p>
              }
              @switch (field.kind) {
                @case ('select') {
                  <select
                    class="koop-input"
                    [id]="id + '-' + field.name"
                    [attr.aria-invalid]="problem ? true : null"
                    [attr.aria-describedby]="describedBy(field)"
                    [attr.aria-required]="field.required ? true : null"
                    (change)="set(field.name, $any($event.target).value)"
                  >
                    @if (!field.required) {
                      <option value="" [selected]="values()[field.name] === ''">
                        {{ t('dataEntry.form.none') }}
                      </option>
                    } @else if (values()[field.name] === '') {
                      <option value="" selected disabled>{{ t('dataEntry.form.choose') }}</option>
                    }
                    @for (option of field.options ?? []; track option.value) {
                      <option [value]="option.value" [selected]="option.value === values()[field.name]">
                        {{ option.label }}
                      </option>
                    }
                  </select>
                }
                @case ('textarea') {
                  <textarea
                    class="koop-input"
                    rows="3"
                    [id]="id + '-' + field.name"
                    [value]="values()[field.name]"
                    [attr.aria-invalid]="problem ? true : null"
                    [attr.aria-describedby]="describedBy(field)"
                    [attr.aria-required]="field.required ? true : null"
                    (input)="set(field.name, $any($event.target).value)"
                  ></textarea>
                }
                @default {
                  <input
                    class="koop-input"
                    [type]="inputType(field)"
                    [attr.inputmode]="inputMode(field)"
                    [id]="id + '-' + field.name"
                    [value]="values()[field.name]"
                    [attr.aria-invalid]="problem ? true : null"
                    [attr.aria-describedby]="describedBy(field)"
                    [attr.aria-required]="field.required ? true : null"
                    (input)="set(field.name, $any($event.target).value)"
                  />
                }
              }
            </div>
          }
        }
      </div>
      <ng-content />
      <div class="actions">
        <button type="submit" class="koop-button-primary" [attr.aria-disabled]="sending()">
          {{ sending() ? t('dataEntry.form.saving') : submitLabel() }}
        </button>
        <ng-content select="[actions]" />
      </div>
    </form>
  `,
  styles: `
    .heading {
      font-size: 1.05rem;
      margin: 0 0 0.5rem;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.75rem 1rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
    .field.wide {
      grid-column: 1 / -1;
    }
    .field.checkbox {
      flex-direction: row;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem;
    }
    .field.checkbox .hint,
    .field.checkbox .error {
      flex-basis: 100%;
    }
    label {
      font-weight: 600;
    }
    .required,
    .hint {
      font-weight: 400;
      color: var(--koop-muted, #4a5560);
      font-size: 0.9rem;
      margin: 0;
    }
    .error {
      color: #9a0007;
      font-weight: 600;
      margin: 0;
    }
    [aria-invalid='true'] {
      border-color: #9a0007;
      box-shadow: 0 0 0 1px #9a0007;
    }
    .general {
      color: #9a0007;
      font-weight: 600;
      border-left: 4px solid #9a0007;
      padding-left: 0.5rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.9rem;
    }
  `,
})
export class RecordFormComponent {
  readonly fields = input.required<readonly FieldSpec[]>();
  /** The values to start from; the form starts again from them whenever the page gives new ones. */
  readonly initial = input.required<FormValues>();
  readonly heading = input.required<string>();
  readonly submitLabel = input.required<string>();
  readonly problems = input<FormProblems>(NO_PROBLEMS);
  readonly sending = input(false);
  readonly submitted = output<FormValues>();
  /** Every change of a value, for pages that follow what is typed. */
  readonly changed = output<FormValues>();

  protected readonly id = `koop-record-${nextId++}`;
  protected readonly values = linkedSignal<FormValues>(() => ({ ...this.initial() }));
  private readonly language = inject(LanguageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly anyProblem = computed(() => hasProblems(this.problems()));

  constructor() {
    // New problems: to the first field at fault, in the order of the form, else to the general message.
    effect(() => {
      const problems = this.problems();
      if (!this.anyProblem()) return;
      const first = untracked(this.fields).find((field) => problems.fields[field.name]);
      afterNextRender(
        () => {
          const target = first ? `#${this.id}-${first.name}` : `#${this.id}-general`;
          this.host.nativeElement.querySelector<HTMLElement>(target)?.focus();
        },
        { injector: this.injector },
      );
    });
  }

  /** The values as typed now. */
  current(): FormValues {
    return this.values();
  }

  protected set(name: string, value: string | boolean): void {
    this.values.update((values) => ({ ...values, [name]: value }));
    this.changed.emit(this.values());
  }

  protected inputType(field: FieldSpec): string {
    if (field.kind === 'date') return 'date';
    if (field.kind === 'month') return 'month';
    return 'text';
  }

  protected inputMode(field: FieldSpec): string | null {
    if (field.kind === 'count') return 'numeric';
    if (field.kind === 'decimal') return 'decimal';
    return null;
  }

  protected describedBy(field: FieldSpec): string | null {
    const ids = [
      field.hint ? `${this.id}-${field.name}-hint` : null,
      this.problems().fields[field.name] ? `${this.id}-${field.name}-error` : null,
    ].filter((value): value is string => value !== null);
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected localized(message: string): { text: string; lang: string } {
    return localizedProblem(message, this.language.language());
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.sending()) return;
    this.submitted.emit(this.values());
  }
}
