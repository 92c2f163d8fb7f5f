import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { ReportDigestDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';

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
            @if (d.projectChanges.length) {
              <section data-digest="projects">
                <h3>{{ t('report.digest.projectChanges') }}</h3>
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
              </section>
            }
            @if (d.newLiveAdoptions.length) {
              <section data-digest="new-live">
                <h3>{{ t('report.digest.newLive') }}</h3>
                <ul>
                  @for (adoption of d.newLiveAdoptions; track adoption.id) {
                    <li>{{ adoption.project.title }} – {{ adoption.city.name }}</li>
                  }
                </ul>
              </section>
            }
            @if (d.lostLiveAdoptions.length) {
              <section data-digest="lost-live">
                <h3>{{ t('report.digest.lostLive') }}</h3>
                <ul>
                  @for (adoption of d.lostLiveAdoptions; track adoption.id) {
                    <li>
                      {{ adoption.project.title }} – {{ adoption.city.name }} ({{
                        t('enum.stage.' + adoption.stage)
                      }})
                    </li>
                  }
                </ul>
              </section>
            }
            @if (d.satisfactionChanges.length) {
              <section data-digest="satisfaction">
                <h3>{{ t('report.digest.satisfaction') }}</h3>
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
                <p class="note">{{ t('report.digest.satisfactionRule') }}</p>
              </section>
            }
            @if (d.milestonesReached.length) {
              <section data-digest="milestones-reached">
                <h3>{{ t('report.digest.milestonesReached') }}</h3>
                <ul>
                  @for (milestone of d.milestonesReached; track milestone.id) {
                    <li>
                      {{ milestone.title }} ({{ milestone.project.title }}),
                      {{ t('report.digest.reachedOn', { date: format.date(milestone.doneOn) }) }}
                    </li>
                  }
                </ul>
              </section>
            }
            @if (d.milestonesMissed.length) {
              <section data-digest="milestones-missed">
                <h3>{{ t('report.digest.milestonesMissed') }}</h3>
                <ul>
                  @for (milestone of d.milestonesMissed; track milestone.id) {
                    <li>
                      {{ milestone.title }} ({{ milestone.project.title }}),
                      {{ t('report.digest.dueOn', { date: format.date(milestone.dueOn) }) }}
                    </li>
                  }
                </ul>
              </section>
            }
            @if (d.actionItemsDone.length) {
              <section data-digest="action-items-done">
                <h3>{{ t('report.digest.actionItemsDone') }}</h3>
                <ul>
                  @for (item of d.actionItemsDone; track item.id) {
                    <li>{{ item.title }}</li>
                  }
                </ul>
              </section>
            }
            @if (d.actionItemsOverdue.length) {
              <section data-digest="action-items-overdue">
                <h3>{{ t('report.digest.actionItemsOverdue') }}</h3>
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
    .note {
      color: var(--koop-muted);
      margin: 0 0 0.75rem;
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
  }));
  protected readonly data = computed(() => loaded(this.digest)?.digest);
  protected readonly isEmpty = computed(() => {
    const d = this.data();
    return (
      !!d &&
      [
        d.projectChanges,
        d.newLiveAdoptions,
        d.lostLiveAdoptions,
        d.satisfactionChanges,
        d.milestonesReached,
        d.milestonesMissed,
        d.actionItemsDone,
        d.actionItemsOverdue,
      ].every((list) => list.length === 0)
    );
  });
}
