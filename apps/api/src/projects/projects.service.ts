import { AdoptionStage, ProjectHealth, ProjectPhase, todayIso } from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Account } from '../accounts/index.js';
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
import { mayEditWorkingGroup, type Actor } from '../auth/index.js';
import { Writes, rowOf, type Permission } from '../database/index.js';
import { applyProjectKind, applyStatusUpdate } from '../figures/index.js';
import { OzgTopic } from '../reference/index.js';
import { indexDocument, projectDocument } from '../search/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import type {
  AddMilestoneInput,
  CreateProjectInput,
  PostStatusUpdateInput,
  UpdateMilestoneInput,
  UpdateProjectInput,
} from './dto/project.inputs.js';
import {
  ProjectSortField,
  SortDirection,
  type ProjectFilter,
  type ProjectOrder,
  type ProjectsArgs,
} from './dto/projects.args.js';
import { Milestone } from './milestone.entity.js';
import { Project } from './project.entity.js';
import { StatusUpdate } from './status-update.entity.js';

function rankCase(column: string, values: readonly string[]): string {
  return `CASE ${column} ${values.map((value, rank) => `WHEN '${value}' THEN ${rank}`).join(' ')} END`;
}

/** SQL expression each sort field orders by; never NULL, so that keyset comparisons hold. */
const SORT_EXPRESSIONS: Record<ProjectSortField, string> = {
  [ProjectSortField.TITLE]: 'sort_key(p.title)',
  [ProjectSortField.PHASE]: rankCase('p.phase', Object.values(ProjectPhase)),
  [ProjectSortField.HEALTH]: rankCase('p.health', [
    ProjectHealth.RED,
    ProjectHealth.AMBER,
    ProjectHealth.GREEN,
  ]),
  [ProjectSortField.PROGRESS]: 'p.progress',
  [ProjectSortField.TARGET_DATE]: "COALESCE(p.targetDate, '9999-12-31')",
  [ProjectSortField.UPDATED_AT]: 'p.updatedAt',
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
  ) {}

  async findOne(id: string, field = 'id'): Promise<Project> {
    const project = await this.dataSource
      .getRepository(Project)
      .findOneBy({ id: parseId('Project', id, field) });
    if (!project) {
      throw notFound('Project', id, field);
    }
    return project;
  }

  /** One page of projects, in two statements (count and page) whatever the filter. */
  async findPage(args: ProjectsArgs): Promise<Connection<Project>> {
    const filter = args.filter ?? {};
    const totalCount = await this.filtered(filter).getCount();
    const { edges, hasNextPage } = await this.slice(filter, args.orderBy, args.after, pageSize(args.first));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /**
   * Every project of the filter in the list's order, `chunk` at a time: the rows the list shows on all its
   * pages, for an export, read the way the list reads them.
   */
  async *findAll(
    filter: ProjectFilter,
    orderBy: ProjectOrder | null | undefined,
    chunk = 500,
  ): AsyncGenerator<Project[]> {
    let after: string | undefined;
    for (;;) {
      const { edges, hasNextPage } = await this.slice(filter, orderBy, after, chunk);
      if (edges.length > 0) yield edges.map((edge) => edge.node);
      if (!hasNextPage) return;
      after = edges.at(-1)?.cursor;
    }
  }

  private async slice(
    filter: ProjectFilter,
    orderBy: ProjectOrder | null | undefined,
    after: string | null | undefined,
    take: number,
  ): Promise<{ edges: { node: Project; cursor: string }[]; hasNextPage: boolean }> {
    const field = orderBy?.field ?? ProjectSortField.TITLE;
    const descending = orderBy?.direction === SortDirection.DESC;
    const sort = SORT_EXPRESSIONS[field];

    // In parentheses: a bare `p.progress` would be taken for the entity's column and leave it unset.
    const page = this.filtered(filter).addSelect(`(${sort})`, 'sort_value');
    if (after !== undefined && after !== null) {
      const cursor = decodeCursor(after);
      const op = descending ? '<' : '>';
      page.andWhere(
        new Brackets((q) =>
          q
            .where(`${sort} ${op} :cursorValue`, { cursorValue: cursor.sortValue })
            .orWhere(`(${sort} = :cursorValue AND p.id ${op} :cursorId)`, { cursorId: cursor.id }),
        ),
      );
    }
    const direction = descending ? 'DESC' : 'ASC';
    const { entities, raw } = await page
      .orderBy(sort, direction)
      .addOrderBy('p.id', direction)
      .limit(take + 1)
      .getRawAndEntities<{ sort_value: string | number; p_id: number }>();
    const sortValues = new Map(raw.map((row) => [row.p_id, row.sort_value]));
    const edges = entities.slice(0, take).map((node) => ({
      node,
      cursor: encodeCursor(sortValues.get(node.id) ?? null, node.id),
    }));
    return { edges, hasNextPage: entities.length > take };
  }

  private filtered(filter: ProjectFilter): SelectQueryBuilder<Project> {
    const query = this.dataSource.getRepository(Project).createQueryBuilder('p');
    if (filter.cooperationId) {
      query
        .innerJoin(WorkingGroup, 'wg', 'wg.id = p.workingGroupId')
        .andWhere('wg.cooperationId = :cooperationId', {
          cooperationId: parseId('Cooperation', filter.cooperationId, 'filter.cooperationId'),
        });
    }
    if (filter.workingGroupId) {
      query.andWhere('p.workingGroupId = :workingGroupId', {
        workingGroupId: parseId('WorkingGroup', filter.workingGroupId, 'filter.workingGroupId'),
      });
    }
    if (filter.phases?.length) query.andWhere('p.phase IN (:...phases)', { phases: filter.phases });
    if (filter.healths?.length) query.andWhere('p.health IN (:...healths)', { healths: filter.healths });
    if (filter.kinds?.length) query.andWhere('p.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.isEfa !== null && filter.isEfa !== undefined)
      query.andWhere('p.isEfa = :isEfa', { isEfa: filter.isEfa });
    if (filter.ozgTopic) query.andWhere('p.ozgTopic = :ozgTopic', { ozgTopic: filter.ozgTopic });
    if (filter.cityId) {
      const cityId = parseId('City', filter.cityId, 'filter.cityId');
      query.andWhere(
        new Brackets((q) =>
          q
            .where('p.ownerCityId = :cityId', { cityId })
            .orWhere(
              'EXISTS (SELECT 1 FROM adoption a WHERE a."projectId" = p.id AND a."cityId" = :cityId AND a.stage <> :notPlanned)',
              { notPlanned: AdoptionStage.NOT_PLANNED },
            ),
        ),
      );
    }
    if (filter.search) {
      // Folded in SQL on both sides (case, diacritics, ß), so that "strasse" finds "Straße".
      const pattern = `%${escapeLike(filter.search)}%`;
      query.andWhere(
        new Brackets((q) =>
          q
            .where("sort_key(p.title) LIKE sort_key(:pattern) ESCAPE '\\'", { pattern })
            .orWhere("sort_key(COALESCE(p.description, '')) LIKE sort_key(:pattern) ESCAPE '\\'", {
              pattern,
            }),
        ),
      );
    }
    return query;
  }

  create(actor: Actor, input: CreateProjectInput): Promise<Project> {
    const now = new Date();
    return this.writes.create(actor, {
      operation: 'createProject',
      entity: Project,
      parents: { workingGroup: rowOf(WorkingGroup, input.workingGroupId, 'workingGroupId') },
      authorize: ({ workingGroup }, actor) => leads(actor, workingGroup.id),
      values: async ({ workingGroup }, manager) => {
        const ownerCityId = await this.cityOrNull(manager, input.ownerCityId, 'ownerCityId');
        await this.checkTopic(manager, input.ozgTopic);
        checkDates(input.startDate ?? null, input.targetDate ?? null);
        return {
          workingGroupId: workingGroup.id,
          ownerCityId,
          title: input.title,
          description: input.description ?? null,
          kind: input.kind,
          phase: input.phase,
          health: input.health,
          progress: input.progress,
          startDate: input.startDate ?? null,
          targetDate: input.targetDate ?? null,
          leikaKey: input.leikaKey ?? null,
          ozgTopic: input.ozgTopic ?? null,
          isEfa: input.isEfa,
          risks: input.risks ?? null,
          updatedAt: now,
        };
      },
      write: async (project, manager) => {
        // The current state is always that of the latest update, so a new project starts with one.
        const first = await manager.save(StatusUpdate, {
          projectId: project.id,
          createdAt: now,
          author: await authorName(manager, actor),
          phase: input.phase,
          health: input.health,
          progress: input.progress,
          summary: 'Projekt angelegt.',
          blockers: null,
        });
        await applyStatusUpdate(manager, first);
        await indexDocument(manager, projectDocument(project));
        if (input.milestones?.length) {
          await manager.insert(
            Milestone,
            input.milestones.map((m) => ({
              projectId: project.id,
              title: m.title,
              dueOn: m.dueOn,
              doneOn: null,
              version: 1,
            })),
          );
        }
        return { milestones: input.milestones ?? [] };
      },
    });
  }

  update(actor: Actor, input: UpdateProjectInput): Promise<Project> {
    return this.writes.change(actor, {
      operation: 'updateProject',
      row: rowOf(Project, input.id),
      version: input.version,
      authorize: (project, actor) => leads(actor, project.workingGroupId),
      values: async (project, manager) => {
        const changes: Partial<Project> = {};
        if (input.title !== undefined) changes.title = input.title;
        if (input.kind !== undefined) changes.kind = input.kind;
        if (input.description !== undefined) changes.description = input.description;
        if (input.isEfa !== undefined) changes.isEfa = input.isEfa;
        if (input.risks !== undefined) changes.risks = input.risks;
        if (input.leikaKey !== undefined) changes.leikaKey = input.leikaKey;
        if (input.startDate !== undefined) changes.startDate = input.startDate;
        if (input.targetDate !== undefined) changes.targetDate = input.targetDate;
        if (input.ownerCityId !== undefined) {
          changes.ownerCityId = await this.cityOrNull(manager, input.ownerCityId, 'ownerCityId');
        }
        if (input.ozgTopic !== undefined) {
          await this.checkTopic(manager, input.ozgTopic);
          changes.ozgTopic = input.ozgTopic;
        }
        // A date sent as null is cleared, so only one left out keeps the stored value.
        checkDates(
          input.startDate === undefined ? project.startDate : input.startDate,
          input.targetDate === undefined ? project.targetDate : input.targetDate,
        );
        return { ...changes, updatedAt: new Date() };
      },
      // A project that becomes (or stops being) an online service changes the cockpit's figures.
      write: async (after, before, manager) => {
        await applyProjectKind(manager, before, after);
        await indexDocument(manager, projectDocument(after));
        return undefined;
      },
    });
  }

  /**
   * Adds to the project's timeline and sets its current phase, health and progress: an append, so the
   * project's version is checked only when the client sends the one it saw (see PostStatusUpdateInput).
   */
  postStatusUpdate(actor: Actor, input: PostStatusUpdateInput): Promise<StatusUpdate> {
    const now = new Date();
    const state = { phase: input.phase, health: input.health, progress: input.progress };
    return this.writes.append(actor, {
      operation: 'postStatusUpdate',
      row: rowOf(Project, input.projectId, 'projectId'),
      version: input.version,
      authorize: (project, actor) => leads(actor, project.workingGroupId),
      values: () => ({ ...state, updatedAt: now }),
      // After the project's row changed (on PostgreSQL: locked), so that the figures follow in order.
      write: async (project, _before, manager) => {
        const statusUpdate = await manager.save(
          manager.create(StatusUpdate, {
            projectId: project.id,
            createdAt: now,
            author: await authorName(manager, actor),
            ...state,
            summary: input.summary,
            blockers: input.blockers ?? null,
          }),
        );
        await applyStatusUpdate(manager, statusUpdate);
        return { statusUpdate };
      },
      audit: (before, _after, { statusUpdate }) => ({
        before: { phase: before.phase, health: before.health, progress: before.progress },
        after: { ...state, statusUpdateId: statusUpdate.id },
      }),
      result: (_after, { statusUpdate }) => statusUpdate,
    });
  }

  addMilestone(actor: Actor, input: AddMilestoneInput): Promise<Milestone> {
    return this.writes.create(actor, {
      operation: 'addMilestone',
      entity: Milestone,
      parents: { project: rowOf(Project, input.projectId, 'projectId') },
      authorize: ({ project }, actor) => leads(actor, project.workingGroupId),
      values: ({ project }) => ({
        projectId: project.id,
        title: input.title,
        dueOn: input.dueOn,
        doneOn: null,
      }),
    });
  }

  updateMilestone(actor: Actor, input: UpdateMilestoneInput): Promise<Milestone> {
    return this.writes.change(actor, {
      operation: 'updateMilestone',
      row: rowOf(Milestone, input.id),
      version: input.version,
      authorize: async (milestone, actor, manager) =>
        leads(actor, (await manager.findOneByOrFail(Project, { id: milestone.projectId })).workingGroupId),
      values: () => {
        if (input.doneOn && input.doneOn > todayIso()) {
          throw badField('doneOn', 'must not be in the future');
        }
        const changes: Partial<Milestone> = {};
        if (input.title !== undefined) changes.title = input.title;
        if (input.dueOn !== undefined) changes.dueOn = input.dueOn;
        if (input.doneOn !== undefined) changes.doneOn = input.doneOn;
        return changes;
      },
    });
  }

  private async cityOrNull(
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

  private async checkTopic(manager: EntityManager, key: string | null | undefined): Promise<void> {
    if (key && !(await manager.existsBy(OzgTopic, { key }))) {
      throw badField('ozgTopic', `"${key}" is not an OZG topic area key (see ozgTopics)`);
    }
  }
}

/** How a status update is signed: the author's display name, as people know them, not the username. */
async function authorName(manager: EntityManager, actor: Actor): Promise<string> {
  if (actor.accountId === null) {
    return actor.username;
  }
  const account = await manager.findOneBy(Account, { id: actor.accountId });
  return account?.displayName ?? actor.username;
}

/** Projects, milestones and status updates are changed by their working group's leads and by admins. */
function leads(actor: Actor, workingGroupId: number): Permission {
  return (
    mayEditWorkingGroup(actor, workingGroupId) ||
    'Only the leads of the project’s working group and administrators may change it.'
  );
}

function checkDates(startDate: string | null, targetDate: string | null): void {
  if (startDate && targetDate && targetDate < startDate) {
    throw badField('targetDate', 'must not be before startDate');
  }
}
