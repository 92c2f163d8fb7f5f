import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideApollo } from 'apollo-angular';
import { HttpLink } from 'apollo-angular/http';
import { InMemoryCache } from '@apollo/client';
import { inject } from '@angular/core';
import { AppComponent } from './app.component';
import de from '../../public/i18n/de.json';
import en from '../../public/i18n/en.json';

function setup() {
  TestBed.configureTestingModule({
    imports: [
      AppComponent,
      TranslocoTestingModule.forRoot({
        langs: { de, en },
        translocoConfig: { availableLangs: ['de', 'en'], defaultLang: 'de' },
      }),
    ],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      provideApollo(() => ({
        link: inject(HttpLink).create({ uri: '/graphql' }),
        cache: new InMemoryCache(),
      })),
    ],
  });
  const fixture = TestBed.createComponent(AppComponent);
  fixture.detectChanges();
  return { fixture, http: TestBed.inject(HttpTestingController) };
}

const ME = {
  account: { id: '1', username: 'demo-kempten', displayName: 'Redaktion Kempten', mustChangePassword: false },
  roles: [{ role: 'CITY_EDITOR', cityId: '7', workingGroupId: null }],
};

const LEAD = {
  account: { id: '2', username: 'demo-lead', displayName: 'Leitung OZG', mustChangePassword: false },
  roles: [{ role: 'WORKING_GROUP_LEAD', cityId: null, workingGroupId: '1' }],
};

/** Answers the shell's queries: appInfo with `demoData`, me with `me` (a city editor of Kempten). */
async function answer(
  fixture: ReturnType<typeof setup>['fixture'],
  http: HttpTestingController,
  demoData: boolean,
  me: typeof ME | typeof LEAD = ME,
) {
  for (const request of http.match('/graphql')) {
    const query = String((request.request.body as { query: string }).query);
    request.flush(query.includes('appInfo') ? { data: { appInfo: { demoData } } } : { data: { me } });
  }
  await fixture.whenStable();
  fixture.detectChanges();
}

describe('AppComponent', () => {
  it('marks demo data when the API says the database holds it', async () => {
    const { fixture, http } = setup();
    await answer(fixture, http, true);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="note"]')?.textContent).toContain('Demodaten');
    expect(element.querySelector('main#main')).not.toBeNull();
  });

  it('shows no demo note for real data, and offers both languages', async () => {
    const { fixture, http } = setup();
    await answer(fixture, http, false);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[role="note"]')).toBeNull();
    const buttons = [...element.querySelectorAll('.languages button')].map((b) => [
      b.textContent?.trim(),
      b.getAttribute('aria-pressed'),
    ]);
    expect(buttons).toEqual([
      ['DE', 'true'],
      ['EN', 'false'],
    ]);
  });

  it('shows the signed-in account with its roles, and the navigation', async () => {
    const { fixture, http } = setup();
    await answer(fixture, http, false);
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.user summary')?.textContent).toContain('Redaktion Kempten');
    expect(element.querySelector('.grants')?.textContent).toContain('Redaktion Kommune');
    const links = [...element.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    // For a city editor, the data import follows the pages.
    expect(element.querySelector('nav a[href="/datenimport"]')).not.toBeNull();
    expect(links.slice(0, 10)).toEqual([
      'Cockpit',
      'Arbeitszirkel',
      'Projekte',
      'Nachnutzung',
      'Zufriedenheit',
      'Prognose',
      'Sitzungen',
      'Lösungen',
      'Wissen',
      'Kommunen',
    ]);
  });

  it('gives a working-group lead an entry to the projects of their working groups', async () => {
    const { fixture, http } = setup();
    await answer(fixture, http, false, LEAD);
    const element = fixture.nativeElement as HTMLElement;
    const entry = [...element.querySelectorAll<HTMLAnchorElement>('nav a')].find(
      (a) => a.textContent?.trim() === 'Meine Projekte',
    );
    expect(entry?.getAttribute('href')).toBe('/meine-projekte');
  });

  it('moves focus to the content with the skip link, without leaving the page', async () => {
    const { fixture, http } = setup();
    await answer(fixture, http, false);
    const element = fixture.nativeElement as HTMLElement;
    const skip = element.querySelector<HTMLAnchorElement>('a.skip');
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    skip?.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(element.querySelector('main#main'));
    // The one search sits in the header, as a labelled search landmark.
    const search = element.querySelector('header form[role="search"]');
    expect(search?.getAttribute('aria-label')).toBe('Suche');
    expect(search?.querySelector('label[for="koop-search"]')?.textContent?.trim()).toBe('Suchbegriff');
  });
});
