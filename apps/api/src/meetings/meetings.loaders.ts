import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Project } from '../projects/index.js';
import { ActionItem } from './action-item.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { DecisionProject } from './decision-project.entity.js';
import { Decision } from './decision.entity.js';
import { MeetingAttendee } from './meeting-attendee.entity.js';
import { Meeting } from './meeting.entity.js';

function grouped<T, K extends keyof T>(rows: readonly T[], keys: readonly number[], key: K): T[][] {
  const groups = new Map<number, T[]>(keys.map((k) => [k, []]));
  rows.forEach((row) => groups.get(Number(row[key]))?.push(row));
  return keys.map((k) => groups.get(k) ?? []);
}

/** The meetings feature's DataLoaders for one request: one statement per relation and level. */
function createMeetingLoaders(dataSource: DataSource) {
  return {
    meeting: new DataLoader<number, Meeting | null>(async (ids) => {
      const rows = await dataSource.getRepository(Meeting).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    attendeesByMeeting: new DataLoader<number, MeetingAttendee[]>(async (ids) =>
      grouped(
        await dataSource
          .getRepository(MeetingAttendee)
          .find({ where: { meetingId: In([...ids]) }, order: { cityId: 'ASC' } }),
        ids,
        'meetingId',
      ),
    ),
    agendaByMeeting: new DataLoader<number, AgendaItem[]>(async (ids) =>
      grouped(
        await dataSource
          .getRepository(AgendaItem)
          .find({ where: { meetingId: In([...ids]) }, order: { position: 'ASC' } }),
        ids,
        'meetingId',
      ),
    ),
    decisionsByMeeting: new DataLoader<number, Decision[]>(async (ids) =>
      grouped(
        await dataSource
          .getRepository(Decision)
          .find({ where: { meetingId: In([...ids]) }, order: { recordedAt: 'ASC', id: 'ASC' } }),
        ids,
        'meetingId',
      ),
    ),
    actionItemsByMeeting: new DataLoader<number, ActionItem[]>(async (ids) =>
      grouped(
        await dataSource
          .getRepository(ActionItem)
          .find({ where: { meetingId: In([...ids]) }, order: { dueOn: 'ASC', id: 'ASC' } }),
        ids,
        'meetingId',
      ),
    ),
    projectsByDecision: new DataLoader<number, Project[]>(async (ids) => {
      const links = await dataSource
        .getRepository(DecisionProject)
        .find({ where: { decisionId: In([...ids]) }, order: { projectId: 'ASC' } });
      const projects = links.length
        ? await dataSource.getRepository(Project).findBy({ id: In(links.map((l) => l.projectId)) })
        : [];
      const byId = new Map(projects.map((project) => [project.id, project]));
      return grouped(links, ids, 'decisionId').map((group) =>
        group.flatMap((link) => byId.get(link.projectId) ?? []),
      );
    }),
  };
}

export type MeetingLoaders = ReturnType<typeof createMeetingLoaders>;

// Keyed on the request's GraphQL context, so loaders live exactly as long as one request.
const perRequest = new WeakMap<object, MeetingLoaders>();

/** This request's meeting loaders, made when first asked for. */
export function meetingLoaders(context: object, dataSource: DataSource): MeetingLoaders {
  let loaders = perRequest.get(context);
  if (!loaders) {
    loaders = createMeetingLoaders(dataSource);
    perRequest.set(context, loaders);
  }
  return loaders;
}
