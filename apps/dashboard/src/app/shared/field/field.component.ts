import { ChangeDetectionStrategy, Component, Directive, ElementRef, inject, input } from '@angular/core';

/**
 * One labelled form field: the label, the reason the field was refused (when it was) and the control,
 * projected. The reason has the id `<control id>-error`, which {@link FieldProblemDirective} on the
 * control points to, so a screen reader reads the reason with the field (WCAG 3.3.1).
 */
@Component({
  selector: 'koop-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'field' },
  template: `
    <label [attr.for]="for()">{{ label() }}</label>
    @if (problem(); as message) {
      <p class="error" [id]="for() + '-error'">{{ message }}</p>
    }
    <ng-content />
  `,
  styles: `
    label {
      font-weight: 600;
    }
    .error {
      color: #b0003a;
      margin: 0;
      font-weight: 600;
    }
  `,
})
export class FieldComponent {
  /** The id of the projected control. */
  readonly for = input.required<string>();
  readonly label = input.required<string>();
  /** Why the value was refused, or nothing while it is not. */
  readonly problem = input<string | null | undefined>(null);
}

/** Marks a control invalid and points it at its field's reason while `koopProblem` holds one. */
@Directive({
  selector: '[koopProblem]',
  host: {
    '[attr.aria-invalid]': '!!koopProblem()',
    '[attr.aria-describedby]': "koopProblem() ? id + '-error' : null",
  },
})
export class FieldProblemDirective {
  readonly koopProblem = input<string | null | undefined>(null);
  protected readonly id = (inject(ElementRef).nativeElement as HTMLElement).id;
}
