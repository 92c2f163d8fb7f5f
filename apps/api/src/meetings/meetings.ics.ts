import { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { MeetingState } from '@koop/domain';
import type { AgendaItem } from './agenda-item.entity.js';
import type { Meeting } from './meeting.entity.js';

/** Meetings take place in Bavaria: their times are written in Berlin time. */
export const MEETING_TIME_ZONE = 'Europe/Berlin';

/**
 * The rules of Europe/Berlin (CET/CEST, EU summer time since 1996), so that calendars need no time zone
 * database of their own to place the meeting.
 */
const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: MEETING_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * ical-generator writes a native Date with a time zone by the Date's local fields; this Date's local fields
 * are the Berlin wall-clock time of `instant`, whatever time zone the server runs in.
 */
function berlinWallClock(instant: Date): Date {
  const part = Object.fromEntries(
    wallClockFormat.formatToParts(instant).map(({ type, value }) => [type, Number(value)]),
  ) as Record<string, number>;
  return new Date(part['year'], part['month'] - 1, part['day'], part['hour'], part['minute'], part['second']);
}

export interface MeetingCalendarData {
  readonly meeting: Meeting;
  readonly agenda: readonly AgendaItem[];
  readonly hostCity: string | null;
  readonly body: string;
  readonly url: string | null;
}

/** The meeting as an iCalendar file (RFC 5545), with its agenda in the description. */
export function meetingCalendar({ meeting, agenda, hostCity, body, url }: MeetingCalendarData): string {
  const calendar = new ICalCalendar({ prodId: '//Kooperationscockpit//Sitzungen//DE', name: meeting.title });
  calendar.timezone({ name: MEETING_TIME_ZONE, generator: () => BERLIN_VTIMEZONE });
  const lines = [body, ''];
  if (agenda.length > 0) {
    lines.push('Tagesordnung:');
    agenda.forEach((item) => {
      const details = [item.presenter, item.durationMinutes ? `${item.durationMinutes} min` : null]
        .filter(Boolean)
        .join(', ');
      lines.push(`${item.position}. ${item.title}${details ? ` (${details})` : ''}`);
    });
  }
  const location = [meeting.location, hostCity].filter(Boolean).join(', ');
  calendar.createEvent({
    id: `meeting-${meeting.id}@kooperationscockpit`,
    sequence: meeting.version,
    stamp: meeting.createdAt,
    start: berlinWallClock(meeting.startsAt),
    ...(meeting.durationMinutes
      ? { end: berlinWallClock(new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000)) }
      : {}),
    timezone: MEETING_TIME_ZONE,
    summary: meeting.title,
    description: lines.join('\n').trim(),
    location: location || null,
    url,
    status: meeting.state === MeetingState.DRAFT ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
