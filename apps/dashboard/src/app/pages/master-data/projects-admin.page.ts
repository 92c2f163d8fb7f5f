import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import {
  LEIKA_PATTERN,
  PROGRESS_MAX,
  PROGRESS_MIN,
  ProjectHealth,
  ProjectKind,
  ProjectPhase,
  todayIso,
  WorkingGroupFocus,
} from '@koop/domain';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { FormatService } from '../../core/format.service';
import { requestProblem } from '../../core/graphql-errors';
import { loaded, queryResource } from '../../core/graphql-resource';
import { LanguageService } from '../../core/language.service';
import {
  MasterAddMilestoneDocument,
  MasterCreateProjectDocument,
  MasterCreateWorkingGroupDocument,
  MasterProjectDetailDocument,
  MasterProjectsPageDocument,
  MasterUpdateMilestoneDocument,
  MasterUpdateProjectDocument,
  MasterUpdateWorkingGroupDocument,
  type MasterMilestoneFragment,
  type ProjectHealth as ApiHealth,
  type ProjectKind as ApiKind,
  type ProjectPhase as ApiPhase,
  type WorkingGroupFocus as ApiFocus,
} from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { EditPanelComponent, type SendValues } from '../data-entry/edit-panel.component';
import {
  localizedProblem,
  missingFields,
  parseNumber,
  textOrNull,
  type FormProblems,
} from '../data-entry/field-problems';
import type { FieldSpec, FormValues } from '../data-entry/record-form.component';

type Translate = (key: string, params?: Record<string, unknown>) => string;

type Editor =
  | { readonly kind: 'newGroup' }
  | { readonly kind: 'group'; readonly id: string }
  | { readonly kind: 'newProject' }
  | { readonly kind: 'project'; readonly id: string }
  | { readonly kind: 'newMilestone' }
  | { readonly kind: 'milestone'; readonly id: string };

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/**
 * Working groups, their projects (every field: target date, risks, LeiKa key, OZG topic, EfA) and the
 * projects' milestones (add, change, mark reached). Admins keep all of them and create working groups; a
 * working group's leads keep its projects and milestones.
 */
