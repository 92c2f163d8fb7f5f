import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { requestProblem } from '../../core/graphql-errors';
import { LanguageService } from '../../core/language.service';
import { AdminCreateAccountDocument, type AdminAccountFragment } from '../../graphql/generated/graphql';
import { NO_NAMES, type ScopeNames } from '../../shared/history/scope-names';
import { RoleEditorComponent } from './role-editor.component';
import {
  accountProblems,
  emptyRow,
  grantsOf,
  localizedMessage,
  NO_ACCOUNT_PROBLEMS,
  rowsWithoutRole,
  type AccountProblems,
  type RoleRow,
} from './role-form';

/** A new account: its username, display name and roles, with the scope each role needs. */
export interface CreatedAccount {
  readonly account: AdminAccountFragment;
  readonly initialPassword: string;
}

/** Creates an account; the API checks the input and its messages appear next to the fields. */
@Component({
  selector: 'koop-account-form',
  imports: [TranslocoDirective, RoleEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="koop-card"
      novalidate
      (submit)="submit($event)"
      aria-labelledby="account-form-heading"
      *transloco="let t"
    >
      <h2 id="account-form-heading">{{ t('admin.form.title') }}</h2>
      @if (problems().general; as general) {
        @let text = localized(general);
        <p class="summary" role="alert" tabindex="-1" #summary>
          {{ t('admin.form.notSaved') }} <span [attr.lang]="text.lang">{{ text.text }}</span>
        </p>
      }
      <div class="fields">
        <div class="field koop-field">
          <label for="new-username">{{ t('admin.form.username') }}</label>
          <p class="hint" id="new-username-hint">{{ t('admin.form.usernameHint') }}</p>
          <input
            class="koop-input"
            id="new-username"
            type="text"
            autocomplete="off"
            autocapitalize="none"
            spellcheck="false"
            [value]="username()"
            [attr.aria-invalid]="problems().username ? true : null"
            [attr.aria-describedby]="
              problems().username ? 'new-username-hint new-username-error' : 'new-username-hint'
            "
            (input)="username.set($any($event.target).value)"
          />
          @if (problems().username; as message) {
            @let text = localized(message);
            <p class="error" id="new-username-error">
              <span class="sr-only">{{ t('admin.form.error') }}</span>
              <span [attr.lang]="text.lang">{{ text.text }}</span>
            </p>
          }
        </div>
        <div class="field koop-field">
          <label for="new-display-name">{{ t('admin.form.displayName') }}</label>
          <p class="hint" id="new-display-name-hint">{{ t('admin.form.displayNameHint') }}</p>
          <input
            class="koop-input"
            id="new-display-name"
            type="text"
            autocomplete="off"
            [value]="displayName()"
            [attr.aria-invalid]="problems().displayName ? true : null"
            [attr.aria-describedby]="
              problems().displayName
                ? 'new-display-name-hint new-display-name-error'
                : 'new-display-name-hint'
            "
            (input)="displayName.set($any($event.target).value)"
          />
          @if (problems().displayName; as message) {
            @let text = localized(message);
            <p class="error" id="new-display-name-error">
              <span class="sr-only">{{ t('admin.form.error') }}</span>
              <span [attr.lang]="text.lang">{{ text.text }}</span>
            </p>
          }
        </div>
      </div>
      <koop-role-editor idPrefix="new-role" [(rows)]="rows" [names]="names()" [problems]="rowProblems()" />
      <button type="submit" class="primary koop-button-primary" [attr.aria-disabled]="sending()">
        {{ sending() ? t('admin.form.sending') : t('admin.form.submit') }}
      </button>
    </form>
  `,
  styles: `
    form {
      padding: 1rem 1.25rem 1.25rem;
    }
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.75rem;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0.75rem 1.25rem;
      margin-bottom: 1rem;
    }
    .field {
      min-width: 0;
    }
    .hint {
      color: var(--koop-muted);
      font-size: 0.9rem;
      margin: 0;
    }
    input {
      padding: 0.45rem 0.6rem;
    }
    input[aria-invalid='true'] {
      border: 2px solid #9a0007;
    }
    .error {
      color: #9a0007;
      font-size: 0.95rem;
      margin: 0;
    }
    .summary {
      border: 1px solid #9a0007;
      border-left-width: 6px;
      background: #fff5f7;
      padding: 0.5rem 0.75rem;
      border-radius: 4px;
    }
    .primary {
      margin-top: 0.75rem;
      padding: 0.5rem 1.25rem;
    }
  `,
})
export class AccountFormComponent {
  readonly names = input<ScopeNames>(NO_NAMES);
  readonly created = output<CreatedAccount>();

  private readonly apollo = inject(Apollo);
  private readonly language = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');

  protected readonly username = signal('');
  protected readonly displayName = signal('');
  protected readonly rows = signal<readonly RoleRow[]>([emptyRow()]);
  protected readonly sending = signal(false);
  protected readonly problems = signal<AccountProblems>(NO_ACCOUNT_PROBLEMS);
  protected readonly rowProblems = computed(() => this.problems().roles);

  protected localized(message: string): { text: string; lang: string } {
    return localizedMessage(message, this.language.language(), (role) =>
      this.transloco.translate(`auth.roles.${role}`),
    );
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    const missing = rowsWithoutRole(this.rows());
    if (missing.length > 0) {
      const message = this.transloco.translate('admin.roles.missingRole');
      this.show({
        ...NO_ACCOUNT_PROBLEMS,
        roles: Object.fromEntries(missing.map((index) => [index, { role: message }])),
      });
      return;
    }
    this.sending.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: AdminCreateAccountDocument,
          variables: {
            input: {
              username: this.username(),
              displayName: this.displayName(),
              roles: grantsOf(this.rows()),
            },
          },
        }),
      );
      const created = result.data?.createAccount;
      if (!created) throw result.error ?? new Error('no data');
      this.problems.set(NO_ACCOUNT_PROBLEMS);
      this.username.set('');
      this.displayName.set('');
      this.rows.set([emptyRow()]);
      this.created.emit(created);
    } catch (error) {
      const problem = requestProblem(error);
      this.show(
        problem.code === 'NETWORK'
          ? { ...NO_ACCOUNT_PROBLEMS, general: this.transloco.translate('state.networkError') }
          : accountProblems(problem),
      );
    } finally {
      this.sending.set(false);
    }
  }

  /** Shows the problems and moves the focus to the first control at fault, or to the summary. */
  private show(problems: AccountProblems): void {
    this.problems.set(problems);
    afterNextRender(
      () => {
        const first = this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]');
        (first ?? this.summary()?.nativeElement)?.focus();
      },
      { injector: this.injector },
    );
  }
}
