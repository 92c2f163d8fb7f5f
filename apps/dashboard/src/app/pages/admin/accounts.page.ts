import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { AuthService } from '../../core/auth.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import {
  AdminAccountsDocument,
  ScopeNamesDocument,
  type AdminAccountFragment,
} from '../../graphql/generated/graphql';
import { scopeNames } from '../../shared/history/scope-names';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import {
  AccountDialogComponent,
  type AccountDialogMode,
  type AccountSaved,
} from './account-dialog.component';
import { AccountFormComponent, type CreatedAccount } from './account-form.component';
import { InitialPasswordComponent } from './initial-password.component';

type Grant = AdminAccountFragment['roles'][number];

/** The accounts with their roles; an admin creates accounts, changes their roles and disables them. */
@Component({
  selector: 'koop-accounts-page',
  imports: [
    TranslocoDirective,
    StatusBadgeComponent,
    LoadStateComponent,
    AccountFormComponent,
    AccountDialogComponent,
    InitialPasswordComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('admin.accounts.title') }}</h1>
      <p class="lead koop-lead">{{ t('admin.accounts.lead') }}</p>

      <p class="notice" role="status">{{ notice() }}</p>

      <koop-load-state [resource]="list">
        <div class="table-wrap koop-table-wrap" role="region" aria-labelledby="accounts-caption" tabindex="0">
          <table class="koop-table">
            <caption id="accounts-caption">
              {{
                t('admin.accounts.caption', { count: accounts().length })
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('admin.accounts.column.account') }}</th>
                <th scope="col">{{ t('admin.accounts.column.roles') }}</th>
                <th scope="col">{{ t('admin.accounts.column.status') }}</th>
                <th scope="col">{{ t('admin.accounts.column.createdAt') }}</th>
                <th scope="col">{{ t('admin.accounts.column.actions') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (account of accounts(); track account.id) {
                <tr [class.off]="account.disabled">
                  <th scope="row">
                    <span class="name">{{ account.displayName }}</span>
                    <span class="meta"
                      >{{ account.username }}
                      @if (account.id === myId()) {
                        · {{ t('admin.accounts.you') }}
                      }
                    </span>
                  </th>
                  <td>
                    <ul class="grants">
                      @for (grant of account.roles; track grant.id) {
                        <li>
                          {{ t('auth.roles.' + grant.role) }}
                          @if (scopeName(grant); as scope) {
                            <span class="scope">({{ scope }})</span>
                          }
                        </li>
                      } @empty {
                        <li class="meta">{{ t('admin.accounts.noRoles') }}</li>
                      }
                    </ul>
                  </td>
                  <td>
                    <koop-status-badge
                      [tone]="account.disabled ? 'grey' : 'green'"
                      [label]="account.disabled ? t('admin.accounts.disabled') : t('admin.accounts.active')"
                    />
                    @if (account.mustChangePassword && !account.disabled) {
                      <span class="meta">{{ t('admin.accounts.mustChange') }}</span>
                    }
                  </td>
                  <td class="date">{{ format.date(account.createdAt) }}</td>
                  <td>
                    <div class="actions">
                      <button type="button" (click)="open(account, 'roles', $event)">
                        {{ t('admin.accounts.changeRoles') }}
                        <span class="sr-only">{{
                          t('admin.accounts.forAccount', { name: account.username })
                        }}</span>
                      </button>
                      @if (account.id !== myId()) {
                        <button type="button" (click)="open(account, 'status', $event)">
                          {{ account.disabled ? t('admin.accounts.enable') : t('admin.accounts.disable') }}
                          <span class="sr-only">{{
                            t('admin.accounts.forAccount', { name: account.username })
                          }}</span>
                        </button>
                        <button type="button" (click)="open(account, 'password', $event)">
                          {{ t('admin.accounts.resetPassword') }}
                          <span class="sr-only">{{
                            t('admin.accounts.forAccount', { name: account.username })
                          }}</span>
                        </button>
                      }
                    </div>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </koop-load-state>

      @if (created(); as c) {
        <koop-initial-password
          [username]="c.account.username"
          [displayName]="c.account.displayName"
          [password]="c.initialPassword"
          [reset]="c.reset ?? false"
          (closed)="created.set(null)"
        />
      }
      <koop-account-form [names]="names()" (created)="onCreated($event)" />

      @if (editing(); as edit) {
        @if (editedAccount(); as account) {
          <koop-account-dialog
            [account]="account"
            [mode]="edit.mode"
            [names]="names()"
            (saved)="onSaved($event, t)"
            (stale)="list.reload()"
            (closed)="onClosed()"
          />
        }
      }
    </ng-container>
  `,
  styles: `
    h1 {
      margin: 0 0 0.25rem;
    }
    .notice {
      margin: 0 0 0.75rem;
      color: #1b5e20;
      font-weight: 600;
    }
    .notice:empty {
      margin: 0;
    }
    .table-wrap {
      /* Positioned, so that the visually hidden texts inside scroll with the table, not the page. */
      position: relative;
      margin-bottom: 1.5rem;
    }
    table {
      min-width: 52rem;
    }
    th,
    td {
      vertical-align: top;
      padding: 0.5rem 0.75rem;
    }
    .name {
      display: block;
      font-weight: 600;
    }
    .meta {
      display: block;
      font-size: 0.9rem;
      color: var(--koop-muted);
    }
    tr.off .name {
      color: var(--koop-muted);
    }
    .grants {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .scope {
      color: var(--koop-muted);
    }
    .date {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .actions {
      display: flex;
      gap: 0.4rem;
    }
    .actions button {
      font: inherit;
      font-size: 0.95rem;
      padding: 0.3rem 0.7rem;
      border-radius: 4px;
      border: 1px solid var(--koop-blue);
      background: #fff;
      color: var(--koop-blue);
      cursor: pointer;
      min-height: 2.25rem;
      white-space: nowrap;
    }
  `,
})
export class AccountsPage {
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  protected readonly format = inject(FormatService);

  protected readonly list = queryResource(AdminAccountsDocument, () => ({}));
  private readonly namesQuery = queryResource(ScopeNamesDocument, () => ({}));
  protected readonly names = computed(() => scopeNames(loaded(this.namesQuery)));
  protected readonly accounts = computed(() => loaded(this.list)?.accounts ?? []);
  protected readonly myId = computed(() => this.auth.account()?.id);

  protected readonly created = signal<(CreatedAccount & { reset?: boolean }) | null>(null);
  protected readonly notice = signal('');
  protected readonly editing = signal<{ id: string; mode: AccountDialogMode } | null>(null);
  /** The account being edited as the list has it now: after a reload, its current state. */
  protected readonly editedAccount = computed(() => {
    const id = this.editing()?.id;
    return this.accounts().find((account) => account.id === id);
  });
  private trigger: HTMLElement | null = null;

  constructor() {
    pageTitle(toSignal(this.transloco.selectTranslate<string>('accounts.title', {}, 'admin')));
  }

  protected scopeName(grant: Grant): string | undefined {
    const names = this.names();
    if (grant.cityId) return names.cityName(grant.cityId) ?? grant.cityId;
    if (grant.workingGroupId) return names.workingGroupName(grant.workingGroupId) ?? grant.workingGroupId;
    return undefined;
  }

  protected open(account: AdminAccountFragment, mode: AccountDialogMode, event: Event): void {
    this.trigger = event.currentTarget as HTMLElement;
    this.notice.set('');
    this.editing.set({ id: account.id, mode });
  }

  protected onClosed(): void {
    this.editing.set(null);
    // Back to the button that opened the dialog, if it is still there (enable and disable swap it).
    if (this.trigger?.isConnected) this.trigger.focus();
    this.trigger = null;
  }

  protected onSaved(
    { account, mode, initialPassword }: AccountSaved,
    t: (key: string, params?: Record<string, unknown>) => string,
  ): void {
    const name = account.displayName;
    if (mode === 'password' && initialPassword) {
      // Shown once, as at creation; the panel takes the focus.
      this.notice.set('');
      this.created.set({ account, initialPassword, reset: true });
      this.list.reload();
      return;
    }
    const key =
      mode === 'roles'
        ? 'admin.accounts.saved.roles'
        : account.disabled
          ? 'admin.accounts.saved.disabled'
          : 'admin.accounts.saved.enabled';
    this.notice.set(t(key, { name }));
    this.list.reload();
  }

  protected onCreated(created: CreatedAccount): void {
    this.notice.set('');
    this.created.set(created);
    this.list.reload();
  }
}
