/** Meetings are held in Bavaria: their times are entered and shown in Berlin time, wherever the browser is. */
export const MEETING_TIME_ZONE = 'Europe/Berlin';

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: number): { date: string; time: string } {
  const part = Object.fromEntries(clock.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return {
    date: `${part['year']}-${part['month']}-${part['day']}`,
    time: `${part['hour']}:${part['minute']}`,
  };
}

/** The instant (ISO 8601, UTC) of a Berlin date `YYYY-MM-DD` and time `HH:MM`; null when either is malformed. */
export function berlinInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const guess = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(guess)) return null;
  // The offset of Berlin at that moment (one or two hours), read back from the clock there.
  const seen = wallClock(guess);
  const offset = Date.parse(`${seen.date}T${seen.time}:00Z`) - guess;
  return new Date(guess - offset).toISOString();
}

/** The Berlin date and time of an instant, for a form's date and time fields. */
export function berlinParts(instant: string): { date: string; time: string } {
  return wallClock(Date.parse(instant));
}

/** Today's date in Berlin, `YYYY-MM-DD`, shifted by `days`. */
export function berlinDate(days = 0, now = Date.now()): string {
  return wallClock(now + days * 86_400_000).date;
}

/** Date and time of an instant for people, in Berlin time and the given locale. */
export function formatMeetingTime(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: MEETING_TIME_ZONE,
  }).format(new Date(instant));
}

/** Date of an instant for tables, in Berlin time. */
export function formatMeetingDate(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: MEETING_TIME_ZONE,
  }).format(new Date(instant));
}