@Component({
  selector: 'koop-projects-admin-page',
  imports: [TranslocoDirective, RouterLink, LoadStateComponent, EditPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('masterData.projects.title') }}</h1>
      <p class="koop-lead">{{ t('masterData.projects.lead') }}</p>
      <p class="notice" role="status">{{ notice() }}</p>
      @if (failure(); as f) {
        <p class="failure" role="alert" [attr.lang]="f.lang">{{ f.text }}</p>
      }

      <koop-load-state [resource]="page">
        @let e = editor();
        <div class="field">
          <label for="projects-cooperation">{{ t('masterData.projects.cooperation') }}</label>
          <select
            id="projects-cooperation"
            class="koop-input"
            (change)="chooseCooperation($any($event.target).value)"
          >
            @for (c of cooperations(); track c.id) {
              <option [value]="c.id" [selected]="c.id === cooperationId()">{{ c.name }}</option>
            }
          </select>
        </div>

        <section aria-labelledby="groups-heading">
          <h2 id="groups-heading">{{ t('common.workingGroup') }}</h2>
          <div class="koop-table-wrap" role="region" aria-labelledby="groups-caption" tabindex="0">
            <table class="koop-table">
              <caption id="groups-caption">
                {{
                  t('masterData.projects.groupsCaption', { cooperation: cooperation()?.shortName ?? '' })
                }}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('masterData.field.name') }}</th>
                  <th scope="col">{{ t('masterData.field.focus') }}</th>
                  <th scope="col">{{ t('masterData.field.leadCity') }}</th>
                  <th scope="col">{{ t('common.projects') }}</th>
                  <th scope="col">{{ t('masterData.actions') }}</th>
                </tr>
              </thead>
              <tbody>
                @for (g of groups(); track g.id) {
                  <tr [class.chosen]="g.id === groupId()">
                    <th scope="row">{{ g.name }}</th>
                    <td>{{ t('enum.focus.' + g.focus) }}</td>
                    <td>{{ cityName(g.leadCity?.id) }}</td>
                    <td>{{ g.projects.length }}</td>
                    <td class="actions">
                      @if (auth.mayEditWorkingGroup(g.id)) {
                        <button type="button" class="koop-button" (click)="open({ kind: 'group', id: g.id })">
                          {{ t('masterData.change') }} <span class="sr-only">{{ g.name }}</span>
                        </button>
                      }
                      <button
                        type="button"
                        class="koop-button"
                        [attr.aria-pressed]="g.id === groupId()"
                        (click)="chooseGroup(g.id)"
                      >
                        {{ t('masterData.projects.showProjects') }} <span class="sr-only">{{ g.name }}</span>
                      </button>
                    </td>
                  </tr>
                } @empty {
                  <tr>
                    <td colspan="5">{{ t('masterData.projects.noGroups') }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (e?.kind === 'group' || e?.kind === 'newGroup') {
            <koop-edit-panel
              [fields]="groupFields(t)"
              [initial]="groupInitial()"
              [heading]="
                e?.kind === 'newGroup'
                  ? t('masterData.projects.newGroup')
                  : t('masterData.projects.editGroup')
              "
              [submitLabel]="t('masterData.save')"
              [check]="checkGroup"
              [send]="sendGroup(t)"
              [valuesOf]="groupValues"
              (done)="saved($event)"
              (cancelled)="close()"
            />
          } @else if (auth.isAdmin()) {
            <p>
              <button type="button" class="koop-button-primary" (click)="open({ kind: 'newGroup' })">
                {{ t('masterData.projects.newGroup') }}
              </button>
            </p>
          }
        </section>

        @if (group(); as g) {
          <section aria-labelledby="projects-heading">
            <h2 id="projects-heading" tabindex="-1">
              {{ t('masterData.projects.projectsTitle', { group: g.name }) }}
            </h2>
            <div class="koop-table-wrap" role="region" aria-labelledby="projects-caption" tabindex="0">
              <table class="koop-table">
                <caption id="projects-caption">
                  {{
                    t('masterData.projects.projectsCaption', { group: g.name })
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ t('masterData.field.title') }}</th>
                    <th scope="col">{{ t('masterData.field.projectKind') }}</th>
                    <th scope="col">{{ t('masterData.field.phase') }}</th>
                    <th scope="col">{{ t('masterData.field.targetDate') }}</th>
                    <th scope="col">{{ t('masterData.actions') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (p of g.projects; track p.id) {
                    <tr [class.chosen]="p.id === projectId()">
                      <th scope="row">
                        <a [routerLink]="['/projekte', p.id]">{{ p.title }}</a>
                      </th>
                      <td>{{ t('enum.kind.' + p.kind) }}</td>
                      <td>{{ t('enum.phase.' + p.phase) }}</td>
                      <td>{{ p.targetDate ? format.date(p.targetDate) : '–' }}</td>
                      <td class="actions">
                        @if (mayEdit()) {
                          <button
                            type="button"
                            class="koop-button"
                            (click)="open({ kind: 'project', id: p.id })"
                          >
                            {{ t('masterData.change') }} <span class="sr-only">{{ p.title }}</span>
                          </button>
                        }
                        <button
                          type="button"
                          class="koop-button"
                          [attr.aria-pressed]="p.id === projectId()"
                          (click)="chooseProject(p.id)"
                        >
                          {{ t('masterData.projects.showMilestones') }}
                          <span class="sr-only">{{ p.title }}</span>
                        </button>
                      </td>
                    </tr>
                  } @empty {
                    <tr>
                      <td colspan="5">{{ t('masterData.projects.noProjects') }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            @if (e?.kind === 'newProject' || (e?.kind === 'project' && detailProject())) {
              <koop-edit-panel
                [fields]="projectFields(t, e?.kind === 'newProject')"
                [initial]="projectInitial()"
                [heading]="
                  e?.kind === 'newProject'
                    ? t('masterData.projects.newProject')
                    : t('masterData.projects.editProject')
                "
                [submitLabel]="t('masterData.save')"
                [check]="checkProject"
                [send]="sendProject(t)"
                [valuesOf]="projectValues"
                (done)="saved($event)"
                (cancelled)="close()"
              />
            } @else if (mayEdit()) {
              <p>
                <button type="button" class="koop-button-primary" (click)="open({ kind: 'newProject' })">
                  {{ t('masterData.projects.newProject') }}
                </button>
              </p>
            }
          </section>
        }

        @if (project(); as p) {
          <section aria-labelledby="milestones-heading">
            <h2 id="milestones-heading" tabindex="-1">
              {{ t('masterData.projects.milestonesTitle', { project: p.title }) }}
            </h2>
            <div class="koop-table-wrap" role="region" aria-labelledby="milestones-caption" tabindex="0">
              <table class="koop-table">
                <caption id="milestones-caption">
                  {{
                    t('masterData.projects.milestonesCaption', { project: p.title })
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ t('masterData.field.title') }}</th>
                    <th scope="col">{{ t('masterData.field.dueOn') }}</th>
                    <th scope="col">{{ t('masterData.field.doneOn') }}</th>
                    <th scope="col">{{ t('masterData.actions') }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (m of p.milestones; track m.id) {
                    <tr>
                      <th scope="row">{{ m.title }}</th>
                      <td>{{ format.date(m.dueOn) }}</td>
                      <td>{{ m.doneOn ? format.date(m.doneOn) : t('masterData.projects.open') }}</td>
                      <td class="actions">
                        @if (mayEdit()) {
                          <button
                            type="button"
                            class="koop-button"
                            (click)="open({ kind: 'milestone', id: m.id })"
                          >
                            {{ t('masterData.change') }} <span class="sr-only">{{ m.title }}</span>
                          </button>
                          @if (!m.doneOn) {
                            <button type="button" class="koop-button" (click)="markReached(m, t)">
                              {{ t('masterData.projects.reached') }}
                              <span class="sr-only">{{ m.title }}</span>
                            </button>
                          }
                        }
                      </td>
                    </tr>
                  } @empty {
                    <tr>
                      <td colspan="4">{{ t('masterData.projects.noMilestones') }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
            @if (e?.kind === 'milestone' || e?.kind === 'newMilestone') {
              <koop-edit-panel
                [fields]="milestoneFields(t, e?.kind === 'newMilestone')"
                [initial]="milestoneInitial()"
                [heading]="
                  e?.kind === 'newMilestone'
                    ? t('masterData.projects.newMilestone')
                    : t('masterData.projects.editMilestone')
                "
                [submitLabel]="t('masterData.save')"
                [check]="checkMilestone"
                [send]="sendMilestone(t)"
                [valuesOf]="milestoneValues"
                (done)="saved($event)"
                (cancelled)="close()"
              />
            } @else if (mayEdit()) {
              <p>
                <button type="button" class="koop-button-primary" (click)="open({ kind: 'newMilestone' })">
                  {{ t('masterData.projects.newMilestone') }}
                </button>
              </p>
            }
          </section>
        }
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    section {
      margin-bottom: 1.75rem;
    }
    h2 {
      font-size: 1.25rem;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      max-width: 28rem;
      margin-bottom: 1rem;
    }
    label {
      font-weight: 600;
    }
    .notice {
      color: #1b5e20;
      font-weight: 600;
    }
    .notice:empty {
      margin: 0;
    }
    .failure {
      color: #9a0007;
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    tr.chosen th,
    tr.chosen td {
      background: #eef4fb;
    }
  `,
})
export class ProjectsAdminPage {
  private readonly apollo = inject(Apollo);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  protected readonly auth = inject(AuthService);
  protected readonly format = inject(FormatService);

  protected readonly page = queryResource(MasterProjectsPageDocument, () => ({}));
  protected readonly cooperations = computed(() => loaded(this.page)?.cooperations ?? []);
  private readonly cities = computed(() => loaded(this.page)?.cities ?? []);
  private readonly topics = computed(() => loaded(this.page)?.ozgTopics ?? []);
  protected readonly editor = signal<Editor | null>(null);
  protected readonly notice = signal('');
  protected readonly failure = signal<{ text: string; lang: string } | null>(null);

  private readonly chosenCooperation = signal<string | null>(null);
  /** The cooperation shown: the chosen one, else the first with a working group the account leads. */
  protected readonly cooperationId = computed(() => {
    const chosen = this.chosenCooperation();
    if (chosen) return chosen;
    const led = this.cooperations().find((c) =>
      c.workingGroups.some((g) => this.auth.mayEditWorkingGroup(g.id)),
    );
    return led?.id ?? this.cooperations()[0]?.id ?? null;
  });
  protected readonly cooperation = computed(() =>
    this.cooperations().find((c) => c.id === this.cooperationId()),
  );
  protected readonly groups = computed(() => this.cooperation()?.workingGroups ?? []);
  private readonly chosenGroup = signal<string | null>(null);
  protected readonly groupId = computed(() => {
    const chosen = this.chosenGroup();
    if (chosen && this.groups().some((g) => g.id === chosen)) return chosen;
    return this.groups().find((g) => this.auth.mayEditWorkingGroup(g.id))?.id ?? null;
  });
  protected readonly group = computed(() => this.groups().find((g) => g.id === this.groupId()));
  protected readonly mayEdit = computed(() => this.auth.mayEditWorkingGroup(this.groupId()));
  private readonly chosenProject = signal<string | null>(null);
  protected readonly projectId = computed(() => {
    const chosen = this.chosenProject();
    return chosen && this.group()?.projects.some((p) => p.id === chosen) ? chosen : null;
  });
  /** The project whose milestones are shown, or whose form is open, in full. */
  private readonly detailId = computed(() => {
    const e = this.editor();
    return e?.kind === 'project' ? e.id : this.projectId();
  });
  private readonly detail = queryResource(MasterProjectDetailDocument, () => {
    const id = this.detailId();
    return id ? { id } : undefined;
  });
  protected readonly detailProject = computed(() => {
    const project = loaded(this.detail)?.project;
    return project && project.id === this.detailId() ? project : undefined;
  });
  protected readonly project = computed(() =>
    this.projectId() && this.detailProject()?.id === this.projectId() ? this.detailProject() : undefined,
  );

  constructor() {
    pageTitle(toSignal(this.transloco.selectTranslate<string>('projects.title', {}, 'masterData')));
  }

  protected cityName(id: string | undefined): string {
    return (id && this.cities().find((c) => c.id === id)?.name) || '–';
  }

  protected chooseCooperation(id: string): void {
    this.chosenCooperation.set(id);
    this.chosenGroup.set(null);
    this.chosenProject.set(null);
    this.editor.set(null);
  }

  protected chooseGroup(id: string): void {
    this.chosenGroup.set(id);
    this.chosenProject.set(null);
    this.editor.set(null);
    this.focus('#projects-heading');
  }

  protected chooseProject(id: string): void {
    this.chosenProject.set(id);
    this.editor.set(null);
    this.focus('#milestones-heading');
  }

  protected open(editor: Editor): void {
    this.notice.set('');
    this.failure.set(null);
    this.editor.set(editor);
    this.focus('koop-edit-panel input, koop-edit-panel select');
  }

  protected close(): void {
    this.editor.set(null);
  }

  protected saved(notice: string): void {
    this.notice.set(notice);
    this.editor.set(null);
    this.page.reload();
    this.detail.reload();
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }

  private async mutate<T>(options: Parameters<Apollo['mutate']>[0]): Promise<T> {
    const result = await firstValueFrom(this.apollo.mutate(options as never));
    if (!result.data) throw result.error ?? new Error('no data');
    return result.data as T;
  }

  private cityOptions() {
    return this.cities().map((c) => ({ value: c.id, label: c.name }));
  }

  // ---- working groups ----

  protected groupFields(t: Translate): FieldSpec[] {
    const fields: FieldSpec[] = [
      { name: 'name', label: t('masterData.field.name'), kind: 'text', required: true },
      {
        name: 'focus',
        label: t('masterData.field.focus'),
        kind: 'select',
        required: true,
        options: Object.values(WorkingGroupFocus).map((f) => ({ value: f, label: t(`enum.focus.${f}`) })),
      },
      { name: 'description', label: t('masterData.field.description'), kind: 'textarea' },
      {
        name: 'leadCityId',
        label: t('masterData.field.leadCity'),
        kind: 'select',
        options: this.cityOptions(),
      },
      { name: 'leadPerson', label: t('masterData.field.leadPerson'), kind: 'text' },
    ];
    return fields;
  }

  protected readonly groupValues = (row: Record<string, unknown>): FormValues => ({
    name: str(row['name']),
    focus: str(row['focus']),
    description: str(row['description']),
    leadCityId: str(row['leadCityId'] ?? (row['leadCity'] as { id?: string } | null)?.id),
    leadPerson: str(row['leadPerson']),
  });

  protected readonly groupInitial = computed<FormValues>(() => {
    const e = this.editor();
    const row = e?.kind === 'group' ? this.groups().find((g) => g.id === e.id) : undefined;
    return row
      ? this.groupValues(row as unknown as Record<string, unknown>)
      : { name: '', focus: '', description: '', leadCityId: '', leadPerson: '' };
  });

  protected readonly checkGroup = (values: FormValues): FormProblems => ({
    fields: missingFields(values, ['name', 'focus']),
    general: null,
  });

  protected sendGroup(t: Translate): SendValues {
    return async (values, version) => {
      const e = this.editor();
      const fields = {
        name: String(values['name']),
        focus: String(values['focus']) as ApiFocus,
        description: textOrNull(values['description']),
        leadCityId: textOrNull(values['leadCityId']),
        leadPerson: textOrNull(values['leadPerson']),
      };
      if (e?.kind === 'group') {
        const row = this.groups().find((g) => g.id === e.id);
        await this.mutate({
          mutation: MasterUpdateWorkingGroupDocument,
          variables: { input: { id: e.id, version: version ?? row?.version ?? 1, ...fields } },
        });
        return t('masterData.projects.groupSaved', { name: fields.name });
      }
      await this.mutate({
        mutation: MasterCreateWorkingGroupDocument,
        variables: { input: { cooperationId: this.cooperationId(), ...fields } },
      });
      return t('masterData.projects.groupCreated', { name: fields.name });
    };
  }

  // ---- projects ----

  protected projectFields(t: Translate, creating: boolean): FieldSpec[] {
    const language = this.language.language();
    const fields: FieldSpec[] = [
      { name: 'title', label: t('masterData.field.title'), kind: 'text', required: true },
      {
        name: 'kind',
        label: t('masterData.field.projectKind'),
        kind: 'select',
        required: true,
        options: Object.values(ProjectKind).map((k) => ({ value: k, label: t(`enum.kind.${k}`) })),
      },
      { name: 'description', label: t('masterData.field.description'), kind: 'textarea' },
      {
        name: 'ownerCityId',
        label: t('masterData.field.ownerCity'),
        kind: 'select',
        options: this.cityOptions(),
      },
      { name: 'startDate', label: t('masterData.field.startDate'), kind: 'date' },
      { name: 'targetDate', label: t('masterData.field.targetDate'), kind: 'date' },
      {
        name: 'leikaKey',
        label: t('masterData.field.leikaKey'),
        kind: 'text',
        hint: t('masterData.projects.leikaHint'),
      },
      {
        name: 'ozgTopic',
        label: t('masterData.field.ozgTopic'),
        kind: 'select',
        options: this.topics().map((topic) => ({
          value: topic.key,
          label: language === 'de' ? topic.nameDe : topic.nameEn,
        })),
      },
      { name: 'isEfa', label: t('masterData.field.isEfa'), kind: 'checkbox' },
      { name: 'risks', label: t('masterData.field.risks'), kind: 'textarea' },
    ];
    if (creating) {
      fields.push(
        {
          name: 'phase',
          label: t('masterData.field.phase'),
          kind: 'select',
          required: true,
          hint: t('masterData.projects.stateHint'),
          options: Object.values(ProjectPhase).map((p) => ({ value: p, label: t(`enum.phase.${p}`) })),
        },
        {
          name: 'health',
          label: t('masterData.field.health'),
          kind: 'select',
          required: true,
          options: Object.values(ProjectHealth).map((h) => ({ value: h, label: t(`enum.health.${h}`) })),
        },
        { name: 'progress', label: t('masterData.field.progress'), kind: 'count', required: true },
      );
    }
    return fields;
  }

  protected readonly projectValues = (row: Record<string, unknown>): FormValues => ({
    title: str(row['title']),
    kind: str(row['kind']),
    description: str(row['description']),
    ownerCityId: str(row['ownerCityId'] ?? (row['ownerCity'] as { id?: string } | null)?.id),
    startDate: str(row['startDate']),
    targetDate: str(row['targetDate']),
    leikaKey: str(row['leikaKey']),
    ozgTopic: str(row['ozgTopic']),
    isEfa: row['isEfa'] === true,
    risks: str(row['risks']),
  });

  protected readonly projectInitial = computed<FormValues>(() => {
    const e = this.editor();
    const row = e?.kind === 'project' ? this.detailProject() : undefined;
    if (row) return this.projectValues(row as unknown as Record<string, unknown>);
    return {
      title: '',
      kind: ProjectKind.ONLINE_SERVICE,
      description: '',
      ownerCityId: '',
      startDate: '',
      targetDate: '',
      leikaKey: '',
      ozgTopic: '',
      isEfa: false,
      risks: '',
      phase: ProjectPhase.IDEA,
      health: ProjectHealth.GREEN,
      progress: '0',
    };
  });

  protected readonly checkProject = (values: FormValues): FormProblems => {
    const fields = missingFields(values, ['title', 'kind']);
    const leika = String(values['leikaKey'] ?? '').trim();
    if (leika !== '' && !LEIKA_PATTERN.test(leika)) fields['leikaKey'] = 'must be exactly 14 digits';
    const start = String(values['startDate'] ?? '');
    const target = String(values['targetDate'] ?? '');
    if (start && target && target < start) fields['targetDate'] = 'must not be before the start date';
    if ('progress' in values) {
      const progress = parseNumber(String(values['progress']));
      if (
        progress === null ||
        !Number.isInteger(progress) ||
        progress < PROGRESS_MIN ||
        progress > PROGRESS_MAX
      ) {
        fields['progress'] = `must be an integer from ${PROGRESS_MIN} to ${PROGRESS_MAX}`;
      }
    }
    return { fields, general: null };
  };

  protected sendProject(t: Translate): SendValues {
    return async (values, version) => {
      const e = this.editor();
      const fields = {
        title: String(values['title']),
        kind: String(values['kind']) as ApiKind,
        description: textOrNull(values['description']),
        ownerCityId: textOrNull(values['ownerCityId']),
        startDate: textOrNull(values['startDate']),
        targetDate: textOrNull(values['targetDate']),
        leikaKey: textOrNull(values['leikaKey']),
        ozgTopic: textOrNull(values['ozgTopic']),
        isEfa: values['isEfa'] === true,
        risks: textOrNull(values['risks']),
      };
      if (e?.kind === 'project') {
        const row = this.detailProject();
        await this.mutate({
          mutation: MasterUpdateProjectDocument,
          variables: { input: { id: e.id, version: version ?? row?.version ?? 1, ...fields } },
        });
        return t('masterData.projects.projectSaved', { title: fields.title });
      }
      const { createProject } = await this.mutate<{ createProject: { id: string } }>({
        mutation: MasterCreateProjectDocument,
        variables: {
          input: {
            workingGroupId: this.groupId(),
            ...fields,
            phase: String(values['phase']) as ApiPhase,
            health: String(values['health']) as ApiHealth,
            progress: parseNumber(String(values['progress'])) ?? 0,
          },
        },
      });
      this.chosenProject.set(createProject.id);
      return t('masterData.projects.projectCreated', { title: fields.title });
    };
  }

  // ---- milestones ----

  protected milestoneFields(t: Translate, creating: boolean): FieldSpec[] {
    const fields: FieldSpec[] = [
      { name: 'title', label: t('masterData.field.title'), kind: 'text', required: true },
      { name: 'dueOn', label: t('masterData.field.dueOn'), kind: 'date', required: true },
    ];
    if (!creating) {
      fields.push({
        name: 'doneOn',
        label: t('masterData.field.doneOn'),
        kind: 'date',
        hint: t('masterData.projects.doneHint'),
      });
    }
    return fields;
  }

  protected readonly milestoneValues = (row: Record<string, unknown>): FormValues => ({
    title: str(row['title']),
    dueOn: str(row['dueOn']),
    doneOn: str(row['doneOn']),
  });

  protected readonly milestoneInitial = computed<FormValues>(() => {
    const e = this.editor();
    const row = e?.kind === 'milestone' ? this.project()?.milestones.find((m) => m.id === e.id) : undefined;
    return row ? this.milestoneValues(row as unknown as Record<string, unknown>) : { title: '', dueOn: '' };
  });

  protected readonly checkMilestone = (values: FormValues): FormProblems => ({
    fields: missingFields(values, ['title', 'dueOn']),
    general: null,
  });

  protected sendMilestone(t: Translate): SendValues {
    return async (values, version) => {
      const e = this.editor();
      const title = String(values['title']);
      if (e?.kind === 'milestone') {
        const row = this.project()?.milestones.find((m) => m.id === e.id);
        await this.mutate({
          mutation: MasterUpdateMilestoneDocument,
          variables: {
            input: {
              id: e.id,
              version: version ?? row?.version ?? 1,
              title,
              dueOn: String(values['dueOn']),
              doneOn: textOrNull(values['doneOn']),
            },
          },
        });
        return t('masterData.projects.milestoneSaved', { title });
      }
      await this.mutate({
        mutation: MasterAddMilestoneDocument,
        variables: { input: { projectId: this.projectId(), title, dueOn: String(values['dueOn']) } },
      });
      return t('masterData.projects.milestoneAdded', { title });
    };
  }

  /** Marks a milestone reached today; a conflict or refusal is said and the list reloaded. */
  protected async markReached(m: MasterMilestoneFragment, t: Translate): Promise<void> {
    this.notice.set('');
    this.failure.set(null);
    try {
      await this.mutate({
        mutation: MasterUpdateMilestoneDocument,
        variables: { input: { id: m.id, version: m.version, doneOn: todayIso() } },
      });
      this.notice.set(t('masterData.projects.milestoneReached', { title: m.title }));
    } catch (error) {
      const problem = requestProblem(error);
      this.failure.set(
        problem.code === 'NETWORK'
          ? { text: this.transloco.translate('state.networkError'), lang: this.language.language() }
          : localizedProblem(problem.message, this.language.language()),
      );
    }
    this.page.reload();
    this.detail.reload();
  }
}
