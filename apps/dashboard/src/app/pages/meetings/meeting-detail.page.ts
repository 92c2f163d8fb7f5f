import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import type { TypedDocumentNode } from '@apollo/client';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { FormatService } from '../../core/format.service';
import { requestProblem } from '../../core/graphql-errors';
import { loaded, queryResource } from '../../core/graphql-resource';
import { followCooperation, throttled } from '../../core/live.service';
import {
  AddAgendaItemDocument,
  MeetingDetailDocument,
  MeetingFormOptionsDocument,
  RecordActionItemDocument,
  RecordDecisionDocument,
  SetMeetingStateDocument,
  UpdateActionItemDocument,
  type ActionItemStatus,
  type MeetingActionItemFragment,
  type MeetingState,
} from '../../graphql/generated/graphql';
import { FieldComponent, FieldProblemDirective } from '../../shared/field/field.component';
import { LoadStateComponent } from '../../shared/load-state.component';
import { formProblem, type FormProblem } from './meeting-form-problems';
import { STATE_TONES, STATUS_TONES } from './meeting-labels';
import { berlinDate, formatMeetingTime } from './meeting-time';
import { MEETING_ENTITIES, meetingCooperation } from './meeting-live';

const STATES: MeetingState[] = ['DRAFT', 'OPEN', 'IN_PROGRESS', 'CLOSED'];
type FormName = 'agenda' | 'decision' | 'action';
const FORM_FIELDS: Record<FormName, string[]> = {
  agenda: ['title', 'presenter', 'durationMinutes', 'projectId'],
  decision: ['text', 'projectIds'],
  action: ['title', 'ownerCityId', 'ownerWorkingGroupId', 'dueOn', 'projectId'],
};

/**
 * One meeting as it is prepared and held: its facts, the agenda against the planned duration, and while it
 * is in progress the decisions and action items, with the open items of earlier meetings to settle.
 */
