import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { ReportDigestDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';

/**
 * How many entries of each list the page shows; the heading tells how many there are in all (a statewide
 * cooperation has hundreds of thousands of adoptions going live in a year), the annual report's PDF lists all.
 */
export const DIGEST_ENTRIES_SHOWN = 20;

/**
 * What changed in a cooperation since its last annual meeting (or between two given dates), computed by
 * the API from the histories: on the cockpit and in the annual report.
 */
@Component({
  selector: 'koop-digest',
  imports: [TranslocoDirective, RouterLink, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 [id]="headingId()">{{ t('report.digest.title') }}</h2>
      <koop-load-state [resource]="digest">
        @if (data(); as d) {
          <p class="period">
            {{ t('report.digest.period', { from: format.date(d.from), to: format.date(d.to) }) }}
          </p>
          @if (isEmpty()) {
            <p>{{ t('report.digest.nothing') }}</p>
          }
          <div class="parts">
            @if (d.counts.projectChanges) {
              <section data-digest="projects">
                <h3>
                  {{ t('report.digest.projectChanges') }}
                  <span class="count">({{ format.number(d.counts.projectChanges) }})</span>
                </h3>
                <ul>
                  @for (change of d.projectChanges; track change.project.id) {
                    <li>
                      <a [routerLink]="['/projekte', change.project.id]">{{ change.project.title }}</a>:
                      @if (change.fromPhase !== change.toPhase) {
                        {{ t('report.digest.phase') }}
                        {{ change.fromPhase ? t('enum.phase.' + change.fromPhase) : t('report.digest.new') }}
                        → {{ t('enum.phase.' + change.toPhase) }}
                      }
                      @if (change.fromPhase !== change.toPhase && change.fromHealth !== change.toHealth) {
                        ·
                      }
                      @if (change.fromHealth !== change.toHealth) {
                        {{ t('report.digest.health') }}
                        {{
                          change.fromHealth ? t('enum.health.' + change.fromHealth) : t('report.digest.new')
                        }}
                        → {{ t('enum.health.' + change.toHealth) }}
                      }
                    </li>
                  }
                </ul>
                @if (d.counts.projectChanges > d.projectChanges.length) {
                  <p class="more">
                    {{
                      t('report.digest.more', {
                        count: format.number(d.counts.projectChanges - d.projectChanges.length),
                      })
                    }}
                  </p>
                }
              </section>
            }
            @if (d.counts.newLiveAdoptions) {
              <section data-digest="new-live">
                <h3>
                  {{ t('report.digest.newLive') }}
                  <span class="count">({{ format.number(d.counts.newLiveAdoptions) }})</span>
                </h3>
                <ul>
                  @for (adoption of d.newLiveAdoptions; track adoption.id) {
                    <li>{{ adoption.project.title }} – {{ adoption.city.name }}</li>
                  }
                </ul>
                @if (d.counts.newLiveAdoptions > d.newLiveAdoptions.length) {
                  <p class="more">
                    {{
                      t('report.digest.more', {
                        count: format.number(d.counts.newLiveAdoptions - d.newLiveAdoptions.length),
                      })
                    }}
                  </p>
                }
              </section>
            }
            @if (d.counts.lostLiveAdoptions) {
              <section data-digest="lost-live">
                <h3>
                  {{ t('report.digest.lostLive') }}
                  <span class="count">({{ format.number(d.counts.lostLiveAdoptions) }})</span>
                </h3>
                <ul>
                  @for (adoption of d.lostLiveAdoptions; track adoption.id) {
                    <li>
                      {{ adoption.project.title }} – {{ adoption.city.name }} ({{
                        t('enum.stage.' + adoption.stage)
                      }})
                    </li>
                  }
                </ul>
                @if (d.counts.lostLiveAdoptions > d.lostLiveAdoptions.length) {
                  <p class="more">
                    {{
                      t('report.digest.more', {
                        count: format.number(d.counts.lostLiveAdoptions - d.lostLiveAdoptions.length),
                      })
                    }}
                  </p>
                }
              </section>
            }
            @if (d.counts.satisfactionChanges) {
              <section data-digest="satisfaction">
                <h3>
                  {{ t('report.digest.satisfaction') }}
                  <span class="count">({{ format.number(d.counts.satisfactionChanges) }})</span>
                </h3>
                <ul>
                  @for (change of d.satisfactionChanges; track $index) {
                    <li>
                      {{ change.project.title }}{{ change.city ? ' – ' + change.city.name : '' }}:
                      {{
                        t('report.digest.rating', {
                          before: format.number(change.before, 2),
                          after: format.number(change.after, 2),
                        })
                      }}
                    </li>
                  }
                </ul>
                @if (d.counts.satisfactionChanges > d.satisfactionChanges.length) {
                  <p class="more">
                    {{
                      t('report.digest.more', {
                        count: format.number(d.counts.satisfactionChanges - d.satisfactionChanges.length),
                      })
                    }}
                  </p>
                }
                <p class="note">{{ t('report.digest.satisfactionRule') }}</p>
              </section>
            }
            @if (d.counts.milestonesReached) {
              <section data-digest="milestones-reached">
                <h3>
                  {{ t('report.digest.milestonesReached') }}
                  <span class="count">({{ format.number(d.counts.milestonesReached) }})</span>
                </h3>
                <ul>
                  @for (milestone of d.milestonesReached; track milestone.id) {
                    <li>
                      {{ milestone.title }} ({{ milestone.project.title }}),
                      {{ t('report.digest.reachedOn', { date: format.date(milestone.doneOn) }) }}
                    </li>
                  }
                </ul>
                @if (d.counts.milestonesReached > d.milestonesReached.length) {
                  <p class="more">
                    {{
                      t('report.digest.more', {
                        count: format.number(d.counts.milestonesReached - d.milestonesReached.length),
                      })
                    }}
                  </p>
                }
              </section>
            }
            @if (d.counts.milestonesMissed) {
              <section data-digest="milestones-missed">
                <h3>
                  {{ t('report.digest.milestonesMissed') }}
                  <span class="count">({{ format.number(d.counts.milestonesMissed) }})</span>
                </h3>
                <ul>
                  @for (milestone of d.milestonesMissed; track milestone.id) {
                    <li>
                      {{ milestone.title }} ({{ milestone.project.title }}),
                      {{ t('report.digest.dueOn', { date: format.date(milestone.dueOn) }) }}
                    </li>
                  }
                </ul>
                @if (d.counts.milestonesMissed > d.milestonesMissed.length) {
                  <p class="more">
                    {{
                      t('report.digest.more', {
                        count: format.number(d.counts.milestonesMissed - d.milestonesMissed.length),
                      })
                    }}
                  </p>
                }
              </section>
            }
            @if (d.counts.actionItemsDone) {
              <section data-digest="action-items-done">
                <h3>
                  {{ t('report.digest.actionItemsDone') }}
                  <span class="count">({{ format.number(d.counts.actionItemsDone) }})</span>
                </h3>
                <ul>
                  @for (item of d.actionItemsDone; track item.id) {
                    <li>{{ item.title }}</li>
                  }
                </ul>
                @if (d.counts.actionItemsDone > d.actionItemsDone.length) {
                  <p class="more">
                    {{
                      t('report.digest.more', {
                        count: format.number(d.counts.actionItemsDone - d.actionItemsDone.length),
                      })
                    }}
                  </p>
                }
              </section>
            }
            @if (d.counts.actionItemsOverdue) {
              <section data-digest="action-items-overdue">
                <h3>
                  {{ t('report.digest.actionItemsOverdue') }}
                  <span class="count">({{ format.number(d.counts.actionItemsOverdue) }})</span>
                </h3>
                <ul>
                  @for (item of d.actionItemsOverdue; track item.id) {
                    <li>
                      {{ item.title }}
                      @if (item.ownerCity ?? item.ownerWorkingGroup; as owner) {
                        ({{ owner.name }})
                      }
                      – {{ t('report.digest.dueOn', { date: format.date(item.dueOn) }) }}
                    </li>
                  }
                </ul>
                @if (d.counts.actionItemsOverdue > d.actionItemsOverdue.length) {
                  <p class="more">
                    {{
                      t('report.digest.more', {
                        count: format.number(d.counts.actionItemsOverdue - d.actionItemsOverdue.length),
                      })
                    }}
                  </p>
                }
              </section>
            }
          </div>
        }
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.5rem;
    }
    h3 {
      font-size: 1rem;
      margin: 0 0 0.35rem;
    }
    .period,
    .note,
    .more {
      color: var(--koop-muted);
      margin: 0 0 0.75rem;
    }
    .count {
      font-weight: normal;
      color: var(--koop-muted);
    }
    .note {
      font-size: 0.85rem;
    }
    .parts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
      gap: 0.75rem 1.5rem;
    }
    ul {
      margin: 0 0 0.5rem;
      padding-left: 1.2rem;
    }
  `,
})
export class DigestComponent {
  readonly cooperationId = input.required<string>();
  /** First day (YYYY-MM-DD); the API's default (the day of the last annual meeting) when left out. */
  readonly from = input<string | null>(null);
  /** Last day; today when left out. */
  readonly to = input<string | null>(null);
  readonly headingId = input('digest-title');

  protected readonly format = inject(FormatService);
  protected readonly digest = queryResource(ReportDigestDocument, () => ({
    cooperationId: this.cooperationId(),
    from: this.from(),
    to: this.to(),
    first: DIGEST_ENTRIES_SHOWN,
  }));
  protected readonly data = computed(() => loaded(this.digest)?.digest);
  protected readonly isEmpty = computed(() => {
    const counts = this.data()?.counts;
    return !!counts && Object.values(counts).every((count) => count === 0);
  });
}
