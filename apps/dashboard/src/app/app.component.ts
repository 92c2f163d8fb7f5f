import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, viewChild } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from './core/auth.service';
import { LanguageService } from './core/language.service';
import { LANGUAGES, type Language } from './core/languages';
import { queryResource } from './core/graphql-resource';
import { StaleVersionService } from './core/stale-version';
import { AppInfoDocument } from './graphql/generated/graphql';
import { SessionDialogComponent } from './shared/session-dialog.component';
import { LiveIndicatorComponent } from './shared/live-indicator.component';
import { SearchBoxComponent } from './pages/knowledge/search-box.component';

interface NavItem {
  readonly path: string;
  readonly key: string;
}

@Component({
  selector: 'koop-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslocoDirective,
    SessionDialogComponent,
    LiveIndicatorComponent,
    SearchBoxComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <!-- Moves focus on this page: a plain #main would resolve against the base URL and leave the page. -->
      <a class="skip" href="#main" (click)="skipToMain($event)">{{ t('layout.skipToContent') }}</a>
      <header>
        <div class="bar">
          <a class="brand" routerLink="/cockpit">
            <span class="name">Kooperationscockpit</span>
            <span class="tagline">{{ t('layout.tagline') }}</span>
          </a>
          <div class="tools">
            @if (auth.account()) {
              <koop-search-box />
            }
            <koop-live-indicator />
            @if (auth.account(); as account) {
              <details class="user">
                <summary>
                  <span class="sr-only">{{ t('auth.account') }}: </span>{{ account.displayName }}
                </summary>
                <div class="menu">
                  <p>{{ t('auth.signedInAs', { name: account.username }) }}</p>
                  <ul class="grants">
                    @for (grant of auth.roles(); track $index) {
                      <li>{{ t('auth.roles.' + grant.role) }}</li>
                    }
                  </ul>
                  <a routerLink="/passwort">{{ t('auth.changePassword') }}</a>
                  <button type="button" (click)="signOut()">{{ t('auth.signOut') }}</button>
                </div>
              </details>
            }
            <div class="languages" role="group" [attr.aria-label]="t('layout.language')">
              @for (language of languages; track language) {
                <button
                  type="button"
                  [attr.aria-pressed]="current() === language"
                  [attr.lang]="language"
                  [attr.aria-label]="language.toUpperCase() + ' – ' + t('layout.languageName.' + language)"
                  (click)="use(language)"
                >
                  {{ language.toUpperCase() }}
                </button>
              }
            </div>
          </div>
        </div>
        @if (auth.account()) {
          <nav [attr.aria-label]="t('layout.mainNavigation')">
            <ul>
              @for (item of navigation(); track item.path) {
                <li>
                  <a [routerLink]="item.path" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                    t(item.key)
                  }}</a>
                </li>
              }
              <li class="phone-only" *transloco="let tk">
                <a routerLink="/suche" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                  tk('knowledge.searchBox.label')
                }}</a>
              </li>
              @if (auth.mayImport()) {
                <li *transloco="let ti; scope: 'imports'">
                  <a routerLink="/datenimport" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                    ti('imports.nav')
                  }}</a>
                </li>
              }
              @if (auth.mayReadAudit() || auth.mayKeepProjects()) {
                <li *transloco="let ta; scope: 'admin'">
                  <a routerLink="/verwaltung" routerLinkActive="active" ariaCurrentWhenActive="page">{{
                    ta('admin.nav')
                  }}</a>
                </li>
              }
            </ul>
          </nav>
        }
      </header>
      @if (info.hasValue() && info.value()?.appInfo?.demoData) {
        <p class="demo" role="note">
          <span class="long">{{ t('layout.demoNote') }}</span><span class="short">{{
            t('layout.demoNoteShort')
          }}</span>
        </p>
      }
      @if (stale.state(); as state) {
        <div class="stale" role="alert">
          <p>{{ t('update.' + state) }}</p>
          <button type="button" (click)="stale.reload()">{{ t('update.reload') }}</button>
        </div>
      }
      <main id="main" tabindex="-1" #main>
        <router-outlet />
      </main>
      <koop-session-dialog />
      <footer>
        <p>{{ t('layout.footer') }}</p>
      </footer>
    </ng-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
    }
    header {
      background: var(--koop-blue);
      color: #fff;
    }
    .bar {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      padding: 0.6rem 1.5rem;
      flex-wrap: wrap;
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
    }
    .brand {
      color: #fff;
      text-decoration: none;
      display: flex;
      flex-direction: column;
    }
    .name {
      font-size: 1.3rem;
      font-weight: 700;
    }
    .tagline {
      font-size: 0.9rem;
    }
    .tools {
      display: flex;
      align-items: center;
      gap: 1rem;
      flex-wrap: wrap;
    }
    .languages {
      display: flex;
      gap: 0.25rem;
    }
    .languages button {
      font: inherit;
      background: transparent;
      color: #fff;
      border: 1px solid #fff;
      border-radius: 4px;
      padding: 0.2rem 0.6rem;
      cursor: pointer;
      min-width: 2.75rem;
      min-height: 2.25rem;
    }
    .languages button[aria-pressed='true'] {
      background: #fff;
      color: var(--koop-blue);
      font-weight: 700;
    }
    nav ul {
      list-style: none;
      margin: 0;
      padding: 0 1rem;
      display: flex;
      flex-wrap: wrap;
    }
    nav a {
      display: block;
      color: #fff;
      padding: 0.55rem 0.6rem;
      text-decoration: none;
      border-bottom: 4px solid transparent;
    }
    nav a:hover {
      background: rgb(255 255 255 / 12%);
    }
    nav a.active {
      border-bottom-color: #ffd166;
      font-weight: 700;
    }
    .stale {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
      padding: 0.5rem 1.5rem;
      background: #e8f1fb;
      border-bottom: 1px solid var(--koop-blue);
    }
    .stale p {
      margin: 0;
    }
    .stale button {
      font: inherit;
      padding: 0.3rem 0.9rem;
      border: 1px solid var(--koop-blue);
      border-radius: 4px;
      background: var(--koop-blue);
      color: #fff;
      cursor: pointer;
    }
    .demo {
      margin: 0;
      padding: 0.5rem 1.5rem;
      background: #fff4d6;
      border-bottom: 1px solid #c9a227;
    }
    main {
      flex: 1;
      width: 100%;
      max-width: 90rem;
      margin: 0 auto;
      padding: 1.25rem 1.5rem 2rem;
      box-sizing: border-box;
    }
    main:focus {
      outline: none;
    }
    footer {
      border-top: 1px solid var(--koop-border);
      color: var(--koop-muted);
      padding: 0.75rem 1.5rem;
      font-size: 0.9rem;
    }
    footer p {
      margin: 0;
    }
    .skip {
      position: absolute;
      left: -999px;
      top: 0.5rem;
    }
    .skip:focus {
      left: 0.5rem;
      background: #fff;
      color: var(--koop-blue);
      padding: 0.5rem 0.75rem;
      z-index: 10;
    }
    .demo .short {
      display: none;
    }
    .phone-only {
      display: none;
    }
    /*
     * On a phone the header and the demo note keep to about a seventh of the first screen: the brand without
     * its tagline, account and languages beside it, the navigation in one row that scrolls sideways, the
     * demo note in a few words.
     */
    @media (max-width: 40rem) {
      .bar,
      main {
        padding-inline: 0.75rem;
      }
      .bar {
        padding-block: 0.3rem;
        gap: 0.5rem;
        flex-wrap: nowrap;
      }
      .tagline {
        display: none;
      }
      .name {
        font-size: 1.05rem;
      }
      .tools {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        min-width: 0;
        /* One row: the account's name gives way (it ends in an ellipsis) rather than taking a second. */
        flex-wrap: nowrap;
      }
      .user {
        min-width: 0;
      }
      .user summary {
        max-width: 6rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        min-height: 2.25rem;
        line-height: 2.25rem;
      }
      .user[open] summary {
        max-width: none;
      }
      nav ul {
        padding: 0 0.25rem;
        flex-wrap: nowrap;
        overflow-x: auto;
        scrollbar-width: thin;
      }
      nav a {
        padding: 0.45rem 0.55rem;
        white-space: nowrap;
      }
      .demo {
        padding: 0.25rem 0.75rem;
        font-size: 0.9rem;
      }
      .demo .long {
        display: none;
      }
      .demo .short {
        display: inline;
      }
      /* The search has its own page on a phone: the header keeps to one row beside the brand. */
      koop-search-box {
        display: none;
      }
      .phone-only {
        display: list-item;
      }
    }
  `,
})
export class AppComponent {
  private readonly language = inject(LanguageService);
  private readonly router = inject(Router);
  protected readonly auth = inject(AuthService);
  protected readonly languages = LANGUAGES;
  protected readonly current = this.language.language;
  protected readonly info = queryResource(AppInfoDocument, () => ({}));
  protected readonly stale = inject(StaleVersionService);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  /** The pages; leads also get the projects of the working groups they lead. */
  protected readonly navigation = computed<readonly NavItem[]>(() => [
    { path: '/cockpit', key: 'nav.cockpit' },
    { path: '/arbeitskreise', key: 'nav.workingGroups' },
    { path: '/projekte', key: 'nav.projects' },
    ...(this.auth.ledWorkingGroupIds().length > 0
      ? [{ path: '/meine-projekte', key: 'nav.myProjects' }]
      : []),
    { path: '/nachnutzung', key: 'nav.adoption' },
    { path: '/zufriedenheit', key: 'nav.satisfaction' },
    { path: '/prognose', key: 'nav.forecast' },
    { path: '/sitzungen', key: 'meetings.nav' },
    { path: '/loesungen', key: 'reuse.nav' },
    { path: '/wissen', key: 'knowledge.nav' },
    { path: '/kommunen', key: 'nav.cities' },
  ]);

  /** The skip link moves focus to the page's content and stays on the page (WCAG 2.4.1). */
  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected async signOut(): Promise<void> {
    await this.auth.logout();
    await this.router.navigateByUrl('/anmelden');
  }

  protected use(language: Language): void {
    this.language.use(language);
  }
}
