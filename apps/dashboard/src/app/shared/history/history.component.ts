import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
} from '@angular/core';
import { provideTranslocoScope, TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../core/auth.service';
import { queryResource, loaded } from '../../core/graphql-resource';
import { ScopeNamesDocument, type AuditFilter } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../load-state.component';
import { AuditEntryListComponent } from './audit-entry-list.component';
import { auditPages } from './audit-pages';
import { scopeNames } from './scope-names';

let nextId = 0;

/** How many changes each page of a history shows. */
const HISTORY_PAGE_SIZE = 10;

/**
 * The audit filter of a history: a project's or a city's take in the rows that belong to them (status
 * updates, milestones, adoptions, satisfaction figures, memberships); any other row is itself alone.
 */
export function historyFilter(entity: string, entityId: string): AuditFilter {
  if (entity === 'Project') return { projectId: entityId };
  if (entity === 'City') return { cityId: entityId };
  return { entity, entityId };
}

/**
 * The history of changes of one row, or of a project or city with what belongs to them, drawn from the
 * audit log: `<koop-history entity="Project" [entityId]="id" />`. The audit log is open to admins and
 * CDOs only; for everyone else the component shows nothing and asks nothing.
 */
@Component({
  selector: 'koop-history',
  imports: [TranslocoDirective, LoadStateComponent, AuditEntryListComponent],
  providers: [provideTranslocoScope('admin')],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (visible()) {
      <section [attr.aria-labelledby]="id + '-heading'" *transloco="let t">
        <h2 [id]="id + '-heading'">{{ t('admin.history.title') }}</h2>
        <p class="lead">{{ t(leadKey()) }}</p>
        <koop-load-state
          [resource]="pages.first"
          [empty]="pages.total() === 0"
          [emptyText]="t('admin.history.none')"
        >
          <koop-audit-entry-list [entries]="pages.entries()" [names]="names()" [idPrefix]="id + '-entry-'" />
          <p class="shown" role="status">
            {{ t('admin.history.shown', { shown: pages.entries().length, total: pages.total() }) }}
            @if (pages.loadingMore()) {
              {{ t('state.loading') }}
            }
          </p>
          @if (pages.moreError()) {
            <p class="problem" role="alert">{{ t('state.errorTitle') }}</p>
          }
          @if (pages.hasMore()) {
            <button type="button" [attr.aria-disabled]="pages.loadingMore()" (click)="loadMore()">
              {{ t('admin.history.more') }}
            </button>
          }
        </koop-load-state>
      </section>
    }
  `,
  styles: `
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.25rem;
    }
    .lead,
    .shown {
      color: var(--koop-muted);
      margin: 0 0 0.75rem;
    }
    .problem {
      color: #9a0007;
    }
    button {
      font: inherit;
      padding: 0.4rem 1rem;
      border-radius: 4px;
      border: 1px solid var(--koop-blue);
      background: #fff;
      color: var(--koop-blue);
      cursor: pointer;
    }
  `,
})
export class HistoryComponent {
  /** The kind of row, as the audit log names it: Project, City, WorkingGroup, Adoption, … */
  readonly entity = input.required<string>();
  readonly entityId = input.required<string>();

  private readonly auth = inject(AuthService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly id = `koop-history-${nextId++}`;

  protected readonly visible = computed(() => this.auth.mayReadAudit());
  protected readonly leadKey = computed(() =>
    this.entity() === 'Project'
      ? 'admin.history.leadProject'
      : this.entity() === 'City'
        ? 'admin.history.leadCity'
        : 'admin.history.leadRow',
  );
  protected readonly pages = auditPages(
    () => (this.visible() ? historyFilter(this.entity(), this.entityId()) : undefined),
    HISTORY_PAGE_SIZE,
  );
  private readonly namesQuery = queryResource(ScopeNamesDocument, () => (this.visible() ? {} : undefined));
  protected readonly names = computed(() => scopeNames(loaded(this.namesQuery)));

  protected async loadMore(): Promise<void> {
    const ids = await this.pages.loadMore();
    if (ids.length === 0) return;
    // Keyboard and screen-reader users go on reading at the first change that came.
    afterNextRender(
      () => this.host.nativeElement.querySelector<HTMLElement>(`#${this.id}-entry-${ids[0]}`)?.focus(),
      { injector: this.injector },
    );
  }
}
