import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthService } from '../../core/auth.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { injectTranslate } from '../../core/translate-signal';
import { SolutionCitiesDocument, SolutionPageDocument } from '../../graphql/generated/graphql';
import { LinkedKnowledgeComponent } from '../../shared/linked-knowledge.component';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { ReuseFormComponent } from './reuse-form.component';

/** One solution: its fact sheet, the cities that developed it, those that reuse it and how it went. */
@Component({
  selector: 'koop-solution-detail-page',
  imports: [RouterLink, TranslocoDirective, LoadStateComponent, ReuseFormComponent, LinkedKnowledgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <p>
        <a routerLink="/loesungen">← {{ t('reuse.detail.back') }}</a>
      </p>
      <h1>{{ solution()?.title ?? t('reuse.detail.title') }}</h1>
      <koop-load-state [resource]="page">
        @if (solution(); as s) {
          <p class="lead">{{ t('reuse.kind.' + s.kind) }} · {{ t('reuse.status.' + s.status) }}</p>
          @if (mayEdit()) {
            <p>
              <a class="koop-button" [routerLink]="['/loesungen', s.id, 'bearbeiten']">{{
                t('reuse.detail.edit')
              }}</a>
            </p>
          }
          <section aria-labelledby="solution-facts">
            <h2 id="solution-facts">{{ t('reuse.detail.facts') }}</h2>
            <dl class="koop-card koop-facts facts">
              <div class="wide">
                <dt>{{ t('reuse.detail.summary') }}</dt>
                <dd class="text">{{ s.summary }}</dd>
              </div>
              <div>
                <dt>{{ t('reuse.detail.developedBy') }}</dt>
                <dd data-testid="developed-by">
                  @for (c of s.developedBy; track c.id; let last = $last) {
                    <a [routerLink]="['/kommunen', c.id]">{{ c.name }}</a>{{ last ? '' : ', ' }}
                  }
                </dd>
              </div>
              <div>
                <dt>{{ t('reuse.detail.licence') }}</dt>
                <dd>
                  @if (s.licence === 'proprietary') {
                    {{ t('reuse.detail.proprietary') }}
                  } @else if (s.licence) {
                    <a
                      class="code"
                      [href]="'https://spdx.org/licenses/' + s.licence + '.html'"
                      rel="noopener noreferrer"
                      >{{ s.licence }}</a
                    >
                  } @else {
                    {{ t('reuse.detail.none') }}
                  }
                </dd>
              </div>
              <div>
                <dt>{{ t('reuse.detail.url') }}</dt>
                <dd>
                  @if (s.url) {
                    <a [href]="s.url" rel="noopener noreferrer">{{ s.url }}</a>
                  } @else {
                    {{ t('reuse.detail.none') }}
                  }
                </dd>
              </div>
              <div>
                <dt>{{ t('reuse.detail.contact') }}</dt>
                <dd>{{ s.contact ?? t('reuse.detail.none') }}</dd>
              </div>
              <div>
                <dt>{{ t('reuse.detail.project') }}</dt>
                <dd>
                  @if (s.project; as p) {
                    <a [routerLink]="['/projekte', p.id]">{{ p.title }}</a>
                    <span class="muted"> ({{ p.workingGroup.name }})</span>
                  } @else {
                    {{ t('reuse.detail.none') }}
                  }
                </dd>
              </div>
              <div>
                <dt>{{ t('reuse.detail.updatedAt') }}</dt>
                <dd>{{ format.date(s.updatedAt) }}</dd>
              </div>
              <div class="wide">
                <dt>{{ t('reuse.detail.integrationNotes') }}</dt>
                <dd class="text">{{ s.integrationNotes ?? t('reuse.detail.none') }}</dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="solution-reuses">
            <h2 id="solution-reuses">{{ t('reuse.detail.reuses') }}</h2>
            @if (s.reuses.length === 0) {
              <p>{{ t('reuse.detail.noReuses') }}</p>
            } @else {
              <div class="koop-table-wrap">
                <table class="koop-table" data-testid="solution-reuses">
                  <caption>
                    {{
                      t('reuse.detail.reusesCaption', { count: s.reuses.length, title: s.title })
                    }}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{{ t('reuse.detail.city') }}</th>
                      <th scope="col">{{ t('reuse.detail.since') }}</th>
                      <th scope="col">{{ t('reuse.detail.experience') }}</th>
                      <th scope="col">{{ t('reuse.detail.notes') }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (r of s.reuses; track r.id) {
                      <tr>
                        <th scope="row">
                          <a [routerLink]="['/kommunen', r.city.id]">{{ r.city.name }}</a>
                        </th>
                        <td>{{ format.date(r.since) }}</td>
                        <td>
                          @if (r.experience !== null) {
                            <span aria-hidden="true" class="stars">{{ stars(r.experience) }}</span>
                            {{ t('reuse.detail.experienceValue', { value: r.experience }) }}
                          } @else {
                            {{ t('reuse.detail.none') }}
                          }
                        </td>
                        <td class="text">{{ r.notes ?? t('reuse.detail.none') }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              </div>
            }
          </section>

          <koop-linked-knowledge [filter]="{ solutionId: s.id }" />

          @if (reusingCities().length > 0) {
            <koop-reuse-form [solution]="s" [cities]="reusingCities()" (saved)="page.reload()" />
          }
        }
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
      gap: 0.75rem 1.5rem;
    }
    .facts .wide {
      grid-column: 1 / -1;
    }
    .facts dd {
      overflow-wrap: anywhere;
    }
    .text {
      white-space: pre-line;
    }
    .code {
      font-family: ui-monospace, monospace;
    }
    .muted {
      color: #3d4a59;
    }
    .stars {
      color: #8a5a00;
      letter-spacing: 0.05em;
    }
    section {
      margin-bottom: 1.5rem;
    }
  `,
})
export class SolutionDetailPage {
  private readonly auth = inject(AuthService);
  private readonly translate = injectTranslate();
  protected readonly format = inject(FormatService);

  readonly id = input.required<string>();

  protected readonly page = queryResource(SolutionPageDocument, () => ({ id: this.id() }));
  protected readonly solution = computed(() => loaded(this.page)?.solution ?? null);
  private readonly citiesResource = queryResource(SolutionCitiesDocument, () => ({}));

  /** Admins, the leads of the project's working group, the editors and CDO of a developing city. */
  protected readonly mayEdit = computed(() => {
    const s = this.solution();
    if (!s) return false;
    return (
      this.auth.isAdmin() ||
      s.developedBy.some((c) => this.auth.mayEditCity(c.id)) ||
      (!!s.project && this.auth.mayEditWorkingGroup(s.project.workingGroup.id))
    );
  });

  /** The cities the account may record a reuse for: its own (all, for admins), never a developing one. */
  protected readonly reusingCities = computed(() => {
    const s = this.solution();
    if (!s) return [];
    const developers = new Set(s.developedBy.map((c) => c.id));
    return (loaded(this.citiesResource)?.cities ?? []).filter(
      (c) => !developers.has(c.id) && this.auth.mayEditCity(c.id),
    );
  });

  constructor() {
    pageTitle(() => this.solution()?.title ?? this.translate('reuse.detail.title'));
  }

  protected stars(value: number): string {
    return '★'.repeat(value) + '☆'.repeat(5 - value);
  }
}
