import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../../core/auth.service';
import { CooperationService } from '../../core/cooperation.service';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import {
  CreateMeetingDocument,
  MeetingFormOptionsDocument,
  MeetingListDocument,
  type MeetingKind,
} from '../../graphql/generated/graphql';
import { FieldComponent, FieldProblemDirective } from '../../shared/field/field.component';
import { LoadStateComponent } from '../../shared/load-state.component';
import { OverdueActionItemsComponent } from '../../shared/overdue-action-items.component';
import { ExportLinksComponent } from '../exports/export-links.component';
import { formProblem, type FormProblem } from './meeting-form-problems';
import { berlinDate, berlinInstant, formatMeetingDate } from './meeting-time';
import { STATE_TONES } from './meeting-labels';

const PLAN_FIELDS = [
  'kind',
  'workingGroupId',
  'title',
  'startsAt',
  'durationMinutes',
  'location',
  'hostCityId',
];

/** The meetings of a cooperation (or one of its working groups), upcoming and past, and a form to plan one. */
@Component({
  selector: 'koop-meetings-page',
  imports: [
    FieldComponent,
    FieldProblemDirective,
    RouterLink,
    TranslocoDirective,
    StatusBadgeComponent,
    LoadStateComponent,
    OverdueActionItemsComponent,
    ExportLinksComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1>{{ t('meetings.title') }}</h1>
      <p class="lead">{{ t('meetings.lead') }}</p>
      <koop-load-state [resource]="cooperations.list" [empty]="cooperations.cooperations().length === 0">
        <div class="filters">
          <div class="field koop-field">
            <label for="meetings-cooperation">{{ t('meetings.cooperation') }}</label>
            <select id="meetings-cooperation" class="koop-input" (change)="chooseCooperation($event)">
              @for (cooperation of cooperations.cooperations(); track cooperation.id) {
                <option [value]="cooperation.id" [selected]="cooperation.id === cooperationId()">
                  {{ cooperation.name }}
                </option>
              }
            </select>
          </div>
          <div class="field koop-field">
            <label for="meetings-group">{{ t('meetings.workingGroupFilter') }}</label>
            <select id="meetings-group" class="koop-input" (change)="chooseGroup($event)">
              <option value="" [selected]="!groupId()">{{ t('meetings.allMeetings') }}</option>
              @for (group of groups(); track group.id) {
                <option [value]="group.id" [selected]="group.id === groupId()">{{ group.name }}</option>
              }
            </select>
          </div>
        </div>

        <div [attr.aria-busy]="list.isLoading()">
          <koop-load-state [resource]="list">
            @for (part of parts(); track part.key) {
              <section class="card koop-card" [attr.aria-labelledby]="'meetings-' + part.key">
                <h2 [id]="'meetings-' + part.key">{{ t('meetings.' + part.key) }}</h2>
                @if (part.meetings.length === 0) {
                  <p>{{ t(part.key === 'upcoming' ? 'meetings.noUpcoming' : 'meetings.noPast') }}</p>
                } @else {
                  <div
                    class="table-wrap"
                    tabindex="0"
                    role="region"
                    [attr.aria-labelledby]="'meetings-' + part.key"
                  >
                    <table>
                      <caption class="sr-only">
                        {{
                          t('meetings.listCaption', { what: t('meetings.' + part.key) })
                        }}
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{{ t('meetings.column.date') }}</th>
                          <th scope="col">{{ t('meetings.column.meeting') }}</th>
                          <th scope="col">{{ t('meetings.column.kind') }}</th>
                          <th scope="col">{{ t('meetings.column.state') }}</th>
                          <th scope="col" class="number">{{ t('meetings.column.overdue') }}</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (meeting of part.meetings; track meeting.id) {
                          <tr [attr.data-meeting]="meeting.id">
                            <td>{{ when(meeting.startsAt) }}</td>
                            <th scope="row">
                              <a [routerLink]="['/sitzungen', meeting.id]">{{ meeting.title }}</a>
                              @if (meeting.workingGroup; as group) {
                                <span class="sub">{{ group.name }}</span>
                              }
                            </th>
                            <td>{{ t('meetings.kind.' + meeting.kind) }}</td>
                            <td>
                              <koop-status-badge
                                [tone]="tones[meeting.state]"
                                [label]="t('meetings.state.' + meeting.state)"
                              />
                            </td>
                            <td class="number">
                              @if (meeting.overdueCount > 0) {
                                <koop-status-badge
                                  tone="red"
                                  [label]="meeting.overdueCount + ' ' + t('meetings.overdue')"
                                />
                              } @else {
                                0
                              }
                            </td>
                          </tr>
                        }
                      </tbody>
                    </table>
                  </div>
                }
              </section>
            }
          </koop-load-state>
        </div>

        <koop-overdue-action-items [filter]="overdueFilter()" />
        @if (overdueFilter(); as filter) {
          <koop-export-links
            dataset="action-items"
            [label]="t('exports.overdueActionItems')"
            [params]="{
              cooperationId: filter.cooperationId,
              workingGroupId: filter.workingGroupId,
              overdue: true,
            }"
          />
        }

        @if (mayPlan()) {
          <form class="card koop-card plan" novalidate (submit)="plan($event)" aria-labelledby="plan-heading">
            <h2 id="plan-heading">{{ t('meetings.plan.title') }}</h2>
            <p class="hint">{{ t('meetings.plan.intro') }}</p>
            @if (problem()?.general; as general) {
              <p class="error-box" role="alert">{{ t('meetings.detail.notSaved') }} {{ general }}</p>
            }
            <fieldset class="field">
              <legend>{{ t('meetings.plan.kind') }}</legend>
              @for (kind of kinds; track kind) {
                <label class="radio">
                  <input
                    type="radio"
                    name="plan-kind"
                    [value]="kind"
                    [checked]="kind === planKind()"
                    (change)="planKind.set(kind)"
                  />
                  {{ t('meetings.kind.' + kind) }}
                </label>
              }
            </fieldset>
            @if (planKind() === 'WORKING_GROUP_MEETING') {
              <koop-field
                for="plan-group"
                [label]="t('meetings.plan.workingGroup')"
                [problem]="fieldProblem('workingGroupId')"
              >
                <select
                  id="plan-group"
                  class="koop-input"
                  [koopProblem]="fieldProblem('workingGroupId')"
                  (change)="planGroup.set($any($event.target).value)"
                >
                  <option value="">{{ t('meetings.plan.chooseWorkingGroup') }}</option>
                  @for (group of groups(); track group.id) {
                    <option [value]="group.id" [selected]="group.id === planGroup()">{{ group.name }}</option>
                  }
                </select>
              </koop-field>
            }
            <koop-field for="plan-title" [label]="t('meetings.plan.title')" [problem]="fieldProblem('title')">
              <input
                id="plan-title"
                class="koop-input wide"
                type="text"
                [value]="planTitle()"
                [koopProblem]="fieldProblem('title')"
                (input)="planTitle.set($any($event.target).value)"
              />
            </koop-field>
            <div class="row">
              <div class="field">
                <label for="plan-date">{{ t('meetings.plan.date') }}</label>
                <input
                  id="plan-date"
                  class="koop-input"
                  type="date"
                  [value]="planDate()"
                  (input)="planDate.set($any($event.target).value)"
                />
              </div>
              <div class="field">
                <label for="plan-time">{{ t('meetings.plan.time') }}</label>
                <input
                  id="plan-time"
                  class="koop-input"
                  type="time"
                  [value]="planTime()"
                  (input)="planTime.set($any($event.target).value)"
                />
              </div>
              <koop-field
                for="plan-duration"
                [label]="t('meetings.plan.duration')"
                [problem]="fieldProblem('durationMinutes')"
              >
                <input
                  id="plan-duration"
                  class="koop-input"
                  type="number"
                  min="1"
                  step="15"
                  inputmode="numeric"
                  [value]="planDuration()"
                  [koopProblem]="fieldProblem('durationMinutes')"
                  (input)="planDuration.set($any($event.target).value)"
                />
              </koop-field>
            </div>
            @if (fieldProblem('startsAt'); as message) {
              <p class="error" role="alert">{{ message }}</p>
            }
            <div class="row">
              <div class="field">
                <label for="plan-location">{{ t('meetings.plan.location') }}</label>
                <input
                  id="plan-location"
                  class="koop-input"
                  type="text"
                  [value]="planLocation()"
                  (input)="planLocation.set($any($event.target).value)"
                />
              </div>
              <div class="field">
                <label for="plan-host">{{ t('meetings.plan.hostCity') }}</label>
                <select id="plan-host" class="koop-input" (change)="planHost.set($any($event.target).value)">
                  <option value="">{{ t('meetings.plan.noHost') }}</option>
                  @for (city of memberCities(); track city.id) {
                    <option [value]="city.id">{{ city.name }}</option>
                  }
                </select>
              </div>
            </div>
            <button type="submit" class="koop-button-primary" [attr.aria-disabled]="sending()">
              {{ sending() ? t('meetings.plan.sending') : t('meetings.plan.submit') }}
            </button>
          </form>
        }
      </koop-load-state>
    </ng-container>
  `,
  styleUrl: './meetings.page.css',
})
export class MeetingsPage {
  protected readonly cooperations = inject(CooperationService);
  private readonly router = inject(Router);
  private readonly apollo = inject(Apollo);
  private readonly auth = inject(AuthService);
  private readonly transloco = inject(TranslocoService);
  private readonly format = inject(FormatService);
  protected readonly tones = STATE_TONES;
  protected readonly kinds: MeetingKind[] = ['ANNUAL_MEETING', 'WORKING_GROUP_MEETING'];

  /** `?kooperation=` and `?arbeitskreis=` of the URL. */
  readonly kooperation = input<string>();
  readonly arbeitskreis = input<string>();

  protected readonly cooperationId = computed(() => this.cooperations.pick(this.kooperation()));
  protected readonly groupId = computed(() => this.arbeitskreis() || null);

  protected readonly options = queryResource(MeetingFormOptionsDocument, () => {
    const id = this.cooperationId();
    return id ? { cooperationId: id } : undefined;
  });
  protected readonly groups = computed(() =>
    [...(loaded(this.options)?.cooperation.workingGroups ?? [])].sort((a, b) =>
      a.name.localeCompare(b.name, 'de'),
    ),
  );
  protected readonly memberCities = computed(() =>
    (loaded(this.options)?.cooperation.members ?? [])
      .map((member) => member.city)
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
  );

  protected readonly list = queryResource(MeetingListDocument, () => {
    const cooperationId = this.cooperationId();
    if (!cooperationId) return undefined;
    const groupId = this.groupId();
    return { filter: groupId ? { workingGroupId: groupId } : { cooperationId } };
  });
  protected readonly parts = computed(() => {
    const meetings = (loaded(this.list)?.meetings.edges ?? []).map(({ node }) => ({
      ...node,
      overdueCount: node.actionItems.filter((item) => item.overdue).length,
    }));
    // Latest first from the API; of the meetings still to be held, the next one comes first.
    return [
      { key: 'upcoming', meetings: meetings.filter((m) => m.state !== 'CLOSED').reverse() },
      { key: 'past', meetings: meetings.filter((m) => m.state === 'CLOSED') },
    ];
  });
  protected readonly overdueFilter = computed(() => {
    const groupId = this.groupId();
    const cooperationId = this.cooperationId();
    return groupId ? { workingGroupId: groupId } : cooperationId ? { cooperationId } : undefined;
  });

  protected readonly mayPlan = computed(() =>
    this.auth.roles().some((r) => r.role === 'ADMIN' || r.role === 'CDO' || r.role === 'WORKING_GROUP_LEAD'),
  );
  protected readonly planKind = signal<MeetingKind>('ANNUAL_MEETING');
  protected readonly planGroup = signal('');
  protected readonly planTitle = signal('');
  protected readonly planDate = signal(berlinDate(14));
  protected readonly planTime = signal('10:00');
  protected readonly planDuration = signal('120');
  protected readonly planLocation = signal('');
  protected readonly planHost = signal('');
  protected readonly sending = signal(false);
  protected readonly problem = signal<FormProblem | null>(null);

  constructor() {
    // A working group named in the URL is the one a new meeting is most likely for.
    effect(() => {
      const groupId = this.groupId();
      untracked(() => {
        if (groupId) {
          this.planKind.set('WORKING_GROUP_MEETING');
          this.planGroup.set(groupId);
        }
      });
    });
  }

  protected when(instant: string): string {
    return formatMeetingDate(instant, this.format.locale());
  }

  protected fieldProblem(field: string): string | null {
    return this.problem()?.fields[field] ?? null;
  }

  protected chooseCooperation(event: Event): void {
    const kooperation = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], {
      queryParams: { kooperation, arbeitskreis: null },
      queryParamsHandling: 'merge',
    });
  }

  protected chooseGroup(event: Event): void {
    const arbeitskreis = (event.target as HTMLSelectElement).value || null;
    void this.router.navigate([], { queryParams: { arbeitskreis }, queryParamsHandling: 'merge' });
  }

  protected async plan(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending()) return;
    const startsAt = berlinInstant(this.planDate(), this.planTime());
    if (!startsAt) {
      this.problem.set({
        fields: { startsAt: this.transloco.translate('meetings.plan.badTime') },
        general: null,
        code: 'BAD_USER_INPUT',
      });
      return;
    }
    const duration = this.planDuration().trim();
    const forGroup = this.planKind() === 'WORKING_GROUP_MEETING';
    this.sending.set(true);
    try {
      const result = await firstValueFrom(
        this.apollo.mutate({
          mutation: CreateMeetingDocument,
          variables: {
            input: {
              kind: this.planKind(),
              title: this.planTitle(),
              startsAt,
              durationMinutes: duration === '' ? null : Number(duration),
              location: this.planLocation() || null,
              hostCityId: this.planHost() || null,
              ...(forGroup
                ? { workingGroupId: this.planGroup() || null }
                : { cooperationId: this.cooperationId() }),
            },
          },
        }),
      );
      const id = result.data?.createMeeting.id;
      if (!id) throw result.error ?? new Error('no data');
      this.problem.set(null);
      await this.router.navigate(['/sitzungen', id]);
    } catch (error) {
      this.problem.set(formProblem(error, PLAN_FIELDS, this.transloco.translate('state.networkError')));
    } finally {
      this.sending.set(false);
    }
  }
}
