import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type Trend = 'up' | 'down' | 'same' | 'none';

/**
 * A key figure with its change against the previous period. The direction is given by a symbol and
 * words, never by colour alone; whether up is good is the caller's to say.
 */
@Component({
  selector: 'koop-kpi-tile',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="tile" [class.good]="tone() === 'good'" [class.bad]="tone() === 'bad'">
      <p class="label">{{ label() }}</p>
      <p class="value">{{ value() }}</p>
      @if (change()) {
        <p class="change">
          <span aria-hidden="true" class="symbol">{{ symbol() }}</span>
          {{ change() }}
        </p>
      }
      @if (detail()) {
        <p class="detail">{{ detail() }}</p>
      }
    </div>
  `,
  styles: `
    .tile {
      background: #fff;
      border: 1px solid #c9d2dc;
      border-left: 6px solid #6b7785;
      border-radius: 6px;
      padding: 0.75rem 1rem;
      height: 100%;
      box-sizing: border-box;
    }
    .tile.good {
      border-left-color: #2e7d32;
    }
    .tile.bad {
      border-left-color: #b0003a;
    }
    p {
      margin: 0;
    }
    .label {
      color: #3d4a59;
      font-size: 0.95rem;
    }
    .value {
      font-size: 1.9rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      line-height: 1.2;
    }
    .change {
      font-size: 0.95rem;
    }
    .symbol {
      display: inline-block;
      width: 1em;
    }
    .detail {
      color: #3d4a59;
      font-size: 0.85rem;
    }
  `,
})
export class KpiTileComponent {
  readonly label = input.required<string>();
  /** The figure, formatted for the user's language. */
  readonly value = input.required<string>();
  /** The change against the previous period in words, e.g. "+3 gegenüber 2025". */
  readonly change = input<string | null>(null);
  readonly trend = input<Trend>('none');
  /** Whether a rising figure is good news (most are; a count of red projects is not). */
  readonly higherIsBetter = input(true);
  readonly detail = input<string | null>(null);

  protected readonly symbol = computed(() => ({ up: '▲', down: '▼', same: '▶', none: '' })[this.trend()]);
  protected readonly tone = computed(() => {
    const trend = this.trend();
    if (trend === 'up') return this.higherIsBetter() ? 'good' : 'bad';
    if (trend === 'down') return this.higherIsBetter() ? 'bad' : 'good';
    return 'neutral';
  });
}
