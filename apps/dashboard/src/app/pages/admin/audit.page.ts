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
import { toSignal } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthService } from '../../core/auth.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { AdminAuditAccountsDocument, ScopeNamesDocument } from '../../graphql/generated/graphql';
import { AuditEntryListComponent } from '../../shared/history/audit-entry-list.component';
import { AUDIT_ENTITIES, AUDIT_OPERATIONS } from '../../shared/history/audit-kinds';
import { auditPages } from '../../shared/history/audit-pages';
import { scopeNames } from '../../shared/history/scope-names';
import { LoadStateComponent } from '../../shared/load-state.component';
import { ExportLinksComponent } from '../exports/export-links.component';
import { pageTitle } from '../../shared/page-title';
import {
  activeFilters,
  AUDIT_PAGE_SIZE,
  auditFilter,
  auditParams,
  NO_FILTER,
  parseAuditState,
  periodReversed,
  type AuditState,
} from './audit-state';

/** The audit log: who changed what and when, newest first, filtered as the URL says. */
@Component({
  selector: 'koop-audit-page',
  imports: [TranslocoDirective, LoadStateComponent, AuditEntryListComponent, ExportLinksComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('admin.audit.title') }}</h1>
      <p class="lead koop-lead">{{ t('admin.audit.lead') }}</p>

      <form
        class="filters koop-card"
        role="search"
        aria-labelledby="audit-filters-heading"
        (submit)="$event.preventDefault()"
      >
        <h2 id="audit-filters-heading">{{ t('admin.audit.filters') }}</h2>
        <div class="grid">
          <div class="field koop-field">
            <label for="audit-entity">{{ t('admin.audit.entity') }}</label>
            <select id="audit-entity" (change)="filter({ entity: $any($event.target).value || null })">
              <option value="" [selected]="!state().entity">{{ t('admin.audit.all') }}</option>
              @for (entity of entities; track entity) {
                <option [value]="entity" [selected]="state().entity === entity">
                  {{ t('admin.history.entity.' + entity) }}
                </option>
              }
            </select>
          </div>
          <div class="field koop-field">
            <label for="audit-operation">{{ t('admin.audit.operation') }}</label>
            <select id="audit-operation" (change)="filter({ operation: $any($event.target).value || null })">
              <option value="" [selected]="!state().operation">{{ t('admin.audit.all') }}</option>
              @for (operation of operations; track operation) {
                <option [value]="operation" [selected]="state().operation === operation">
                  {{ t('admin.history.operation.' + operation) }}
                </option>
              }
            </select>
          </div>
          @if (auth.isAdmin()) {
            <div class="field koop-field">
              <label for="audit-account">{{ t('admin.audit.account') }}</label>
              <select id="audit-account" (change)="filter({ accountId: $any($event.target).value || null })">
                <option value="" [selected]="!state().accountId">{{ t('admin.audit.all') }}</option>
                @for (account of accounts(); track account.id) {
                  <option [value]="account.id" [selected]="state().accountId === account.id">
                    {{ account.displayName }} ({{ account.username }})
                  </option>
                }
              </select>
            </div>
          }
          <div class="field koop-field">
            <label for="audit-from">{{ t('admin.audit.from') }}</label>
            <input
              id="audit-from"
              type="date"
              [value]="state().from ?? ''"
              (change)="filter({ from: $any($event.target).value || null })"
            />
          </div>
          <div class="field koop-field">
            <label for="audit-to">{{ t('admin.audit.to') }}</label>
            <input
              id="audit-to"
              type="date"
              [value]="state().to ?? ''"
              [attr.aria-invalid]="reversed() ? true : null"
              [attr.aria-describedby]="reversed() ? 'audit-to-error' : null"
              (change)="filter({ to: $any($event.target).value || null })"
            />
            @if (reversed()) {
              <p class="error" id="audit-to-error">{{ t('admin.audit.reversed') }}</p>
            }
          </div>
        </div>
        @if (!auth.isAdmin() && state().accountId) {
          <p class="chosen">
            {{ t('admin.audit.accountChosen', { name: chosenAccountName() }) }}
          </p>
        }
        @if (filterCount() > 0) {
          <button type="button" class="reset koop-button" (click)="reset()">
            {{ t('admin.audit.reset') }}
          </button>
        }
      </form>

      <section aria-labelledby="audit-results-heading" [attr.aria-busy]="pages.first.isLoading()">
        <h2 id="audit-results-heading">{{ t('admin.audit.results') }}</h2>
        @if (!reversed()) {
          <koop-load-state
            [resource]="pages.first"
            [empty]="pages.total() === 0"
            [emptyText]="t('admin.audit.none')"
          >
            <koop-export-links
              dataset="audit-log"
              [label]="t('admin.audit.title')"
              [params]="exportParams()"
            />
            <p class="count" role="status">
              {{
                pages.total() === 1
                  ? t('admin.audit.countOne')
                  : t('admin.audit.count', { total: format.number(pages.total()) })
              }}
            </p>
            <koop-audit-entry-list
              [entries]="pages.entries()"
              [names]="names()"
              [accountFilter]="!state().accountId"
              (accountChosen)="filter({ accountId: $event.id })"
            />
            <p class="shown" role="status">
              {{
                t('admin.audit.shown', {
                  shown: format.number(pages.entries().length),
                  total: format.number(pages.total()),
                })
              }}
              @if (pages.loadingMore()) {
                {{ t('admin.audit.loadingMore') }}
              }
            </p>
            @if (pages.moreError()) {
              <p class="error" role="alert">{{ t('state.errorTitle') }}</p>
            }
            @if (pages.hasMore()) {
              <button
                type="button"
                class="more koop-button-primary"
                [attr.aria-disabled]="pages.loadingMore()"
                (click)="loadMore()"
              >
                {{ t('admin.audit.more') }}
              </button>
            }
          </koop-load-state>
        }
      </section>
    </ng-container>
  `,
  styles: `
    h1 {
      margin: 0 0 0.25rem;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
    }
    .filters {
      padding: 0.75rem 1rem 1rem;
      margin-bottom: 1.25rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 0.75rem 1rem;
    }
    .field {
      min-width: 0;
    }
    label {
      font-size: 0.95rem;
    }
    select,
    input {
      font: inherit;
      padding: 0.4rem 0.5rem;
      border: 1px solid #6b7785;
      border-radius: 4px;
      background: #fff;
      min-width: 0;
      max-width: 100%;
    }
    input[aria-invalid='true'] {
      border: 2px solid #9a0007;
    }
    .error {
      color: #9a0007;
      font-size: 0.95rem;
      margin: 0;
    }
    .chosen {
      margin: 0.75rem 0 0;
      font-weight: 600;
    }
    .count,
    .shown {
      color: var(--koop-muted);
      margin: 0 0 0.75rem;
    }
    .reset {
      margin-top: 0.75rem;
    }
  `,
})
export class AuditPage {
  // Query parameters, bound by the router; their names are the URL's.
  readonly art = input<string>();
  readonly vorgang = input<string>();
  readonly konto = input<string>();
  readonly von = input<string>();
  readonly bis = input<string>();

  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly auth = inject(AuthService);
  protected readonly format = inject(FormatService);
  protected readonly entities = AUDIT_ENTITIES;
  protected readonly operations = AUDIT_OPERATIONS;

  protected readonly state = computed(() =>
    parseAuditState({
      art: this.art(),
      vorgang: this.vorgang(),
      konto: this.konto(),
      von: this.von(),
      bis: this.bis(),
    }),
  );
  protected readonly reversed = computed(() => periodReversed(this.state()));
  /** The log's filter, with the period's days in the user's time zone, as the export's query parameters. */
  protected readonly exportParams = computed(() => ({ ...auditFilter(this.state()) }));
  protected readonly filterCount = computed(() => activeFilters(this.state()));
  protected readonly pages = auditPages(
    () => (this.reversed() ? undefined : auditFilter(this.state())),
    AUDIT_PAGE_SIZE,
  );

  private readonly namesQuery = queryResource(ScopeNamesDocument, () => ({}));
  protected readonly names = computed(() => scopeNames(loaded(this.namesQuery)));
  // Only admins may list accounts; the others choose an account from an entry.
  private readonly accountsQuery = queryResource(AdminAuditAccountsDocument, () =>
    this.auth.isAdmin() ? {} : undefined,
  );
  protected readonly accounts = computed(() => loaded(this.accountsQuery)?.accounts ?? []);
  protected readonly accountNames = computed(
    () => new Map(this.accounts().map((account) => [account.id, account.displayName])),
  );
  protected readonly chosenAccountName = computed(() => {
    const id = this.state().accountId;
    return this.accountNames().get(id ?? '') ?? this.chosenFromEntries(id) ?? id;
  });

  private chosenFromEntries(id: string | null): string | undefined {
    const entry = this.pages.entries().find((e) => e.accountId === id);
    return entry ? (entry.authorName ?? entry.username) : undefined;
  }

  constructor() {
    pageTitle(toSignal(inject(TranslocoService).selectTranslate<string>('audit.title', {}, 'admin')));
  }

  protected filter(changes: Partial<AuditState>): void {
    this.go({ ...this.state(), ...changes });
  }

  protected reset(): void {
    this.go(NO_FILTER);
    // The reset button goes with the filters: start again at the first filter.
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('#audit-entity')?.focus(), {
      injector: this.injector,
    });
  }

  protected async loadMore(): Promise<void> {
    const ids = await this.pages.loadMore();
    if (ids.length === 0) return;
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#audit-${ids[0]}`)?.focus(), {
      injector: this.injector,
    });
  }

  private go(state: AuditState): void {
    void this.router.navigate([], { queryParams: auditParams(state), queryParamsHandling: 'merge' });
  }
}
