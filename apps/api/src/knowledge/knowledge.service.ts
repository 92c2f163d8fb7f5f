import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { isAdmin, mayEditWorkingGroup, type Actor } from '../auth/index.js';
import { AuditEntry } from '../audit/index.js';
import {
  badField,
  decodeCursor,
  encodeCursor,
  notFound,
  pageSize,
  parseId,
  type Connection,
} from '../common/index.js';
import { Writes, rowOf, type Permission } from '../database/index.js';
import { Project } from '../projects/index.js';
import { indexDocument, knowledgeEntryDocument } from '../search/index.js';
import { Solution } from '../solutions/index.js';
import { WorkingGroup } from '../working-groups/index.js';
import type { KnowledgeEntriesArgs } from './dto/knowledge-entries.args.js';
import type { CreateKnowledgeEntryInput, UpdateKnowledgeEntryInput } from './dto/knowledge-entry.inputs.js';
import { KnowledgeEntry } from './knowledge-entry.entity.js';
import { applyKnowledgeFilter } from './knowledge.queries.js';

/** Where an entry belongs: its working group (whose leads edit it) and the project it is about. */
interface Place {
  readonly workingGroupId: number | null;
  readonly projectId: number | null;
}

@Injectable()
export class KnowledgeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
  ) {}

  async findOne(id: string, field = 'id'): Promise<KnowledgeEntry> {
    const entry = await this.dataSource
      .getRepository(KnowledgeEntry)
      .findOneBy({ id: parseId('KnowledgeEntry', id, field) });
    if (!entry) {
      throw notFound('KnowledgeEntry', id, field);
    }
    return entry;
  }

  /** One page of entries, most recently changed first, in two statements (count and page). */
  async findPage(args: KnowledgeEntriesArgs): Promise<Connection<KnowledgeEntry>> {
    const take = pageSize(args.first);
    const filtered = applyKnowledgeFilter(
      this.dataSource.getRepository(KnowledgeEntry).createQueryBuilder('k'),
      args.filter ?? {},
    );
    const totalCount = await filtered.clone().getCount();
    if (args.after !== undefined && args.after !== null) {
      const cursor = decodeCursor(args.after);
      filtered.andWhere(
        new Brackets((q) =>
          q
            .where('k.updatedAt < :cursorValue', { cursorValue: cursor.sortValue })
            .orWhere('(k.updatedAt = :cursorValue AND k.id < :cursorId)', { cursorId: cursor.id }),
        ),
      );
    }
    const { entities, raw } = await filtered
      .orderBy('k.updatedAt', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(take + 1)
      .getRawAndEntities<{ k_id: number; k_updatedAt: string | Date }>();
    // The cursor keeps the stored value as the database gives it, so that it compares exactly.
    const stored = new Map(
      raw.map((row) => [
        Number(row.k_id),
        row.k_updatedAt instanceof Date ? row.k_updatedAt.toISOString() : row.k_updatedAt,
      ]),
    );
    const nodes = entities.slice(0, take);
    const edges = nodes.map((node) => ({ node, cursor: encodeCursor(stored.get(node.id) ?? null, node.id) }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: entities.length > take, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  /** The entry's changes from the audit log, newest first. */
  history(entryIds: readonly number[]): Promise<AuditEntry[]> {
    return this.dataSource.getRepository(AuditEntry).find({
      where: entryIds.map((id) => ({ entity: KnowledgeEntry.name, entityId: String(id) })),
      order: { at: 'DESC', id: 'DESC' },
    });
  }

  create(actor: Actor, input: CreateKnowledgeEntryInput): Promise<KnowledgeEntry> {
    const now = new Date();
    let place: Place;
    return this.writes.create(actor, {
      operation: 'createKnowledgeEntry',
      entity: KnowledgeEntry,
      authorize: async (_parents, actor, manager) => {
        place = await placeOf(manager, input.workingGroupId ?? null, input.projectId ?? null);
        return edits(actor, place.workingGroupId);
      },
      values: async (_parents, manager) => ({
        title: input.title,
        body: input.body,
        tags: input.tags,
        ...place,
        solutionId: await solutionOrNull(manager, input.solutionId ?? null),
        createdAt: now,
        updatedAt: now,
      }),
      write: async (entry, manager) => {
        await indexDocument(manager, knowledgeEntryDocument(entry));
        return undefined;
      },
    });
  }

  update(actor: Actor, input: UpdateKnowledgeEntryInput): Promise<KnowledgeEntry> {
    return this.writes.change(actor, {
      operation: 'updateKnowledgeEntry',
      row: rowOf(KnowledgeEntry, input.knowledgeEntryId, 'knowledgeEntryId'),
      version: input.version,
      authorize: async (entry, actor, manager) => {
        const mayEdit = edits(actor, entry.workingGroupId);
        if (mayEdit !== true) return mayEdit;
        // Moving an entry needs the right to edit where it goes, too.
        const place = await placeOf(
          manager,
          input.workingGroupId === undefined ? entry.workingGroupId : input.workingGroupId,
          input.projectId === undefined ? entry.projectId : input.projectId,
        );
        return edits(actor, place.workingGroupId);
      },
      values: async (entry, manager) => {
        const changes: Partial<KnowledgeEntry> = {};
        if (input.title !== undefined) changes.title = input.title;
        if (input.body !== undefined) changes.body = input.body;
        if (input.tags !== undefined) changes.tags = input.tags;
        if (input.solutionId !== undefined)
          changes.solutionId = await solutionOrNull(manager, input.solutionId);
        if (input.workingGroupId !== undefined || input.projectId !== undefined) {
          Object.assign(
            changes,
            await placeOf(
              manager,
              input.workingGroupId === undefined ? entry.workingGroupId : input.workingGroupId,
              input.projectId === undefined ? entry.projectId : input.projectId,
            ),
          );
        }
        return { ...changes, updatedAt: new Date() };
      },
      write: async (after, _before, manager) => {
        await indexDocument(manager, knowledgeEntryDocument(after));
        return undefined;
      },
    });
  }
}

/**
 * The working group and project of an entry, checked: both exist, the project belongs to the working group,
 * and an entry about a project without a working group belongs to the project's.
 */
async function placeOf(
  manager: EntityManager,
  workingGroupIdInput: string | number | null,
  projectIdInput: string | number | null,
): Promise<Place> {
  const fromProject = workingGroupIdInput === null;
  let workingGroupId: number | null = null;
  if (workingGroupIdInput !== null) {
    workingGroupId = parseId('WorkingGroup', workingGroupIdInput, 'workingGroupId');
    if (!(await manager.existsBy(WorkingGroup, { id: workingGroupId }))) {
      throw notFound('WorkingGroup', workingGroupIdInput, 'workingGroupId');
    }
  }
  if (projectIdInput === null) {
    return { workingGroupId, projectId: null };
  }
  const projectId = parseId('Project', projectIdInput, 'projectId');
  const project = await manager.findOneBy(Project, { id: projectId });
  if (!project) {
    throw notFound('Project', projectIdInput, 'projectId');
  }
  if (fromProject) {
    return { workingGroupId: project.workingGroupId, projectId };
  }
  if (project.workingGroupId !== workingGroupId) {
    throw badField('projectId', 'must be a project of the entry’s working group');
  }
  return { workingGroupId, projectId };
}

async function solutionOrNull(manager: EntityManager, solutionId: string | null): Promise<number | null> {
  if (solutionId === null) return null;
  const id = parseId('Solution', solutionId, 'solutionId');
  if (!(await manager.existsBy(Solution, { id }))) {
    throw notFound('Solution', solutionId, 'solutionId');
  }
  return id;
}

/** A working group's entries are edited by its leads and by admins; an entry of none, by admins. */
function edits(actor: Actor, workingGroupId: number | null): Permission {
  if (workingGroupId === null) {
    return (
      isAdmin(actor) || 'Only administrators may edit knowledge entries that belong to no working group.'
    );
  }
  return (
    mayEditWorkingGroup(actor, workingGroupId) ||
    'Only the leads of the entry’s working group and administrators may edit it.'
  );
}
