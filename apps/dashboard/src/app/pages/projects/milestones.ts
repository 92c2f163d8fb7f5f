/** Where a milestone stands on a given day. */
export type MilestoneState = 'done' | 'overdue' | 'open';

export interface MilestoneDates {
  readonly dueOn: string;
  readonly doneOn: string | null;
}

/** Today as YYYY-MM-DD in the user's own time zone: a milestone is due on the user's calendar day. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Done once reached; overdue when its due date is before `today` and it was not reached; else open. */
export function milestoneState(milestone: MilestoneDates, today: string): MilestoneState {
  if (milestone.doneOn) return 'done';
  return milestone.dueOn < today ? 'overdue' : 'open';
}

/** How many milestones are done, overdue and open. */
export function milestoneCounts(
  milestones: readonly MilestoneDates[],
  today: string,
): Record<MilestoneState, number> {
  const counts: Record<MilestoneState, number> = { done: 0, overdue: 0, open: 0 };
  for (const milestone of milestones) {
    counts[milestoneState(milestone, today)] += 1;
  }
  return counts;
}
