import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { KpiTileComponent, StatusBadgeComponent } from '@koop/ui';
import { AuthService } from '../../core/auth.service';
import { FormatService } from '../../core/format.service';
import { queryResource } from '../../core/graphql-resource';
import { CityProfilePageDocument, CityProfilePeerFiguresDocument } from '../../graphql/generated/graphql';
import { HEALTH_TONES, STAGE_SYMBOLS, STAGE_TONES } from '../../shared/labels';
import { LoadStateComponent } from '../../shared/load-state.component';
import { OverdueActionItemsComponent } from '../../shared/overdue-action-items.component';
import { pageTitle } from '../../shared/page-title';
import { localToday } from '../projects/milestones';
import { lastCompleteMonths, RECENT_MONTHS } from '@koop/domain';
import { PeriodNoteComponent } from '../../shared/period-note.component';
import { CityPeersComponent } from './city-peers.component';
import { CitySatisfactionComponent } from './city-satisfaction.component';
import { comparisonRows } from './city-comparison';
import { HistoryComponent } from '../../shared/history/history.component';
import { NotFoundComponent } from '../../shared/not-found.component';
import { isNotFound } from '../../core/graphql-errors';
import { CityReuseComponent } from '../solutions/city-reuse.component';

/** Stages from the furthest to the least far: a city's live services come first. */
const STAGE_ORDER = ['LIVE', 'IN_ROLLOUT', 'PLANNED', 'EVALUATING', 'NOT_PLANNED', 'DISCONTINUED'];

