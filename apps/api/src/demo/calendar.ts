/** Days since 1970-01-01 (UTC): the generator plans in whole days and adds the time of day at the end. */
export type Day = number;

const DAY_MS = 86_400_000;

export function dayOf(date: Date): Day {
  return Math.floor(date.getTime() / DAY_MS);
}

export function dayFromIso(iso: string): Day {
  return dayOf(new Date(`${iso}T00:00:00Z`));
}

/** `YYYY-MM-DD` of a day. */
export function isoDate(day: Day): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of a day. */
export function monthKey(day: Day): string {
  return isoDate(day).slice(0, 7);
}

/** The instant `minutes` after midnight (UTC) of `day`. */
export function instant(day: Day, minutes: number): Date {
  return new Date(day * DAY_MS + Math.round(minutes) * 60_000);
}

/** The same calendar day `years` later (or earlier); 29 February becomes 1 March. */
export function addYears(day: Day, years: number): Day {
  const date = new Date(day * DAY_MS);
  return dayOf(new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate())));
}

/** Saturday and Sunday move back to the Friday before: people post updates on working days. */
export function workingDayOnOrBefore(day: Day): Day {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 6 ? day - 1 : weekday === 0 ? day - 2 : day;
}

/** Saturday and Sunday move on to the Monday after. */
export function workingDayOnOrAfter(day: Day): Day {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

/** A calendar month: its key, first day and number of days. */
export interface Month {
  key: string;
  first: Day;
  days: number;
}

export function monthContaining(day: Day): Month {
  const date = new Date(day * DAY_MS);
  const first = dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1)));
  const next = dayOf(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
  return { key: monthKey(first), first, days: next - first };
}

/** The months from the one containing `from` to the one containing `to`, both included. */
export function monthsBetween(from: Day, to: Day): Month[] {
  const months: Month[] = [];
  for (
    let month = monthContaining(from);
    month.first <= to;
    month = monthContaining(month.first + month.days)
  ) {
    months.push(month);
  }
  return months;
}

/**
 * The demo's notion of now: history runs from `start` (three years ago) to `last` (yesterday), so that
 * everything generated lies before the moment of seeding and the same day always yields the same rows.
 */
export interface Timeline {
  today: Day;
  start: Day;
  last: Day;
}

export function timelineFor(now: Date, years = 3): Timeline {
  const today = dayOf(now);
  return { today, start: addYears(today, -years), last: today - 1 };
}
