/** The rows a meeting page shows: the meeting, its agenda, decisions, action items, and what they name. */
export const MEETING_ENTITIES = new Set([
  'Meeting',
  'MeetingAttendee',
  'AgendaItem',
  'Decision',
  'DecisionProject',
  'ActionItem',
  'Project',
  'WorkingGroup',
  'City',
  'Membership',
]);

interface MeetingBody {
  readonly cooperation?: { readonly id: string } | null;
  readonly workingGroup?: { readonly cooperation: { readonly id: string } } | null;
}

/** The cooperation whose changes a meeting page follows: its own, or its working group's. */
export function meetingCooperation(meeting: MeetingBody | null | undefined): string | undefined {
  return meeting?.cooperation?.id ?? meeting?.workingGroup?.cooperation.id;
}
