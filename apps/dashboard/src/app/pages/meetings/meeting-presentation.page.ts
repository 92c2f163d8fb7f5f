import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { StatusBadgeComponent } from '@koop/ui';
import { FormatService } from '../../core/format.service';
import { loaded, queryResource } from '../../core/graphql-resource';
import { followCooperation, throttled } from '../../core/live.service';
import { MeetingDetailDocument } from '../../graphql/generated/graphql';
import { LoadStateComponent } from '../../shared/load-state.component';
import { pageTitle } from '../../shared/page-title';
import { currentAgendaIndex } from './meeting-agenda';
import { STATE_TONES } from './meeting-labels';
import { MEETING_ENTITIES, meetingCooperation } from './meeting-live';
import { formatMeetingTime } from './meeting-time';

/** How often the clock that moves the agenda on is read. */
const CLOCK_MS = 15_000;

/**
 * A meeting on the wall: large type, nothing to edit. It follows the agenda by the clock (or as the
 * presenter steps through it) and shows the decisions and action items as they are recorded, by itself.
 */
@Component({
  selector: 'koop-meeting-presentation-page',
  imports: [RouterLink, TranslocoDirective, StatusBadgeComponent, LoadStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Anywhere on the page, as in a slide show, but not while a control has the focus.
  host: { '(document:keydown)': 'onKey($event)' },
  template: `
    <ng-container *transloco="let t">
      <koop-load-state [resource]="detail">
        @if (meeting(); as m) {
          <article class="presentation" aria-labelledby="presentation-title">
            <header>
              <p class="kicker">
                {{ t('meetings.kind.' + m.kind) }} · {{ startsAt(m.startsAt) }}
                <koop-status-badge [tone]="stateTones[m.state]" [label]="t('meetings.state.' + m.state)" />
              </p>
              <h1 id="presentation-title">{{ m.title }}</h1>
              <p class="tools">
                <a [routerLink]="['/sitzungen', m.id]">{{ t('live.presentation.back') }}</a>
                <button type="button" class="koop-button" (click)="fullScreen()">
                  {{ t('live.presentation.fullScreen') }}
                </button>
              </p>
            </header>

            @if (current(); as item) {
              <section class="now" aria-labelledby="presentation-now">
                <h2 id="presentation-now">
                  {{ t('live.presentation.now', { position: index() + 1, count: m.agendaItems.length }) }}
                  @if (chosen() === null && inProgress()) {
                    <span class="by-clock">({{ t('live.presentation.byClock') }})</span>
                  }
                </h2>
                <p class="now-title" aria-live="polite">{{ item.title }}</p>
                <p class="now-facts">
                  @if (item.presenter) {
                    <span>{{ item.presenter }}</span>
                  }
                  @if (item.durationMinutes) {
                    <span>{{ t('meetings.detail.minutes', { count: item.durationMinutes }) }}</span>
                  }
                  @if (item.project) {
                    <span>{{ item.project.title }}</span>
                  }
                </p>
                <div class="steps" role="group" [attr.aria-label]="t('live.presentation.steps')">
                  <button type="button" class="koop-button" [disabled]="index() <= 0" (click)="step(-1)">
                    <span aria-hidden="true">←</span> {{ t('live.presentation.previous') }}
                  </button>
                  <button
                    type="button"
                    class="koop-button"
                    [disabled]="index() >= m.agendaItems.length - 1"
                    (click)="step(1)"
                  >
                    {{ t('live.presentation.next') }} <span aria-hidden="true">→</span>
                  </button>
                  @if (chosen() !== null) {
                    <button type="button" class="koop-button" (click)="chosen.set(null)">
                      {{ t('live.presentation.followClock') }}
                    </button>
                  }
                </div>
              </section>
            } @else {
              <p class="empty">{{ t('meetings.detail.noAgenda') }}</p>
            }

            <div class="columns">
              <section aria-labelledby="presentation-agenda">
                <h2 id="presentation-agenda">{{ t('meetings.detail.agenda') }}</h2>
                <ol class="agenda">
                  @for (item of m.agendaItems; track item.id; let i = $index) {
                    <li [attr.aria-current]="i === index() ? 'step' : null">{{ item.title }}</li>
                  }
                </ol>
              </section>
              <section aria-labelledby="presentation-decisions">
                <h2 id="presentation-decisions">{{ t('meetings.detail.decisions') }}</h2>
                @if (m.decisions.length === 0) {
                  <p class="empty">{{ t('meetings.detail.noDecisions') }}</p>
                } @else {
                  <ol class="decisions" data-decisions>
                    @for (decision of m.decisions; track decision.id) {
                      <li>{{ decision.text }}</li>
                    }
                  </ol>
                }
                <h2>{{ t('meetings.detail.actionItems') }}</h2>
                @if (m.actionItems.length === 0) {
                  <p class="empty">{{ t('meetings.detail.noActionItems') }}</p>
                } @else {
                  <ul class="actions" data-action-items>
                    @for (action of m.actionItems; track action.id) {
                      <li>
                        <strong>{{ action.title }}</strong>
                        <span class="sub">
                          {{ action.ownerCity?.name ?? action.ownerWorkingGroup?.name ?? '–' }} ·
                          {{ format.date(action.dueOn) }} · {{ t('meetings.status.' + action.status) }}
                        </span>
                      </li>
                    }
                  </ul>
                }
              </section>
            </div>
          </article>
        }
      </koop-load-state>
    </ng-container>
  `,
  styles: `
    .presentation {
      font-size: 1.5rem;
      line-height: 1.4;
      background: #fff;
    }
    .kicker {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: center;
      margin: 0;
      color: #3d4a59;
    }
    h1 {
      font-size: 2.75rem;
      margin: 0.25rem 0 0.5rem;
    }
    h2 {
      font-size: 1.6rem;
      margin: 1rem 0 0.5rem;
    }
    .tools {
      display: flex;
      gap: 1rem;
      align-items: center;
      font-size: 1rem;
    }
    .now {
      border-left: 8px solid var(--koop-blue, #0b4f8a);
      padding: 0.5rem 1.25rem;
      margin: 1.5rem 0;
      background: #f3f7fb;
    }
    .now-title {
      font-size: 2.5rem;
      font-weight: 700;
      margin: 0.25rem 0;
    }
    .now-facts {
      display: flex;
      flex-wrap: wrap;
      gap: 1.5rem;
      color: #3d4a59;
      margin: 0 0 0.75rem;
    }
    .by-clock {
      font-weight: 400;
      font-size: 1.1rem;
      color: #3d4a59;
    }
    .steps {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      font-size: 1.1rem;
    }
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
      gap: 2rem;
    }
    .agenda li[aria-current='step'] {
      font-weight: 700;
      color: var(--koop-blue, #0b4f8a);
    }
    .agenda li[aria-current='step']::marker {
      content: '▶ ';
    }
    .sub {
      display: block;
      font-size: 1.15rem;
      color: #3d4a59;
    }
    .actions li,
    .decisions li {
      margin-bottom: 0.6rem;
    }
    .empty {
      color: #3d4a59;
    }
  `,
})
export class MeetingPresentationPage {
  protected readonly format = inject(FormatService);
  protected readonly stateTones = STATE_TONES;

  /** `:id` of the route. */
  readonly id = input.required<string>();

  protected readonly detail = queryResource(MeetingDetailDocument, () => ({ id: this.id() }));
  protected readonly meeting = computed(() => loaded(this.detail)?.meeting);
  protected readonly inProgress = computed(() => this.meeting()?.state === 'IN_PROGRESS');

  private readonly now = signal(Date.now());
  /** The item the presenter stepped to; null: the one the clock says. */
  protected readonly chosen = signal<number | null>(null);
  protected readonly index = computed(() => {
    const meeting = this.meeting();
    if (!meeting) return -1;
    const count = meeting.agendaItems.length;
    const chosen = this.chosen();
    if (chosen !== null && count > 0) return Math.min(chosen, count - 1);
    return currentAgendaIndex(meeting.agendaItems, meeting.startsAt, this.inProgress(), this.now());
  });
  protected readonly current = computed(() => this.meeting()?.agendaItems[this.index()] ?? null);

  private readonly refetch = throttled(() => this.detail.refresh(), 1000);

  constructor() {
    pageTitle(() => this.meeting()?.title);
    followCooperation(
      () => meetingCooperation(this.meeting()),
      (signal) => {
        if (!signal || MEETING_ENTITIES.has(signal.entity)) this.refetch();
      },
    );
    const clock = setInterval(() => this.now.set(Date.now()), CLOCK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(clock));
  }

  protected startsAt(instant: string): string {
    return formatMeetingTime(instant, this.format.locale());
  }

  protected step(by: number): void {
    const count = this.meeting()?.agendaItems.length ?? 0;
    if (count === 0) return;
    this.chosen.set(Math.max(0, Math.min(count - 1, this.index() + by)));
  }

  /** The arrow keys step through the agenda, as in a slide show. */
  protected onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement | null;
    if (
      event.altKey ||
      event.ctrlKey ||
      event.metaKey ||
      target?.closest?.('button, a, input, select, textarea')
    ) {
      return;
    }
    if (event.key === 'ArrowRight' || event.key === 'PageDown') this.step(1);
    else if (event.key === 'ArrowLeft' || event.key === 'PageUp') this.step(-1);
    else return;
    event.preventDefault();
  }

  protected fullScreen(): void {
    void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }
}
