import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslocoScope, TranslocoTestingModule } from '@jsverse/transloco';
import de from '../../../../public/i18n/de.json';
import matrixDe from '../../../../public/i18n/adoptionMatrix/de.json';
import { AdoptionGridComponent } from './adoption-grid.component';
import { type MatrixCellView, type MatrixData, shapeMatrix } from './matrix-shape';

/*
 * The grid at 100 cities × 600 services in jsdom: what it draws and how focus moves. jsdom lays nothing
 * out, so the grid works from its first estimate of the view; the browser tests check it in Chromium.
 */

const CODES = ['L31', 'P-2', '---', 'E02', 'R72', 'D-1'];

function largeMatrix(): MatrixData {
  const cities = Array.from({ length: 100 }, (_, i) => ({ id: `c${i + 1}`, name: `Stadt ${i + 1}` }));
  const projects = Array.from({ length: 600 }, (_, i) => ({
    id: `p${i + 1}`,
    title: `Dienst ${i + 1}`,
    ozgTopic: null,
  }));
  return {
    cooperationId: '1',
    cities,
    projects,
    rows: cities.map((city, c) => ({
      cityId: city.id,
      codes: projects.map((_, p) => CODES[(c + p) % CODES.length]).join(''),
    })),
  };
}

@Component({
  imports: [AdoptionGridComponent],
  template: `<koop-adoption-grid
    [matrix]="matrix"
    [mayEdit]="mayEdit"
    labelledBy="title"
    (edit)="edited.set($event)"
  />`,
})
class HostComponent {
  readonly matrix = shapeMatrix(largeMatrix(), { topic: null, stage: null });
  readonly mayEdit = (cityId: string) => cityId !== 'c2';
  readonly edited = signal<MatrixCellView | null>(null);
}

async function setup() {
  // jsdom does not scroll.
  Element.prototype.scrollIntoView = () => undefined;
  Element.prototype.scrollTo = () => undefined;
  TestBed.configureTestingModule({
    imports: [
      HostComponent,
      TranslocoTestingModule.forRoot({
        langs: { de, 'adoptionMatrix/de': matrixDe },
        translocoConfig: { availableLangs: ['de', 'en'], defaultLang: 'de' },
      }),
    ],
    providers: [provideTranslocoScope('adoptionMatrix'), provideRouter([])],
  });
  const fixture = TestBed.createComponent(HostComponent);
  // The first drawing, then the margin around the view, drawn after the first frame.
  for (let round = 0; round < 3; round++) {
    fixture.detectChanges();
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  const element = fixture.nativeElement as HTMLElement;
  const focused = () => {
    const active = document.activeElement as HTMLElement | null;
    return {
      row: Number(active?.dataset['row']),
      col: Number(active?.dataset['col']),
      rowIndex: Number(active?.closest('tr')?.getAttribute('aria-rowindex')),
    };
  };
  const press = (key: string, ctrlKey = false) =>
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true }));
  return { fixture, element, focused, press };
}

describe('the adoption grid', () => {
  it('draws a window of the cells and tells the whole size', async () => {
    const { element } = await setup();
    const grid = element.querySelector('[role="grid"]');
    expect(grid?.getAttribute('aria-rowcount')).toBe('102');
    expect(grid?.getAttribute('aria-colcount')).toBe('602');
    const cells = element.querySelectorAll('td.cell');
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.length).toBeLessThan(1000);
    // The first cell, with its place in the whole grid and its state from the codes.
    const first = element.querySelector<HTMLElement>('tr[aria-rowindex="2"] td.cell[aria-colindex="2"]');
    expect(first?.dataset).toMatchObject({ city: 'c1', service: 'p1', stage: 'LIVE', row: '1', col: '1' });
    expect(first?.querySelector('.maturity')?.textContent).toBe('R3 · 1.1');
    // What is not drawn is a gap that assistive technology does not see.
    expect(element.querySelectorAll('tbody tr[aria-rowindex]').length).toBeGreaterThan(5);
    const gaps = element.querySelectorAll('tbody tr.gap');
    expect(gaps.length).toBe(1);
    expect(gaps[0].getAttribute('aria-hidden')).toBe('true');
    expect(element.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('moves focus by keyboard at once, also to cells far outside the drawn window', async () => {
    const { element, focused, press } = await setup();
    element.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    expect(focused()).toMatchObject({ row: 1, col: 1, rowIndex: 2 });
    press('End');
    expect(focused()).toMatchObject({ row: 1, col: 601 });
    press('End', true);
    expect(focused()).toMatchObject({ row: 101, col: 601 });
    press('ArrowUp');
    press('ArrowLeft');
    // Row 100, column 600: drawn for focus, in its place after a gap, though the view is at the top.
    expect(focused()).toMatchObject({ row: 100, col: 600, rowIndex: 101 });
    expect(element.querySelector('[data-position]')?.textContent).toContain('Stadt 100');
    expect(element.querySelector('[data-position]')?.textContent).toContain('Dienst 600');
    press('Home', true);
    expect(focused()).toMatchObject({ row: 0, col: 0 });
    // Page Down moves by the rows in view: in jsdom, whose view has no height, by one.
    press('PageDown');
    expect(focused()).toMatchObject({ row: 1, col: 0 });
    expect(element.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
  });

  it('asks to edit a cell of a row the user may change, with Enter or a click', async () => {
    const { fixture, element, press } = await setup();
    element.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
    press('Enter');
    expect(fixture.componentInstance.edited()).toMatchObject({
      city: { id: 'c1' },
      service: { id: 'p1' },
      adoption: { stage: 'LIVE', maturityModel: '1.1', maturityLevel: 3 },
    });
    fixture.componentInstance.edited.set(null);
    element.querySelector<HTMLElement>('td.cell[data-city="c2"][data-service="p3"]')?.click();
    expect(fixture.componentInstance.edited()).toBeNull();
    element.querySelector<HTMLElement>('td.cell[data-city="c3"][data-service="p3"]')?.click();
    expect(fixture.componentInstance.edited()).toMatchObject({ city: { id: 'c3' }, service: { id: 'p3' } });
  });
});
