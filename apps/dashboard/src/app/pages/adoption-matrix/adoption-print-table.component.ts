import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
} from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { PrintService } from '../../core/print.service';
import { STAGE_SYMBOLS } from '../../shared/labels';
import type { ShapedMatrix } from './matrix-shape';

/**
 * The whole matrix as one plain table, for paper: every city and every service, the header row repeated on
 * each printed page. The grid on screen draws only the cells in view, so printing it would cut it off. This
 * table is in the page only while printing (or when `always` is set, as on the report page), since at
 * 100 × 600 it holds 60,000 cells.
 */
@Component({
  selector: 'koop-adoption-print-table',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shown()) {
      <table class="print-matrix" *transloco="let t" data-print-matrix>
        <caption>
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ t('adoptionMatrix.corner') }}</th>
            @for (service of matrix().services; track service.id) {
              <th scope="col">{{ service.title }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (city of matrix().cities; track city.id; let r = $index) {
            <tr>
              <th scope="row">{{ city.name }}</th>
              @for (service of matrix().services; track service.id; let c = $index) {
                @let cell = matrix().cellAt(r, c);
                @let a = cell.matches ? cell.adoption : null;
                <td [attr.data-stage]="a?.stage ?? null">
                  @if (a) {
                    {{ symbols[a.stage] }} {{ t('adoptionMatrix.stageShort.' + a.stage) }}
                    @if (a.maturityLevel !== null) {
                      <br />{{ t('adoptionMatrix.maturityPrefix') }}{{ a.maturityLevel }} ·
                      {{ a.maturityModel }}
                    }
                  } @else {
                    <span aria-hidden="true">·</span
                    ><span class="sr-only">{{ t('adoptionMatrix.noRecord') }}</span>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    }
  `,
  styles: `
    .print-matrix {
      border-collapse: collapse;
      font-size: 7pt;
      width: 100%;
    }
    caption {
      text-align: left;
      font-weight: 700;
      font-size: 9pt;
      margin-bottom: 0.25rem;
    }
    th,
    td {
      border: 0.5pt solid #8a95a1;
      padding: 1pt 2pt;
      vertical-align: top;
      text-align: left;
    }
    thead th {
      background: #e8edf2;
      font-weight: 700;
    }
    tbody th {
      font-weight: 600;
      white-space: nowrap;
    }
    tr {
      break-inside: avoid;
    }
    td[data-stage] {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    td[data-stage='LIVE'] {
      background: #d4ecd5;
    }
    td[data-stage='IN_ROLLOUT'] {
      background: #ffe0b2;
    }
    td[data-stage='PLANNED'] {
      background: #d7e8f7;
    }
    td[data-stage='EVALUATING'] {
      background: #ece0f6;
    }
    td[data-stage='NOT_PLANNED'] {
      background: #eceff2;
    }
    td[data-stage='DISCONTINUED'] {
      background: #f9d9de;
    }
  `,
})
export class AdoptionPrintTableComponent {
  readonly matrix = input.required<ShapedMatrix>();
  /** The table's caption. */
  readonly caption = input.required<string>();
  /** Shown on screen too, not only while printing. */
  readonly always = input(false);

  private readonly print = inject(PrintService);
  protected readonly symbols = STAGE_SYMBOLS;
  protected readonly shown = computed(() => this.always() || this.print.printing());

  constructor() {
    const changes = inject(ChangeDetectorRef);
    // Rendered at once when printing starts: the browser lays the page out for paper right after.
    this.print.onChange(() => changes.detectChanges(), inject(DestroyRef));
  }
}
