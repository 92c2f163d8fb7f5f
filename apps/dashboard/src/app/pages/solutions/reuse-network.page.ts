import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { downloadCsv, toCsv } from '@koop/ui';
import { map } from 'rxjs';
import { CooperationService } from '../../core/cooperation.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import { ReuseNetworkPageDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { COLUMNS, layoutNetwork } from './reuse-network';

/** Who reused whose solutions in a cooperation: a drawing, and the same as tables. */
@Component({
  selector: 'koop-reuse-network-page',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p>
        <a routerLink="/loesungen">← {{ t('reuse.detail.back') }}</a>
      </p>
      <h1>{{ t('reuse.network.title') }}</h1>
      <p class="lead">{{ t('reuse.network.lead') }}</p>
      <form class="selection" (submit)="$event.preventDefault()">
        <div class="koop-field">
          <label for="network-cooperation">{{ t('reuse.network.cooperation') }}</label>
          <select id="network-cooperation" class="koop-input" (change)="choose($any($event.target).value)">
            @for (c of cooperations.cooperations(); track c.id) {
              <option [value]="c.id" [selected]="c.id === cooperationId()">{{ c.name }}</option>
            }
          </select>
        </div>
      </form>

      <koop-load-state
        [resource]="network"
        [empty]="edges().length === 0"
        [emptyText]="t('reuse.network.empty')"
      >
        @if (layout(); as l) {
          <figure class="koop-card chart">
            <svg
              role="img"
              [attr.viewBox]="'0 0 ' + l.width + ' ' + l.height"
              [attr.aria-label]="t('reuse.network.chartLabel', { edges: l.lines.length, nodes: nodeCount() })"
              data-testid="reuse-network-chart"
            >
              <text [attr.x]="columns.giverX" y="18" text-anchor="end" class="heading">
                {{ t('reuse.network.givers') }}
              </text>
              <text [attr.x]="columns.takerX" y="18" class="heading">{{ t('reuse.network.takers') }}</text>
              @for (line of l.lines; track line.key) {
                <line
                  [attr.x1]="columns.giverX + 8"
                  [attr.y1]="line.y1"
                  [attr.x2]="columns.takerX - 8"
                  [attr.y2]="line.y2"
                  [attr.stroke-width]="line.width"
                  [attr.data-edge]="line.from + ' → ' + line.to"
                >
                  <title>
                    {{ t('reuse.network.summary', { from: line.from, to: line.to, count: line.count }) }}
                  </title>
                </line>
              }
              @for (city of l.givers; track city.id) {
                <circle [attr.cx]="columns.giverX" [attr.cy]="city.y" r="6" [class.partner]="!city.member" />
                <text [attr.x]="columns.giverX - 12" [attr.y]="city.y + 5" text-anchor="end">
                  {{ city.name }} ({{ city.count }})
                </text>
              }
              @for (city of l.takers; track city.id) {
                <circle
                  [attr.cx]="columns.takerX"
                  [attr.cy]="city.y"
                  r="6"
                  class="taker"
                  [class.partner]="!city.member"
                />
                <text [attr.x]="columns.takerX + 12" [attr.y]="city.y + 5">
                  {{ city.name }} ({{ city.count }})
                </text>
              }
            </svg>
            <figcaption class="legend">
              <span aria-hidden="true" class="dot member"></span> {{ t('reuse.network.member') }}
              <span aria-hidden="true" class="dot partner"></span> {{ t('reuse.network.partner') }}
            </figcaption>
          </figure>
        }

        <div class="koop-table-wrap">
          <table class="koop-table" data-testid="reuse-network-edges">
            <caption>
              {{
                t('reuse.network.edgesCaption', { count: edges().length })
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('reuse.network.from') }}</th>
                <th scope="col">{{ t('reuse.network.to') }}</th>
                <th scope="col" class="number">{{ t('reuse.network.count') }}</th>
                <th scope="col">{{ t('reuse.network.solutions') }}</th>
                <th scope="col" class="number">{{ t('reuse.network.averageExperience') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (e of edges(); track e.key) {
                <tr>
                  <th scope="row">{{ e.from }}</th>
                  <td>{{ e.to }}</td>
                  <td class="number">{{ e.count }}</td>
                  <td>
                    @for (s of e.solutions; track s.id; let last = $last) {
                      <a [routerLink]="['/loesungen', s.id]">{{ s.title }}</a>{{ last ? '' : ', ' }}
                    }
                  </td>
                  <td class="number">{{ format.number(e.averageExperience, 1) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <p>
          <button type="button" class="koop-button" (click)="download()">
            {{ t('reuse.network.downloadCsv') }}
          </button>
        </p>

        <div class="koop-table-wrap">
          <table class="koop-table">
            <caption>
              {{
                t('reuse.network.citiesCaption')
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ t('reuse.network.city') }}</th>
                <th scope="col" class="number">{{ t('reuse.network.gave') }}</th>
                <th scope="col" class="number">{{ t('reuse.network.took') }}</th>
                <th scope="col">{{ t('reuse.network.member') }}</th>
              </tr>
            </thead>
            <tbody>
              @for (n of nodes(); track n.city.id) {
                <tr>
                  <th scope="row">
                    <a [routerLink]="['/kommunen', n.city.id]">{{ n.city.name }}</a>
                  </th>
                  <td class="number">{{ n.gave }}</td>
                  <td class="number">{{ n.took }}</td>
                  <td>{{ n.member ? t('reuse.network.member') : t('reuse.network.partner') }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    .chart {
      overflow-x: auto;
    }
    svg {
      width: 100%;
      min-width: 36rem;
      height: auto;
      font-size: 13px;
    }
    svg line {
      stroke: #0b4f8a;
      stroke-opacity: 0.55;
    }
    svg circle {
      fill: #0b4f8a;
    }
    svg circle.taker {
      fill: #1b6e3a;
    }
    svg circle.partner {
      fill: #fff;
      stroke: #3d4a59;
      stroke-width: 2;
    }
    svg text {
      fill: #1d2733;
    }
    svg .heading {
      font-weight: 700;
    }
    .number {
      text-align: right;
    }
    .legend {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      color: #3d4a59;
      font-size: 0.9rem;
    }
    .dot {
      display: inline-block;
      width: 0.8rem;
      height: 0.8rem;
      border-radius: 50%;
      background: #0b4f8a;
    }
    .dot.partner {
      background: #fff;
      border: 2px solid #3d4a59;
      margin-left: 1rem;
    }
  `,
})
export class ReuseNetworkPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly translate = injectTranslate();
  protected readonly cooperations = inject(CooperationService);
  protected readonly format = inject(FormatService);
  protected readonly columns = COLUMNS;

  private readonly requested = toSignal(
    this.route.queryParamMap.pipe(map((params) => params.get('kooperation'))),
  );
  protected readonly cooperationId = computed(() => this.cooperations.pick(this.requested()));

  protected readonly network = queryResource(ReuseNetworkPageDocument, () => {
    const cooperationId = this.cooperationId();
    return cooperationId ? { cooperationId } : undefined;
  });
  private readonly data = computed(() => loaded(this.network)?.reuseNetwork ?? null);
  protected readonly layout = computed(() => {
    const data = this.data();
    return data && data.edges.length > 0 ? layoutNetwork(data) : null;
  });
  protected readonly nodes = computed(() => this.data()?.nodes ?? []);
  protected readonly nodeCount = computed(() => this.nodes().length);
  protected readonly edges = computed(() => {
    const data = this.data();
    if (!data) return [];
    const names = new Map(data.nodes.map((n) => [n.city.id, n.city.name]));
    const collator = new Intl.Collator('de');
    const rows = data.edges.map((e) => ({
      key: `${e.fromCityId}>${e.toCityId}`,
      from: names.get(e.fromCityId) ?? '',
      to: names.get(e.toCityId) ?? '',
      count: e.count,
      averageExperience: e.averageExperience,
      solutions: e.solutions,
    }));
    // By developing city, then reusing city, as a reader looks them up.
    return rows.sort((a, b) => collator.compare(a.from, b.from) || collator.compare(a.to, b.to));
  });

  constructor() {
    pageTitle(() => this.translate('reuse.network.title'));
  }

  protected choose(cooperationId: string): void {
    void this.router.navigate([], {
      queryParams: { kooperation: cooperationId },
      queryParamsHandling: 'merge',
    });
  }

  protected download(): void {
    const header = [
      this.translate('reuse.network.from'),
      this.translate('reuse.network.to'),
      this.translate('reuse.network.count'),
      this.translate('reuse.network.solutions'),
      this.translate('reuse.network.averageExperience'),
    ];
    const rows = this.edges().map((e) => [
      e.from,
      e.to,
      e.count,
      e.solutions.map((s) => s.title).join('; '),
      e.averageExperience,
    ]);
    downloadCsv(`nachnutzungsnetzwerk-${this.cooperationId() ?? ''}`, toCsv(header, rows));
  }
}
