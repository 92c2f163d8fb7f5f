import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../core/format.service';
import { HEALTH_TONES } from './labels';

/** What the list shows of a status update; any query's update with these fields fits. */
export interface StatusUpdateItem {
  readonly id: string;
  readonly createdAt: string;
  readonly phase: string;
  readonly health: string;
  readonly progress: number;
  readonly summary: string;
  readonly author: string | null;
  readonly project: { readonly id: string; readonly title: string };
}

/** Status updates, newest first, each linking to its project. */
@Component({
  selector: 'koop-status-update-list',
  imports: [RouterLink, TranslocoDirective, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="updates" *transloco="let t">
      @for (update of updates(); track update.id) {
        <li>
          <p class="meta">
            <time [attr.datetime]="update.createdAt">{{ format.date(update.createdAt) }}</time>
            @if (update.author) {
              · {{ update.author }}
            }
          </p>
          <a class="project" [routerLink]="['/projekte', update.project.id]">{{ update.project.title }}</a>
          <p class="state">
            <koop-status-badge [tone]="tones[update.health]" [label]="t('enum.health.' + update.health)" />
            <span
              >{{ t('enum.phase.' + update.phase) }} · {{ t('common.progress') }}
              {{ format.percent(update.progress / 100, 0) }}</span
            >
          </p>
          <p class="summary">{{ update.summary }}</p>
        </li>
      }
    </ol>
  `,
  styles: `
    .updates {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 0.6rem 0;
      border-top: 1px solid var(--koop-border);
    }
    li:first-child {
      border-top: 0;
      padding-top: 0;
    }
    p {
      margin: 0;
    }
    .meta {
      color: var(--koop-muted);
      font-size: 0.9rem;
    }
    .project {
      font-weight: 600;
      color: var(--koop-blue);
    }
    .state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.6rem;
      margin: 0.2rem 0;
      font-size: 0.9rem;
    }
    .summary {
      overflow-wrap: anywhere;
    }
  `,
})
export class StatusUpdateListComponent {
  protected readonly format = inject(FormatService);
  protected readonly tones = HEALTH_TONES;
  readonly updates = input.required<readonly StatusUpdateItem[]>();
}
