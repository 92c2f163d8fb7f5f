import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../core/auth.service';

/** The administration's own navigation between its parts, each shown only to those who may use it. */
@Component({
  selector: 'koop-admin-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (auth.mayReadAudit() || auth.mayKeepProjects()) {
        <nav class="areas" [attr.aria-label]="t('admin.areas')">
          <ul>
            @if (auth.isAdmin()) {
              <li>
                <a routerLink="konten" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  t('admin.section.accounts')
                }}</a>
              </li>
              <li>
                <a routerLink="stammdaten" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  t('admin.section.masterData')
                }}</a>
              </li>
            }
            @if (auth.mayKeepProjects()) {
              <li>
                <a routerLink="projekte" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  t('admin.section.projects')
                }}</a>
              </li>
            }
            @if (auth.mayReadAudit()) {
              <li>
                <a routerLink="protokoll" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  t('admin.section.audit')
                }}</a>
              </li>
            }
          </ul>
        </nav>
      }
      <router-outlet />
    </ng-container>
  `,
  styles: `
    .areas ul {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      margin: 0 0 1rem;
      padding: 0;
      border-bottom: 1px solid var(--koop-border);
    }
    .areas a {
      display: block;
      padding: 0.45rem 0.9rem;
      color: var(--koop-blue);
      text-decoration: none;
      border-bottom: 3px solid transparent;
      margin-bottom: -1px;
    }
    .areas a:hover {
      text-decoration: underline;
    }
    .areas a.active {
      border-bottom-color: var(--koop-blue);
      font-weight: 700;
      color: var(--koop-ink);
    }
  `,
})
export class AdminLayoutComponent {
  protected readonly auth = inject(AuthService);
}
