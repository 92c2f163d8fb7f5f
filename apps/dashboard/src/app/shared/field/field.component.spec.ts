import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FieldComponent, FieldProblemDirective } from './field.component';

@Component({
  imports: [FieldComponent, FieldProblemDirective],
  template: `
    <koop-field for="title" label="Titel" [problem]="problem()">
      <input id="title" [koopProblem]="problem()" />
    </koop-field>
  `,
})
class HostComponent {
  readonly problem = signal<string | null>(null);
}

describe('koop-field', () => {
  function render() {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    return { fixture, root, control: root.querySelector('input') as HTMLInputElement };
  }

  it('labels its control and says nothing while the value is not refused', () => {
    const { root, control } = render();
    expect(root.querySelector('label')?.getAttribute('for')).toBe('title');
    expect(root.querySelector('label')?.textContent).toBe('Titel');
    expect(root.querySelector('.error')).toBeNull();
    expect(control.getAttribute('aria-invalid')).toBe('false');
    expect(control.hasAttribute('aria-describedby')).toBe(false);
  });

  it('shows the reason and makes the control point at it, and takes both back when it is gone', () => {
    const { fixture, root, control } = render();
    fixture.componentInstance.problem.set('Der Titel fehlt.');
    fixture.detectChanges();
    const error = root.querySelector('.error');
    expect(error?.id).toBe('title-error');
    expect(error?.textContent).toBe('Der Titel fehlt.');
    expect(control.getAttribute('aria-invalid')).toBe('true');
    expect(control.getAttribute('aria-describedby')).toBe('title-error');

    fixture.componentInstance.problem.set(null);
    fixture.detectChanges();
    expect(root.querySelector('.error')).toBeNull();
    expect(control.hasAttribute('aria-describedby')).toBe(false);
  });
});
