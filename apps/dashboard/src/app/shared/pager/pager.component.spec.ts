import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import de from '../../../../public/i18n/de.json';
import { PagerComponent, cursorPages } from './pager.component';

@Component({
  imports: [PagerComponent],
  template: `
    <koop-pager
      [pages]="pages"
      [total]="total()"
      [pageSize]="100"
      [hasNext]="hasNext()"
      [endCursor]="endCursor()"
    />
  `,
})
class HostComponent {
  readonly filter = signal('alle');
  readonly pages = cursorPages(this.filter);
  readonly total = signal(250);
  readonly hasNext = signal(true);
  readonly endCursor = signal<string | null>('cursor-1');
}

describe('koop-pager', () => {
  function render() {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { de },
          translocoConfig: { availableLangs: ['de'], defaultLang: 'de' },
        }),
      ],
    });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    const button = (name: string) =>
      [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(name)) as HTMLButtonElement;
    const page = () => root.querySelector('.page')?.textContent?.trim();
    return { fixture, host: fixture.componentInstance, root, button, page };
  }

  it('goes forward with the page’s end cursor, back, and to the first page', () => {
    const { fixture, host, root, button, page } = render();
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Seiten der Liste');
    expect(page()).toBe('Seite 1 von 3');
    expect(button('Vorherige').getAttribute('aria-disabled')).toBe('true');

    button('Nächste').click();
    fixture.detectChanges();
    expect(host.pages.after()).toBe('cursor-1');
    expect(page()).toBe('Seite 2 von 3');
    expect(button('Vorherige').getAttribute('aria-disabled')).toBe('false');

    host.endCursor.set('cursor-2');
    fixture.detectChanges();
    button('Nächste').click();
    fixture.detectChanges();
    expect(host.pages.after()).toBe('cursor-2');
    expect(page()).toBe('Seite 3 von 3');

    button('Vorherige').click();
    fixture.detectChanges();
    expect(host.pages.after()).toBe('cursor-1');

    button('Erste Seite').click();
    fixture.detectChanges();
    expect(host.pages.after()).toBeNull();
    expect(page()).toBe('Seite 1 von 3');
  });

  it('does not go past the last page', () => {
    const { fixture, host, button } = render();
    host.hasNext.set(false);
    fixture.detectChanges();
    expect(button('Nächste').getAttribute('aria-disabled')).toBe('true');
    button('Nächste').click();
    expect(host.pages.after()).toBeNull();
  });

  it('starts again at the first page when the filter changes', () => {
    const { fixture, host, button } = render();
    button('Nächste').click();
    expect(host.pages.after()).toBe('cursor-1');
    host.filter.set('Komponenten');
    fixture.detectChanges();
    expect(host.pages.after()).toBeNull();
  });

  it('shows nothing while the list fits on one page', () => {
    const { fixture, host, root } = render();
    host.total.set(100);
    fixture.detectChanges();
    expect(root.querySelector('nav')).toBeNull();
  });
});
