import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { MAX_PAGE_SIZE } from '@koop/domain';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { requestProblem, type RequestProblem } from '../../core/graphql-errors';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import {
  CreateSolutionDocument,
  SolutionCitiesDocument,
  SolutionPageDocument,
  SolutionProjectsDocument,
  UpdateSolutionDocument,
  type SolutionKind,
  type SolutionStatus,
} from '../../graphql/generated/graphql';
import { pageTitle } from '../../shared/page-title';
import { SOLUTION_KINDS, SOLUTION_STATUSES } from './solution-labels';

type TextField = 'title' | 'summary' | 'licence' | 'url' | 'integrationNotes' | 'contact';

/** Licences offered as suggestions; any other SPDX identifier may be typed. */
const COMMON_LICENCES = [
  'EUPL-1.2',
  'MIT',
  'Apache-2.0',
  'GPL-3.0-only',
  'CC-BY-4.0',
  'CC0-1.0',
  'proprietary',
];

/** Creates a solution (route `neu`) or edits one (route `:id/bearbeiten`), with the version it loaded. */
@Component({
  selector: 'koop-solution-form-page',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ id() ? t('reuse.form.editTitle', { title: loadedTitle() }) : t('reuse.form.createTitle') }}</h1>
      <form class="koop-card" novalidate (submit)="submit($event)">
        @if (problem(); as p) {
          <div class="summary" role="alert" tabindex="-1">
            <p>
              <strong>{{ t('reuse.form.notSaved') }}</strong>
              {{ p.code === 'CONFLICT' ? t('reuse.form.conflict') : p.message }}
            </p>
          </div>
        }
        @for (field of textFields; track field) {
          <div class="koop-field">
            <label [for]="'solution-' + field"
              >{{ t('reuse.form.' + field) }}
              <span class="muted"
                >({{
                  field === 'title' || field === 'summary'
                    ? t('reuse.form.required')
                    : t('reuse.form.optional')
                }})</span
              ></label
            >
            @if (hints[field]) {
              <p class="hint" [id]="'solution-' + field + '-hint'">{{ t('reuse.form.' + hints[field]) }}</p>
            }
            @if (field === 'summary' || field === 'integrationNotes') {
              <textarea
                class="koop-input"
                rows="4"
                [id]="'solution-' + field"
                [value]="values()[field]"
                [attr.aria-invalid]="!!fieldError(field)"
                [attr.aria-describedby]="describedBy(field)"
                (input)="set(field, $any($event.target).value)"
              ></textarea>
            } @else {
              <input
                class="koop-input"
                [type]="field === 'url' ? 'url' : 'text'"
                [attr.list]="field === 'licence' ? 'solution-licences' : null"
                [id]="'solution-' + field"
                [value]="values()[field]"
                [attr.aria-invalid]="!!fieldError(field)"
                [attr.aria-describedby]="describedBy(field)"
                (input)="set(field, $any($event.target).value)"
              />
            }
            @if (fieldError(field); as message) {
              <p class="error" [id]="'solution-' + field + '-error'">{{ message }}</p>
            }
          </div>
        }
        <datalist id="solution-licences">
          @for (l of licences; track l) {
            <option [value]="l"></option>
          }
        </datalist>

        <div class="koop-field">
          <label for="solution-kind">{{ t('reuse.form.kind') }}</label>
          <select id="solution-kind" class="koop-input" (change)="kind.set($any($event.target).value)">
            @for (k of kinds; track k) {
              <option [value]="k" [selected]="k === kind()">{{ t('reuse.kind.' + k) }}</option>
            }
          </select>
        </div>
        <div class="koop-field">
          <label for="solution-status">{{ t('reuse.form.status') }}</label>
          <select id="solution-status" class="koop-input" (change)="status.set($any($event.target).value)">
            @for (s of statuses; track s) {
              <option [value]="s" [selected]="s === status()">{{ t('reuse.status.' + s) }}</option>
            }
          </select>
        </div>
        <div class="koop-field">
          <label for="solution-project">{{ t('reuse.form.project') }}</label>
          <select
            id="solution-project"
            class="koop-input"
            [attr.aria-invalid]="!!fieldError('projectId')"
            (change)="projectId.set($any($event.target).value)"
          >
            <option value="">{{ t('reuse.form.noProject') }}</option>
            @for (p of projects(); track p.id) {
              <option [value]="p.id" [selected]="p.id === projectId()">{{ p.title }}</option>
            }
          </select>
          @if (fieldError('projectId'); as message) {
            <p class="error">{{ message }}</p>
          }
        </div>
        <fieldset
          class="koop-field developers"
          [attr.aria-invalid]="!!fieldError('developedByCityIds')"
          aria-describedby="solution-developers-hint"
        >
          <legend>
            {{ t('reuse.form.developedBy') }} <span class="muted">({{ t('reuse.form.required') }})</span>
          </legend>
          <p class="hint" id="solution-developers-hint">{{ t('reuse.form.developedByHint') }}</p>
          @if (fieldError('developedByCityIds'); as message) {
            <p class="error">{{ message }}</p>
          }
          <div class="checks">
            @for (c of cities(); track c.id) {
              <label
                ><input
                  type="checkbox"
                  [checked]="developers().has(c.id)"
                  (change)="toggleDeveloper(c.id, $any($event.target).checked)"
                />
                {{ c.name }}</label
              >
            }
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" class="koop-button-primary" [attr.aria-disabled]="sending()">
            {{ sending() ? t('reuse.form.sending') : t('reuse.form.save') }}
          </button>
          <a [routerLink]="id() ? ['/loesungen', id()] : ['/loesungen']">{{ t('reuse.form.cancel') }}</a>
        </div>
      </form>
    </ng-container>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      max-width: 48rem;
    }
    fieldset {
      border: none;
      padding: 0;
      margin: 0;
    }
    legend {
      font-weight: 600;
    }
    .checks {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 0.25rem 1rem;
    }
    .checks label {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      min-height: 1.75rem;
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
    .error {
      color: #b0003a;
      margin: 0.25rem 0 0;
    }
    .summary {
      border: 1px solid #b0003a;
      border-left-width: 6px;
      background: #fff5f7;
      padding: 0.5rem 1rem;
      border-radius: 6px;
    }
    .actions {
      display: flex;
      gap: 1.5rem;
      align-items: center;
    }
  `,
})
export class SolutionFormPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  private readonly translate = injectTranslate();

  /** The solution's id when editing; absent when creating. */
  readonly id = input<string | undefined>(undefined);

  protected readonly textFields: readonly TextField[] = [
    'title',
    'summary',
    'licence',
    'url',
    'integrationNotes',
    'contact',
  ];
  protected readonly hints: Partial<Record<TextField, string>> = {
    licence: 'licenceHint',
    url: 'urlHint',
    contact: 'contactHint',
  };
  protected readonly kinds = SOLUTION_KINDS;
  protected readonly statuses = SOLUTION_STATUSES;
  protected readonly licences = COMMON_LICENCES;

  protected readonly values = signal<Record<TextField, string>>({
    title: '',
    summary: '',
    licence: '',
    url: '',
    integrationNotes: '',
    contact: '',
  });
  protected readonly kind = signal<SolutionKind>('ONLINE_SERVICE');
  protected readonly status = signal<SolutionStatus>('AVAILABLE');
  protected readonly projectId = signal('');
  protected readonly developers = signal<ReadonlySet<string>>(new Set());
  private version = 0;

  protected readonly sending = signal(false);
  protected readonly problem = signal<RequestProblem | null>(null);

  private readonly existing = queryResource(SolutionPageDocument, () => {
    const id = this.id();
    return id ? { id } : undefined;
  });
  protected readonly loadedTitle = computed(() => loaded(this.existing)?.solution.title ?? '');
  private readonly citiesResource = queryResource(SolutionCitiesDocument, () => ({}));
  protected readonly cities = computed(() => loaded(this.citiesResource)?.cities ?? []);
  private readonly projectsResource = queryResource(SolutionProjectsDocument, () => ({
    first: MAX_PAGE_SIZE,
  }));
  protected readonly projects = computed(() =>
    [...(loaded(this.projectsResource)?.projects.edges.map((e) => e.node) ?? [])].sort((a, b) =>
      a.title.localeCompare(b.title, 'de'),
    ),
  );

  constructor() {
    pageTitle(() =>
      this.translate(this.id() ? 'reuse.form.editTitle' : 'reuse.form.createTitle', {
        title: this.loadedTitle(),
      }),
    );
    // The form starts from the stored solution once it has loaded (editing), or with the editor's own city.
    effect(() => {
      const solution = loaded(this.existing)?.solution;
      if (solution) {
        this.values.set({
          title: solution.title,
          summary: solution.summary,
          licence: solution.licence ?? '',
          url: solution.url ?? '',
          integrationNotes: solution.integrationNotes ?? '',
          contact: solution.contact ?? '',
        });
        this.kind.set(solution.kind);
        this.status.set(solution.status);
        this.projectId.set(solution.project?.id ?? '');
        this.developers.set(new Set(solution.developedBy.map((c) => c.id)));
        this.version = solution.version;
      }
    });
    effect(() => {
      if (!this.id() && this.developers().size === 0) {
        const own = this.auth.roles().find((r) => (r.role === 'CITY_EDITOR' || r.role === 'CDO') && r.cityId);
        if (own?.cityId) this.developers.set(new Set([own.cityId]));
      }
    });
  }

  protected set(field: TextField, value: string): void {
    this.values.update((values) => ({ ...values, [field]: value }));
  }

  protected toggleDeveloper(cityId: string, checked: boolean): void {
    this.developers.update((current) => {
      const next = new Set(current);
      if (checked) next.add(cityId);
      else next.delete(cityId);
      return next;
    });
  }

  protected fieldError(field: string): string | null {
    return this.problem()?.fields.find((f) => f.field === field)?.message ?? null;
  }

  protected describedBy(field: TextField): string | null {
    const ids = [
      this.hints[field] ? `solution-${field}-hint` : null,
      this.fieldError(field) ? `solution-${field}-error` : null,
    ].filter((id): id is string => id !== null);
    return ids.length ? ids.join(' ') : null;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.sending.set(true);
    this.problem.set(null);
    const v = this.values();
    const optional = (text: string) => text.trim() || null;
    const fields = {
      title: v.title,
      summary: v.summary,
      kind: this.kind(),
      status: this.status(),
      licence: optional(v.licence),
      url: optional(v.url),
      integrationNotes: optional(v.integrationNotes),
      contact: optional(v.contact),
      projectId: this.projectId() || null,
      developedByCityIds: [...this.developers()],
    };
    try {
      const id = this.id();
      let savedId: string | undefined;
      if (id) {
        const result = await firstValueFrom(
          this.apollo.mutate({
            mutation: UpdateSolutionDocument,
            variables: { input: { solutionId: id, version: this.version, ...fields } },
          }),
        );
        savedId = result.data?.updateSolution.id;
      } else {
        const result = await firstValueFrom(
          this.apollo.mutate({ mutation: CreateSolutionDocument, variables: { input: fields } }),
        );
        savedId = result.data?.createSolution.id;
      }
      if (savedId) await this.router.navigate(['/loesungen', savedId]);
    } catch (error) {
      this.problem.set(requestProblem(error));
    } finally {
      this.sending.set(false);
    }
  }
}
