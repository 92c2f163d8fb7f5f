import { ActionItemStatus, MeetingKind, MeetingState, ProjectKind } from '@koop/domain';
import type { EntityManager } from 'typeorm';
import { Cooperation, Membership } from '../cooperations/index.js';
import {
  ActionItem,
  AgendaItem,
  Decision,
  DecisionProject,
  Meeting,
  MeetingAttendee,
} from '../meetings/index.js';
import { Project } from '../projects/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import { dayOf, isoDate, type Day } from './calendar.js';

/*
 * The demo's meetings, made from the organisation and projects already loaded: per cooperation the annual
 * meeting held about a year ago (closed, with agenda, decisions and action items — some done, one dropped,
 * one overdue, one still due), the next annual meeting ahead (M-A-N: OPEN, the others: DRAFT), and for its
 * first two working groups a meeting held a few months ago and one planned. A pure function of the rows
 * loaded and the day of `now`: the same day gives the same meetings.
 */

const DAY_MS = 86_400_000;

const berlinClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The instant of `hours:minutes` Berlin time on `day` (CET or CEST, whichever holds that day). */
function berlinTime(day: Day, hours: number, minutes = 0): Date {
  const guess = day * DAY_MS + (hours * 60 + minutes) * 60_000;
  const [h, m] = berlinClock.format(new Date(guess)).split(':').map(Number);
  const offsetMinutes = (h * 60 + m - (hours * 60 + minutes) + 24 * 60) % (24 * 60);
  return new Date(guess - offsetMinutes * 60_000);
}

/** Saturday and Sunday move on to the Monday after: meetings are held on working days. */
function workingDayOnOrAfter(day: Day): Day {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 6 ? day + 2 : weekday === 0 ? day + 1 : day;
}

interface Body {
  cooperation: Cooperation;
  memberCityIds: number[];
  groups: WorkingGroup[];
  projects: Project[];
}

interface AgendaPlan {
  title: string;
  presenter: string | null;
  minutes: number;
  project?: Project;
}

interface ActionPlan {
  title: string;
  dueOn: Day;
  ownerCityId?: number | null;
  ownerWorkingGroupId?: number | null;
  project?: Project;
  status: ActionItemStatus;
  closedOn?: Day;
}

interface MeetingPlan {
  kind: MeetingKind;
  title: string;
  state: MeetingState;
  day: Day;
  startHour: number;
  durationMinutes: number;
  location: string;
  hostCityId: number | null;
  workingGroupId: number | null;
  attendees: { cityId: number; role: string }[];
  agenda: AgendaPlan[];
  decisions: { text: string; projects: Project[] }[];
  actions: ActionPlan[];
}

async function bodies(manager: EntityManager): Promise<Body[]> {
  const cooperations = await manager.find(Cooperation, { order: { id: 'ASC' } });
  const memberships = await manager.find(Membership, { order: { id: 'ASC' } });
  const groups = await manager.find(WorkingGroup, { order: { id: 'ASC' } });
  const projects = await manager.find(Project, { order: { id: 'ASC' } });
  return cooperations.map((cooperation) => {
    const own = groups.filter((group) => group.cooperationId === cooperation.id);
    const groupIds = new Set(own.map((group) => group.id));
    return {
      cooperation,
      memberCityIds: memberships.filter((m) => m.cooperationId === cooperation.id).map((m) => m.cityId),
      groups: own,
      // Online services first: they are what the meetings talk about most.
      projects: projects
        .filter((project) => groupIds.has(project.workingGroupId))
        .sort(
          (a, b) =>
            Number(b.kind === ProjectKind.ONLINE_SERVICE) - Number(a.kind === ProjectKind.ONLINE_SERVICE) ||
            a.id - b.id,
        ),
    };
  });
}

