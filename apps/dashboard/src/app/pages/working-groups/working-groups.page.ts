import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { CooperationService } from '../../core/cooperation.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { WorkingGroupListDocument } from '../../graphql/generated/graphql';
import { HEALTH_TONES } from '../../shared/labels';
import { keepInUrl } from '../../shared/keep-in-url';
import { LoadStateComponent } from '../../shared/load-state.component';
import { countByHealth } from './working-groups.logic';

/** The working groups of the cooperation chosen in the URL, each with the health of its projects. */
@Component({
  selector: 'koop-working-groups-page',
  imports: [RouterLink, TranslocoDirective, StatusBadgeComponent, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('workingGroups.title') }}</h1>
      <p class="lead">{{ t('workingGroups.lead') }}</p>
      <koop-load-state [resource]="cooperations.list" [empty]="cooperations.cooperations().length === 0">
        <div class="field koop-field">
          <label for="groups-cooperation">{{ t('common.cooperation') }}</label>
          <select id="groups-cooperation" (change)="chooseCooperation($event)">
            @for (cooperation of cooperations.cooperations(); track cooperation.id) {
              <option [value]="cooperation.id" [selected]="cooperation.id === cooperationId()">
                {{ cooperation.name }}
              </option>
            }
          </select>
        </div>
        <div [attr.aria-busy]="groups.isLoading()">
          <koop-load-state
            [resource]="groups"
            [empty]="rows().length === 0"
            [emptyText]="t('workingGroups.empty')"
          >
            <ul class="groups">
              @for (group of rows(); track group.id) {
                <li class="card koop-card" [attr.data-group]="group.id">
                  <h2>
                    <a [routerLink]="['/arbeitskreise', group.id]">{{ group.name }}</a>
                  </h2>
                  <dl>
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
                      <dt>{{ t('workingGroups.members') }}</dt>
                      <dd data-value="members">{{ group.members.length }}</dd>
                    </div>
                    <div>
                      <dt>{{ t('common.projects') }}</dt>
                      <dd data-value="projects">{{ group.projects.length }}</dd>
                    </div>
                  </dl>
                  <ul class="health" [attr.aria-label]="t('workingGroups.byHealth')">
                    @for (item of group.health; track item.health) {
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
                </li>
              }
            </ul>
          </koop-load-state>
        </div>
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    h1 {
      margin: 0 0 0.25rem;
    }
    .lead {
      color: var(--koop-muted);
      margin: 0 0 1rem;
    }
    .field {
      margin-bottom: 1.25rem;
      max-width: 100%;
      width: fit-content;
    }
    select {
      font: inherit;
      padding: 0.4rem 0.5rem;
      border: 1px solid var(--koop-muted);
      border-radius: 4px;
      background: #fff;
      color: var(--koop-ink);
      max-width: 100%;
    }
    .groups {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 1rem;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22rem), 1fr));
    }
    h2 {
      font-size: 1.15rem;
      margin: 0 0 0.5rem;
    }
    a {
      color: var(--koop-blue);
    }
    dl {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.4rem 1rem;
      margin: 0 0 0.75rem;
    }
    dt {
      color: var(--koop-muted);
      font-size: 0.85rem;
    }
    dd {
      margin: 0;
    }
    .health {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
  `,
})
export class WorkingGroupsPage {
  private readonly router = inject(Router);
  protected readonly cooperations = inject(CooperationService);
  protected readonly tones = HEALTH_TONES;

  /** `?kooperation=` of the URL. */
  readonly kooperation = input<string>();

  protected readonly cooperationId = computed(() => this.cooperations.pick(this.kooperation()));

  protected readonly groups = queryResource(WorkingGroupListDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId } : undefined;
  });

  protected readonly rows = computed(() =>
    (loaded(this.groups)?.workingGroups ?? []).map((group) => ({
      ...group,
      health: countByHealth(group.projects),
    })),
  );

  constructor() {
    keepInUrl(() => {
      const cooperationId = this.cooperationId();
      return cooperationId && cooperationId !== this.kooperation() ? { kooperation: cooperationId } : null;
    });
  }

  protected chooseCooperation(event: Event): void {
    this.choose((event.target as HTMLSelectElement).value);
  }

  private choose(kooperation: string): void {
    void this.router.navigate([], { queryParams: { kooperation }, queryParamsHandling: 'merge' });
  }
}
