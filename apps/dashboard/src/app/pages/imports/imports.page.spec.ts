import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslocoScope, TranslocoTestingModule } from '@jsverse/transloco';
import type { ImportResult } from '@koop/domain';
import { CooperationService } from '../../core/cooperation.service';
import de from '../../../../public/i18n/de.json';
import importsDe from '../../../../public/i18n/imports/de.json';
import { ImportsPage } from './imports.page';

/** A stand-in for the browser's XMLHttpRequest: the test decides when the upload moves on and ends. */
class FakeRequest {
  static last: FakeRequest | null = null;
  readonly upload = new EventTarget();
  private readonly events = new EventTarget();
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  response: unknown = null;
  responseType = '';

  constructor() {
    FakeRequest.last = this;
  }
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  addEventListener(type: string, listener: EventListener) {
    this.events.addEventListener(type, listener);
  }
  send(body: FormData) {
    this.body = body;
  }
  progress(loaded: number, total: number) {
    const event = Object.assign(new Event('progress'), { lengthComputable: true, loaded, total });
    this.upload.dispatchEvent(event);
  }
  answer(status: number, response: unknown) {
    this.status = status;
    this.response = response;
    this.events.dispatchEvent(new Event('load'));
  }
}

const ERRORS: ImportResult = {
  dryRun: true,
  rows: 3,
  created: 0,
  changed: 0,
  unchanged: 0,
  errors: [
    { row: 2, column: 'Monat', message: 'must not be in the future' },
    { row: 4, column: 'ags', message: 'No city has the AGS 09999999.' },
  ],
};

describe('ImportsPage', () => {
  const original = globalThis.XMLHttpRequest;

  beforeEach(() => {
    globalThis.XMLHttpRequest = FakeRequest as unknown as typeof XMLHttpRequest;
    TestBed.configureTestingModule({
      imports: [
        ImportsPage,
        TranslocoTestingModule.forRoot({
          langs: { de, 'imports/de': importsDe },
          translocoConfig: { availableLangs: ['de', 'en'], defaultLang: 'de' },
        }),
      ],
      providers: [
        provideTranslocoScope('imports'),
        {
          provide: CooperationService,
          useValue: {
            cooperations: signal([{ id: '2', name: 'EG Mittelstädte' }]),
            pick: (id: string | null) => id ?? '2',
          },
        },
      ],
    });
  });

  afterEach(() => {
    globalThis.XMLHttpRequest = original;
  });

  async function chooseAndCheck() {
    const fixture = TestBed.createComponent(ImportsPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const input = element.querySelector<HTMLInputElement>('input[type=file]') as HTMLInputElement;
    const file = new File(['ags;leika\n'], 'daten.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: { item: () => file, length: 1 } });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    element.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    return { fixture, element, request: FakeRequest.last as FakeRequest };
  }

  it('sends the file as a preview with the CSRF header, and shows the upload’s progress', async () => {
    const { fixture, element, request } = await chooseAndCheck();
    expect(request.url).toBe('/imports/satisfaction?cooperationId=2&dryRun=true');
    expect(request.headers['apollo-require-preflight']).toBe('true');
    expect((request.body?.get('file') as File).name).toBe('daten.csv');
    request.progress(40, 100);
    await fixture.whenStable();
    const progress = element.querySelector('progress');
    expect(progress?.getAttribute('value')).toBe('40');
    expect(element.querySelector('label[for=upload-progress]')?.textContent).toContain('40 %');
  });

  it('lists every error in a table described by its summary, and moves the focus to the outcome', async () => {
    const { fixture, element, request } = await chooseAndCheck();
    request.answer(422, ERRORS);
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    const heading = element.querySelector('#answer-heading');
    expect(heading?.textContent?.trim()).toBe('2 Fehler – nichts wurde gespeichert');
    expect(document.activeElement).toBe(heading);
    const table = element.querySelector('table');
    expect(table?.getAttribute('aria-describedby')).toBe('errors-summary');
    expect(table?.querySelector('caption')?.textContent?.trim()).toBe('Fehler in daten.csv');
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['2', 'Monat', 'must not be in the future'],
      ['4', 'ags', 'No city has the AGS 09999999.'],
    ]);
    expect(element.textContent).not.toContain('Jetzt importieren');
  });

  it('offers the import after a clean preview, and sums it up afterwards', async () => {
    const { fixture, element, request } = await chooseAndCheck();
    request.answer(200, { dryRun: true, rows: 2, created: 1, changed: 1, unchanged: 0, errors: [] });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    const run = [...element.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('Jetzt importieren'),
    );
    run?.click();
    await fixture.whenStable();
    const second = FakeRequest.last as FakeRequest;
    expect(second.url).toBe('/imports/satisfaction?cooperationId=2&dryRun=false');
    second.answer(200, { dryRun: false, rows: 2, created: 1, changed: 1, unchanged: 0, errors: [] });
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    expect(element.querySelector('#answer-heading')?.textContent?.trim()).toBe('Import abgeschlossen');
    const facts = [...element.querySelectorAll('dl div')].map(
      (item) =>
        `${item.querySelector('dt')?.textContent?.trim()}: ${item.querySelector('dd')?.textContent?.trim()}`,
    );
    expect(facts).toEqual(['Datenzeilen: 2', 'neu angelegt: 1', 'geändert: 1', 'unverändert: 0']);
  });
});
