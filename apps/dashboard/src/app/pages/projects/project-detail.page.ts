import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  Injector,
  input,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { isNotFound } from '../../core/graphql-errors';
import { queryResource } from '../../core/graphql-resource';
import { followCooperation, throttled } from '../../core/live.service';
import { LanguageService } from '../../core/language.service';
import { ProjectDetailPageDocument, type ProjectStatusUpdateFragment } from '../../graphql/generated/graphql';
import { HEALTH_TONES } from '../../shared/labels';
import { LoadStateComponent } from '../../shared/load-state.component';
import { OverdueActionItemsComponent } from '../../shared/overdue-action-items.component';
import { NotFoundComponent } from '../../shared/not-found.component';
import { pageTitle } from '../../shared/page-title';
import { ProjectAdoptionsComponent } from './project-adoptions.component';
import { ProjectMilestonesComponent } from './project-milestones.component';
import { ProjectSatisfactionComponent } from './project-satisfaction.component';
import { StatusTimelineComponent } from './status-timeline.component';
import { StatusUpdateFormComponent } from './status-update-form.component';
import { AuthService } from '../../core/auth.service';
import { HistoryComponent } from '../../shared/history/history.component';
import { LinkedKnowledgeComponent } from '../../shared/linked-knowledge.component';
import { ProjectSolutionsComponent } from '../solutions/project-solutions.component';

