import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type BadgeTone = 'green' | 'amber' | 'red' | 'blue' | 'grey' | 'purple';

const SYMBOLS: Record<BadgeTone, string> = {
  green: '●',
  amber: '▲',
  red: '■',
  blue: '◆',
  grey: '○',
  purple: '◇',
};

/** A coloured status label that also carries a symbol and text, so that colour is never the only cue. */
@Component({
  selector: 'koop-status-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [attr.data-tone]="tone()"
    ><span aria-hidden="true">{{ symbol() }}</span> {{ label() }}</span
  >`,
  styles: `
    .badge {
      display: inline-flex;
      gap: 0.3em;
      align-items: center;
      padding: 0.05rem 0.5rem;
      border-radius: 999px;
      font-size: 0.9rem;
      white-space: nowrap;
      border: 1px solid currentColor;
    }
    [data-tone='green'] {
      color: #1b5e20;
      background: #e8f5e9;
    }
    [data-tone='amber'] {
      color: #7a4100;
      background: #fff3e0;
    }
    [data-tone='red'] {
      color: #9a0007;
      background: #ffebee;
    }
    [data-tone='blue'] {
      color: #0b4f8a;
      background: #e3f0fb;
    }
    [data-tone='grey'] {
      color: #3d4a59;
      background: #f1f3f5;
    }
    [data-tone='purple'] {
      color: #5b2a86;
      background: #f3e8fb;
    }
  `,
})
export class StatusBadgeComponent {
  readonly tone = input.required<BadgeTone>();
  readonly label = input.required<string>();
  /** Overrides the tone's symbol. */
  readonly icon = input<string | null>(null);

  protected readonly symbol = computed(() => this.icon() ?? SYMBOLS[this.tone()]);
}