function annualMeetings(body: Body, today: Day, index: number): MeetingPlan[] {
  const { cooperation, memberCityIds, groups, projects } = body;
  const [first, second, third] = projects;
  const host = memberCityIds[0] ?? null;
  const nextHost = memberCityIds[1] ?? host;
  const ownerOf = (project: Project | undefined, fallback: number | null) => project?.ownerCityId ?? fallback;
  const pastDay = workingDayOnOrAfter(today - 365 + index * 7);
  const attendees = memberCityIds.map((cityId) => ({
    cityId,
    role: cityId === host ? 'Gastgeber, CDO' : 'CDO',
  }));
  const past: MeetingPlan = {
    kind: MeetingKind.ANNUAL_MEETING,
    title: `Strategisches Jahrestreffen ${new Date(pastDay * DAY_MS).getUTCFullYear()} – ${cooperation.shortName}`,
    state: MeetingState.CLOSED,
    day: pastDay,
    startHour: 10,
    durationMinutes: 240,
    location: 'Rathaus, Großer Sitzungssaal',
    hostCityId: host,
    workingGroupId: null,
    attendees,
    agenda: [
      { title: 'Begrüßung durch die Gastgeberstadt', presenter: 'Gastgeberstadt', minutes: 15 },
      { title: 'Bericht der Geschäftsstelle', presenter: 'Geschäftsstelle', minutes: 30 },
      ...groups.slice(0, 3).map((group) => ({
        title: `Bericht aus dem Arbeitszirkel ${group.name}`,
        presenter: 'Leitung des Arbeitszirkels',
        minutes: 30,
      })),
      ...(first
        ? [
            {
              title: `Nachnutzung: ${first.title}`,
              presenter: 'Entwickelnde Stadt',
              minutes: 30,
              project: first,
            },
          ]
        : []),
      { title: 'Schwerpunkte für das kommende Jahr', presenter: 'CDO-Runde', minutes: 45 },
      { title: 'Verschiedenes', presenter: null, minutes: 15 },
    ],
    decisions: [
      ...(first
        ? [
            {
              text: `Alle Mitgliedsstädte prüfen bis zum Jahresende die Nachnutzung von „${first.title}“.`,
              projects: [first],
            },
          ]
        : []),
      ...(second && third
        ? [
            {
              text: `„${second.title}“ und „${third.title}“ werden vorrangig weiterentwickelt; die Arbeitszirkel berichten halbjährlich.`,
              projects: [second, third],
            },
          ]
        : []),
      {
        text: 'Das nächste Jahrestreffen findet in einem Jahr statt; die Gastgeberstadt wechselt.',
        projects: [],
      },
    ],
    actions: [
      {
        title: 'Leitfaden zur Nachnutzung an alle Mitgliedsstädte versenden',
        dueOn: pastDay + 30,
        ownerCityId: host,
        project: first,
        status: ActionItemStatus.DONE,
        closedOn: pastDay + 24,
      },
      {
        title: 'Kennzahlen zur Nutzerzufriedenheit einheitlich erheben',
        dueOn: pastDay + 120,
        ownerWorkingGroupId: groups[0]?.id ?? null,
        ownerCityId: groups[0] ? null : host,
        status: ActionItemStatus.DONE,
        closedOn: pastDay + 110,
      },
      {
        title: 'Gemeinsame Ausschreibung für Formularserver prüfen',
        dueOn: pastDay + 90,
        ownerCityId: nextHost,
        status: ActionItemStatus.DROPPED,
        closedOn: pastDay + 80,
      },
      {
        title: second
          ? `Pilotbetrieb von „${second.title}“ in einer zweiten Stadt starten`
          : 'Pilotbetrieb in einer zweiten Stadt starten',
        // Past its due date and still open: shown as overdue, and again at the next annual meeting.
        dueOn: today - 60,
        ownerCityId: ownerOf(second, nextHost),
        project: second,
        status: ActionItemStatus.OPEN,
      },
      {
        title: 'Positionspapier zur Registermodernisierung abstimmen',
        dueOn: today + 45,
        ownerWorkingGroupId: groups[1]?.id ?? groups[0]?.id ?? null,
        ownerCityId: groups.length ? null : host,
        status: ActionItemStatus.OPEN,
      },
    ],
  };
  const nextDay = workingDayOnOrAfter(today + 28 + index * 14);
  const upcoming: MeetingPlan = {
    kind: MeetingKind.ANNUAL_MEETING,
    title: `Strategisches Jahrestreffen ${new Date(nextDay * DAY_MS).getUTCFullYear()} – ${cooperation.shortName}`,
    state: index === 0 ? MeetingState.OPEN : MeetingState.DRAFT,
    day: nextDay,
    startHour: 10,
    durationMinutes: 180,
    location: 'Rathaus, Sitzungssaal',
    hostCityId: nextHost,
    workingGroupId: null,
    attendees: memberCityIds.map((cityId) => ({
      cityId,
      role: cityId === nextHost ? 'Gastgeber, CDO' : 'CDO',
    })),
    agenda: [
      {
        title: 'Begrüßung und Rückblick auf die Beschlüsse des Vorjahres',
        presenter: 'Gastgeberstadt',
        minutes: 20,
      },
      {
        title: 'Was sich seit dem letzten Jahrestreffen geändert hat',
        presenter: 'Geschäftsstelle',
        minutes: 40,
      },
      { title: 'Offene Aufgaben', presenter: 'Geschäftsstelle', minutes: 30 },
      ...(first
        ? [
            {
              title: `Ausblick: ${first.title}`,
              presenter: 'Entwickelnde Stadt',
              minutes: 30,
              project: first,
            },
          ]
        : []),
      { title: 'Jahresbericht und Schwerpunkte', presenter: 'CDO-Runde', minutes: 60 },
    ],
    decisions: [],
    actions: [],
  };
  return [past, upcoming];
}