/** A city: its facts, the services it adopted, the projects it leads, its satisfaction and its peers. */
@Component({
  selector: 'koop-city-profile-page',
  imports: [
    RouterLink,
    TranslocoDirective,
    KpiTileComponent,
    StatusBadgeComponent,
    LoadStateComponent,
    CitySatisfactionComponent,
    CityPeersComponent,
    HistoryComponent,
    PeriodNoteComponent,
    NotFoundComponent,

    OverdueActionItemsComponent,
    CityReuseComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (notFound()) {
        <koop-not-found kind="city" />
      } @else {
        <h1>{{ city()?.name ?? t('cityProfile.title') }}</h1>
        <koop-load-state [resource]="profile">
          @if (city(); as c) {
            <p class="lead">
              {{ kindName(t, c.kind) }} · {{ t('cityProfile.district', { district: c.district }) }} ·
              {{ t('cityProfile.inhabitants', { count: format.number(c.population) }) }}
            </p>

            <section aria-labelledby="facts-heading">
              <h2 id="facts-heading" class="sr-only">{{ t('cityProfile.facts') }}</h2>
              <dl class="facts koop-card koop-facts">
                <div>
                  <dt>{{ t('cityProfile.ags') }}</dt>
                  <dd class="code">{{ c.ags }}</dd>
                </div>
                <div>
                  <dt>{{ t('common.population') }}</dt>
                  <dd>{{ format.number(c.population) }}</dd>
                </div>
                <div>
                  <dt>{{ t('cityProfile.districtLabel') }}</dt>
                  <dd>{{ c.district }}</dd>
                </div>
                <div>
                  <dt>{{ t('cityProfile.kind') }}</dt>
                  <dd>{{ kindName(t, c.kind) }}</dd>
                </div>
                <div>
                  <dt>{{ t('common.sizeBand') }}</dt>
                  <dd>{{ c.sizeBand }} ({{ t('enum.sizeBand.' + c.sizeBand) }})</dd>
                </div>
                <div>
                  <dt>{{ t('cityProfile.memberships') }}</dt>
                  <dd>
                    @for (m of c.memberships; track m.id) {
                      <span class="membership"
                        >{{ m.cooperation.name }}
                        @if (m.role || m.joinedOn) {
                          <span class="muted"
                            >({{ m.role ? m.role + (m.joinedOn ? ', ' : '') : ''
                            }}{{
                              m.joinedOn ? t('cityProfile.since', { date: format.date(m.joinedOn) }) : ''
                            }})</span
                          >
                        }
                        @if (m.endedOn) {
                          <span class="muted">{{
                            t('dataEntryLinks.endedOn', { date: format.date(m.endedOn) })
                          }}</span>
                        }
                      </span>
                    } @empty {
                      {{ t('common.none') }}
                    }
                  </dd>
                </div>
              </dl>
            </section>

            <section aria-labelledby="figures-heading">
              <h2 id="figures-heading">
                {{
                  t('cityProfile.figures', { from: format.month(year().from), to: format.month(year().to) })
                }}
              </h2>
              <koop-period-note [period]="year()" [today]="today" />
              <div class="tiles">
                <koop-kpi-tile
                  [label]="t('cityProfile.liveServices')"
                  [value]="format.number(c.liveAdoptionsCount)"
                  [detail]="t('cityProfile.liveServicesDetail')"
                />
                <koop-kpi-tile [label]="t('common.ratings')" [value]="format.number(own()?.ratingsCount)" />
                <koop-kpi-tile
                  [label]="t('common.averageRating')"
                  [value]="format.number(own()?.averageRating, 2)"
                  [detail]="t('cityProfile.ratingScale')"
                />
                <koop-kpi-tile
                  [label]="t('common.completionRate')"
                  [value]="format.percent(own()?.completionRate)"
                />
              </div>
            </section>

            <section aria-labelledby="adoptions-heading">
              <h2 id="adoptions-heading">{{ t('cityProfile.adoptions.title') }}</h2>
              @if (adoptions().length === 0) {
                <p>{{ t('cityProfile.adoptions.empty') }}</p>
              } @else {
                <div class="table-wrap koop-table-wrap">
                  <table class="koop-table">
                    <caption>
                      {{
                        t(format.plural('cityProfile.adoptions.caption', adoptions().length), {
                          city: c.name,
                          count: adoptions().length,
                        })
                      }}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{{ t('cityProfile.adoptions.service') }}</th>
                        <th scope="col">{{ t('common.stage') }}</th>
                        <th scope="col">{{ t('common.maturity') }}</th>
                        <th scope="col">{{ t('cityProfile.adoptions.liveSince') }}</th>
                        <th scope="col">{{ t('cityProfile.adoptions.source') }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (a of adoptions(); track a.id) {
                        <tr>
                          <th scope="row">
                            <a [routerLink]="['/projekte', a.project.id]">{{ a.project.title }}</a>
                          </th>
                          <td>
                            <koop-status-badge
                              [tone]="stageTones[a.stage]"
                              [icon]="stageSymbols[a.stage]"
                              [label]="t('enum.stage.' + a.stage)"
                            />
                            @for (w of a.warnings; track w.code) {
                              <span class="warning" [attr.data-warning]="w.code"
                                ><span aria-hidden="true">⚠ </span
                                >{{
                                  t('adoptionWarning.' + w.code, {
                                    phase: t('enum.phase.' + a.project.phase),
                                  })
                                }}</span
                              >
                            }
                          </td>
                          <td class="date">
                            @if (a.maturityLevel !== null) {
                              {{
                                t('cityProfile.adoptions.maturity', {
                                  level: a.maturityLevel,
                                  model: a.maturityModel,
                                })
                              }}
                            } @else {
                              {{ t('common.none') }}
                            }
                          </td>
                          <td class="date">{{ format.date(a.liveSince) }}</td>
                          <td>
                            {{ a.source ? t('enum.source.' + a.source) : t('common.none') }}
                            @if (a.reusedSolution; as solution) {
                              <span class="reused"
                                >{{ t('adoptionReuse.shown') }}
                                <a [routerLink]="['/loesungen', solution.id]">{{ solution.title }}</a></span
                              >
                            }
                          </td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              }
            </section>

            <section aria-labelledby="owned-heading">
              <h2 id="owned-heading">{{ t('cityProfile.owned.title') }}</h2>
              <p class="hint">
                <a routerLink="/projekte" [queryParams]="{ kommune: c.id }">{{
                  t('cityProfile.owned.allInvolved', { city: c.name })
                }}</a>
              </p>
              @if (c.ownedProjects.length === 0) {
                <p>{{ t('cityProfile.owned.empty') }}</p>
              } @else {
                <div class="table-wrap koop-table-wrap">
                  <table class="koop-table">
                    <caption>
                      {{
                        t('cityProfile.owned.caption', { city: c.name, count: c.ownedProjects.length })
                      }}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{{ t('common.project') }}</th>
                        <th scope="col">{{ t('common.workingGroup') }}</th>
                        <th scope="col">{{ t('common.phase') }}</th>
                        <th scope="col">{{ t('common.health') }}</th>
                        <th scope="col">{{ t('common.progress') }}</th>
                      </tr>
                    </thead>
                    <tbody>
                      @for (p of c.ownedProjects; track p.id) {
                        <tr>
                          <th scope="row">
                            <a [routerLink]="['/projekte', p.id]">{{ p.title }}</a>
                            <span class="meta">{{ t('enum.kind.' + p.kind) }}</span>
                          </th>
                          <td>
                            <a [routerLink]="['/arbeitskreise', p.workingGroup.id]">{{
                              p.workingGroup.name
                            }}</a>
                          </td>
                          <td>{{ t('enum.phase.' + p.phase) }}</td>
                          <td>
                            <koop-status-badge
                              [tone]="healthTones[p.health]"
                              [label]="t('enum.health.' + p.health)"
                            />
                          </td>
                          <td class="date">{{ format.percent(p.progress / 100, 0) }}</td>
                        </tr>
                      }
                    </tbody>
                  </table>
                </div>
              }
            </section>

            <koop-city-reuse [cityId]="c.id" />

            <section aria-labelledby="satisfaction-heading">
              <h2 id="satisfaction-heading">{{ t('cityProfile.satisfaction.title') }}</h2>
              <p class="hint">{{ t('cityProfile.satisfaction.scope') }}</p>
              <koop-period-note [period]="twoYears()" [today]="today" />
              @if (auth.mayEditCity(c.id)) {
                <p>
                  <a [routerLink]="['/erfassung/zufriedenheit', c.id]">{{
                    t('dataEntryLinks.enterSatisfactionFor', { city: c.name })
                  }}</a>
                </p>
              }
              <koop-city-satisfaction [cityId]="c.id" [span]="twoYears()" />
            </section>

            <section aria-labelledby="peers-heading">
              <h2 id="peers-heading">
                {{
                  t('cityProfile.peers.title', {
                    band: c.sizeBand,
                    bandText: t('enum.sizeBand.' + c.sizeBand),
                  })
                }}
              </h2>
              <p class="hint">
                {{ t(format.plural('cityProfile.peers.intro', c.peers.length), { count: c.peers.length }) }}
              </p>
              <koop-period-note [period]="year()" [today]="today" />
              <koop-load-state [resource]="peerFigures">
                <koop-city-peers
                  [rows]="comparison()"
                  [from]="format.month(year().from)"
                  [to]="format.month(year().to)"
                />
              </koop-load-state>
            </section>
            <koop-overdue-action-items [filter]="{ ownerCityId: c.id }" />
            <koop-history entity="City" [entityId]="c.id" />
          }
        </koop-load-state>
      }
    </ng-container>
  `,
  styleUrl: './city-profile.page.css',
})
export class CityProfilePage {
  /** The city's id, from the path. */
  readonly id = input.required<string>();

  protected readonly format = inject(FormatService);
  protected readonly auth = inject(AuthService);
  protected readonly healthTones = HEALTH_TONES;
  protected readonly stageTones = STAGE_TONES;
  protected readonly stageSymbols = STAGE_SYMBOLS;

  /** The peers are compared over the last year; the city's own course is shown over two. */
  protected readonly today = localToday();
  protected readonly year = computed(() => lastCompleteMonths(RECENT_MONTHS, this.today));
  protected readonly twoYears = computed(() => lastCompleteMonths(2 * RECENT_MONTHS, this.today));

  protected readonly profile = queryResource(CityProfilePageDocument, () => ({ id: this.id() }));
  protected readonly city = computed(() =>
    this.profile.hasValue() ? this.profile.value()?.city : undefined,
  );
  protected readonly notFound = computed(() => isNotFound(this.profile.error()));

  protected readonly peerFigures = queryResource(CityProfilePeerFiguresDocument, () => {
    const city = this.city();
    if (!city) return undefined;
    return {
      cityIds: [city.id, ...city.peers.map((peer) => peer.id)],
      from: this.year().from,
      to: this.year().to,
    };
  });
  protected readonly comparison = computed(() => {
    const city = this.city();
    if (!city || !this.peerFigures.hasValue()) return [];
    return comparisonRows(city, city.peers, this.peerFigures.value()?.satisfactionByCity ?? []);
  });
  protected readonly own = computed(() => this.comparison().find((row) => row.self));

  protected readonly adoptions = computed(() =>
    [...(this.city()?.adoptions ?? [])].sort(
      (a, b) =>
        STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage) ||
        a.project.title.localeCompare(b.project.title, 'de'),
    ),
  );

  constructor() {
    pageTitle(() => this.city()?.name);
  }

  /** The API names the kind of a city in German; other languages translate it. */
  protected kindName(t: (key: string) => string, kind: string): string {
    const key = `cityProfile.cityKind.${kind}`;
    const name = t(key);
    return name === key ? kind : name;
  }
}
