import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  output,
  viewChild,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';

/** A value of the row as someone else saved it, labelled as the form labels it. */
export interface CurrentValue {
  readonly label: string;
  readonly value: string;
}

/**
 * Someone changed the row while it was being edited. Shows the row as it is now beside what was typed
 * (which stays in the form), and lets the user take the current values or save theirs over them.
 */
@Component({
  selector: 'koop-conflict-notice',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="conflict" role="alert" tabindex="-1" #box *transloco="let t">
      <h4>{{ t('dataEntry.conflict.title') }}</h4>
      <p>{{ t('dataEntry.conflict.text') }}</p>
      @if (current().length > 0) {
        <dl>
          @for (item of current(); track item.label) {
            <dt>{{ item.label }}</dt>
            <dd>{{ item.value }}</dd>
          }
        </dl>
      }
      <p class="choices">
        <button type="button" class="koop-button" (click)="takeCurrent.emit()">
          {{ t('dataEntry.conflict.takeCurrent') }}
        </button>
        <button type="button" class="koop-button" (click)="overwrite.emit()">
          {{ t('dataEntry.conflict.overwrite') }}
        </button>
      </p>
    </div>
  `,
  styles: `
    .conflict {
      border: 1px solid #8a5a00;
      border-left-width: 6px;
      background: #fff8e6;
      padding: 0.6rem 0.9rem;
      border-radius: 4px;
      margin: 0.75rem 0;
    }
    h4 {
      margin: 0 0 0.25rem;
      font-size: 1rem;
    }
    p {
      margin: 0.25rem 0;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.2rem 0.75rem;
      margin: 0.4rem 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.5rem;
    }
  `,
})
export class ConflictNoticeComponent {
  readonly current = input.required<readonly CurrentValue[]>();
  readonly takeCurrent = output<void>();
  /** Save what was typed over the current row (at its version now). */
  readonly overwrite = output<void>();
  private readonly box = viewChild.required<ElementRef<HTMLElement>>('box');

  constructor() {
    afterNextRender(() => this.box().nativeElement.focus());
  }
}
