import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { requestProblem } from '../../core/graphql-errors';
import { LanguageService } from '../../core/language.service';
import {
  PostProjectStatusUpdateDocument,
  type ProjectHealth,
  type ProjectPhase,
  type ProjectStatusUpdateFragment,
} from '../../graphql/generated/graphql';
import { HEALTHS, PHASES } from './project-list-state';
import {
  faultyFields,
  formProblems,
  localizedMessage,
  NO_PROBLEMS,
  type FormProblems,
  type StatusField,
} from './status-update-problems';

let nextId = 0;

/** The project's current phase, health and progress. */
interface Current {
  readonly phase: ProjectPhase;
  readonly health: ProjectHealth;
  readonly progress: number;
}

/**
 * A working-group lead's status update. The API checks the input; its messages appear next to the
 * fields they name, and a summary at the top links to them.
 */
@Component({
  selector: 'koop-status-update-form',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <form class="koop-card" novalidate (submit)="submit($event)" [attr.aria-labelledby]="id + '-heading'">
        <h2 [id]="id + '-heading'">{{ t('projects.form.title') }}</h2>
        <p class="intro">{{ t('projects.form.intro') }}</p>

        @if (hasProblems()) {
          <div class="summary" role="alert" tabindex="-1" #summaryBox>
            <h3>{{ t('projects.form.notSaved') }}</h3>
            <ul>
              @for (field of faulty(); track field) {
                <li>
                  <a [href]="'#' + id + '-' + field" (click)="focusField($event, field)"
                    >{{ t('projects.form.field.' + field) }}:
                    <span [attr.lang]="message(field).lang">{{ message(field).text }}</span></a
                  >
                </li>
              }
              @if (problems().general; as general) {
                <li>{{ general }}</li>
              }
            </ul>
          </div>
        }

        <div class="field">
          <label [for]="id + '-phase'">{{ t('projects.form.field.phase') }}</label>
          @if (problems().fields.phase) {
            <p class="error" [id]="id + '-phase-error'">
              <span class="sr-only">{{ t('projects.form.error') }}</span>
              <span [attr.lang]="message('phase').lang">{{ message('phase').text }}</span>
            </p>
          }
          <select
            class="koop-input"
            [id]="id + '-phase'"
            [attr.aria-invalid]="!!problems().fields.phase"
            [attr.aria-describedby]="problems().fields.phase ? id + '-phase-error' : null"
            (change)="phase.set($any($event.target).value); edited.set(true)"
          >
            @for (p of phases; track p) {
              <option [value]="p" [selected]="p === phase()">{{ t('enum.phase.' + p) }}</option>
            }
          </select>
        </div>

        <fieldset
          class="field"
          [id]="id + '-health'"
          tabindex="-1"
          [attr.aria-invalid]="!!problems().fields.health"
          [attr.aria-describedby]="problems().fields.health ? id + '-health-error' : null"
        >
          <legend>{{ t('projects.form.field.health') }}</legend>
          @if (problems().fields.health) {
            <p class="error" [id]="id + '-health-error'">
              <span class="sr-only">{{ t('projects.form.error') }}</span>
              <span [attr.lang]="message('health').lang">{{ message('health').text }}</span>
            </p>
          }
          <div class="radios">
            @for (h of healths; track h) {
              <label class="radio">
                <input
                  type="radio"
                  [name]="id + '-health'"
                  [value]="h"
                  [checked]="h === health()"
                  (change)="health.set(h); edited.set(true)"
                />
                {{ t('enum.health.' + h) }}
              </label>
            }
          </div>
        </fieldset>

        <div class="field">
          <label [for]="id + '-progress'">{{ t('projects.form.field.progress') }}</label>
          <p class="hint" [id]="id + '-progress-hint'">{{ t('projects.form.progressHint') }}</p>
          @if (problems().fields.progress) {
            <p class="error" [id]="id + '-progress-error'">
              <span class="sr-only">{{ t('projects.form.error') }}</span>
              <span [attr.lang]="message('progress').lang">{{ message('progress').text }}</span>
            </p>
          }
          <input
            type="number"
            inputmode="numeric"
            class="progress koop-input"
            [id]="id + '-progress'"
            min="0"
            max="100"
            step="5"
            [value]="progress()"
            [attr.aria-invalid]="!!problems().fields.progress"
            [attr.aria-describedby]="describedBy('progress', id + '-progress-hint')"
            (input)="progress.set($any($event.target).value); edited.set(true)"
          />
        </div>

        <div class="field">
          <label [for]="id + '-summary'"
            >{{ t('projects.form.field.summary') }}
            <span class="required">({{ t('projects.form.required') }})</span></label
          >
          @if (problems().fields.summary) {
            <p class="error" [id]="id + '-summary-error'">
              <span class="sr-only">{{ t('projects.form.error') }}</span>
              <span [attr.lang]="message('summary').lang">{{ message('summary').text }}</span>
            </p>
          }
          <textarea
            class="koop-input"
            rows="3"
            [id]="id + '-summary'"
            [value]="summary()"
            [attr.aria-invalid]="!!problems().fields.summary"
            [attr.aria-describedby]="describedBy('summary')"
            (input)="summary.set($any($event.target).value)"
          ></textarea>
        </div>

        <div class="field">
          <label [for]="id + '-blockers'"
            >{{ t('projects.form.field.blockers') }}
            <span class="optional">({{ t('projects.form.optional') }})</span></label
          >
          @if (problems().fields.blockers) {
            <p class="error" [id]="id + '-blockers-error'">
              <span class="sr-only">{{ t('projects.form.error') }}</span>
              <span [attr.lang]="message('blockers').lang">{{ message('blockers').text }}</span>
            </p>
          }
          <textarea
            class="koop-input"
            rows="2"
            [id]="id + '-blockers'"
            [value]="blockers()"
            [attr.aria-invalid]="!!problems().fields.blockers"
            [attr.aria-describedby]="describedBy('blockers')"
            (input)="blockers.set($any($event.target).value)"
          ></textarea>
        </div>

        <div class="field">
          <label [for]="id + '-author'"
            >{{ t('projects.form.field.author') }}
            <span class="optional">({{ t('projects.form.optional') }})</span></label
          >
          @if (problems().fields.author) {
            <p class="error" [id]="id + '-author-error'">
              <span class="sr-only">{{ t('projects.form.error') }}</span>
              <span [attr.lang]="message('author').lang">{{ message('author').text }}</span>
            </p>
          }
          <input
            class="koop-input"
            type="text"
            autocomplete="name"
            [id]="id + '-author'"
            [value]="author()"
            [attr.aria-invalid]="!!problems().fields.author"
            [attr.aria-describedby]="describedBy('author')"
            (input)="author.set($any($event.target).value)"
          />
        </div>

        <button type="submit" class="koop-button-primary" [attr.aria-disabled]="sending()">
          {{ sending() ? t('projects.form.sending') : t('projects.form.submit') }}
        </button>
        <p class="success" role="status">
          @if (posted()) {
            <span aria-hidden="true">✓</span> {{ t('projects.form.posted') }}
          }
        </p>
      </form>
    </ng-container>
  `,
  styleUrl: './status-update-form.component.css',
})
export class StatusUpdateFormComponent {
  readonly projectId = input.required<string>();
  /** The project's current phase, health and progress: the form starts from them. */
  readonly current = input.required<Current>();
  readonly saved = output<ProjectStatusUpdateFragment>();

  private readonly apollo = inject(Apollo);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  protected readonly id = `koop-status-${nextId++}`;
  protected readonly phases = PHASES;
  protected readonly healths = HEALTHS;

  /**
   * Set once the user changes phase, health or progress: a live refetch that brings a new current state
   * (someone else posted) then leaves the user's choices alone; after posting, the form follows again.
   */
  protected readonly edited = signal(false);
  protected readonly phase = linkedSignal<Current, ProjectPhase>({
    source: this.current,
    computation: (current, previous) => (previous && untracked(this.edited) ? previous.value : current.phase),
  });
  protected readonly health = linkedSignal<Current, ProjectHealth>({
    source: this.current,
    computation: (current, previous) =>
      previous && untracked(this.edited) ? previous.value : current.health,
  });
  protected readonly progress = linkedSignal<Current, string>({
    source: this.current,
    computation: (current, previous) =>
      previous && untracked(this.edited) ? previous.value : String(current.progress),
  });
  protected readonly summary = signal('');
  protected readonly blockers = signal('');
  protected readonly author = signal('');

  protected readonly sending = signal(false);
  protected readonly problems = signal<FormProblems>(NO_PROBLEMS);
  protected readonly posted = signal<ProjectStatusUpdateFragment | null>(null);
  protected readonly faulty = computed(() => faultyFields(this.problems()));
  protected readonly hasProblems = computed(
    () => this.faulty().length > 0 || this.problems().general !== null,
  );

  private readonly summaryBox = viewChild<ElementRef<HTMLElement>>('summaryBox');
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected message(field: StatusField): { text: string; lang: string } {
    return localizedMessage(this.problems().fields[field] ?? '', this.language.language());
  }

  protected describedBy(field: StatusField, hint?: string): string | null {
    const ids = [hint, this.problems().fields[field] ? `${this.id}-${field}-error` : undefined].filter(
      Boolean,
    );
    return ids.length > 0 ? ids.join(' ') : null;
  }

  protected focusField(event: Event, field: StatusField): void {
    event.preventDefault();
    this.host.nativeElement.querySelector<HTMLElement>(`#${this.id}-${field}`)?.focus();
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.posted.set(null);
    const progress = this.progress().trim();
    // GraphQL cannot carry an empty or broken number: that much the form must check itself.
    if (!/^-?\d+$/.test(progress)) {
      // Worded as the API words its rule, so that it is translated alike.
      this.showProblems({ fields: { progress: 'must be an integer from 0 to 100' }, general: null });
      return;
    }
    this.sending.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: PostProjectStatusUpdateDocument,
          variables: {
            input: {
              projectId: this.projectId(),
              phase: this.phase(),
              health: this.health(),
              progress: Number(progress),
              summary: this.summary(),
              blockers: this.blockers() || null,
              author: this.author() || null,
            },
          },
        }),
      );
      const update = result.data?.postStatusUpdate;
      if (!update) throw result.error ?? new Error('no data');
      this.problems.set(NO_PROBLEMS);
      this.summary.set('');
      this.blockers.set('');
      this.edited.set(false);
      this.posted.set(update);
      this.saved.emit(update);
    } catch (error) {
      const problem = requestProblem(error);
      this.showProblems(
        problem.code === 'NETWORK'
          ? { fields: {}, general: this.transloco.translate('state.networkError') }
          : problem.code === 'UNAUTHENTICATED'
            ? // The user chose not to sign in again: the form keeps what they typed.
              { fields: {}, general: this.transloco.translate('auth.sessionExpired') }
            : formProblems(problem),
      );
    } finally {
      this.sending.set(false);
    }
  }

  private showProblems(problems: FormProblems): void {
    this.problems.set(problems);
    // The summary is drawn with the next change detection; focus it then, so that it is read first.
    afterNextRender(() => this.summaryBox()?.nativeElement.focus(), { injector: this.injector });
  }
}
