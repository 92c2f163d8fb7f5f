import {
  ActionItemStatus,
  MeetingKind,
  MeetingState,
  meetingStateChangeError,
  Role,
  todayIso,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { isAdmin, mayEditWorkingGroup, type Actor } from '../auth/index.js';
import { City } from '../cities/index.js';
import {
  badField,
  decodeCursor,
  encodeCursor,
  notFound,
  pageSize,
  parseId,
  type Connection,
} from '../common/index.js';
import { Cooperation, Membership } from '../cooperations/index.js';
import { Writes, dialectOf, rowOf, type Keyed, type Permission, type RowRef } from '../database/index.js';
import { Project } from '../projects/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import { ActionItem } from './action-item.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { DecisionProject } from './decision-project.entity.js';
import { Decision } from './decision.entity.js';
import type {
  AddAgendaItemInput,
  CreateMeetingInput,
  RecordActionItemInput,
  RecordDecisionInput,
  SetMeetingStateInput,
  UpdateActionItemInput,
} from './dto/meeting.inputs.js';
import type { ActionItemFilter, ActionItemsArgs, MeetingFilter, MeetingsArgs } from './dto/meetings.args.js';
import { MeetingAttendee } from './meeting-attendee.entity.js';
import { Meeting } from './meeting.entity.js';
import { decisionDocument, indexDocument } from '../search/index.js';
import { MEETING_STATE_FOR_SHARE } from './meetings.queries.js';

/** The day after an ISO date, as an instant (midnight UTC), for "on or before this day". */
function dayAfter(date: string): Date {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

/**
 * Who holds a meeting, and so may change it: administrators; for an annual meeting the CDOs of the
 * cooperation's member cities; for a working-group meeting the group's leads.
 */
export async function mayHoldMeeting(
  db: DataSource | EntityManager,
  actor: Actor,
  body: { cooperationId: number; workingGroupId: number | null },
): Promise<boolean> {
  if (isAdmin(actor)) {
    return true;
  }
  if (body.workingGroupId !== null) {
    return mayEditWorkingGroup(actor, body.workingGroupId);
  }
  const cdoCities = actor.grants
    .filter((grant) => grant.role === Role.CDO && grant.cityId !== null)
    .map((grant) => grant.cityId as number);
  if (cdoCities.length === 0) {
    return false;
  }
  const manager = 'manager' in db ? db.manager : db;
  return manager.existsBy(Membership, { cooperationId: body.cooperationId, cityId: In(cdoCities) });
}

async function holds(
  db: EntityManager,
  actor: Actor,
  body: { cooperationId: number; workingGroupId: number | null },
): Promise<Permission> {
  if (await mayHoldMeeting(db, actor, body)) {
    return true;
  }
  return body.workingGroupId !== null
    ? 'Only the leads of the working group and administrators may hold its meetings.'
    : 'Only the CDOs of the cooperation’s member cities and administrators may hold its annual meetings.';
}

@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
  ) {}

  async findOne(id: string, field = 'id'): Promise<Meeting> {
    const meeting = await this.dataSource
      .getRepository(Meeting)
      .findOneBy({ id: parseId('Meeting', id, field) });
    if (!meeting) {
      throw notFound('Meeting', id, field);
    }
    return meeting;
  }

  /** Meetings matching the filter, latest first, a page at a time. */
  findPage(args: MeetingsArgs): Promise<Connection<Meeting>> {
    const query = this.filteredMeetings(args.filter ?? {});
    return this.page(query, 'm', args, '"startsAt"', 'meeting', 'DESC');
  }

  /** Action items matching the filter, by due date, a page at a time. */
  findActionItems(args: ActionItemsArgs): Promise<Connection<ActionItem>> {
    const query = this.filteredActionItems(args.filter ?? {});
    return this.page(query, 'ai', args, '"dueOn"', 'action_item', 'ASC');
  }

  /** Open action items of the meetings of the same cooperation (annual) or working group held before. */
  openEarlierActionItems(meeting: Meeting): Promise<ActionItem[]> {
    const query = this.dataSource
      .getRepository(ActionItem)
      .createQueryBuilder('ai')
      .innerJoin(Meeting, 'm', 'm.id = ai.meetingId')
      .where('ai.status = :open', { open: ActionItemStatus.OPEN })
      .andWhere('m.startsAt < :startsAt', { startsAt: meeting.startsAt })
      .andWhere('m.id <> :id', { id: meeting.id });
    if (meeting.workingGroupId !== null) {
      query.andWhere('m.workingGroupId = :workingGroupId', { workingGroupId: meeting.workingGroupId });
    } else {
      query
        .andWhere('m.cooperationId = :cooperationId', { cooperationId: meeting.cooperationId })
        .andWhere('m.kind = :annual', { annual: MeetingKind.ANNUAL_MEETING });
    }
    return query.orderBy('ai.dueOn', 'ASC').addOrderBy('ai.id', 'ASC').getMany();
  }

  mayHold(actor: Actor, meeting: Meeting): Promise<boolean> {
    return mayHoldMeeting(this.dataSource, actor, meeting);
  }

  /**
   * Keyset pagination over `column` of `table` and the id; the cursor holds only the id, and the row's
   * sort value is read back in SQL, so instants compare the same way on both databases.
   */
  private async page<T extends Keyed>(
    query: SelectQueryBuilder<T>,
    alias: string,
    args: { first?: number; after?: string },
    column: string,
    table: string,
    direction: 'ASC' | 'DESC',
  ): Promise<Connection<T>> {
    const take = pageSize(args.first);
    const totalCount = await query.clone().getCount();
    if (args.after !== undefined && args.after !== null) {
      const { id } = decodeCursor(args.after);
      const op = direction === 'DESC' ? '<' : '>';
      const cursorValue = `(SELECT c.${column} FROM ${table} c WHERE c.id = :cursorId)`;
      query.andWhere(
        new Brackets((q) =>
          q
            .where(`${alias}.${column} ${op} ${cursorValue}`, { cursorId: id })
            .orWhere(`(${alias}.${column} = ${cursorValue} AND ${alias}.id ${op} :cursorId)`),
        ),
      );
    }
    const rows = await query
      .orderBy(`${alias}.${column.replaceAll('"', '')}`, direction)
      .addOrderBy(`${alias}.id`, direction)
      .take(take + 1)
      .getMany();
    const nodes = rows.slice(0, take);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor(null, node.id) }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  private filteredMeetings(filter: MeetingFilter): SelectQueryBuilder<Meeting> {
    const query = this.dataSource.getRepository(Meeting).createQueryBuilder('m');
    if (filter.cooperationId) {
      query.andWhere('m.cooperationId = :cooperationId', {
        cooperationId: parseId('Cooperation', filter.cooperationId, 'filter.cooperationId'),
      });
    }
    if (filter.workingGroupId) {
      query.andWhere('m.workingGroupId = :workingGroupId', {
        workingGroupId: parseId('WorkingGroup', filter.workingGroupId, 'filter.workingGroupId'),
      });
    }
    if (filter.from && filter.to && filter.to < filter.from) {
      throw badField('filter.to', 'must not be before filter.from');
    }
    if (filter.from) {
      query.andWhere('m.startsAt >= :from', { from: new Date(`${filter.from}T00:00:00Z`) });
    }
    if (filter.to) {
      query.andWhere('m.startsAt < :to', { to: dayAfter(filter.to) });
    }
    return query;
  }

  private filteredActionItems(filter: ActionItemFilter): SelectQueryBuilder<ActionItem> {
    const query = this.dataSource.getRepository(ActionItem).createQueryBuilder('ai');
    if (filter.cooperationId) {
      query.andWhere('ai.cooperationId = :cooperationId', {
        cooperationId: parseId('Cooperation', filter.cooperationId, 'filter.cooperationId'),
      });
    }
    if (filter.workingGroupId) {
      const workingGroupId = parseId('WorkingGroup', filter.workingGroupId, 'filter.workingGroupId');
      query.andWhere(
        new Brackets((q) =>
          q
            .where('ai.ownerWorkingGroupId = :workingGroupId', { workingGroupId })
            .orWhere(
              'EXISTS (SELECT 1 FROM meeting wm WHERE wm.id = ai."meetingId" AND wm."workingGroupId" = :workingGroupId)',
            ),
        ),
      );
    }
    if (filter.ownerCityId) {
      query.andWhere('ai.ownerCityId = :ownerCityId', {
        ownerCityId: parseId('City', filter.ownerCityId, 'filter.ownerCityId'),
      });
    }
    if (filter.projectId) {
      query.andWhere('ai.projectId = :projectId', {
        projectId: parseId('Project', filter.projectId, 'filter.projectId'),
      });
    }
    if (filter.meetingId) {
      query.andWhere('ai.meetingId = :meetingId', {
        meetingId: parseId('Meeting', filter.meetingId, 'filter.meetingId'),
      });
    }
    if (filter.status) {
      query.andWhere('ai.status = :status', { status: filter.status });
    }
    if (filter.overdue === true) {
      query
        .andWhere('ai.status = :openStatus', { openStatus: ActionItemStatus.OPEN })
        .andWhere('ai.dueOn < :today', { today: todayIso() });
    } else if (filter.overdue === false) {
      query.andWhere(
        new Brackets((q) =>
          q
            .where('ai.status <> :openStatus', { openStatus: ActionItemStatus.OPEN })
            .orWhere('ai.dueOn >= :today', { today: todayIso() }),
        ),
      );
    }
    return query;
  }

  createMeeting(actor: Actor, input: CreateMeetingInput): Promise<Meeting> {
    const given = (id: string | null | undefined) => id !== null && id !== undefined && id !== '';
    if (given(input.cooperationId) === given(input.workingGroupId)) {
      throw badField(
        given(input.cooperationId) ? 'workingGroupId' : 'cooperationId',
        'give exactly one of cooperationId (annual meeting) and workingGroupId (working-group meeting)',
      );
    }
    const forGroup = given(input.workingGroupId);
    const parents: Record<string, RowRef<Keyed>> = forGroup
      ? { workingGroup: rowOf(WorkingGroup, input.workingGroupId as string, 'workingGroupId') }
      : { cooperation: rowOf(Cooperation, input.cooperationId as string, 'cooperationId') };
    const bodyOf = (loaded: Record<string, Keyed>) => {
      const group = loaded['workingGroup'] as WorkingGroup | undefined;
      return group
        ? { cooperationId: group.cooperationId, workingGroupId: group.id }
        : { cooperationId: (loaded['cooperation'] as Cooperation).id, workingGroupId: null };
    };
    const attendees = input.attendees ?? [];
    return this.writes.create(actor, {
      operation: 'createMeeting',
      entity: Meeting,
      parents,
      authorize: (loaded, actor, manager) => holds(manager, actor, bodyOf(loaded)),
      values: async (loaded, manager) => {
        const expected = forGroup ? MeetingKind.WORKING_GROUP_MEETING : MeetingKind.ANNUAL_MEETING;
        if (input.kind !== expected) {
          throw badField(
            'kind',
            forGroup
              ? 'a meeting of a working group is a WORKING_GROUP_MEETING'
              : 'a meeting of a cooperation is an ANNUAL_MEETING',
          );
        }
        const hostCityId = await cityOrNull(manager, input.hostCityId, 'hostCityId');
        const seen = new Set<number>();
        for (const [index, attendee] of attendees.entries()) {
          const id = await cityOrNull(manager, attendee.cityId, `attendees.${index}.cityId`);
          if (id !== null && seen.has(id)) {
            throw badField(`attendees.${index}.cityId`, 'names a city already listed');
          }
          if (id !== null) seen.add(id);
        }
        return {
          ...bodyOf(loaded),
          kind: input.kind,
          title: input.title,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes ?? null,
          location: input.location ?? null,
          hostCityId,
          state: MeetingState.DRAFT,
          createdAt: new Date(),
        };
      },
      write: async (meeting, manager) => {
        const rows = attendees.map((attendee) => ({
          meetingId: meeting.id,
          cityId: Number(attendee.cityId),
          role: attendee.role ?? null,
        }));
        if (rows.length > 0) {
          await manager.insert(MeetingAttendee, rows);
        }
        return { attendees: rows.map(({ cityId, role }) => ({ cityId, role })) };
      },
    });
  }

  setMeetingState(actor: Actor, input: SetMeetingStateInput): Promise<Meeting> {
    return this.writes.change(actor, {
      operation: 'setMeetingState',
      row: rowOf(Meeting, input.meetingId, 'meetingId'),
      version: input.version,
      authorize: (meeting, actor, manager) => holds(manager, actor, meeting),
      values: (meeting) => {
        const problem = meetingStateChangeError(meeting.state, input.state);
        if (problem) {
          throw badField('state', problem);
        }
        return { state: input.state };
      },
    });
  }

  addAgendaItem(actor: Actor, input: AddAgendaItemInput): Promise<AgendaItem> {
    return this.writes.create(actor, {
      operation: 'addAgendaItem',
      entity: AgendaItem,
      parents: { meeting: rowOf(Meeting, input.meetingId, 'meetingId') },
      authorize: ({ meeting }, actor, manager) => holds(manager, actor, meeting),
      values: async ({ meeting }, manager) => {
        await stillOpen(manager, meeting, 'its agenda can no longer change');
        const projectId = await projectOf(manager, meeting, input.projectId, 'projectId');
        const last = await manager
          .createQueryBuilder(AgendaItem, 'a')
          .select('MAX(a.position)', 'position')
          .where('a.meetingId = :meetingId', { meetingId: meeting.id })
          .getRawOne<{ position: number | string | null }>();
        return {
          meetingId: meeting.id,
          cooperationId: meeting.cooperationId,
          position: Number(last?.position ?? 0) + 1,
          title: input.title,
          presenter: input.presenter ?? null,
          durationMinutes: input.durationMinutes ?? null,
          projectId,
        };
      },
    });
  }

  recordDecision(actor: Actor, input: RecordDecisionInput): Promise<Decision> {
    const projectIds: number[] = [];
    return this.writes.create(actor, {
      operation: 'recordDecision',
      entity: Decision,
      parents: { meeting: rowOf(Meeting, input.meetingId, 'meetingId') },
      authorize: ({ meeting }, actor, manager) => holds(manager, actor, meeting),
      values: async ({ meeting }, manager) => {
        await inProgress(manager, meeting, 'decisions');
        for (const [index, id] of (input.projectIds ?? []).entries()) {
          const projectId = await projectOf(manager, meeting, id, `projectIds.${index}`);
          if (projectId !== null && !projectIds.includes(projectId)) projectIds.push(projectId);
        }
        return {
          meetingId: meeting.id,
          cooperationId: meeting.cooperationId,
          text: input.text,
          recordedAt: new Date(),
        };
      },
      write: async (decision, manager, { meeting }) => {
        if (projectIds.length > 0) {
          await manager.insert(
            DecisionProject,
            projectIds.map((projectId) => ({ decisionId: decision.id, projectId })),
          );
        }
        await indexDocument(
          manager,
          decisionDocument({ ...decision, meetingId: meeting.id, meetingTitle: meeting.title }),
        );
        return { projectIds };
      },
    });
  }

  recordActionItem(actor: Actor, input: RecordActionItemInput): Promise<ActionItem> {
    return this.writes.create(actor, {
      operation: 'recordActionItem',
      entity: ActionItem,
      parents: { meeting: rowOf(Meeting, input.meetingId, 'meetingId') },
      authorize: ({ meeting }, actor, manager) => holds(manager, actor, meeting),
      values: async ({ meeting }, manager) => {
        await inProgress(manager, meeting, 'action items');
        const byCity = input.ownerCityId !== null && input.ownerCityId !== undefined;
        const byGroup = input.ownerWorkingGroupId !== null && input.ownerWorkingGroupId !== undefined;
        if (byCity === byGroup) {
          throw badField(
            byCity ? 'ownerWorkingGroupId' : 'ownerCityId',
            'give exactly one owner: ownerCityId or ownerWorkingGroupId',
          );
        }
        const ownerCityId = await cityOrNull(manager, input.ownerCityId, 'ownerCityId');
        let ownerWorkingGroupId: number | null = null;
        if (byGroup) {
          const group = await manager.findOneBy(WorkingGroup, {
            id: parseId('WorkingGroup', input.ownerWorkingGroupId as string, 'ownerWorkingGroupId'),
          });
          if (!group) {
            throw notFound('WorkingGroup', input.ownerWorkingGroupId as string, 'ownerWorkingGroupId');
          }
          if (group.cooperationId !== meeting.cooperationId) {
            throw badField('ownerWorkingGroupId', 'is a working group of another cooperation');
          }
          ownerWorkingGroupId = group.id;
        }
        return {
          meetingId: meeting.id,
          cooperationId: meeting.cooperationId,
          title: input.title,
          status: ActionItemStatus.OPEN,
          dueOn: input.dueOn,
          ownerCityId,
          ownerWorkingGroupId,
          projectId: await projectOf(manager, meeting, input.projectId, 'projectId'),
          createdAt: new Date(),
          closedAt: null,
        };
      },
    });
  }

  /**
   * Follows an action item up: done, dropped, reopened or due later. Allowed also once its meeting is
   * closed — the closed meeting's record stays as it was, but its action items are settled at later
   * meetings (see Meeting.openEarlierActionItems) by whoever holds the meetings of the same body.
   */
  updateActionItem(actor: Actor, input: UpdateActionItemInput): Promise<ActionItem> {
    return this.writes.change(actor, {
      operation: 'updateActionItem',
      row: rowOf(ActionItem, input.actionItemId, 'actionItemId'),
      version: input.version,
      authorize: async (item, actor, manager) =>
        holds(manager, actor, await manager.findOneByOrFail(Meeting, { id: item.meetingId })),
      values: (item) => {
        if (input.status === undefined && input.dueOn === undefined) {
          throw badField('status', 'give a new status or dueOn');
        }
        const changes: Partial<ActionItem> = {};
        if (input.dueOn !== undefined) changes.dueOn = input.dueOn;
        if (input.status !== undefined && input.status !== item.status) {
          changes.status = input.status;
          changes.closedAt = input.status === ActionItemStatus.OPEN ? null : new Date();
        }
        return changes;
      },
    });
  }
}