/** One project: its facts, its history, its milestones, who uses it and how satisfied they are. */
@Component({
  selector: 'koop-project-detail-page',
  imports: [
    RouterLink,
    TranslocoDirective,
    StatusBadgeComponent,
    LoadStateComponent,
    StatusTimelineComponent,
    StatusUpdateFormComponent,
    ProjectMilestonesComponent,
    ProjectAdoptionsComponent,
    ProjectSatisfactionComponent,
    HistoryComponent,
    NotFoundComponent,
    ProjectSolutionsComponent,
    LinkedKnowledgeComponent,

    OverdueActionItemsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      @if (notFound()) {
        <koop-not-found kind="project" />
      } @else {
        <nav class="crumbs" [attr.aria-label]="t('projects.detail.breadcrumb')">
          <ol>
            <li>
              <a routerLink="/projekte">{{ t('projects.list.title') }}</a>
            </li>
            <li aria-current="page">{{ project()?.title ?? t('projects.detail.project') }}</li>
          </ol>
        </nav>
        <h1>{{ project()?.title ?? t('projects.detail.project') }}</h1>
        <koop-load-state [resource]="detail">
          @if (project(); as p) {
            <div class="badges">
              <koop-status-badge [tone]="healthTones[p.health]" [label]="t('enum.health.' + p.health)" />
              <span>{{ t('enum.phase.' + p.phase) }}</span>
              <span>{{ t('enum.kind.' + p.kind) }}</span>
              @if (p.isEfa) {
                <span class="efa">{{ t('common.efaFull') }}</span>
              }
            </div>
            @if (p.description) {
              <p class="description">{{ p.description }}</p>
            }

            <section class="facts" aria-labelledby="facts-heading">
              <h2 id="facts-heading" class="sr-only">{{ t('projects.detail.facts') }}</h2>
              <dl class="koop-card koop-facts">
                <div>
                  <dt>{{ t('common.workingGroup') }}</dt>
                  <dd>
                    <a [routerLink]="['/arbeitskreise', p.workingGroup.id]">{{ p.workingGroup.name }}</a>
                    <span class="muted"> ({{ p.workingGroup.cooperation.shortName }})</span>
                  </dd>
                </div>
                <div>
                  <dt>{{ t('common.ownerCity') }}</dt>
                  <dd>
                    @if (p.ownerCity; as city) {
                      <a [routerLink]="['/kommunen', city.id]">{{ city.name }}</a>
                    } @else {
                      {{ t('common.none') }}
                    }
                  </dd>
                </div>
                <div>
                  <dt>{{ t('common.kind') }}</dt>
                  <dd>{{ t('enum.kind.' + p.kind) }}</dd>
                </div>
                <div>
                  <dt>{{ t('common.phase') }}</dt>
                  <dd data-fact="phase">{{ t('enum.phase.' + p.phase) }}</dd>
                </div>
                <div>
                  <dt>{{ t('common.health') }}</dt>
                  <dd data-fact="health">
                    <koop-status-badge
                      [tone]="healthTones[p.health]"
                      [label]="t('enum.health.' + p.health)"
                    />
                  </dd>
                </div>
                <div>
                  <dt>{{ t('common.progress') }}</dt>
                  <dd data-fact="progress">
                    <span class="bar" aria-hidden="true"><span [style.width.%]="p.progress"></span></span>
                    {{ format.percent(p.progress / 100, 0) }}
                  </dd>
                </div>
                <div>
                  <dt>{{ t('projects.detail.startDate') }}</dt>
                  <dd>{{ format.date(p.startDate) }}</dd>
                </div>
                <div>
                  <dt>{{ t('projects.detail.targetDate') }}</dt>
                  <dd>{{ format.date(p.targetDate) }}</dd>
                </div>
                <div>
                  <dt>{{ t('projects.detail.leikaKey') }}</dt>
                  <dd class="code">{{ p.leikaKey ?? t('common.none') }}</dd>
                </div>
                <div>
                  <dt>{{ t('projects.detail.ozgTopic') }}</dt>
                  <dd>{{ topic() ?? t('common.none') }}</dd>
                </div>
                <div>
                  <dt>{{ t('common.efaFull') }}</dt>
                  <dd>{{ p.isEfa ? t('common.yes') : t('common.no') }}</dd>
                </div>
                <div>
                  <dt>{{ t('common.updatedAt') }}</dt>
                  <dd>{{ format.date(p.updatedAt) }}</dd>
                </div>
              </dl>
            </section>

            @if (p.risks) {
              <section class="risks" aria-labelledby="risks-heading">
                <h2 id="risks-heading">{{ t('projects.detail.risks') }}</h2>
                <p>{{ p.risks }}</p>
              </section>
            }

            <div class="status">
              <koop-status-timeline [updates]="p.statusUpdates" />
              @if (auth.mayEditWorkingGroup(p.workingGroup.id)) {
                <koop-status-update-form
                  [projectId]="p.id"
                  [current]="{ phase: p.phase, health: p.health, progress: p.progress }"
                  (saved)="saved($event)"
                />
              } @else {
                <p class="muted" data-testid="no-status-form">{{ t('projects.detail.onlyLeadsPost') }}</p>
              }
            </div>

            <koop-project-milestones [milestones]="p.milestones" />
            <koop-project-adoptions [adoptions]="p.adoptions" [phase]="p.phase" />
            @if (p.kind === 'ONLINE_SERVICE') {
              <koop-project-satisfaction [projectId]="p.id" />
            } @else {
              <section aria-labelledby="satisfaction-heading">
                <h2 id="satisfaction-heading">{{ t('projects.satisfaction.title') }}</h2>
                <p>{{ t('projects.satisfaction.onlyServices') }}</p>
              </section>
            }
            <koop-project-solutions [projectId]="p.id" />
            <koop-linked-knowledge [filter]="{ projectId: p.id }" />
            <koop-overdue-action-items [filter]="{ projectId: p.id }" />
            <koop-history entity="Project" [entityId]="p.id" />
          }
        </koop-load-state>
      }
    </ng-container>
  `,
  styleUrl: './project-detail.page.css',
})
export class ProjectDetailPage {
  /** The project's id, from the path. */
  readonly id = input.required<string>();

  protected readonly format = inject(FormatService);
  /** The form is offered to those the API lets post: admins and the working group's leads. */
  protected readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  protected readonly healthTones = HEALTH_TONES;

  protected readonly detail = queryResource(ProjectDetailPageDocument, () => ({ id: this.id() }));
  protected readonly project = computed(() =>
    this.detail.hasValue() ? this.detail.value()?.project : undefined,
  );
  protected readonly notFound = computed(() => isNotFound(this.detail.error()));
  protected readonly topic = computed(() => {
    const key = this.project()?.ozgTopic;
    if (!key) return null;
    const topic = this.detail.value()?.ozgTopics.find((t) => t.key === key);
    if (!topic) return key;
    return this.language.language() === 'en' ? topic.nameEn : topic.nameDe;
  });

  private readonly timeline = viewChild(StatusTimelineComponent);

  /** Refetched in place: the form below keeps what the user is typing, and the page its scroll position. */
  private readonly refetch = throttled(() => this.detail.refresh(), 1000);

  constructor() {
    pageTitle(() => this.project()?.title);
    // Another project's change does not concern this page; a milestone, adoption or figure may be this one's.
    followCooperation(
      () => this.project()?.workingGroup.cooperation.id,
      (signal) => {
        if (!signal || signal.entity !== 'Project' || signal.id === this.id()) this.refetch();
      },
    );
  }

  /** The new update heads the timeline and sets phase, health and progress, as it does on the server. */
  protected saved(update: ProjectStatusUpdateFragment): void {
    this.detail.value.update((data) =>
      data
        ? {
            ...data,
            project: {
              ...data.project,
              phase: update.phase,
              health: update.health,
              progress: update.progress,
              updatedAt: update.createdAt,
              statusUpdates: [update, ...data.project.statusUpdates],
            },
          }
        : data,
    );
    afterNextRender(() => this.timeline()?.focus(update.id), { injector: this.injector });
  }
}
