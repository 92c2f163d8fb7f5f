import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { FormatService } from '../core/format.service';
import { loaded, queryResource } from '../core/graphql-resource';
import { LinkedKnowledgeDocument, type KnowledgeEntryFilter } from '../graphql/generated/graphql';
import { LoadStateComponent } from './load-state.component';

/** How many entries the section lists; more are rare, and the count says so. */
const SHOWN = 20;

let nextId = 0;

/**
 * The working groups' knowledge entries about a project or a solution (lessons learned, standards, FAQ),
 * newest change first, each linking to its page: what others learned, where the thing itself is shown.
 */
@Component({
  selector: 'koop-linked-knowledge',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section [attr.aria-labelledby]="id" data-section="linked-knowledge">
        <h2 [id]="id">
          {{ t(forSolution() ? 'knowledge.linked.titleSolution' : 'knowledge.linked.titleProject') }}
        </h2>
        <koop-load-state
          [resource]="list"
          [empty]="entries().length === 0"
          [emptyText]="
            t(forSolution() ? 'knowledge.linked.noneForSolution' : 'knowledge.linked.noneForProject')
          "
        >
          @if (total() > entries().length) {
            <p>{{ t('knowledge.linked.more', { shown: entries().length, total: total() }) }}</p>
          }
          <ul>
            @for (entry of entries(); track entry.id) {
              <li>
                <a [routerLink]="['/wissen', entry.id]">{{ entry.title }}</a>
                <span class="meta">
                  {{ entry.workingGroup?.name ?? t('knowledge.linked.noGroup') }} ·
                  {{ t('knowledge.linked.updated', { date: format.date(entry.updatedAt) }) }}
                </span>
              </li>
            }
          </ul>
        </koop-load-state>
      </section>
    </ng-container>
  `,
  styles: `
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.5rem;
    }
    ul {
      padding-left: 1.25rem;
      margin: 0;
    }
    li {
      margin-bottom: 0.35rem;
    }
    a {
      color: var(--koop-blue);
      font-weight: 600;
    }
    .meta {
      display: block;
      font-size: 0.85rem;
      color: #3d4a59;
    }
    section {
      margin-bottom: 1.5rem;
    }
  `,
})
export class LinkedKnowledgeComponent {
  /** Whose entries: a project's or a solution's. */
  readonly filter = input.required<Pick<KnowledgeEntryFilter, 'projectId' | 'solutionId'>>();

  protected readonly format = inject(FormatService);
  protected readonly id = `linked-knowledge-${nextId++}`;
  protected readonly list = queryResource(LinkedKnowledgeDocument, () => ({
    filter: this.filter(),
    first: SHOWN,
  }));
  protected readonly entries = computed(
    () => loaded(this.list)?.knowledgeEntries.edges.map((edge) => edge.node) ?? [],
  );
  protected readonly total = computed(() => loaded(this.list)?.knowledgeEntries.totalCount ?? 0);
  protected readonly forSolution = computed(() => !!this.filter().solutionId);
}
