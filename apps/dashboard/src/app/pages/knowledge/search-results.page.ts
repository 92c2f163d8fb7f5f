import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { SEARCH_MAX_HITS } from '@koop/domain';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import { SearchDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { linkOf } from './knowledge.logic';
import { purifySnippet } from './safe-html';
import { SearchBoxComponent } from './search-box.component';

/** The results of the one search (`/suche?q=…`), best first, each with its kind and a marked passage. */
@Component({
  selector: 'koop-search-results-page',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent, SearchBoxComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ q() ? t('knowledge.search.titleFor', { query: q() }) : t('knowledge.search.title') }}</h1>
      <!-- The page's own field: on a phone the header has none (it would take a third of the screen). -->
      <div class="page-search"><koop-search-box inputId="koop-search-page" /></div>
      @if (!q()) {
        <p>{{ t('knowledge.search.hint') }}</p>
      } @else {
        <koop-load-state
          [resource]="results"
          [empty]="hits().length === 0"
          [emptyText]="t('knowledge.search.none')"
        >
          <p role="status">{{ t('knowledge.search.count', { count: hits().length }) }}</p>
          <ol class="hits">
            @for (hit of hits(); track hit.kind + hit.id) {
              <li class="koop-card">
                <p class="kind">{{ t('knowledge.search.kind.' + hit.kind) }}</p>
                <h2>
                  @if (hit.link; as link) {
                    <a [routerLink]="link">{{ hit.title }}</a>
                  } @else {
                    {{ hit.title }}
                  }
                </h2>
                <p class="snippet" [innerHTML]="hit.snippetHtml"></p>
              </li>
            }
          </ol>
        </koop-load-state>
      }
    </ng-container>
  `,
  styles: `
    .hits {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .hits h2 {
      font-size: 1.15rem;
      margin: 0.1rem 0 0.3rem;
    }
    .kind {
      margin: 0;
      font-size: 0.85rem;
      text-transform: uppercase;
      letter-spacing: 0.03em;
      color: #3d4a59;
    }
    .snippet {
      margin: 0;
    }
    .snippet ::ng-deep mark {
      background: #ffe08a;
      color: inherit;
      padding: 0 0.1em;
    }
  `,
})
export class SearchResultsPage {
  private readonly translate = injectTranslate();

  /** The query parameter `q`. */
  readonly q = input<string | undefined>(undefined);

  protected readonly results = queryResource(SearchDocument, () => {
    const query = this.q()?.trim();
    return query ? { query, first: SEARCH_MAX_HITS } : undefined;
  });
  protected readonly hits = computed(() =>
    (loaded(this.results)?.search ?? []).map((hit) => ({
      ...hit,
      link: linkOf(hit),
      snippetHtml: purifySnippet(hit.snippet),
    })),
  );

  constructor() {
    pageTitle(() =>
      this.q()
        ? this.translate('knowledge.search.titleFor', { query: this.q() })
        : this.translate('knowledge.search.title'),
    );
  }
}
