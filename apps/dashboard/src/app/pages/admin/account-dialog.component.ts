import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { requestProblem } from '../../core/graphql-errors';
import { LanguageService } from '../../core/language.service';
import {
  AdminResetAccountPasswordDocument,
  AdminSetAccountDisabledDocument,
  AdminSetAccountRolesDocument,
  type AdminAccountFragment,
} from '../../graphql/generated/graphql';
import { NO_NAMES, type ScopeNames } from '../../shared/history/scope-names';
import { RoleEditorComponent } from './role-editor.component';
import {
  accountProblems,
  grantsOf,
  localizedMessage,
  NO_ACCOUNT_PROBLEMS,
  rowsOf,
  rowsWithoutRole,
  sameGrants,
  type AccountProblems,
} from './role-form';

export type AccountDialogMode = 'roles' | 'status' | 'password';

/** What the dialog changed, for the page to say so. */
export interface AccountSaved {
  readonly account: AdminAccountFragment;
  readonly mode: AccountDialogMode;
  /** After a password reset: the one-time password, to be shown once. */
  readonly initialPassword?: string;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * Changes an account's roles, or disables or enables it, in a modal dialog. The change carries the
 * version the admin saw; when someone changed the account meanwhile, the dialog shows the current state
 * and offers to take it or to save the change anyway.
 */
@Component({
  selector: 'koop-account-dialog',
  imports: [TranslocoDirective, RoleEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="account-dialog-title" (close)="closed.emit()">
      <form novalidate (submit)="save($event)" *transloco="let t">
        <h2 id="account-dialog-title">{{ title(t) }}</h2>
        @if (mode() === 'roles') {
          <koop-role-editor
            idPrefix="edit-role"
            [(rows)]="rows"
            [names]="names()"
            [problems]="problems().roles"
          />
        } @else if (mode() === 'password') {
          <p>{{ t('admin.dialog.resetText') }}</p>
        } @else {
          <p>{{ disable() ? t('admin.dialog.disableText') : t('admin.dialog.enableText') }}</p>
        }

        @if (conflict(); as seenVersion) {
          <div class="conflict" role="alert">
            <h3>{{ t('admin.dialog.conflictTitle') }}</h3>
            <p>{{ t('admin.dialog.conflictText') }}</p>
            @if (account().version === seenVersion) {
              <p role="status">{{ t('admin.dialog.loadingCurrent') }}</p>
            } @else {
              <h4>{{ t('admin.dialog.current') }}</h4>
              <dl>
                <dt>{{ t('admin.dialog.currentRoles') }}</dt>
                <dd>{{ currentRoles(t) }}</dd>
                <dt>{{ t('admin.dialog.currentStatus') }}</dt>
                <dd>{{ account().disabled ? t('admin.accounts.disabled') : t('admin.accounts.active') }}</dd>
              </dl>
              <p class="choices">
                <button type="button" class="koop-button" (click)="takeCurrent()">
                  {{ t('admin.dialog.reload') }}
                </button>
                <button type="submit" class="koop-button">{{ t('admin.dialog.reapply') }}</button>
              </p>
            }
          </div>
        }
        @if (problems().general; as general) {
          @let text = localized(general, t);
          <p class="problem" role="alert">
            {{ t('admin.dialog.notSaved') }} <span [attr.lang]="text.lang">{{ text.text }}</span>
          </p>
        }
        <p class="unchanged" role="status">
          @if (unchanged()) {
            {{ t('admin.dialog.unchanged') }}
          }
        </p>
        <div class="actions">
          @if (!conflict()) {
            <button type="submit" class="primary koop-button-primary" [attr.aria-disabled]="sending()">
              {{ sending() ? t('admin.dialog.saving') : submitText(t) }}
            </button>
          }
          <button type="button" class="koop-button" (click)="close()">{{ t('common.cancel') }}</button>
        </div>
      </form>
    </dialog>
  `,
  styles: `
    dialog {
      width: min(44rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      box-sizing: border-box;
      overflow: auto;
      border: 1px solid var(--koop-border);
      border-radius: 8px;
      padding: 1rem 1.25rem 1.25rem;
      color: var(--koop-ink);
    }
    dialog::backdrop {
      background: rgb(29 39 51 / 55%);
    }
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.75rem;
    }
    h3 {
      font-size: 1.05rem;
      margin: 0 0 0.25rem;
    }
    h4 {
      font-size: 1rem;
      margin: 0.5rem 0 0.25rem;
    }
    .conflict {
      border: 1px solid #8a5a00;
      border-left-width: 6px;
      background: #fff8e6;
      padding: 0.6rem 0.9rem;
      border-radius: 4px;
      margin: 0.75rem 0;
    }
    .conflict p {
      margin: 0.25rem 0;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.2rem 0.75rem;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .problem {
      color: #9a0007;
    }
    .unchanged:empty {
      display: none;
    }
    .choices,
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.75rem;
    }
  `,
})
export class AccountDialogComponent {
  /** The account as the list shows it now; after a conflict the list reloads and this follows. */
  readonly account = input.required<AdminAccountFragment>();
  readonly mode = input.required<AccountDialogMode>();
  readonly names = input<ScopeNames>(NO_NAMES);
  readonly closed = output<void>();
  readonly saved = output<AccountSaved>();
  /** Asks the page to reload the accounts: the one shown is no longer current. */
  readonly stale = output<void>();

  private readonly apollo = inject(Apollo);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  /** Changes only with another account, not with a reload of the same one (a computed compares). */
  private readonly accountId = computed(() => this.account().id);
  /** The roles as edited; they stay when the account reloads, until the admin takes the current ones. */
  protected readonly rows = linkedSignal({
    source: this.accountId,
    // Untracked: a computation's reads are tracked too, and a reload must not reset the admin's rows.
    computation: () => untracked(() => rowsOf(this.account().roles)),
  });
  /** Whether the dialog disables (or enables) the account: what the admin saw when it opened. */
  protected readonly disable = linkedSignal({
    source: this.accountId,
    computation: () => untracked(() => !this.account().disabled),
  });
  /** The version the admin had seen when the save met a newer one; null without a conflict. */
  protected readonly conflict = signal<number | null>(null);
  protected readonly problems = signal<AccountProblems>(NO_ACCOUNT_PROBLEMS);
  protected readonly sending = signal(false);
  protected readonly unchanged = signal(false);
  protected readonly hasConflict = computed(() => this.conflict() !== null);

  constructor() {
    afterNextRender(() => {
      const dialog = this.dialog().nativeElement;
      dialog.showModal();
      // Without a control yet (texts still loading) the dialog itself holds the focus; the first control is better.
      if (document.activeElement === dialog) {
        dialog.querySelector<HTMLElement>('select, input, button')?.focus();
      }
    });
  }

  protected title(t: Translate): string {
    const name = this.account().displayName;
    if (this.mode() === 'roles') return t('admin.dialog.rolesTitle', { name });
    if (this.mode() === 'password') return t('admin.dialog.resetTitle', { name });
    return this.disable()
      ? t('admin.dialog.disableTitle', { name })
      : t('admin.dialog.enableTitle', { name });
  }

  protected submitText(t: Translate): string {
    if (this.mode() === 'roles') return t('admin.dialog.saveRoles');
    if (this.mode() === 'password') return t('admin.dialog.resetSubmit');
    return this.disable() ? t('admin.accounts.disable') : t('admin.accounts.enable');
  }

  protected currentRoles(t: Translate): string {
    const names = this.names();
    const roles = this.account().roles.map((grant) => {
      const role = t(`auth.roles.${grant.role}`);
      if (grant.cityId) return `${role} (${names.cityName(grant.cityId) ?? grant.cityId})`;
      if (grant.workingGroupId) {
        return `${role} (${names.workingGroupName(grant.workingGroupId) ?? grant.workingGroupId})`;
      }
      return role;
    });
    return roles.length > 0 ? roles.join('; ') : t('admin.accounts.noRoles');
  }

  protected localized(message: string, t: Translate): { text: string; lang: string } {
    return localizedMessage(message, this.language.language(), (role) => t(`auth.roles.${role}`));
  }

  /** Drops the admin's change and starts again from the account as it is now. */
  protected takeCurrent(): void {
    this.rows.set(rowsOf(this.account().roles));
    this.disable.set(!this.account().disabled);
    this.conflict.set(null);
    this.problems.set(NO_ACCOUNT_PROBLEMS);
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    this.unchanged.set(false);
    const account = this.account();
    if (this.mode() === 'roles') {
      const missing = rowsWithoutRole(this.rows());
      if (missing.length > 0) {
        const message = this.transloco.translate('admin.roles.missingRole');
        this.problems.set({
          ...NO_ACCOUNT_PROBLEMS,
          roles: Object.fromEntries(missing.map((index) => [index, { role: message }])),
        });
        return;
      }
      if (!this.hasConflict() && sameGrants(grantsOf(this.rows()), account.roles)) {
        this.unchanged.set(true);
        return;
      }
    }
    this.sending.set(true);
    try {
      if (this.mode() === 'password') {
        const reset = (
          await firstValueFrom(
            this.apollo.mutate({
              mutation: AdminResetAccountPasswordDocument,
              variables: { input: { accountId: account.id, version: account.version } },
            }),
          )
        ).data?.resetAccountPassword;
        if (!reset) throw new Error('no data');
        this.saved.emit({ account: reset.account, mode: 'password', initialPassword: reset.initialPassword });
        this.close();
        return;
      }
      const saved =
        this.mode() === 'roles'
          ? (
              await firstValueFrom(
                this.apollo.mutate({
                  mutation: AdminSetAccountRolesDocument,
                  variables: {
                    input: { accountId: account.id, version: account.version, roles: grantsOf(this.rows()) },
                  },
                }),
              )
            ).data?.setAccountRoles
          : (
              await firstValueFrom(
                this.apollo.mutate({
                  mutation: AdminSetAccountDisabledDocument,
                  variables: {
                    input: { accountId: account.id, version: account.version, disabled: this.disable() },
                  },
                }),
              )
            ).data?.setAccountDisabled;
      if (!saved) throw new Error('no data');
      this.saved.emit({ account: saved, mode: this.mode() });
      this.close();
    } catch (error) {
      const problem = requestProblem(error);
      if (problem.code === 'CONFLICT') {
        this.conflict.set(account.version);
        this.problems.set(NO_ACCOUNT_PROBLEMS);
        this.stale.emit();
      } else {
        this.problems.set(
          problem.code === 'NETWORK'
            ? { ...NO_ACCOUNT_PROBLEMS, general: this.transloco.translate('state.networkError') }
            : accountProblems(problem),
        );
      }
    } finally {
      this.sending.set(false);
    }
  }
}
