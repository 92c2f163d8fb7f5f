import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { loaded, queryResource } from '../../core/graphql-resource';
import { ProjectSolutionsDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';

/** The solutions of the catalogue that came out of a project: what others can take over from it. */
@Component({
  selector: 'koop-project-solutions',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; scope: 'reuse'">
      <section aria-labelledby="project-solutions-heading" data-testid="project-solutions">
        <h2 id="project-solutions-heading">{{ t('reuse.project.title') }}</h2>
        <koop-load-state
          [resource]="resource"
          [empty]="solutions().length === 0"
          [emptyText]="t('reuse.project.none')"
        >
          <div class="koop-table-wrap">
            <table class="koop-table">
              <caption>
                {{
                  t('reuse.project.caption', { count: solutions().length })
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('reuse.catalogue.solution') }}</th>
                  <th scope="col">{{ t('reuse.catalogue.kind') }}</th>
                  <th scope="col">{{ t('reuse.catalogue.status') }}</th>
                  <th scope="col">{{ t('reuse.catalogue.developedBy') }}</th>
                  <th scope="col" class="number">{{ t('reuse.catalogue.reuses') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (s of solutions(); track s.id) {
                  <tr>
                    <th scope="row">
                      <a [routerLink]="['/loesungen', s.id]">{{ s.title }}</a>
                    </th>
                    <td>{{ t('reuse.kind.' + s.kind) }}</td>
                    <td>{{ t('reuse.status.' + s.status) }}</td>
                    <td>{{ names(s.developedBy) }}</td>
                    <td class="number">{{ s.reuses.length }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </koop-load-state>
      </section>
    </ng-container>
  `,
  styles: `
    h2 {
      font-size: 1.25rem;
      margin: 0 0 0.5rem;
    }
    a {
      color: var(--koop-blue);
      font-weight: 600;
    }
    .number {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    section {
      margin-bottom: 1.5rem;
    }
  `,
})
export class ProjectSolutionsComponent {
  readonly projectId = input.required<string>();

  protected readonly resource = queryResource(ProjectSolutionsDocument, () => ({ id: this.projectId() }));
  protected readonly solutions = computed(() => loaded(this.resource)?.project.solutions ?? []);

  protected names(cities: readonly { readonly name: string }[]): string {
    return cities.map((city) => city.name).join(', ');
  }
}
