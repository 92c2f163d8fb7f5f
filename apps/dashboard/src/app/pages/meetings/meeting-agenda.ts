/** An agenda item as the presentation needs it. */
export interface AgendaSlot {
  readonly position: number;
  readonly durationMinutes: number | null;
}

/**
 * The agenda item the meeting is at by the clock: the last one whose planned start (the meeting's start plus
 * the minutes of the items before it) has come. Before the start and while the meeting is not in progress,
 * the first; -1 without items. Items without minutes take none.
 */
export function currentAgendaIndex(
  items: readonly AgendaSlot[],
  startsAt: string,
  inProgress: boolean,
  now: number,
): number {
  if (items.length === 0) return -1;
  if (!inProgress) return 0;
  let start = Date.parse(startsAt);
  let index = 0;
  for (let i = 0; i < items.length; i += 1) {
    if (start <= now) index = i;
    start += (items[i]?.durationMinutes ?? 0) * 60_000;
  }
  return index;
}
