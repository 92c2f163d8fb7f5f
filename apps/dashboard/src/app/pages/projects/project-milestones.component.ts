import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent, type BadgeTone } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { localToday, milestoneCounts, milestoneState, type MilestoneState } from './milestones';

interface MilestoneRow {
  readonly id: string;
  readonly title: string;
  readonly dueOn: string;
  readonly doneOn: string | null;
}

const TONES: Record<MilestoneState, BadgeTone> = { done: 'green', overdue: 'red', open: 'grey' };
const SYMBOLS: Record<MilestoneState, string> = { done: '✓', overdue: '⚠', open: '○' };

/** A project's milestones by due date; the overdue ones say so in words and with a symbol. */
@Component({
  selector: 'koop-project-milestones',
  imports: [TranslocoDirective, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">{{ t('projects.milestones.title') }}</h2>
        @if (milestones().length === 0) {
          <p>{{ t('projects.milestones.empty') }}</p>
        } @else {
          <p class="summary" [class.alert]="counts().overdue > 0">
            {{ t('projects.milestones.summary', { done: counts().done, total: milestones().length }) }}
            @if (counts().overdue > 0) {
              <strong>
                <span aria-hidden="true">⚠</span>
                {{ t('projects.milestones.overdueCount', { count: counts().overdue }) }}
              </strong>
            }
          </p>
          <div
            class="table-wrap koop-table-wrap"
            role="region"
            aria-labelledby="milestones-caption"
            tabindex="0"
          >
            <table class="koop-table">
              <caption id="milestones-caption">
                {{
                  t('projects.milestones.caption')
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('projects.milestones.milestone') }}</th>
                  <th scope="col">{{ t('projects.milestones.dueOn') }}</th>
                  <th scope="col">{{ t('projects.milestones.doneOn') }}</th>
                  <th scope="col">{{ t('projects.milestones.state') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (m of rows(); track m.id) {
                  <tr [class.overdue]="m.state === 'overdue'">
                    <th scope="row">{{ m.title }}</th>
                    <td class="num">{{ format.date(m.dueOn) }}</td>
                    <td class="num">{{ format.date(m.doneOn) }}</td>
                    <td>
                      <koop-status-badge
                        [tone]="tones[m.state]"
                        [icon]="symbols[m.state]"
                        [label]="t('projects.milestones.' + m.state)"
                      />
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    </ng-container>
  `,
  styles: `
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.25rem;
    }
    .summary {
      margin: 0 0 0.5rem;
    }
    .summary strong {
      color: #9a0007;
      margin-left: 0.5rem;
    }
    tr.overdue th {
      font-weight: 700;
    }
    tr.overdue {
      background: #fff5f7;
    }
    .num {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ProjectMilestonesComponent {
  /** By due date, as the API gives them. */
  readonly milestones = input.required<readonly MilestoneRow[]>();
  /** The day to judge by; today unless a test says otherwise. */
  readonly today = input(localToday());

  protected readonly format = inject(FormatService);
  protected readonly tones = TONES;
  protected readonly symbols = SYMBOLS;
  protected readonly rows = computed(() =>
    this.milestones().map((m) => ({ ...m, state: milestoneState(m, this.today()) })),
  );
  protected readonly counts = computed(() => milestoneCounts(this.milestones(), this.today()));
}
