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
import { TranslocoDirective } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { requestProblem, type RequestProblem } from '../../core/graphql-errors';
import { RecordReuseDocument, type SolutionDetailFragment } from '../../graphql/generated/graphql';
import { EXPERIENCES } from './solution-labels';

let nextId = 0;

/** The fields of the reuse form that the API may name in an answer. */
type ReuseField = 'cityId' | 'since' | 'experience' | 'notes';

/**
 * A city's editor or CDO records that their city took over the solution (or changes that record). The API
 * checks everything; its messages appear at the fields they name.
 */
@Component({
  selector: 'koop-reuse-form',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <form class="koop-card" novalidate (submit)="submit($event)" [attr.aria-labelledby]="id + '-heading'">
        <h2 [id]="id + '-heading'">
          {{ existing() ? t('reuse.reuseForm.titleChange') : t('reuse.reuseForm.title') }}
        </h2>
        <p>{{ t('reuse.reuseForm.intro') }}</p>

        @if (problem(); as p) {
          <div class="summary" role="alert">
            <p>
              <strong>{{ t('reuse.reuseForm.notSaved') }}</strong>
              {{ p.code === 'CONFLICT' ? t('reuse.reuseForm.conflict') : p.message }}
            </p>
          </div>
        }

        <div class="koop-field">
          <label [for]="id + '-city'">{{ t('reuse.reuseForm.city') }}</label>
          <select
            class="koop-input"
            [id]="id + '-city'"
            [attr.aria-invalid]="!!fieldError('cityId')"
            [attr.aria-describedby]="fieldError('cityId') ? id + '-cityId-error' : null"
            (change)="cityId.set($any($event.target).value)"
          >
            @for (c of cities(); track c.id) {
              <option [value]="c.id" [selected]="c.id === cityId()">{{ c.name }}</option>
            }
          </select>
          @if (fieldError('cityId'); as message) {
            <p class="error" [id]="id + '-cityId-error'">{{ message }}</p>
          }
        </div>

        <div class="koop-field">
          <label [for]="id + '-since'"
            >{{ t('reuse.reuseForm.since') }}
            <span class="muted">({{ t('reuse.reuseForm.optional') }})</span></label
          >
          <p class="hint" [id]="id + '-since-hint'">{{ t('reuse.reuseForm.sinceHint') }}</p>
          <input
            class="koop-input"
            type="date"
            [id]="id + '-since'"
            [value]="since()"
            [attr.aria-invalid]="!!fieldError('since')"
            [attr.aria-describedby]="
              id + '-since-hint' + (fieldError('since') ? ' ' + id + '-since-error' : '')
            "
            (input)="since.set($any($event.target).value)"
          />
          @if (fieldError('since'); as message) {
            <p class="error" [id]="id + '-since-error'">{{ message }}</p>
          }
        </div>

        <fieldset
          class="koop-field"
          [attr.aria-invalid]="!!fieldError('experience')"
          [attr.aria-describedby]="fieldError('experience') ? id + '-experience-error' : null"
        >
          <legend>{{ t('reuse.reuseForm.experience') }}</legend>
          <div class="radios">
            @for (value of experiences; track value) {
              <label class="radio">
                <input
                  type="radio"
                  [name]="id + '-experience'"
                  [value]="value"
                  [checked]="value === experience()"
                  (change)="experience.set(value)"
                />
                {{
                  t('reuse.reuseForm.experienceOption', {
                    value: value,
                    label: t('reuse.reuseForm.experienceLabels.' + value),
                  })
                }}
              </label>
            }
          </div>
          @if (fieldError('experience'); as message) {
            <p class="error" [id]="id + '-experience-error'">{{ message }}</p>
          }
        </fieldset>

        <div class="koop-field">
          <label [for]="id + '-notes'"
            >{{ t('reuse.reuseForm.notes') }}
            <span class="muted">({{ t('reuse.reuseForm.optional') }})</span></label
          >
          <textarea
            class="koop-input"
            rows="3"
            [id]="id + '-notes'"
            [value]="notes()"
            [attr.aria-invalid]="!!fieldError('notes')"
            [attr.aria-describedby]="fieldError('notes') ? id + '-notes-error' : null"
            (input)="notes.set($any($event.target).value)"
          ></textarea>
          @if (fieldError('notes'); as message) {
            <p class="error" [id]="id + '-notes-error'">{{ message }}</p>
          }
        </div>

        <button type="submit" class="koop-button-primary" [attr.aria-disabled]="sending()">
          {{ sending() ? t('reuse.reuseForm.sending') : t('reuse.reuseForm.submit') }}
        </button>
        <p class="success" role="status">
          @if (wasSaved()) {
            <span aria-hidden="true">✓</span> {{ t('reuse.reuseForm.saved') }}
          }
        </p>
      </form>
    </ng-container>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      max-width: 40rem;
    }
    fieldset {
      border: none;
      padding: 0;
      margin: 0;
    }
    legend {
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .radios {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .radio {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      min-height: 1.75rem;
    }
    .summary {
      border: 1px solid #b0003a;
      border-left-width: 6px;
      background: #fff5f7;
      padding: 0.5rem 1rem;
      border-radius: 6px;
    }
    .error {
      color: #b0003a;
      margin: 0.25rem 0 0;
    }
    .hint,
    .muted {
      color: #3d4a59;
      font-weight: normal;
    }
    .hint {
      margin: 0;
      font-size: 0.9rem;
    }
    .success {
      color: #1b6e3a;
      min-height: 1.5rem;
    }
  `,
})
export class ReuseFormComponent {
  private readonly apollo = inject(Apollo);

  readonly solution = input.required<SolutionDetailFragment>();
  /** The cities the signed-in account may record reuses for (never the developing ones). */
  readonly cities = input.required<readonly { id: string; name: string }[]>();
  readonly saved = output<void>();

  protected readonly id = `reuse-form-${nextId++}`;
  protected readonly experiences = EXPERIENCES;

  protected readonly cityId = linkedSignal(() => this.cities()[0]?.id ?? '');
  /** The city's reuse of this solution, when it has one: the form changes it. */
  protected readonly existing = computed(
    () => this.solution().reuses.find((r) => r.city.id === this.cityId()) ?? null,
  );
  protected readonly since = linkedSignal(() => this.existing()?.since ?? '');
  protected readonly experience = linkedSignal<number | null>(() => this.existing()?.experience ?? null);
  protected readonly notes = linkedSignal(() => this.existing()?.notes ?? '');

  protected readonly sending = signal(false);
  protected readonly problem = signal<RequestProblem | null>(null);
  protected readonly savedNow = signal(false);
  protected readonly wasSaved = this.savedNow.asReadonly();

  protected fieldError(field: ReuseField): string | null {
    return this.problem()?.fields.find((f) => f.field === field)?.message ?? null;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.sending.set(true);
    this.problem.set(null);
    this.savedNow.set(false);
    const existing = this.existing();
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: RecordReuseDocument,
          variables: {
            input: {
              solutionId: this.solution().id,
              cityId: this.cityId(),
              since: this.since() || (existing ? existing.since : null),
              experience: this.experience(),
              notes: this.notes().trim() || null,
              ...(existing ? { version: existing.version } : {}),
            },
          },
        }),
      );
      this.savedNow.set(true);
      this.saved.emit();
    } catch (error) {
      this.problem.set(requestProblem(error));
      if (requestProblem(error).code === 'CONFLICT') this.saved.emit();
    } finally {
      this.sending.set(false);
    }
  }
}
