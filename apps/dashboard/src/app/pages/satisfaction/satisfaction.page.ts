import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { ChartComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { queryResource } from '../../core/graphql-resource';
import {
  SatisfactionChoicesDocument,
  SatisfactionCityTrendDocument,
  SatisfactionComparisonDocument,
  SatisfactionServiceTrendDocument,
} from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import {
  bandComparison,
  chooseBand,
  periodFrom,
  periodPresets,
  seriesStats,
  SIZE_BANDS,
} from './satisfaction-shape';
import { SatisfactionTrendComponent } from './satisfaction-trend.component';

interface ServiceGroup {
  readonly cooperation: string;
  readonly services: readonly { readonly id: string; readonly title: string }[];
}

/**
 * Satisfaction of the online services: the trend of one service over all cities, the trend of one city
 * over all its services, and the cities of one size band side by side for the service.
 */
@Component({
  selector: 'koop-satisfaction-page',
  imports: [TranslocoDirective, RouterLink, LoadStateComponent, SatisfactionTrendComponent, ChartComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './satisfaction.page.html',
  styleUrl: './satisfaction.page.css',
})
export class SatisfactionPage {
  /** Query parameters, bound by the router. */
  readonly dienst = input<string>();
  readonly kommune = input<string>();
  readonly klasse = input<string>();
  readonly von = input<string>();
  readonly bis = input<string>();

  private readonly router = inject(Router);
  protected readonly format = inject(FormatService);
  protected readonly bands = SIZE_BANDS;

  private readonly today = new Date();
  protected readonly presets = periodPresets(this.today);
  protected readonly period = computed(() => periodFrom(this.von(), this.bis(), this.today));
  protected readonly presetIndex = computed(() =>
    this.presets.findIndex((p) => p.from === this.period().from && p.to === this.period().to),
  );
  protected readonly periodText = computed(() => ({
    from: this.format.month(this.period().from),
    to: this.format.month(this.period().to),
  }));

  protected readonly choices = queryResource(SatisfactionChoicesDocument, () => ({}));
  private readonly services = computed(
    () => this.choices.value()?.projects.edges.map((edge) => edge.node) ?? [],
  );
  protected readonly serviceGroups = computed<ServiceGroup[]>(() => {
    const groups = new Map<string, { id: string; title: string }[]>();
    for (const service of this.services()) {
      const name = service.workingGroup.cooperation.shortName;
      groups.set(name, [...(groups.get(name) ?? []), { id: service.id, title: service.title }]);
    }
    // Cooperations in the order of their names, as everywhere else; services by title within.
    return [...groups]
      .map(([cooperation, services]) => ({ cooperation, services }))
      .sort((a, b) => a.cooperation.localeCompare(b.cooperation, this.format.locale()));
  });
  protected readonly cities = computed(() => this.choices.value()?.cities ?? []);
  protected readonly service = computed(() => {
    const services = this.serviceGroups().flatMap((group) => group.services);
    return services.find((s) => s.id === this.dienst()) ?? (services.length > 0 ? services[0] : null);
  });
  protected readonly city = computed(() => this.cities().find((c) => c.id === this.kommune()) ?? null);

  protected readonly serviceTrend = queryResource(SatisfactionServiceTrendDocument, () => {
    const service = this.service();
    return service ? { projectId: service.id, ...this.period() } : undefined;
  });
  protected readonly cityTrend = queryResource(SatisfactionCityTrendDocument, () => {
    const city = this.city();
    return city ? { cityId: city.id, ...this.period() } : undefined;
  });
  protected readonly byCity = queryResource(SatisfactionComparisonDocument, () => {
    const service = this.service();
    return service ? { projectId: service.id, ...this.period() } : undefined;
  });

  private readonly cityRows = computed(() => this.byCity.value()?.satisfactionByCity ?? []);
  protected readonly band = computed(() => chooseBand(this.klasse(), this.city()?.sizeBand, this.cityRows()));
  protected readonly comparison = computed(() =>
    bandComparison(this.cityRows(), this.band(), this.format.locale()),
  );
  protected readonly comparisonLabels = computed(() => this.comparison().rows.map((row) => row.city.name));
  protected readonly comparisonValues = computed(() =>
    this.comparison().rows.map((row) => row.averageRating),
  );
  protected readonly comparisonStats = computed(() => seriesStats(this.comparisonValues()));

  protected chooseService(id: string): void {
    this.navigate({ dienst: id });
  }

  protected chooseCity(id: string): void {
    // The band follows a newly chosen city.
    this.navigate({ kommune: id || null, klasse: null });
  }

  protected chooseBand(band: string): void {
    this.navigate({ klasse: band });
  }

  protected choosePeriod(index: string): void {
    const preset = this.presets[Number(index)];
    if (preset) this.navigate({ von: preset.from, bis: preset.to });
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
