import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { safeTarget } from '../../core/auth.guard';
import { AuthService } from '../../core/auth.service';
import { requestProblem } from '../../core/graphql-errors';

type Field = 'currentPassword' | 'newPassword' | 'repeat';

@Component({
  selector: 'koop-password-page',
  imports: [FormsModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <div class="panel koop-card koop-form-panel">
        <h1>{{ t('auth.passwordTitle') }}</h1>
        @if (auth.account()?.mustChangePassword) {
          <p role="note">{{ t('auth.initialPasswordNote') }}</p>
        }
        <form (ngSubmit)="submit()" novalidate>
          @for (field of fields; track field) {
            <p class="field koop-field">
              <label [for]="field">{{ t('auth.field.' + field) }}</label>
              <input
                class="koop-input"
                [id]="field"
                [name]="field"
                type="password"
                [attr.autocomplete]="field === 'currentPassword' ? 'current-password' : 'new-password'"
                [(ngModel)]="values[field]"
                [attr.aria-invalid]="problems()[field] ? true : null"
                [attr.aria-describedby]="
                  problems()[field] ? field + '-problem' : field === 'newPassword' ? 'rules' : null
                "
              />
              @if (field === 'newPassword') {
                <span id="rules" class="hint">{{ t('auth.passwordRules') }}</span>
              }
              @if (problems()[field]; as message) {
                <span [id]="field + '-problem'" class="problem">{{ message }}</span>
              }
            </p>
          }
          @if (done()) {
            <p role="status" class="done">{{ t('auth.passwordChanged') }}</p>
          }
          <button type="submit" class="koop-button-primary" [disabled]="busy()">
            {{ t('auth.changePassword') }}
          </button>
        </form>
      </div>
    </ng-container>
  `,
  styles: `
    .panel {
      max-width: 30rem;
    }
    .hint {
      color: #3d4a59;
      font-size: 0.9rem;
    }
    .problem {
      color: #9a0007;
      font-size: 0.95rem;
    }
    .done {
      color: #1b5e20;
    }
  `,
})
export class PasswordPage {
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  readonly ziel = input<string>();

  protected readonly fields: readonly Field[] = ['currentPassword', 'newPassword', 'repeat'];
  protected readonly values: Record<Field, string> = { currentPassword: '', newPassword: '', repeat: '' };
  protected readonly problems = signal<Partial<Record<Field, string>>>({});
  protected readonly busy = signal(false);
  protected readonly done = signal(false);

  protected async submit(): Promise<void> {
    this.done.set(false);
    if (this.values.newPassword !== this.values.repeat) {
      this.problems.set({ repeat: this.transloco.translate('auth.repeatMismatch') });
      return;
    }
    this.busy.set(true);
    this.problems.set({});
    try {
      await this.auth.changePassword(this.values.currentPassword, this.values.newPassword);
      this.done.set(true);
      this.values.currentPassword = this.values.newPassword = this.values.repeat = '';
      if (this.ziel()) {
        await this.router.navigateByUrl(safeTarget(this.ziel()));
      }
    } catch (error) {
      const problem = requestProblem(error);
      const byField: Partial<Record<Field, string>> = {};
      for (const { field, message } of problem.fields) {
        if (field === 'currentPassword' || field === 'newPassword') byField[field] = message;
      }
      this.problems.set(Object.keys(byField).length > 0 ? byField : { currentPassword: problem.message });
    } finally {
      this.busy.set(false);
    }
  }
}
