import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import type { ProjectDetailPageQuery } from '../../graphql/generated/graphql';
import { STAGE_SYMBOLS, STAGE_TONES } from '../../shared/labels';

type AdoptionRow = ProjectDetailPageQuery['project']['adoptions'][number];

/** Stages from the furthest to the least far, for the summary. */
const STAGE_ORDER = ['LIVE', 'IN_ROLLOUT', 'PLANNED', 'EVALUATING', 'NOT_PLANNED', 'DISCONTINUED'] as const;

/** Which cities use the project's service, at which stage and maturity. */
@Component({
  selector: 'koop-project-adoptions',
  imports: [RouterLink, TranslocoDirective, StatusBadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <section aria-labelledby="adoptions-heading">
        <h2 id="adoptions-heading">{{ t('projects.adoptions.title') }}</h2>
        @if (adoptions().length === 0) {
          <p>{{ t('projects.adoptions.empty') }}</p>
        } @else {
          <ul class="stages" [attr.aria-label]="t('projects.adoptions.byStage')">
            @for (s of stageCounts(); track s.stage) {
              <li>
                <koop-status-badge
                  [tone]="stageTones[s.stage]"
                  [icon]="stageSymbols[s.stage]"
                  [label]="s.count + ' × ' + t('enum.stage.' + s.stage)"
                />
              </li>
            }
          </ul>
          <div class="table-wrap koop-table-wrap">
            <table class="koop-table">
              <caption>
                {{
                  t(format.plural('projects.adoptions.caption', adoptions().length), {
                    count: adoptions().length,
                  })
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('common.city') }}</th>
                  <th scope="col">{{ t('common.stage') }}</th>
                  <th scope="col">{{ t('common.maturity') }}</th>
                  <th scope="col">{{ t('projects.adoptions.liveSince') }}</th>
                  <th scope="col">{{ t('projects.adoptions.source') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (a of rows(); track a.id) {
                  <tr>
                    <th scope="row">
                      <a [routerLink]="['/kommunen', a.city.id]">{{ a.city.name }}</a>
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
                          >{{ t('adoptionWarning.' + w.code, { phase: t('enum.phase.' + phase()) }) }}</span
                        >
                      }
                    </td>
                    <td>
                      @if (a.maturityLevel !== null) {
                        {{
                          t('projects.adoptions.maturity', { level: a.maturityLevel, model: a.maturityModel })
                        }}
                      } @else {
                        {{ t('common.none') }}
                      }
                    </td>
                    <td class="num">{{ format.date(a.liveSince) }}</td>
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
    </ng-container>
  `,
  styles: `
    .reused {
      display: block;
      margin-top: 0.2rem;
      font-size: 0.85rem;
    }
    .warning {
      display: block;
      margin-top: 0.2rem;
      font-size: 0.85rem;
      color: #7a4100;
      max-width: 22rem;
    }
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.5rem;
    }
    .stages {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      padding: 0;
      margin: 0 0 0.5rem;
    }
    table {
      min-width: 38rem;
    }
    td {
      white-space: nowrap;
    }
    a {
      color: var(--koop-blue);
      font-weight: 600;
    }
    .num {
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ProjectAdoptionsComponent {
  readonly adoptions = input.required<readonly AdoptionRow[]>();
  /** The project's phase, which a warning about a LIVE adoption names. */
  readonly phase = input.required<string>();

  protected readonly format = inject(FormatService);
  protected readonly stageTones = STAGE_TONES;
  protected readonly stageSymbols = STAGE_SYMBOLS;
  /** By city name, as people look a city up. */
  protected readonly rows = computed(() =>
    [...this.adoptions()].sort((a, b) => a.city.name.localeCompare(b.city.name, 'de')),
  );
  protected readonly stageCounts = computed(() =>
    STAGE_ORDER.map((stage) => ({
      stage,
      count: this.adoptions().filter((a) => a.stage === stage).length,
    })).filter((s) => s.count > 0),
  );
}
