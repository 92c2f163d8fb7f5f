import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { MAX_PAGE_SIZE } from '@koop/domain';
import { AuthService } from '../../core/auth.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import { KnowledgeListDocument, KnowledgeWorkingGroupsDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { PagerComponent, cursorPages } from '../../shared/pager/pager.component';
import { pageTitle } from '../../shared/page-title';

/**
 * The knowledge entries of the working groups: lessons learned, standards, positions, FAQ. Filtered by
 * working group, tag and words, kept in the address (`?arbeitszirkel=…&schlagwort=…&suche=…`).
 */
@Component({
  selector: 'koop-knowledge-list-page',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <div class="heading">
        <h1>{{ t('knowledge.list.title') }}</h1>
        @if (mayCreate()) {
          <a
            class="koop-button-primary"
            routerLink="/wissen/neu"
            [queryParams]="{ arbeitszirkel: arbeitszirkel() }"
            >{{ t('knowledge.list.create') }}</a
          >
        }
      </div>
      <p class="lead">{{ t('knowledge.list.lead') }}</p>

      <form
        class="filters koop-card"
        role="search"
        [attr.aria-label]="t('knowledge.list.filters')"
        (submit)="apply($event)"
      >
        <div class="koop-field">
          <label for="knowledge-group">{{ t('knowledge.workingGroup') }}</label>
          <select id="knowledge-group" name="group" class="koop-input">
            <option value="">{{ t('knowledge.list.allGroups') }}</option>
            @for (cooperation of cooperations(); track cooperation.id) {
              <optgroup [label]="cooperation.shortName">
                @for (group of cooperation.workingGroups; track group.id) {
                  <option [value]="group.id" [selected]="group.id === arbeitszirkel()">
                    {{ group.name }}
                  </option>
                }
              </optgroup>
            }
          </select>
        </div>
        <div class="koop-field">
          <label for="knowledge-tag">{{ t('knowledge.tag') }}</label>
          <input id="knowledge-tag" name="tag" class="koop-input" [value]="schlagwort() ?? ''" />
        </div>
        <div class="koop-field">
          <label for="knowledge-words">{{ t('knowledge.list.words') }}</label>
          <input id="knowledge-words" name="words" type="search" class="koop-input" [value]="suche() ?? ''" />
        </div>
        <button type="submit" class="koop-button-primary">{{ t('knowledge.list.apply') }}</button>
      </form>

      <koop-load-state
        [resource]="list"
        [empty]="entries().length === 0"
        [emptyText]="t('knowledge.list.none')"
      >
        <p role="status">{{ t('knowledge.list.count', { shown: entries().length, total: total() }) }}</p>
        <ul class="entries">
          @for (entry of entries(); track entry.id) {
            <li class="koop-card">
              <h2>
                <a [routerLink]="['/wissen', entry.id]">{{ entry.title }}</a>
              </h2>
              <p class="meta">
                {{ entry.workingGroup?.name ?? t('knowledge.noGroup') }} ·
                {{ t('knowledge.updated', { date: format.date(entry.updatedAt) }) }}
              </p>
              @if (entry.tags.length) {
                <ul class="tags" [attr.aria-label]="t('knowledge.tags')">
                  @for (tag of entry.tags; track tag) {
                    <li>
                      <a routerLink="/wissen" [queryParams]="{ schlagwort: tag }">{{ tag }}</a>
                    </li>
                  }
                </ul>
              }
            </li>
          }
        </ul>
        <koop-pager
          [pages]="pages"
          [total]="total()"
          [pageSize]="pageSize"
          [hasNext]="!!pageInfo()?.hasNextPage"
          [endCursor]="pageInfo()?.endCursor"
        />
      </koop-load-state>
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
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1rem;
      align-items: flex-end;
      margin-bottom: 1rem;
    }
    .entries {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .entries h2 {
      font-size: 1.15rem;
      margin: 0 0 0.25rem;
    }
    .meta {
      margin: 0;
      color: #3d4a59;
    }
    .tags {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .tags a {
      display: inline-block;
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      border: 1px solid #0b4f8a;
      color: #0b4f8a;
      text-decoration: none;
      min-height: 1.5rem;
    }
  `,
})
export class KnowledgeListPage {
  private readonly router = inject(Router);
  private readonly auth = inject(AuthService);
  protected readonly format = inject(FormatService);
  private readonly translate = injectTranslate();

  /** Query parameters. */
  readonly arbeitszirkel = input<string | undefined>(undefined);
  readonly schlagwort = input<string | undefined>(undefined);
  readonly suche = input<string | undefined>(undefined);

  private readonly filter = computed(() => ({
    workingGroupId: this.arbeitszirkel() || null,
    tag: this.schlagwort() || null,
    search: this.suche() || null,
  }));
  protected readonly pageSize = MAX_PAGE_SIZE;
  protected readonly pages = cursorPages(this.filter);
  protected readonly list = queryResource(KnowledgeListDocument, () => ({
    first: this.pageSize,
    after: this.pages.after(),
    filter: this.filter(),
  }));
  protected readonly pageInfo = computed(() => loaded(this.list)?.knowledgeEntries.pageInfo);
  protected readonly entries = computed(
    () => loaded(this.list)?.knowledgeEntries.edges.map((e) => e.node) ?? [],
  );
  protected readonly total = computed(() => loaded(this.list)?.knowledgeEntries.totalCount ?? 0);
  private readonly groups = queryResource(KnowledgeWorkingGroupsDocument, () => ({}));
  protected readonly cooperations = computed(() => loaded(this.groups)?.cooperations ?? []);
  protected readonly mayCreate = computed(
    () => this.auth.isAdmin() || this.auth.roles().some((r) => r.role === 'WORKING_GROUP_LEAD'),
  );

  constructor() {
    pageTitle(() => this.translate('knowledge.list.title'));
  }

  protected async apply(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(form.get(name) ?? '').trim() || null;
    await this.router.navigate(['/wissen'], {
      queryParams: { arbeitszirkel: value('group'), schlagwort: value('tag'), suche: value('words') },
    });
  }
}
