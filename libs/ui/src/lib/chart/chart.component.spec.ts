import { TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { BaseChartDirective } from 'ng2-charts';
import { provideKoopCharts } from './chart-registration';
import { axisFontSize, ChartComponent } from './chart.component';

const texts = {
  showTable: 'Tabelle zeigen',
  hideTable: 'Tabelle verbergen',
  downloadCsv: 'CSV',
  category: 'Monat',
  noValue: '–',
};

function render() {
  TestBed.configureTestingModule({ imports: [ChartComponent], providers: [provideKoopCharts()] });
  const fixture = TestBed.createComponent(ChartComponent);
  fixture.componentRef.setInput('caption', 'Zufriedenheit');
  fixture.componentRef.setInput('summary', 'Die Zufriedenheit stieg von 3,5 auf 4,1.');
  fixture.componentRef.setInput('labels', ['Jan. 2026', 'Feb. 2026']);
  fixture.componentRef.setInput('series', [
    { label: 'Durchschnitt', values: [3.5, null] },
    { label: 'Bewertungen', values: [1200, 1350.5] },
  ]);
  fixture.componentRef.setInput('texts', texts);
  fixture.componentRef.setInput('csvName', 'zufriedenheit');
  fixture.componentRef.setInput('fractionDigits', 1);
  fixture.detectChanges();
  return fixture;
}

describe('ChartComponent', () => {
  it('gives the canvas a summary and keeps the data table behind a toggle', () => {
    const fixture = render();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('canvas')?.getAttribute('aria-label')).toBe(
      'Die Zufriedenheit stieg von 3,5 auf 4,1.',
    );
    const toggle = element.querySelector('button') as HTMLButtonElement;
    const table = element.querySelector('.table-wrap') as HTMLElement;
    expect(table.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    fixture.detectChanges();
    expect(table.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.textContent?.trim()).toBe('Tabelle verbergen');
  });

  it('names each button after the chart, beginning with its visible text', () => {
    const fixture = render();
    const [toggle, download] = [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')];
    expect(toggle.getAttribute('aria-label')).toBe('Tabelle zeigen: Zufriedenheit');
    expect(download.getAttribute('aria-label')).toBe('CSV: Zufriedenheit');
    toggle.click();
    fixture.detectChanges();
    expect(toggle.getAttribute('aria-label')).toBe('Tabelle verbergen: Zufriedenheit');
  });

  it('sizes the axis text from the root font size, so that it grows with the browser’s text size', () => {
    document.documentElement.style.fontSize = '24px';
    try {
      expect(axisFontSize()).toBe(20);
      const fixture = render();
      const chart = fixture.debugElement
        .query(By.directive(BaseChartDirective))
        .injector.get(BaseChartDirective);
      const scales = chart.options?.scales as Record<string, { ticks?: { font?: { size?: number } } }>;
      expect(scales['x'].ticks?.font?.size).toBe(20);
      expect(scales['y'].ticks?.font?.size).toBe(20);
    } finally {
      document.documentElement.style.fontSize = '';
    }
    expect(axisFontSize()).toBe(13);
  });

  it('shows exactly the charted values in the table, formatted for the locale', () => {
    const element = render().nativeElement as HTMLElement;
    const rows = [...element.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['Jan. 2026', '3,5', '1.200'],
      ['Feb. 2026', '–', '1.350,5'],
    ]);
    const headers = [...element.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Monat', 'Durchschnitt', 'Bewertungen']);
  });

  it('draws a series as bars on a second axis when asked, for counts beside an average', () => {
    const fixture = render();
    fixture.componentRef.setInput('kind', 'line');
    fixture.componentRef.setInput('series', [
      { label: 'Durchschnitt', values: [3.5, 3.7] },
      { label: 'Bewertungen', values: [1200, 1350], kind: 'bar', secondaryAxis: true },
    ]);
    fixture.detectChanges();
    const chart = fixture.debugElement
      .query(By.directive(BaseChartDirective))
      .injector.get(BaseChartDirective);
    const [average, ratings] = chart.data?.datasets ?? [];
    expect(average).not.toHaveProperty('yAxisID');
    expect(ratings).toMatchObject({ type: 'bar', yAxisID: 'y2' });
    expect(chart.options?.scales?.['y2']).toMatchObject({
      position: 'right',
      beginAtZero: true,
      grace: '300%',
    });
  });
});
