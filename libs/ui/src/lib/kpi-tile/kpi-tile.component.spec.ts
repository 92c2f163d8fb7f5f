import { TestBed } from '@angular/core/testing';
import { KpiTileComponent } from './kpi-tile.component';

describe('KpiTileComponent', () => {
  it('says the change in words and marks a rise of a bad figure as bad', () => {
    TestBed.configureTestingModule({ imports: [KpiTileComponent] });
    const fixture = TestBed.createComponent(KpiTileComponent);
    fixture.componentRef.setInput('label', 'Projekte mit Status Rot');
    fixture.componentRef.setInput('value', '3');
    fixture.componentRef.setInput('change', '+2 gegenüber 2025');
    fixture.componentRef.setInput('trend', 'up');
    fixture.componentRef.setInput('higherIsBetter', false);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('.change')?.textContent).toContain('+2 gegenüber 2025');
    expect(element.querySelector('.tile')?.classList.contains('bad')).toBe(true);
  });
});
