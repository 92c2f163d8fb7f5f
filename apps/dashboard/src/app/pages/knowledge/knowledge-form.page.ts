import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import MarkdownIt from 'markdown-it';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { requestProblem, type RequestProblem } from '../../core/graphql-errors';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import {
  CreateKnowledgeEntryDocument,
  KnowledgeEntryPageDocument,
  KnowledgeProjectsDocument,
  KnowledgeSolutionsDocument,
  KnowledgeWorkingGroupsDocument,
  UpdateKnowledgeEntryDocument,
} from '../../graphql/generated/graphql';
import { pageTitle } from '../../shared/page-title';
import { parseTags } from './knowledge.logic';
import { purifyMarkdownHtml } from './safe-html';

/** The preview renders as the server does: raw HTML off, then purified. */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/** Writes a knowledge entry (route `neu`) or changes one (route `:id/bearbeiten`) at the version it loaded. */
@Component({
  selector: 'koop-knowledge-form-page',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>
        {{ id() ? t('knowledge.form.editTitle', { title: loadedTitle() }) : t('knowledge.form.createTitle') }}
      </h1>
      <form class="koop-card" novalidate (submit)="submit($event)">
        @if (problem(); as p) {
          <div class="summary" role="alert">
            <p>
              <strong>{{ t('knowledge.form.notSaved') }}</strong>
              {{ p.code === 'CONFLICT' ? t('knowledge.form.conflict') : p.message }}
            </p>
          </div>
        }
        <div class="koop-field">
          <label for="knowledge-title">{{ t('knowledge.form.title') }}</label>
          <input
            id="knowledge-title"
            class="koop-input"
            [value]="title()"
            [attr.aria-invalid]="!!fieldError('title')"
            [attr.aria-describedby]="fieldError('title') ? 'knowledge-title-error' : null"
            (input)="title.set($any($event.target).value)"
          />
          @if (fieldError('title'); as message) {
            <p class="error" id="knowledge-title-error">{{ message }}</p>
          }
        </div>
        <div class="koop-field">
          <label for="knowledge-group">{{ t('knowledge.workingGroup') }}</label>
          <select
            id="knowledge-group"
            class="koop-input"
            [attr.aria-invalid]="!!fieldError('workingGroupId')"
            (change)="changeGroup($any($event.target).value)"
          >
            @if (auth.isAdmin()) {
              <option value="">{{ t('knowledge.noGroup') }}</option>
            }
            @for (group of editableGroups(); track group.id) {
              <option [value]="group.id" [selected]="group.id === workingGroupId()">{{ group.label }}</option>
            }
          </select>
          @if (fieldError('workingGroupId'); as message) {
            <p class="error">{{ message }}</p>
          }
        </div>
        <div class="koop-field">
          <label for="knowledge-project">{{ t('knowledge.project') }}</label>
          <select
            id="knowledge-project"
            class="koop-input"
            [attr.aria-invalid]="!!fieldError('projectId')"
            (change)="projectId.set($any($event.target).value)"
          >
            <option value="">{{ t('knowledge.form.none') }}</option>
            @for (project of projects(); track project.id) {
              <option [value]="project.id" [selected]="project.id === projectId()">
                {{ project.title }}
              </option>
            }
          </select>
          @if (fieldError('projectId'); as message) {
            <p class="error">{{ message }}</p>
          }
        </div>
        <div class="koop-field">
          <label for="knowledge-solution-search">{{ t('knowledge.form.solutionSearch') }}</label>
          <p class="hint" id="knowledge-solution-search-hint">{{ t('knowledge.form.solutionSearchHint') }}</p>
          <input
            id="knowledge-solution-search"
            class="koop-input"
            type="search"
            aria-controls="knowledge-solution"
            aria-describedby="knowledge-solution-search-hint"
            [value]="solutionSearch()"
            (input)="solutionSearch.set($any($event.target).value)"
          />
        </div>
        <div class="koop-field">
          <label for="knowledge-solution">{{ t('knowledge.solution') }}</label>
          <select
            id="knowledge-solution"
            class="koop-input"
            (change)="chooseSolution($any($event.target).value)"
          >
            <option value="">{{ t('knowledge.form.none') }}</option>
            @for (solution of solutions(); track solution.id) {
              <option [value]="solution.id" [selected]="solution.id === solutionId()">
                {{ solution.title }}
              </option>
            }
          </select>
        </div>
        <div class="koop-field">
          <label for="knowledge-tags">{{ t('knowledge.tags') }}</label>
          <p class="hint" id="knowledge-tags-hint">{{ t('knowledge.form.tagsHint') }}</p>
          <input
            id="knowledge-tags"
            class="koop-input"
            [value]="tags()"
            [attr.aria-invalid]="!!fieldError('tags')"
            [attr.aria-describedby]="
              fieldError('tags') ? 'knowledge-tags-hint knowledge-tags-error' : 'knowledge-tags-hint'
            "
            (input)="tags.set($any($event.target).value)"
          />
          @if (fieldError('tags'); as message) {
            <p class="error" id="knowledge-tags-error">{{ message }}</p>
          }
        </div>
        <div class="koop-field">
          <label for="knowledge-body">{{ t('knowledge.form.body') }}</label>
          <p class="hint" id="knowledge-body-hint">{{ t('knowledge.form.bodyHint') }}</p>
          <textarea
            id="knowledge-body"
            class="koop-input"
            rows="14"
            [value]="body()"
            [attr.aria-invalid]="!!fieldError('body')"
            [attr.aria-describedby]="
              fieldError('body') ? 'knowledge-body-hint knowledge-body-error' : 'knowledge-body-hint'
            "
            (input)="body.set($any($event.target).value)"
          ></textarea>
          @if (fieldError('body'); as message) {
            <p class="error" id="knowledge-body-error">{{ message }}</p>
          }
        </div>
        <section class="preview" aria-labelledby="knowledge-preview">
          <h2 id="knowledge-preview">{{ t('knowledge.form.preview') }}</h2>
          <div class="rendered" [innerHTML]="preview()"></div>
        </section>
        <div class="actions">
          <button type="submit" class="koop-button-primary" [attr.aria-disabled]="sending()">
            {{ sending() ? t('knowledge.form.sending') : t('knowledge.form.save') }}
          </button>
          <a [routerLink]="id() ? ['/wissen', id()] : ['/wissen']">{{ t('knowledge.form.cancel') }}</a>
        </div>
      </form>
    </ng-container>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      max-width: 52rem;
    }
    textarea {
      font-family: ui-monospace, monospace;
    }
    .hint {
      margin: 0;
      font-size: 0.9rem;
      color: #3d4a59;
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
    .preview {
      border: 1px dashed #c5ccd6;
      border-radius: 6px;
      padding: 0 1rem;
    }
    .preview h2 {
      font-size: 1rem;
    }
    .actions {
      display: flex;
      gap: 1.5rem;
      align-items: center;
    }
  `,
})
export class KnowledgeFormPage {
  private readonly apollo = inject(Apollo);
  private readonly router = inject(Router);
  protected readonly auth = inject(AuthService);
  private readonly translate = injectTranslate();

  /** The entry's id when editing; absent when creating. */
  readonly id = input<string | undefined>(undefined);
  /** The working group to start with, when creating (query parameter). */
  readonly arbeitszirkel = input<string | undefined>(undefined);

  protected readonly title = signal('');
  protected readonly body = signal('');
  protected readonly tags = signal('');
  protected readonly workingGroupId = signal('');
  protected readonly projectId = signal('');
  protected readonly solutionId = signal('');
  private version = 0;

  protected readonly sending = signal(false);
  protected readonly problem = signal<RequestProblem | null>(null);

  private readonly existing = queryResource(KnowledgeEntryPageDocument, () => {
    const id = this.id();
    return id ? { id } : undefined;
  });
  protected readonly loadedTitle = computed(() => loaded(this.existing)?.knowledgeEntry.title ?? '');
  private readonly groups = queryResource(KnowledgeWorkingGroupsDocument, () => ({}));
  /** The working groups whose entries this account may write. */
  protected readonly editableGroups = computed(() =>
    (loaded(this.groups)?.cooperations ?? []).flatMap((cooperation) =>
      cooperation.workingGroups
        .filter((group) => this.auth.mayEditWorkingGroup(group.id))
        .map((group) => ({ id: group.id, label: `${group.name} (${cooperation.shortName})` })),
    ),
  );
  private readonly projectsResource = queryResource(KnowledgeProjectsDocument, () => {
    const workingGroupId = this.workingGroupId();
    return workingGroupId ? { workingGroupId } : undefined;
  });
  protected readonly projects = computed(() =>
    this.workingGroupId() ? (loaded(this.projectsResource)?.projects.edges.map((e) => e.node) ?? []) : [],
  );
  /** Words that narrow the solutions offered: the catalogue may hold thousands, the choice shows 100. */
  protected readonly solutionSearch = signal('');
  private readonly solutionsResource = queryResource(KnowledgeSolutionsDocument, () => ({
    search: this.solutionSearch().trim() || null,
  }));
  /** The solution chosen (or stored), kept offered whatever the words, so that the choice stays shown. */
  private readonly chosenSolution = signal<{ readonly id: string; readonly title: string } | null>(null);
  protected readonly solutions = computed(() => {
    const found = loaded(this.solutionsResource)?.solutions.edges.map((e) => e.node) ?? [];
    const chosen = this.chosenSolution();
    return chosen && !found.some((s) => s.id === chosen.id) ? [chosen, ...found] : found;
  });
  protected readonly preview = computed(() => purifyMarkdownHtml(markdown.render(this.body())));

  constructor() {
    pageTitle(() =>
      this.translate(this.id() ? 'knowledge.form.editTitle' : 'knowledge.form.createTitle', {
        title: this.loadedTitle(),
      }),
    );
    // Editing starts from the stored entry once it has loaded.
    effect(() => {
      const entry = loaded(this.existing)?.knowledgeEntry;
      if (entry) {
        this.title.set(entry.title);
        this.body.set(entry.body);
        this.tags.set(entry.tags.join(', '));
        this.workingGroupId.set(entry.workingGroup?.id ?? '');
        this.projectId.set(entry.project?.id ?? '');
        this.solutionId.set(entry.solution?.id ?? '');
        this.chosenSolution.set(entry.solution ?? null);
        this.version = entry.version;
      }
    });
    // A new entry starts in the working group it was asked for, or the first the account may write in.
    effect(() => {
      if (this.id() || this.workingGroupId()) return;
      const groups = this.editableGroups();
      const wanted = this.arbeitszirkel();
      const start = groups.find((g) => g.id === wanted) ?? (this.auth.isAdmin() ? undefined : groups[0]);
      if (start) this.workingGroupId.set(start.id);
    });
  }

  protected changeGroup(id: string): void {
    this.workingGroupId.set(id);
    this.projectId.set('');
  }

  protected chooseSolution(id: string): void {
    this.solutionId.set(id);
    this.chosenSolution.set(this.solutions().find((solution) => solution.id === id) ?? null);
  }

  protected fieldError(field: string): string | null {
    return this.problem()?.fields.find((f) => f.field === field)?.message ?? null;
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.sending.set(true);
    this.problem.set(null);
    const fields = {
      title: this.title(),
      body: this.body(),
      tags: parseTags(this.tags()),
      workingGroupId: this.workingGroupId() || null,
      projectId: this.projectId() || null,
      solutionId: this.solutionId() || null,
    };
    try {
      const id = this.id();
      let savedId: string | undefined;
      if (id) {
        const result = await firstValueFrom(
          this.apollo.mutate({
            mutation: UpdateKnowledgeEntryDocument,
            variables: { input: { knowledgeEntryId: id, version: this.version, ...fields } },
          }),
        );
        savedId = result.data?.updateKnowledgeEntry.id;
      } else {
        const result = await firstValueFrom(
          this.apollo.mutate({ mutation: CreateKnowledgeEntryDocument, variables: { input: fields } }),
        );
        savedId = result.data?.createKnowledgeEntry.id;
      }
      if (savedId) await this.router.navigate(['/wissen', savedId]);
    } catch (error) {
      this.problem.set(requestProblem(error));
    } finally {
      this.sending.set(false);
    }
  }
}
