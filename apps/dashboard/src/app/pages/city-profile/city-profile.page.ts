import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { KpiTileComponent, StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { queryResource } from '../../core/graphql-resource';
import { CityProfilePageDocument, CityProfilePeerFiguresDocument } from '../../graphql/generated/graphql';
import { HEALTH_TONES, STAGE_SYMBOLS, STAGE_TONES } from '../../shared/labels';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { localToday } from '../projects/milestones';
import { lastMonths } from '../projects/months';
import { CityPeersComponent } from './city-peers.component';
import { CitySatisfactionComponent } from './city-satisfaction.component';
import { comparisonRows } from './city-comparison';

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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './city-profile.page.html',
  styleUrl: './city-profile.page.css',
})
export class CityProfilePage {
  /** The city's id, from the path. */
  readonly id = input.required<string>();

  protected readonly format = inject(FormatService);
  protected readonly healthTones = HEALTH_TONES;
  protected readonly stageTones = STAGE_TONES;
  protected readonly stageSymbols = STAGE_SYMBOLS;

  /** The peers are compared over the last year; the city's own course is shown over two. */
  protected readonly year = computed(() => lastMonths(12, localToday()));
  protected readonly twoYears = computed(() => lastMonths(24, localToday()));

  protected readonly profile = queryResource(CityProfilePageDocument, () => ({ id: this.id() }));
  protected readonly city = computed(() =>
    this.profile.hasValue() ? this.profile.value()?.city : undefined,
  );

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