/** Refuses changes to a closed meeting; on PostgreSQL the meeting's row stays as read until commit. */
async function stillOpen(manager: EntityManager, meeting: Meeting, what: string): Promise<void> {
  const state = await currentState(manager, meeting);
  if (state === MeetingState.CLOSED) {
    throw badField('meetingId', `the meeting is CLOSED; ${what}`);
  }
}

async function inProgress(manager: EntityManager, meeting: Meeting, what: string): Promise<void> {
  const state = await currentState(manager, meeting);
  if (state !== MeetingState.IN_PROGRESS) {
    throw badField(
      'meetingId',
      `${what} are recorded only while the meeting is IN_PROGRESS; this one is ${state}`,
    );
  }
}

/**
 * The meeting's state, locked against a concurrent state change until this write commits (PostgreSQL;
 * SQLite runs one write at a time anyway), so nothing is added to a meeting that has just been closed.
 */
async function currentState(manager: EntityManager, meeting: Meeting): Promise<MeetingState> {
  if (dialectOf(manager).name !== 'postgres') {
    return meeting.state;
  }
  const rows: { state: MeetingState }[] = await manager.query(MEETING_STATE_FOR_SHARE, [meeting.id]);
  return rows[0]?.state ?? meeting.state;
}

async function cityOrNull(
  manager: EntityManager,
  cityId: string | null | undefined,
  field: string,
): Promise<number | null> {
  if (cityId === null || cityId === undefined) {
    return null;
  }
  const id = parseId('City', cityId, field);
  if (!(await manager.existsBy(City, { id }))) {
    throw notFound('City', cityId, field);
  }
  return id;
}

/** A project of the meeting's cooperation, or null when none is named. */
async function projectOf(
  manager: EntityManager,
  meeting: Meeting,
  projectId: string | null | undefined,
  field: string,
): Promise<number | null> {
  if (projectId === null || projectId === undefined) {
    return null;
  }
  const row = await manager
    .createQueryBuilder(Project, 'p')
    .innerJoin(WorkingGroup, 'wg', 'wg.id = p.workingGroupId')
    .select('p.id', 'id')
    .addSelect('wg.cooperationId', 'cooperationId')
    .where('p.id = :id', { id: parseId('Project', projectId, field) })
    .getRawOne<{ id: number; cooperationId: number }>();
  if (!row) {
    throw notFound('Project', projectId, field);
  }
  if (Number(row.cooperationId) !== meeting.cooperationId) {
    throw badField(field, 'is a project of another cooperation');
  }
  return Number(row.id);
}
