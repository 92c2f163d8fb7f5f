import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { KpiTileComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { ReuseCountTileDocument } from '../../graphql/generated/graphql';

/** The cockpit's count of reuses that started in the year, with its change against the year before. */
@Component({
  selector: 'koop-reuse-count-tile',
  imports: [TranslocoDirective, KpiTileComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; scope: 'reuse'">
      @if (figure(); as f) {
        <koop-kpi-tile
          [label]="t('reuse.cockpit.label')"
          [value]="format.number(f.count)"
          [change]="
            f.change === 0
              ? t('reuse.cockpit.same', { year: f.year - 1 })
              : t('reuse.cockpit.change', { delta: format.delta(f.change), year: f.year - 1 })
          "
          [trend]="f.change > 0 ? 'up' : f.change < 0 ? 'down' : 'same'"
          [detail]="t('reuse.cockpit.detail', { year: f.year })"
        />
      }
    </ng-container>
  `,
})
export class ReuseCountTileComponent {
  protected readonly format = inject(FormatService);
  readonly cooperationId = input.required<string | undefined>();
  readonly year = input.required<number>();

  private readonly resource = queryResource(ReuseCountTileDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId, year: this.year() } : undefined;
  });
  protected readonly figure = computed(() => loaded(this.resource)?.reuseCount ?? null);
}
