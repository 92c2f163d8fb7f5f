import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { MyWorkingGroupProjectsDocument } from '../../graphql/generated/graphql';
import { HEALTH_TONES } from '../../shared/labels';
import { LoadStateComponent } from '../../shared/load-state.component';

/** The projects of one working group the user leads, the most urgent first, each a link to post an update. */
@Component({
  selector: 'koop-led-group-projects',
  imports: [RouterLink, TranslocoDirective, StatusBadgeComponent, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section class="koop-card" [attr.aria-labelledby]="headingId()">
        <h2 [id]="headingId()">
          @if (data(); as g) {
            <a [routerLink]="['/arbeitskreise', g.id]">{{ g.name }}</a>
            <span class="coop">{{ g.cooperation.shortName }}</span>
          } @else {
            {{ t('common.workingGroup') }}
          }
        </h2>
        <koop-load-state
          [resource]="group"
          [empty]="projects().length === 0"
          [emptyText]="t('myProjects.noProjects')"
        >
          @if (data(); as g) {
            <div class="koop-table-wrap" role="region" tabindex="0" [attr.aria-labelledby]="headingId()">
              <table class="koop-table">
                <caption>
                  {{
                    t('myProjects.caption', { name: g.name, count: projects().length })
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ t('common.project') }}</th>
                    <th scope="col">{{ t('common.health') }}</th>
                    <th scope="col">{{ t('common.phase') }}</th>
                    <th scope="col" class="num">{{ t('common.progress') }}</th>
                    <th scope="col">{{ t('myProjects.targetDate') }}</th>
                    <th scope="col">{{ t('common.updatedAt') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (project of projects(); track project.id) {
                    <tr [attr.data-project]="project.id">
                      <th scope="row">
                        <a [routerLink]="['/projekte', project.id]">{{ project.title }}</a>
                      </th>
                      <td>
                        <koop-status-badge
                          [tone]="tones[project.health]"
                          [label]="t('enum.health.' + project.health)"
                        />
                      </td>
                      <td>{{ t('enum.phase.' + project.phase) }}</td>
                      <td class="num">{{ format.percent(project.progress / 100, 0) }}</td>
                      <td>{{ format.date(project.targetDate) }}</td>
                      <td>{{ format.date(project.updatedAt) }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </koop-load-state>
      </section>
    </ng-container>
  `,
  styles: `
    section {
      margin-bottom: 1.25rem;
    }
    h2 {
      font-size: 1.2rem;
      margin: 0 0 0.5rem;
    }
    .coop {
      display: block;
      font-size: 0.9rem;
      font-weight: 400;
      color: var(--koop-muted);
    }
    a {
      color: var(--koop-blue);
    }
    table {
      min-width: 40rem;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class LedGroupProjectsComponent {
  readonly workingGroupId = input.required<string>();

  protected readonly format = inject(FormatService);
  protected readonly tones = HEALTH_TONES;
  protected readonly group = queryResource(MyWorkingGroupProjectsDocument, () => ({
    id: this.workingGroupId(),
  }));
  protected readonly data = computed(() => loaded(this.group)?.workingGroup);
  protected readonly headingId = computed(() => `led-group-${this.workingGroupId()}`);
  /** Off track first, then at risk, then on track; by title within. */
  protected readonly projects = computed(() => {
    const order = ['RED', 'AMBER', 'GREEN'];
    return [...(this.data()?.projects ?? [])].sort(
      (a, b) =>
        order.indexOf(a.health) - order.indexOf(b.health) ||
        a.title.localeCompare(b.title, this.format.locale()),
    );
  });
}
