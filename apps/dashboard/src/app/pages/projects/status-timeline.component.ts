import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import type { ProjectStatusUpdateFragment } from '../../graphql/generated/graphql';
import { HEALTH_TONES } from '../../shared/labels';

/** How many updates show before the user asks for all. */
const FIRST_SHOWN = 5;

/** A project's status updates, newest first: its history. */
@Component({
  selector: 'koop-status-timeline',
  imports: [TranslocoDirective, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{{ t('projects.timeline.title') }}</h2>
        @if (updates().length === 0) {
          <p>{{ t('projects.timeline.empty') }}</p>
        } @else {
          <p class="count">{{ t('projects.timeline.count', { count: updates().length }) }}</p>
          <ol class="timeline">
            @for (u of shown(); track u.id) {
              <li>
                <article
                  class="koop-card"
                  [id]="'status-' + u.id"
                  tabindex="-1"
                  [attr.aria-labelledby]="'status-' + u.id + '-date'"
                >
                  <h3 [id]="'status-' + u.id + '-date'">
                    <time [attr.datetime]="u.createdAt">{{ format.date(u.createdAt) }}</time>
                    @if (u.author) {
                      <span class="author"> · {{ u.author }}</span>
                    }
                  </h3>
                  <p class="facts">
                    <koop-status-badge
                      [tone]="healthTones[u.health]"
                      [label]="t('enum.health.' + u.health)"
                    />
                    <span>{{ t('enum.phase.' + u.phase) }}</span>
                    <span>{{ t('common.progress') }} {{ format.percent(u.progress / 100, 0) }}</span>
                  </p>
                  <p class="summary">{{ u.summary }}</p>
                  @if (u.blockers) {
                    <p class="blockers">
                      <strong>{{ t('projects.timeline.blockers') }}:</strong> {{ u.blockers }}
                    </p>
                  }
                </article>
              </li>
            }
          </ol>
          @if (updates().length > firstShown) {
            <button type="button" class="koop-button" [attr.aria-expanded]="all()" (click)="all.set(!all())">
              {{
                all()
                  ? t('projects.timeline.showFewer')
                  : t('projects.timeline.showAll', { count: updates().length })
              }}
            </button>
          }
        }
      </section>
    </ng-container>
  `,
  styles: `
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.25rem;
    }
    .count {
      margin: 0 0 0.5rem;
      color: var(--koop-muted);
    }
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 1rem;
      border-left: 3px solid var(--koop-border);
    }
    li {
      position: relative;
      margin: 0 0 0.75rem;
    }
    li::before {
      content: '';
      position: absolute;
      left: -1.5rem;
      top: 0.55rem;
      width: 0.75rem;
      height: 0.75rem;
      border-radius: 50%;
      background: var(--koop-blue);
      border: 2px solid #fff;
    }
    article {
      padding: 0.5rem 0.75rem;
    }
    h3 {
      font-size: 1rem;
      margin: 0;
    }
    .author {
      font-weight: 400;
      color: var(--koop-muted);
    }
    p {
      margin: 0.3rem 0 0;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: center;
      font-size: 0.95rem;
    }
    .blockers {
      border-left: 3px solid #7a4100;
      padding-left: 0.5rem;
    }
    button {
      padding: 0.35rem 0.8rem;
    }
  `,
})
export class StatusTimelineComponent {
  /** Newest first, as the API gives them. */
  readonly updates = input.required<readonly ProjectStatusUpdateFragment[]>();

  protected readonly format = inject(FormatService);
  protected readonly healthTones = HEALTH_TONES;
  protected readonly firstShown = FIRST_SHOWN;
  protected readonly all = signal(false);
  protected readonly shown = computed(() =>
    this.all() ? this.updates() : this.updates().slice(0, FIRST_SHOWN),
  );

  /** Moves focus to an update, e.g. the one just posted. */
  focus(id: string): void {
    document.getElementById(`status-${id}`)?.focus();
  }
}
