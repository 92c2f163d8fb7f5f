import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { OIDC_SIGN_IN_ERRORS } from '@koop/domain';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { safeTarget } from '../../core/auth.guard';
import { AuthService } from '../../core/auth.service';
import { requestProblem } from '../../core/graphql-errors';
import { loaded, queryResource } from '../../core/graphql-resource';
import { AppInfoDocument } from '../../graphql/generated/graphql';

@Component({
  selector: 'koop-sign-in-page',
  imports: [FormsModule, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <div class="panel koop-card koop-form-panel">
        <h1>{{ t('auth.signInTitle') }}</h1>
        <p>{{ t('auth.signInIntro') }}</p>
        @if (ssoError(); as code) {
          <p class="problem" role="alert">{{ t('auth.sso.error.' + code) }}</p>
        }
        @if (ssoUrl(); as url) {
          <p>
            <a class="sso" [href]="url">{{ t('auth.sso.button') }}</a>
          </p>
          <p class="or">{{ t('auth.sso.or') }}</p>
        }
        <form (ngSubmit)="submit()" novalidate>
          <p class="field koop-field">
            <label for="username">{{ t('auth.username') }}</label>
            <input
              class="koop-input"
              id="username"
              name="username"
              autocomplete="username"
              required
              [(ngModel)]="username"
              [attr.aria-invalid]="problem() ? true : null"
              [attr.aria-describedby]="problem() ? 'sign-in-problem' : null"
            />
          </p>
          <p class="field koop-field">
            <label for="password">{{ t('auth.password') }}</label>
            <input
              class="koop-input"
              id="password"
              name="password"
              type="password"
              autocomplete="current-password"
              required
              [(ngModel)]="password"
              [attr.aria-invalid]="problem() ? true : null"
              [attr.aria-describedby]="problem() ? 'sign-in-problem' : null"
            />
          </p>
          @if (problem(); as code) {
            <p id="sign-in-problem" class="problem" role="alert">{{ t('auth.problem.' + code) }}</p>
          }
          <button type="submit" class="koop-button-primary" [disabled]="busy()">
            {{ t('auth.signIn') }}
          </button>
        </form>
      </div>
    </ng-container>
  `,
  styles: `
    .panel {
      max-width: 28rem;
    }
    button[disabled] {
      opacity: 0.7;
      cursor: progress;
    }
    .problem {
      color: #9a0007;
      background: #fff5f7;
      border-left: 4px solid #b0003a;
      padding: 0.5rem 0.75rem;
    }
  `,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  /** Where to go after signing in (`?ziel=`). */
  readonly ziel = input<string>();
  /** Why a single sign-on failed (`?fehler=`), as the API's callback reports it. */
  readonly fehler = input<string>();

  private readonly info = queryResource(AppInfoDocument, () => ({}));
  protected readonly ssoUrl = computed(() => {
    const url = loaded(this.info)?.appInfo.oidcLoginUrl;
    return url ? `${url}?returnTo=${encodeURIComponent(safeTarget(this.ziel()))}` : null;
  });
  protected readonly ssoError = computed(() => {
    const code = this.fehler();
    return code ? ((OIDC_SIGN_IN_ERRORS as readonly string[]).includes(code) ? code : 'failed') : null;
  });

  protected username = '';
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly problem = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (!this.username.trim() || !this.password) {
      this.problem.set('MISSING');
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    try {
      await this.auth.login(this.username.trim(), this.password);
      await this.router.navigateByUrl(safeTarget(this.ziel()));
    } catch (error) {
      const { code } = requestProblem(error);
      this.problem.set(['UNAUTHENTICATED', 'TOO_MANY_REQUESTS', 'NETWORK'].includes(code) ? code : 'OTHER');
      this.password = '';
    } finally {
      this.busy.set(false);
    }
  }
}
