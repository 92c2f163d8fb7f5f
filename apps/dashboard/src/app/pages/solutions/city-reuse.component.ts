import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { CityReuseDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';

/** A city's part in the reuse catalogue: the solutions it gave (and who took them), those it took. */
@Component({
  selector: 'koop-city-reuse',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; scope: 'reuse'">
      <section aria-labelledby="city-reuse-heading" data-testid="city-reuse">
        <h2 id="city-reuse-heading">{{ t('reuse.city.title') }}</h2>
        <koop-load-state [resource]="resource">
          @if (city(); as c) {
            <h3>{{ t('reuse.city.gave') }}</h3>
            @if (c.solutionsDeveloped.length === 0) {
              <p>{{ t('reuse.city.gaveEmpty', { city: c.name }) }}</p>
            } @else {
              <div class="koop-table-wrap">
                <table class="koop-table" data-testid="city-gave">
                  <caption>
                    {{
                      t('reuse.city.gaveCaption', { count: c.solutionsDeveloped.length, city: c.name })
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('reuse.city.solution') }}</th>
                      <th scope="col">{{ t('reuse.city.reusedBy') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (s of c.solutionsDeveloped; track s.id) {
                      <tr>
                        <th scope="row">
                          <a [routerLink]="['/loesungen', s.id]">{{ s.title }}</a>
                        </th>
                        <td>
                          @for (r of s.reuses; track r.id; let last = $last) {
                            <a [routerLink]="['/kommunen', r.city.id]">{{ r.city.name }}</a>
                            @if (r.experience !== null) {
                              ({{ t('reuse.detail.experienceValue', { value: r.experience }) }})
                            }
                            {{ last ? '' : ', ' }}
                          } @empty {
                            {{ t('reuse.city.nobody') }}
                          }
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
            <h3>{{ t('reuse.city.took') }}</h3>
            @if (c.reuses.length === 0) {
              <p>{{ t('reuse.city.tookEmpty', { city: c.name }) }}</p>
            } @else {
              <div class="koop-table-wrap">
                <table class="koop-table" data-testid="city-took">
                  <caption>
                    {{
                      t('reuse.city.tookCaption', { count: c.reuses.length, city: c.name })
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('reuse.city.solution') }}</th>
                      <th scope="col">{{ t('reuse.city.from') }}</th>
                      <th scope="col">{{ t('reuse.city.since') }}</th>
                      <th scope="col">{{ t('reuse.city.experience') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (r of c.reuses; track r.id) {
                      <tr>
                        <th scope="row">
                          <a [routerLink]="['/loesungen', r.solution.id]">{{ r.solution.title }}</a>
                        </th>
                        <td>{{ names(r.solution.developedBy) }}</td>
                        <td>{{ format.date(r.since) }}</td>
                        <td>
                          {{
                            r.experience !== null
                              ? t('reuse.detail.experienceValue', { value: r.experience })
                              : t('reuse.detail.none')
                          }}
                        </td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
          }
        </koop-load-state>
      </section>
    </ng-container>
  `,
})
export class CityReuseComponent {
  protected readonly format = inject(FormatService);
  readonly cityId = input.required<string>();

  protected readonly resource = queryResource(CityReuseDocument, () => ({ id: this.cityId() }));
  protected readonly city = computed(() => loaded(this.resource)?.city ?? null);

  protected names(cities: readonly { name: string }[]): string {
    return cities.map((c) => c.name).join(', ');
  }
}