@Component({
  selector: 'koop-meeting-detail-page',
  imports: [
    FieldComponent,
    FieldProblemDirective,
    NgTemplateOutlet,
    RouterLink,
    TranslocoDirective,
    StatusBadgeComponent,
    LoadStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting-detail.page.html',
  styleUrls: ['./meetings.page.css', './meeting-detail.page.css'],
})
export class MeetingDetailPage {
  protected readonly format = inject(FormatService);
  private readonly apollo = inject(Apollo);
  private readonly transloco = inject(TranslocoService);
  protected readonly stateTones = STATE_TONES;
  protected readonly statusTones = STATUS_TONES;

  /** `:id` of the route. */
  readonly id = input.required<string>();

  protected readonly detail = queryResource(MeetingDetailDocument, () => ({ id: this.id() }));
  protected readonly meeting = computed(() => loaded(this.detail)?.meeting);
  protected readonly notFound = computed(() => {
    const error = this.detail.error();
    return error !== undefined && requestProblem(error).code === 'NOT_FOUND';
  });
  protected readonly options = queryResource(MeetingFormOptionsDocument, () => {
    const id = this.meeting()?.cooperation?.id;
    return id ? { cooperationId: id } : undefined;
  });
  protected readonly cities = computed(() =>
    (loaded(this.options)?.cooperation.members ?? [])
      .map((member) => member.city)
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
  );
  protected readonly groups = computed(() =>
    [...(loaded(this.options)?.cooperation.workingGroups ?? [])].sort((a, b) =>
      a.name.localeCompare(b.name, 'de'),
    ),
  );
  protected readonly projects = computed(() =>
    this.groups()
      .flatMap((group) => group.projects)
      .sort((a, b) => a.title.localeCompare(b.title, 'de')),
  );

  protected readonly closed = computed(() => this.meeting()?.state === 'CLOSED');
  protected readonly inProgress = computed(() => this.meeting()?.state === 'IN_PROGRESS');
  protected readonly mayHold = computed(() => this.meeting()?.mayHold === true);
  protected readonly nextStates = computed(() => {
    const state = this.meeting()?.state;
    return state ? STATES.slice(STATES.indexOf(state) + 1) : [];
  });
  protected readonly overrunBy = computed(() => {
    const meeting = this.meeting();
    return meeting?.durationMinutes ? meeting.agendaMinutes - meeting.durationMinutes : 0;
  });

  // Form values.
  protected readonly agendaTitle = signal('');
  protected readonly agendaPresenter = signal('');
  protected readonly agendaMinutes = signal('');
  protected readonly agendaProject = signal('');
  protected readonly decisionText = signal('');
  protected readonly decisionProjects = signal<string[]>([]);
  protected readonly actionTitle = signal('');
  protected readonly actionOwner = signal('');
  protected readonly actionDue = signal(berlinDate(30));
  protected readonly actionProject = signal('');

  protected readonly busy = signal(false);
  protected readonly problems = signal<Partial<Record<FormName | 'state' | 'items', FormProblem>>>({});
  protected readonly announcement = signal('');

  /** Someone else records a decision or marks an item: refetched in place, the forms keep their text. */
  private readonly refetch = throttled(() => this.detail.refresh(), 1000);

  constructor() {
    followCooperation(
      () => meetingCooperation(this.meeting()),
      (signal) => {
        if (!signal || MEETING_ENTITIES.has(signal.entity)) this.refetch();
      },
    );
  }

  protected startsAt(instant: string): string {
    return formatMeetingTime(instant, this.format.locale());
  }

  protected fieldProblem(form: FormName, field: string): string | null {
    return this.problems()[form]?.fields[field] ?? null;
  }

  protected generalProblem(form: FormName | 'state' | 'items'): string | null {
    return this.problems()[form]?.general ?? null;
  }

  /** The template context is untyped; the rows are the meeting's action items. */
  protected asItems(items: unknown): MeetingActionItemFragment[] {
    return items as MeetingActionItemFragment[];
  }

  protected owner(item: MeetingActionItemFragment): string {
    return item.ownerCity?.name ?? item.ownerWorkingGroup?.name ?? '–';
  }

  protected chooseProjects(event: Event): void {
    const select = event.target as HTMLSelectElement;
    this.decisionProjects.set([...select.selectedOptions].map((option) => option.value));
  }

  protected setState(state: MeetingState): Promise<boolean> {
    const meeting = this.meeting();
    if (!meeting) return Promise.resolve(false);
    return this.send(
      'state',
      SetMeetingStateDocument,
      {
        input: { meetingId: meeting.id, state, version: meeting.version },
      },
      this.transloco.translate('meetings.detail.stateChanged', {
        state: this.transloco.translate('meetings.state.' + state),
      }),
    );
  }

  protected async addAgendaItem(event: Event): Promise<void> {
    event.preventDefault();
    const minutes = this.agendaMinutes().trim();
    const done = await this.send('agenda', AddAgendaItemDocument, {
      input: {
        meetingId: this.id(),
        title: this.agendaTitle(),
        presenter: this.agendaPresenter() || null,
        durationMinutes: minutes === '' ? null : Number(minutes),
        projectId: this.agendaProject() || null,
      },
    });
    if (done) {
      this.agendaTitle.set('');
      this.agendaPresenter.set('');
      this.agendaMinutes.set('');
      this.agendaProject.set('');
    }
  }

  protected async recordDecision(event: Event): Promise<void> {
    event.preventDefault();
    const done = await this.send('decision', RecordDecisionDocument, {
      input: { meetingId: this.id(), text: this.decisionText(), projectIds: this.decisionProjects() },
    });
    if (done) {
      this.decisionText.set('');
      this.decisionProjects.set([]);
    }
  }

  protected async recordActionItem(event: Event): Promise<void> {
    event.preventDefault();
    const [kind, ownerId] = this.actionOwner().split(':');
    const done = await this.send('action', RecordActionItemDocument, {
      input: {
        meetingId: this.id(),
        title: this.actionTitle(),
        dueOn: this.actionDue(),
        ownerCityId: kind === 'city' ? ownerId : null,
        ownerWorkingGroupId: kind === 'group' ? ownerId : null,
        projectId: this.actionProject() || null,
      },
    });
    if (done) {
      this.actionTitle.set('');
      this.actionProject.set('');
    }
  }

  protected mark(item: MeetingActionItemFragment, status: ActionItemStatus): Promise<boolean> {
    return this.send('items', UpdateActionItemDocument, {
      input: { actionItemId: item.id, status, version: item.version },
    });
  }

  /** Sends a mutation; on success reloads the meeting and announces it, otherwise shows why not. */
  private async send<V extends Record<string, unknown>>(
    form: FormName | 'state' | 'items',
    mutation: TypedDocumentNode<unknown, V>,
    variables: V,
    announcement = this.transloco.translate('meetings.detail.saved'),
  ): Promise<boolean> {
    if (this.busy()) return false;
    this.busy.set(true);
    this.announcement.set('');
    try {
      const result = await firstValueFrom(this.apollo.mutate({ mutation, variables } as never));
      if ((result as { error?: unknown }).error) throw (result as { error?: unknown }).error;
      this.problems.update((all) => ({ ...all, [form]: undefined }));
      this.detail.reload();
      this.announcement.set(announcement);
      return true;
    } catch (error) {
      const fields = form === 'state' || form === 'items' ? [] : FORM_FIELDS[form];
      let problem = formProblem(error, fields, this.transloco.translate('state.networkError'));
      if (problem.code === 'CONFLICT') {
        problem = { ...problem, general: this.transloco.translate('meetings.detail.conflict') };
        this.detail.reload();
      }
      this.problems.update((all) => ({ ...all, [form]: problem }));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
