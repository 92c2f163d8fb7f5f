import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AuthService } from '../../core/auth.service';
import { pageTitle } from '../../shared/page-title';

/** Says clearly that the signed-in account may not see this part of the administration, and why. */
@Component({
  selector: 'koop-no-access-page',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="panel koop-card" *transloco="let t">
      <h1>{{ t('admin.noAccess.title') }}</h1>
      <p>
        {{
          area() === 'accounts' || area() === 'masterData'
            ? t('admin.noAccess.' + area(), { role: t('auth.roles.ADMIN') })
            : area() === 'projects'
              ? t('admin.noAccess.projects')
              : t('admin.noAccess.audit')
        }}
      </p>
      <p>
        @if (roles().length > 0) {
          {{ t('admin.noAccess.yourRoles', { roles: roleNames(t) }) }}
        } @else {
          {{ t('admin.noAccess.noRoles') }}
        }
        {{ t('admin.noAccess.ask') }}
      </p>
      <a routerLink="/cockpit">{{ t('admin.noAccess.back') }}</a>
    </div>
  `,
  styles: `
    .panel {
      max-width: 40rem;
      margin: 1rem 0;
      border-left: 6px solid #8a5a00;
      padding: 1rem 1.25rem;
    }
    h1 {
      margin-top: 0;
    }
    a {
      color: var(--koop-blue);
      font-weight: 600;
    }
  `,
})
export class NoAccessPage {
  /** Which part of the administration was asked for, from the route's data. */
  readonly area = input<'accounts' | 'audit' | 'masterData' | 'projects'>('audit');

  private readonly auth = inject(AuthService);
  protected readonly roles = computed(() => [...new Set(this.auth.roles().map((grant) => grant.role))]);

  constructor() {
    pageTitle(toSignal(inject(TranslocoService).selectTranslate<string>('noAccess.title', {}, 'admin')));
  }

  protected roleNames(t: (key: string) => string): string {
    return this.roles()
      .map((role) => t(`auth.roles.${role}`))
      .join(', ');
  }
}
