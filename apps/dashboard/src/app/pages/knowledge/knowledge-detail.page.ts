import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../core/auth.service';
import { requestProblem } from '../../core/graphql-errors';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import { KnowledgeEntryPageDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { purifyMarkdownHtml } from './safe-html';

/** One knowledge entry: its text rendered from Markdown, its tags and links, and its history of changes. */
@Component({
  selector: 'koop-knowledge-detail-page',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p class="back">
        <a routerLink="/wissen"><span aria-hidden="true">←</span> {{ t('knowledge.detail.back') }}</a>
      </p>
      @if (notFound()) {
        <h1>{{ t('knowledge.list.title') }}</h1>
        <p role="alert">{{ t('knowledge.detail.notFound') }}</p>
      } @else {
        <koop-load-state [resource]="detail">
          @if (entry(); as entry) {
            <div class="heading">
              <h1>{{ entry.title }}</h1>
              @if (mayEdit()) {
                <a class="koop-button-primary" [routerLink]="['/wissen', entry.id, 'bearbeiten']">{{
                  t('knowledge.detail.edit')
                }}</a>
              }
            </div>
            <dl class="facts">
              <div>
                <dt>{{ t('knowledge.workingGroup') }}</dt>
                <dd>
                  @if (entry.workingGroup; as group) {
                    <a [routerLink]="['/arbeitskreise', group.id]">{{ group.name }}</a>
                  } @else {
                    {{ t('knowledge.noGroup') }}
                  }
                </dd>
              </div>
              @if (entry.project; as project) {
                <div>
                  <dt>{{ t('knowledge.project') }}</dt>
                  <dd>
                    <a [routerLink]="['/projekte', project.id]">{{ project.title }}</a>
                  </dd>
                </div>
              }
              @if (entry.solution; as solution) {
                <div>
                  <dt>{{ t('knowledge.solution') }}</dt>
                  <dd>
                    <a [routerLink]="['/loesungen', solution.id]">{{ solution.title }}</a>
                  </dd>
                </div>
              }
              <div>
                <dt>{{ t('knowledge.updatedAt') }}</dt>
                <dd>{{ format.date(entry.updatedAt) }}</dd>
              </div>
              @if (entry.tags.length) {
                <div>
                  <dt>{{ t('knowledge.tags') }}</dt>
                  <dd>
                    <ul class="tags">
                      @for (tag of entry.tags; track tag) {
                        <li>
                          <a routerLink="/wissen" [queryParams]="{ schlagwort: tag }">{{ tag }}</a>
                        </li>
                      }
                    </ul>
                  </dd>
                </div>
              }
            </dl>
            <article
              class="body koop-card"
              [attr.aria-label]="t('knowledge.detail.text')"
              [innerHTML]="bodyHtml()"
            ></article>

            <section aria-labelledby="knowledge-history">
              <h2 id="knowledge-history">{{ t('knowledge.detail.history') }}</h2>
              <ol class="history">
                @for (change of entry.history; track $index) {
                  <li>
                    <strong>{{ format.date(change.at) }}</strong>{{ byline(change) }}: {{ describe(change) }}
                  </li>
                } @empty {
                  <li>{{ t('knowledge.detail.noHistory') }}</li>
                }
              </ol>
            </section>
          }
        </koop-load-state>
      }
    </ng-container>
  `,
  styles: `
    .heading {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      flex-wrap: wrap;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
    }
    .facts dt {
      font-weight: 600;
    }
    .facts dd {
      margin: 0;
    }
    .tags {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .body {
      line-height: 1.55;
      max-width: 52rem;
    }
    .body :is(table) {
      border-collapse: collapse;
    }
    .body :is(th, td) {
      border: 1px solid #c5ccd6;
      padding: 0.25rem 0.5rem;
    }
    .history {
      padding-left: 1.25rem;
    }
  `,
})
export class KnowledgeDetailPage {
  private readonly auth = inject(AuthService);
  protected readonly format = inject(FormatService);
  private readonly translate = injectTranslate();

  readonly id = input.required<string>();

  protected readonly detail = queryResource(KnowledgeEntryPageDocument, () => ({ id: this.id() }));
  protected readonly entry = computed(() => loaded(this.detail)?.knowledgeEntry);
  protected readonly notFound = computed(() => {
    const error = this.detail.error();
    return !!error && requestProblem(error).code === 'NOT_FOUND';
  });
  protected readonly bodyHtml = computed(() => purifyMarkdownHtml(this.entry()?.bodyHtml ?? ''));
  protected readonly mayEdit = computed(() => {
    const entry = this.entry();
    return (
      !!entry &&
      (this.auth.isAdmin() || (!!entry.workingGroup && this.auth.mayEditWorkingGroup(entry.workingGroup.id)))
    );
  });

  constructor() {
    pageTitle(() => this.entry()?.title ?? this.translate('knowledge.list.title'));
  }

  /** " von Katrin Vogt" after the date, or nothing for a change by the system. */
  protected byline(change: { authorName: string | null }): string {
    return change.authorName ? ` ${this.translate('knowledge.detail.by', { name: change.authorName })}` : '';
  }

  /** "bearbeitet (Version 2) – geändert: Text, Schlagwörter", in one string: blocks would eat the spaces. */
  protected describe(change: { operation: string; version: number | null; changedFields: string[] }): string {
    let text = this.translate('knowledge.detail.operation.' + change.operation);
    if (change.version)
      text += ` (${this.translate('knowledge.detail.version', { version: change.version })})`;
    if (change.changedFields.length && change.operation !== 'createKnowledgeEntry') {
      const fields = change.changedFields
        .map((field) => this.translate('knowledge.field.' + field))
        .join(', ');
      text += ` – ${this.translate('knowledge.detail.changed')} ${fields}`;
    }
    return text;
  }
}
