import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { isNotFound } from '../../core/graphql-errors';
import { loaded, queryResource } from '../../core/graphql-resource';
import { WorkingGroupDetailDocument } from '../../graphql/generated/graphql';
import { HEALTH_TONES } from '../../shared/labels';
import { LoadStateComponent } from '../../shared/load-state.component';
import { OverdueActionItemsComponent } from '../../shared/overdue-action-items.component';
import { NotFoundComponent } from '../../shared/not-found.component';
import { pageTitle } from '../../shared/page-title';
import { StatusUpdateListComponent } from '../../shared/status-update-list.component';
import { countByHealth, sortByText } from './working-groups.logic';

/** One working group: its profile, member cities, projects and latest status updates. */
@Component({
  selector: 'koop-working-group-detail-page',
  imports: [
    RouterLink,
    TranslocoDirective,
    StatusBadgeComponent,
    LoadStateComponent,
    StatusUpdateListComponent,
    NotFoundComponent,

    OverdueActionItemsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (notFound()) {
        <koop-not-found kind="workingGroup" />
      } @else {
        <koop-load-state [resource]="detail">
          @if (group(); as group) {
            <p class="back">
              <a routerLink="/arbeitskreise" [queryParams]="{ kooperation: group.cooperation.id }">
                <span aria-hidden="true">←</span> {{ t('workingGroups.detail.back') }}
              </a>
            </p>
            <h1>{{ group.name }}</h1>
            <p class="description">{{ group.description || t('workingGroups.detail.noDescription') }}</p>
            <p>
              <a routerLink="/wissen" [queryParams]="{ arbeitszirkel: group.id }">{{
                t('knowledge.ofGroup')
              }}</a>
            </p>

            <section class="card koop-card" aria-labelledby="group-facts">
              <h2 id="group-facts">{{ t('workingGroups.detail.facts') }}</h2>
              <dl class="facts">
                <div>
                  <dt>{{ t('common.cooperation') }}</dt>
                  <dd>
                    <a routerLink="/cockpit" [queryParams]="{ kooperation: group.cooperation.id }">{{
                      group.cooperation.name
                    }}</a>
                  </dd>
                </div>
                <div>
                  <dt>{{ t('workingGroups.focus') }}</dt>
                  <dd>{{ t('enum.focus.' + group.focus) }}</dd>
                </div>
                <div>
                  <dt>{{ t('common.leadCity') }}</dt>
                  <dd>
                    @if (group.leadCity; as city) {
                      <a [routerLink]="['/kommunen', city.id]">{{ city.name }}</a>
                    } @else {
                      {{ t('workingGroups.noLead') }}
                    }
                  </dd>
                </div>
                <div>
                  <dt>{{ t('workingGroups.detail.leadPerson') }}</dt>
                  <dd>{{ group.leadPerson || t('workingGroups.noLead') }}</dd>
                </div>
                <div>
                  <dt>{{ t('workingGroups.byHealth') }}</dt>
                  <dd>
                    <ul class="health">
                      @for (item of health(); track item.health) {
                        <li [attr.data-health]="item.health">
                          <koop-status-badge
                            [tone]="tones[item.health]"
                            [label]="
                              t('workingGroups.healthCount', {
                                count: item.count,
                                health: t('enum.health.' + item.health),
                              })
                            "
                          />
                        </li>
                      }
                    </ul>
                  </dd>
                </div>
              </dl>
            </section>

            <div class="columns">
              <section class="card koop-card projects" aria-labelledby="group-projects">
                <h2 id="group-projects">{{ t('workingGroups.detail.projects') }}</h2>
                @if (projects().length === 0) {
                  <p>{{ t('workingGroups.detail.noProjects') }}</p>
                } @else {
                  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="group-projects">
                    <table>
                      <caption>
                        {{
                          t('workingGroups.detail.projectsCaption', { name: group.name })
                        }}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{{ t('common.project') }}</th>
                          <th scope="col">{{ t('common.health') }} / {{ t('common.phase') }}</th>
                          <th scope="col" class="number">{{ t('common.progress') }}</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (project of projects(); track project.id) {
                          <tr [attr.data-project]="project.id">
                            <th scope="row">
                              <a [routerLink]="['/projekte', project.id]">{{ project.title }}</a>
                              <span class="kind">{{ t('enum.kind.' + project.kind) }}</span>
                            </th>
                            <td>
                              <koop-status-badge
                                [tone]="tones[project.health]"
                                [label]="t('enum.health.' + project.health)"
                              />
                              <span class="phase"
                                >{{ t('enum.phase.' + project.phase) }}
                                <span class="narrow-only"
                                  >· {{ format.percent(project.progress / 100, 0) }}</span
                                ></span
                              >
                            </td>
                            <td class="number">
                              <span class="progress">
                                <span class="bar" aria-hidden="true"
                                  ><span [style.width.%]="project.progress"></span
                                ></span>
                                {{ format.percent(project.progress / 100, 0) }}
                              </span>
                            </td>
                          </tr>
                        }
                      </tbody>
                    </table>
                  </div>
                }
              </section>

              <section class="card koop-card" aria-labelledby="group-members">
                <h2 id="group-members">{{ t('workingGroups.members') }} ({{ members().length }})</h2>
                @if (members().length === 0) {
                  <p>{{ t('workingGroups.detail.noMembers') }}</p>
                } @else {
                  <ul class="members">
                    @for (city of members(); track city.id) {
                      <li>
                        <a [routerLink]="['/kommunen', city.id]">{{ city.name }}</a>
                      </li>
                    }
                  </ul>
                }
              </section>
            </div>

            <section class="card koop-card" aria-labelledby="group-updates">
              <h2 id="group-updates">{{ t('workingGroups.detail.updates') }}</h2>
              @if (group.latestStatusUpdates.length === 0) {
                <p>{{ t('workingGroups.detail.noUpdates') }}</p>
              } @else {
                <koop-status-update-list [updates]="group.latestStatusUpdates" />
              }
            </section>

            <koop-overdue-action-items [filter]="{ workingGroupId: group.id }" />
          }
        </koop-load-state>
      }
    </ng-container>
  `,
  styleUrl: './working-group-detail.page.css',
})
export class WorkingGroupDetailPage {
  protected readonly format = inject(FormatService);
  protected readonly tones = HEALTH_TONES;

  /** `:id` of the route. */
  readonly id = input.required<string>();

  protected readonly detail = queryResource(WorkingGroupDetailDocument, () => ({ id: this.id() }));
  protected readonly group = computed(() => loaded(this.detail)?.workingGroup);
  protected readonly notFound = computed(() => isNotFound(this.detail.error()));
  protected readonly members = computed(() => sortByText(this.group()?.members ?? [], (city) => city.name));
  protected readonly health = computed(() => countByHealth(this.group()?.projects ?? []));
  protected readonly projects = computed(() =>
    sortByText(this.group()?.projects ?? [], (project) => project.title),
  );

  constructor() {
    pageTitle(() => this.group()?.name);
  }
}
