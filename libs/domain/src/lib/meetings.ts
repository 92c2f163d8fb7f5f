/** Kind of a meeting: the annual strategic meeting of a cooperation, or a meeting of a working group. */
export enum MeetingKind {
  ANNUAL_MEETING = 'ANNUAL_MEETING',
  WORKING_GROUP_MEETING = 'WORKING_GROUP_MEETING',
}

/** State of a meeting, in order; a meeting only moves forward, and CLOSED is read-only. */
export enum MeetingState {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}

/** Status of an action item recorded at a meeting. */
export enum ActionItemStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}

const STATE_ORDER: readonly MeetingState[] = [
  MeetingState.DRAFT,
  MeetingState.OPEN,
  MeetingState.IN_PROGRESS,
  MeetingState.CLOSED,
];

/** Why a meeting may not move from `from` to `to`, or null when the move is forward. */
export function meetingStateChangeError(from: MeetingState, to: MeetingState): string | null {
  if (STATE_ORDER.indexOf(to) > STATE_ORDER.indexOf(from)) {
    return null;
  }
  return from === MeetingState.CLOSED
    ? 'the meeting is CLOSED and can no longer change'
    : `a meeting only moves forward (DRAFT → OPEN → IN_PROGRESS → CLOSED); it is ${from}, not before ${to}`;
}

/** The states that may follow `state`, nearest first. */
export function nextMeetingStates(state: MeetingState): MeetingState[] {
  return STATE_ORDER.slice(STATE_ORDER.indexOf(state) + 1);
}

/** True when an action item is still open after its due date (`today` as YYYY-MM-DD). */
export function isOverdue(status: ActionItemStatus | string, dueOn: string, today: string): boolean {
  return status === ActionItemStatus.OPEN && dueOn < today;
}

/** Sum of the planned minutes of agenda items (items without minutes count nothing). */
export function agendaMinutes(items: readonly { durationMinutes: number | null | undefined }[]): number {
  return items.reduce((sum, item) => sum + (item.durationMinutes ?? 0), 0);
}

/** Longest meeting or agenda item, in minutes: two working days. */
export const MEETING_MINUTES_MAX = 24 * 60;