function groupMeetings(body: Body, today: Day, index: number): MeetingPlan[] {
  return body.groups.slice(0, 2).flatMap((group, position) => {
    const project = body.projects.find((p) => p.workingGroupId === group.id);
    const lead = group.leadCityId;
    const pastDay = workingDayOnOrAfter(today - 120 + index * 5 + position * 3);
    const nextDay = workingDayOnOrAfter(today + 42 + index * 5 + position * 3);
    const held: MeetingPlan = {
      kind: MeetingKind.WORKING_GROUP_MEETING,
      title: `Sitzung des Arbeitszirkels ${group.name}`,
      state: MeetingState.CLOSED,
      day: pastDay,
      startHour: 14,
      durationMinutes: 90,
      location: 'Videokonferenz',
      hostCityId: lead,
      workingGroupId: group.id,
      attendees: lead ? [{ cityId: lead, role: 'Leitung' }] : [],
      agenda: [
        { title: 'Stand der Projekte', presenter: 'Leitung des Arbeitszirkels', minutes: 45, project },
        { title: 'Erfahrungen aus der Nachnutzung', presenter: 'Mitgliedsstädte', minutes: 30 },
        { title: 'Termine und Verschiedenes', presenter: null, minutes: 15 },
      ],
      decisions: project
        ? [{ text: `Der Arbeitszirkel empfiehlt „${project.title}“ zur Nachnutzung.`, projects: [project] }]
        : [],
      actions: [
        {
          title: 'Erfahrungsbericht für die Wissensdatenbank schreiben',
          dueOn: pastDay + 21,
          ownerCityId: lead,
          project,
          status: ActionItemStatus.DONE,
          closedOn: pastDay + 19,
        },
        {
          title: 'Schnittstellenbeschreibung abstimmen',
          dueOn: today + 21 + position * 7,
          ownerWorkingGroupId: group.id,
          project,
          status: ActionItemStatus.OPEN,
        },
      ],
    };
    const planned: MeetingPlan = {
      kind: MeetingKind.WORKING_GROUP_MEETING,
      title: `Sitzung des Arbeitszirkels ${group.name}`,
      state: MeetingState.DRAFT,
      day: nextDay,
      startHour: 14,
      durationMinutes: 90,
      location: 'Videokonferenz',
      hostCityId: lead,
      workingGroupId: group.id,
      attendees: lead ? [{ cityId: lead, role: 'Leitung' }] : [],
      agenda: [
        {
          title: 'Offene Aufgaben der letzten Sitzung',
          presenter: 'Leitung des Arbeitszirkels',
          minutes: 20,
        },
        { title: 'Stand der Projekte', presenter: 'Leitung des Arbeitszirkels', minutes: 45, project },
      ],
      decisions: [],
      actions: [],
    };
    return [held, planned];
  });
}

