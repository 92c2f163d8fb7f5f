import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { STAGE_SYMBOLS } from '../../shared/labels';
import { STAGES } from './matrix-shape';

/** Explains the cells: colour, symbol and short text of each stage, and how maturity is written. */
@Component({
  selector: 'koop-adoption-legend',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="legend" *transloco="let t" aria-labelledby="adoption-legend-title">
      <h2 id="adoption-legend-title">{{ t('adoptionMatrix.legend.title') }}</h2>
      <ul>
        @for (stage of stages; track stage) {
          <li>
            <span class="swatch" [attr.data-stage]="stage" aria-hidden="true"
              >{{ symbols[stage] }} {{ t('adoptionMatrix.stageShort.' + stage) }}</span
            >
            {{ t('enum.stage.' + stage) }}
          </li>
        }
        <li>
          <span class="swatch none" aria-hidden="true">·</span>
          {{ t('adoptionMatrix.legend.noRecord') }}
        </li>
      </ul>
      <p>{{ t('adoptionMatrix.legend.maturity') }}</p>
    </section>
  `,
  styles: `
    .legend {
      font-size: 0.85rem;
    }
    h2 {
      font-size: 0.95rem;
      margin: 0 0 0.25rem;
    }
    ul {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem 1rem;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.35rem;
    }
    .swatch {
      display: inline-block;
      min-width: 4.5rem;
      padding: 0.05rem 0.35rem;
      border-radius: 3px;
      font-weight: 700;
      text-align: center;
      border: 1px solid #dde3ea;
    }
    .none {
      background: #fff;
      color: #5c6670;
    }
    p {
      margin: 0.3rem 0 0;
    }
  `,
  styleUrl: './stage-colours.css',
})
export class AdoptionLegendComponent {
  protected readonly stages = STAGES;
  protected readonly symbols = STAGE_SYMBOLS;
}
