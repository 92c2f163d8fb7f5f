import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { FormatService } from '../../core/format.service';
import type { AuditEntryItemFragment } from '../../graphql/generated/graphql';
import { changeRows, formatDateTime, type ChangeRow, type ValueContext } from './audit-format';
import { AUDIT_ENTITIES, AUDIT_OPERATIONS, ENUM_FIELDS } from './audit-kinds';
import { NO_NAMES, type ScopeNames } from './scope-names';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * Audit entries, newest first: who changed what and when, each with the fields it changed (before →
 * after). The texts come from the `admin` scope, which the host provides.
 */
@Component({
  selector: 'koop-audit-entry-list',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="entries" *transloco="let t">
      @for (entry of entries(); track entry.id) {
        @let title = titleOf(entry, t);
        <li class="koop-card">
          <article [attr.aria-labelledby]="idPrefix() + entry.id">
            <h3 [id]="idPrefix() + entry.id" tabindex="-1">{{ title }}</h3>
            <p class="meta">
              <time [attr.datetime]="entry.at">{{ when(entry.at) }}</time>
              · {{ t('admin.history.by') }}
              @let author = authorOf(entry, t);
              <strong>{{ author }}</strong>
              @if (accountFilter() && entry.accountId; as accountId) {
                <button
                  type="button"
                  class="link"
                  (click)="accountChosen.emit({ id: accountId, name: author })"
                >
                  {{ t('admin.history.onlyAccount', { name: author }) }}
                </button>
              }
            </p>
            <p class="what">
              <span>{{ recordOf(entry, t) }}</span>
              @if (entry.city; as city) {
                <a [routerLink]="['/kommunen', city.id]">{{ city.name }}</a>
              }
              @if (entry.project; as project) {
                <a [routerLink]="['/projekte', project.id]">{{ project.title }}</a>
              }
            </p>
            @let rows = rowsOf(entry, t);
            @if (rows.length === 0) {
              <p class="muted">{{ t('admin.history.noChanges') }}</p>
            } @else {
              <!-- A scrolling box the keyboard can reach (WCAG 2.1.1), named after its table. -->
              <div
                class="table-wrap"
                role="region"
                tabindex="0"
                [attr.aria-label]="t('admin.history.changes', { what: title })"
              >
                <table class="koop-table">
                  <caption class="sr-only">
                    {{
                      t('admin.history.changes', { what: title })
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('admin.history.field') }}</th>
                      <th scope="col">{{ t('admin.history.before') }}</th>
                      <th scope="col">{{ t('admin.history.after') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (row of rows; track row.field) {
                      <tr>
                        <th scope="row" [attr.data-field]="row.field">
                          @if (row.label; as label) {
                            {{ label }}
                          } @else {
                            <code>{{ row.field }}</code>
                          }
                        </th>
                        <td class="before">{{ row.before }}</td>
                        <td>
                          <span class="arrow" aria-hidden="true">→ </span>
                          {{ row.after }}
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
            @if (entry.batchRowCount > 0) {
              <!-- An import is one entry: the rows it wrote are beneath it, the first of them shown here. -->
              @let batchTitle = t('admin.history.batch.heading', { count: entry.batchRowCount });
              <h4>{{ batchTitle }}</h4>
              <div class="table-wrap" role="region" tabindex="0" [attr.aria-label]="batchTitle">
                <table class="koop-table batch">
                  <caption class="sr-only">
                    {{
                      batchTitle
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('admin.history.batch.service') }}</th>
                      <th scope="col">{{ t('admin.history.batch.city') }}</th>
                      <th scope="col">{{ t('admin.history.batch.key') }}</th>
                      <th scope="col">{{ t('admin.history.batch.changes') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (row of entry.batchRows; track row.position) {
                      <tr>
                        <th scope="row">
                          @if (row.project; as project) {
                            <a [routerLink]="['/projekte', project.id]">{{ project.title }}</a>
                          }
                        </th>
                        <td>
                          @if (row.city; as city) {
                            <a [routerLink]="['/kommunen', city.id]">{{ city.name }}</a>
                          }
                        </td>
                        <td>{{ row.key ?? '' }}</td>
                        <td>
                          <ul class="row-changes">
                            @for (change of batchChanges(entry, row.changes, t); track change.field) {
                              <li>
                                {{ change.label ?? change.field }}: {{ change.before }}
                                <span class="arrow" aria-hidden="true">→</span>
                                <span class="sr-only">{{ t('admin.history.batch.to') }}</span>
                                {{ change.after }}
                              </li>
                            }
                          </ul>
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
              @if (entry.batchRows.length < entry.batchRowCount) {
                <p class="muted">
                  {{
                    t('admin.history.batch.more', {
                      shown: entry.batchRows.length,
                      count: entry.batchRowCount,
                    })
                  }}
                </p>
              }
            }
          </article>
        </li>
      }
    </ol>
  `,
  styles: `
    .entries {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 0.6rem 0.9rem 0.75rem;
      margin-bottom: 0.75rem;
    }
    h3 {
      font-size: 1.05rem;
      margin: 0;
    }
    h4 {
      font-size: 0.95rem;
      margin: 0.6rem 0 0;
    }
    .row-changes {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    h3:focus {
      outline: 3px solid #e07b00;
      outline-offset: 2px;
    }
    p {
      margin: 0.15rem 0;
    }
    .meta,
    .muted {
      color: var(--koop-muted);
      font-size: 0.95rem;
    }
    .meta strong {
      color: var(--koop-ink);
    }
    .what {
      display: flex;
      flex-wrap: wrap;
      gap: 0.15rem 0.9rem;
    }
    a {
      color: var(--koop-blue);
    }
    .link {
      font: inherit;
      font-size: 0.9rem;
      background: none;
      border: 0;
      padding: 0.2rem 0.25rem;
      margin-left: 0.25rem;
      color: var(--koop-blue);
      text-decoration: underline;
      cursor: pointer;
      min-height: 1.5rem;
    }
    .table-wrap {
      position: relative;
      margin-top: 0.4rem;
      overflow-x: auto;
    }
    th,
    td {
      vertical-align: top;
      padding: 0.3rem 0.5rem;
      /* Break at spaces and hyphens first; inside a word only when nothing else fits. */
      overflow-wrap: break-word;
      hyphens: auto;
    }
    thead th {
      font-size: 0.9rem;
    }
    thead th:first-child {
      width: 25%;
    }
    thead th:not(:first-child) {
      width: 37.5%;
    }
    code {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 0.9rem;
    }
    .before {
      color: #4a5868;
    }
    .arrow {
      color: var(--koop-muted);
    }
    @media (max-width: 40rem) {
      li {
        padding-inline: 0.6rem;
      }
      th,
      td {
        padding: 0.25rem 0.3rem;
        font-size: 0.9rem;
      }
      code {
        font-size: 0.8rem;
      }
    }
  `,
})
export class AuditEntryListComponent {
  private readonly format = inject(FormatService);

  readonly entries = input.required<readonly AuditEntryItemFragment[]>();
  readonly names = input<ScopeNames>(NO_NAMES);
  /** Whether each entry offers to show only its account's entries. */
  readonly accountFilter = input(false);
  /** Prefix of the entries' heading ids, unique on the page. */
  readonly idPrefix = input('audit-');
  readonly accountChosen = output<{ id: string; name: string }>();

  protected when(at: string): string {
    return formatDateTime(at, this.format.locale());
  }

  protected titleOf(entry: AuditEntryItemFragment, t: Translate): string {
    if (entry.operation === 'setAccountDisabled') {
      const disabled = entry.changes.find((change) => change.field === 'disabled')?.after;
      if (disabled === 'true') return t('admin.history.accountDisabled');
      if (disabled === 'false') return t('admin.history.accountEnabled');
    }
    return AUDIT_OPERATIONS.includes(entry.operation)
      ? t(`admin.history.operation.${entry.operation}`)
      : entry.operation;
  }

  /**
   * Who made the change, by the name people know them by. Without an account it is the system, unless the
   * entry names who wrote it (the demo's generated history names the offices).
   */
  protected authorOf(entry: AuditEntryItemFragment, t: Translate): string {
    if (entry.accountId === null) return entry.authorName ?? t('admin.history.system');
    return entry.authorName ?? entry.username;
  }

  /** The changed row by its name ("Konto „Anna Berg“"), or by kind and number when it has none. */
  protected recordOf(entry: AuditEntryItemFragment, t: Translate): string {
    const entity = AUDIT_ENTITIES.includes(entry.entity)
      ? t(`admin.history.entity.${entry.entity}`)
      : entry.entity;
    return entry.subject
      ? t('admin.history.named', { entity, name: entry.subject })
      : t('admin.history.record', { entity, id: entry.entityId });
  }

  protected rowsOf(entry: AuditEntryItemFragment, t: Translate): ChangeRow[] {
    return changeRows(entry.changes, this.context(t, entry), (field) => {
      const key = `admin.history.fields.${field}`;
      const label = t(key);
      return label && label !== key ? label : null;
    });
  }

  /** The changed fields of one row of an import, each value as text. */
  protected batchChanges(
    entry: AuditEntryItemFragment,
    changes: AuditEntryItemFragment['batchRows'][number]['changes'],
    t: Translate,
  ): ChangeRow[] {
    return changeRows(changes, this.context(t, entry), (field) => {
      const key = `admin.history.fields.${field}`;
      const label = t(key);
      return label && label !== key ? label : null;
    });
  }

  private context(t: Translate, entry: AuditEntryItemFragment): ValueContext {
    const names = this.names();
    return {
      date: (value) => this.format.date(value),
      dateTime: (value) => formatDateTime(value, this.format.locale()),
      number: (value, digits) => this.format.number(value, digits),
      yes: t('common.yes'),
      no: t('common.no'),
      empty: t('common.none'),
      none: t('common.none'),
      cityName: (id) => names.cityName(id),
      workingGroupName: (id) => names.workingGroupName(id),
      cooperationName: (id) => names.cooperationName(id),
      projectTitle: (id) => (entry.project?.id === id ? entry.project.title : undefined),
      roleName: (role) => t(`auth.roles.${role}`),
      enumName: (field, value) => {
        const group = ENUM_FIELDS[field];
        if (!group) return undefined;
        const key = group === 'warning' ? `admin.history.warning.${value}` : `enum.${group}.${value}`;
        const text = t(key);
        return text && text !== key ? text : undefined;
      },
    };
  }
}