async function insertMeeting(
  manager: EntityManager,
  cooperationId: number,
  plan: MeetingPlan,
  today: Day,
): Promise<void> {
  const startsAt = berlinTime(plan.day, plan.startHour);
  // Written down some weeks before it is held, and never later than yesterday.
  const created = new Date(Math.min(startsAt.getTime() - 30 * DAY_MS, berlinTime(today - 1, 9).getTime()));
  const { identifiers } = await manager.insert(Meeting, {
    kind: plan.kind,
    title: plan.title,
    startsAt,
    durationMinutes: plan.durationMinutes,
    state: plan.state,
    location: plan.location,
    hostCityId: plan.hostCityId,
    cooperationId,
    workingGroupId: plan.workingGroupId,
    createdAt: created,
    version: 1,
  });
  const meetingId = Number(identifiers[0]?.['id']);
  if (plan.attendees.length > 0) {
    await manager.insert(
      MeetingAttendee,
      plan.attendees.map((attendee) => ({ meetingId, ...attendee })),
    );
  }
  if (plan.agenda.length > 0) {
    await manager.insert(
      AgendaItem,
      plan.agenda.map((item, position) => ({
        meetingId,
        cooperationId,
        position: position + 1,
        title: item.title,
        presenter: item.presenter,
        durationMinutes: item.minutes,
        projectId: item.project?.id ?? null,
      })),
    );
  }
  for (const [position, decision] of plan.decisions.entries()) {
    const inserted = await manager.insert(Decision, {
      meetingId,
      cooperationId,
      text: decision.text,
      recordedAt: new Date(startsAt.getTime() + (60 + position * 30) * 60_000),
    });
    const decisionId = Number(inserted.identifiers[0]?.['id']);
    if (decision.projects.length > 0) {
      await manager.insert(
        DecisionProject,
        decision.projects.map((project) => ({ decisionId, projectId: project.id })),
      );
    }
  }
  for (const [position, action] of plan.actions.entries()) {
    await manager.insert(ActionItem, {
      meetingId,
      cooperationId,
      title: action.title,
      status: action.status,
      dueOn: isoDate(action.dueOn),
      ownerCityId: action.ownerCityId ?? null,
      ownerWorkingGroupId: action.ownerWorkingGroupId ?? null,
      projectId: action.project?.id ?? null,
      createdAt: new Date(startsAt.getTime() + (90 + position * 10) * 60_000),
      closedAt: action.closedOn === undefined ? null : berlinTime(action.closedOn, 9),
      version: action.status === ActionItemStatus.OPEN ? 1 : 2,
    });
  }
}

/** Writes the demo's meetings into the database the rest of the demo was just loaded into. */
export async function seedDemoMeetings(manager: EntityManager, now: Date): Promise<void> {
  const today = dayOf(now);
  for (const [index, body] of (await bodies(manager)).entries()) {
    const plans = [...annualMeetings(body, today, index), ...groupMeetings(body, today, index)];
    for (const plan of plans) {
      await insertMeeting(manager, body.cooperation.id, plan, today);
    }
  }
}
