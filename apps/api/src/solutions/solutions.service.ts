import {
  AdoptionSource,
  contactError,
  experienceError,
  isIsoDate,
  solutionUrlError,
  todayIso,
} from '@koop/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { Adoption } from '../adoptions/index.js';
import { isAdmin, mayEditCity, mayEditWorkingGroup, type Actor } from '../auth/index.js';
import { City } from '../cities/index.js';
import { Cooperation } from '../cooperations/index.js';
import {
  badField,
  decodeCursor,
  encodeCursor,
  forbidden,
  notFound,
  pageSize,
  parseId,
  type Connection,
} from '../common/index.js';
import {
  Writes,
  namedQuery,
  rowOf,
  type Permission,
  type RowRef,
  type UpsertSpec,
} from '../database/index.js';
import { Project } from '../projects/index.js';
import type { CreateSolutionInput, RecordReuseInput, UpdateSolutionInput } from './dto/solution.inputs.js';
import type { SolutionFilter, SolutionsArgs } from './dto/solutions.args.js';
import { canonicalLicence } from './licence.js';
import type { ReuseCount, ReuseNetwork } from './reuse-network.model.js';
import { Reuse } from './reuse.entity.js';
import { SolutionDeveloper } from './solution-developer.entity.js';
import { Solution } from './solution.entity.js';
import { REUSE_NETWORK, REUSES_IN_YEARS } from './solutions.queries.js';
import { indexDocument, solutionDocument } from '../search/index.js';

/** Adoption sources that take over someone else's work, and so may name the solution they reused. */
export const REUSING_SOURCES: readonly AdoptionSource[] = [
  AdoptionSource.REUSED_FROM_PARTNER,
  AdoptionSource.EFA_SUBSCRIPTION,
];

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The values a solution's text fields may have; throws BAD_USER_INPUT naming the field. */
function checkedTexts(input: { licence?: string | null; url?: string | null; contact?: string | null }): {
  licence?: string | null;
  url?: string | null;
  contact?: string | null;
} {
  const checked: { licence?: string | null; url?: string | null; contact?: string | null } = {};
  if (input.licence !== undefined) {
    checked.licence = input.licence === null ? null : canonicalLicence(input.licence);
    if (input.licence !== null && checked.licence === null) {
      throw badField(
        'licence',
        `"${input.licence}" is neither an SPDX licence identifier (see https://spdx.org/licenses/, e.g. EUPL-1.2) nor "proprietary"`,
      );
    }
  }
  if (input.url !== undefined) {
    const problem = input.url === null ? null : solutionUrlError(input.url);
    if (problem) throw badField('url', problem);
    checked.url = input.url;
  }
  if (input.contact !== undefined) {
    const problem = input.contact === null ? null : contactError(input.contact);
    if (problem) throw badField('contact', problem);
    checked.contact = input.contact;
  }
  return checked;
}

/** The developing cities' ids, once each; BAD_USER_INPUT when none, NOT_FOUND naming the field. */
function developerIds(ids: readonly string[]): number[] {
  const parsed = [...new Set(ids.map((id) => parseId('City', id, 'developedByCityIds')))];
  if (parsed.length === 0) {
    throw badField('developedByCityIds', 'must name at least one city');
  }
  return parsed;
}

@Injectable()
export class SolutionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly writes: Writes,
  ) {}

  async findOne(id: string, field = 'id'): Promise<Solution> {
    const solution = await this.dataSource
      .getRepository(Solution)
      .findOneBy({ id: parseId('Solution', id, field) });
    if (!solution) {
      throw notFound('Solution', id, field);
    }
    return solution;
  }

  /** One page of solutions by title (German order), in two statements whatever the filter. */
  async findPage(args: SolutionsArgs): Promise<Connection<Solution>> {
    const take = pageSize(args.first);
    const sort = 'sort_key(s.title)';
    const filtered = this.filtered(args.filter ?? {});
    const totalCount = await filtered.clone().getCount();
    const page = filtered.addSelect(`(${sort})`, 'sort_value');
    if (args.after !== undefined && args.after !== null) {
      const cursor = decodeCursor(args.after);
      page.andWhere(
        new Brackets((q) =>
          q
            .where(`${sort} > :cursorValue`, { cursorValue: cursor.sortValue })
            .orWhere(`(${sort} = :cursorValue AND s.id > :cursorId)`, { cursorId: cursor.id }),
        ),
      );
    }
    const { entities, raw } = await page
      .orderBy(sort, 'ASC')
      .addOrderBy('s.id', 'ASC')
      .limit(take + 1)
      .getRawAndEntities<{ sort_value: string; s_id: number }>();
    const sortValues = new Map(raw.map((row) => [Number(row.s_id), row.sort_value]));
    const nodes = entities.slice(0, take);
    const edges = nodes.map((node) => ({
      node,
      cursor: encodeCursor(sortValues.get(node.id) ?? null, node.id),
    }));
    return {
      edges,
      totalCount,
      pageInfo: { hasNextPage: entities.length > take, endCursor: edges.at(-1)?.cursor ?? null },
    };
  }

  private filtered(filter: SolutionFilter): SelectQueryBuilder<Solution> {
    const query = this.dataSource.getRepository(Solution).createQueryBuilder('s');
    if (filter.kind) query.andWhere('s.kind = :kind', { kind: filter.kind });
    if (filter.status) query.andWhere('s.status = :status', { status: filter.status });
    if (filter.cityId) {
      const cityId = parseId('City', filter.cityId, 'filter.cityId');
      query.andWhere(
        new Brackets((q) =>
          q
            .where(
              'EXISTS (SELECT 1 FROM solution_developer d WHERE d."solutionId" = s.id AND d."cityId" = :cityId)',
              {
                cityId,
              },
            )
            .orWhere('EXISTS (SELECT 1 FROM reuse r WHERE r."solutionId" = s.id AND r."cityId" = :cityId)'),
        ),
      );
    }
    if (filter.search) {
      // Folded in SQL on both sides (case, diacritics, ß), so that "strasse" finds "Straße".
      const pattern = `%${escapeLike(filter.search)}%`;
      query.andWhere(
        new Brackets((q) =>
          q
            .where("sort_key(s.title) LIKE sort_key(:pattern) ESCAPE '\\'", { pattern })
            .orWhere("sort_key(s.summary) LIKE sort_key(:pattern) ESCAPE '\\'")
            .orWhere("sort_key(COALESCE(s.\"integrationNotes\", '')) LIKE sort_key(:pattern) ESCAPE '\\'"),
        ),
      );
    }
    return query;
  }

  create(actor: Actor, input: CreateSolutionInput): Promise<Solution> {
    const texts = checkedTexts(input);
    const cityIds = developerIds(input.developedByCityIds);
    const now = new Date();
    let projectId: number | null = null;
    return this.writes.create(actor, {
      operation: 'createSolution',
      entity: Solution,
      authorize: async (_parents, actor, manager) => {
        projectId = await this.projectOrNull(manager, input.projectId);
        await this.checkCities(manager, cityIds);
        return mayEdit(actor, manager, projectId, cityIds);
      },
      values: () => ({
        title: input.title,
        kind: input.kind,
        status: input.status,
        summary: input.summary,
        licence: texts.licence ?? null,
        url: texts.url ?? null,
        integrationNotes: input.integrationNotes ?? null,
        contact: texts.contact ?? null,
        projectId,
        createdAt: now,
        updatedAt: now,
      }),
      write: async (solution, manager) => {
        await manager.insert(
          SolutionDeveloper,
          cityIds.map((cityId) => ({ solutionId: solution.id, cityId })),
        );
        await indexDocument(manager, solutionDocument(solution));
        return { developedByCityIds: cityIds };
      },
    });
  }

  update(actor: Actor, input: UpdateSolutionInput): Promise<Solution> {
    const texts = checkedTexts(input);
    const newCityIds =
      input.developedByCityIds === undefined ? undefined : developerIds(input.developedByCityIds);
    let beforeCityIds: number[] = [];
    let afterCityIds: number[] = [];
    return this.writes.change(actor, {
      operation: 'updateSolution',
      row: rowOf(Solution, input.solutionId, 'solutionId'),
      version: input.version,
      authorize: async (solution, actor, manager) => {
        beforeCityIds = await developersOf(manager, solution.id);
        return mayEdit(actor, manager, solution.projectId, beforeCityIds);
      },
      values: async (solution, manager) => {
        const changes: Partial<Solution> = { ...texts };
        if (input.title !== undefined) changes.title = input.title;
        if (input.kind !== undefined) changes.kind = input.kind;
        if (input.status !== undefined) changes.status = input.status;
        if (input.summary !== undefined) changes.summary = input.summary;
        if (input.integrationNotes !== undefined) changes.integrationNotes = input.integrationNotes;
        if (input.projectId !== undefined)
          changes.projectId = await this.projectOrNull(manager, input.projectId);
        if (newCityIds) await this.checkCities(manager, newCityIds);
        afterCityIds = newCityIds ?? beforeCityIds;
        // Whoever edits must be allowed to edit the solution as it will be, too: an editor of one city may
        // add co-developers, but not hand the solution over to cities (or a project) they do not speak for.
        const after = await mayEdit(
          actor,
          manager,
          changes.projectId === undefined ? solution.projectId : changes.projectId,
          afterCityIds,
        );
        if (after !== true) throw forbidden(after);
        return { ...changes, updatedAt: new Date() };
      },
      write: async (solution, _before, manager) => {
        if (newCityIds) {
          await manager.delete(SolutionDeveloper, { solutionId: solution.id });
          await manager.insert(
            SolutionDeveloper,
            newCityIds.map((cityId) => ({ solutionId: solution.id, cityId })),
          );
        }
        await indexDocument(manager, solutionDocument(solution));
        return undefined;
      },
      audit: (before, after) => ({
        before: { ...before, developedByCityIds: beforeCityIds },
        after: { ...after, developedByCityIds: afterCityIds },
      }),
    });
  }

  /** Creates the reuse of (solution, city) or changes it at the version the client saw. */
  recordReuse(actor: Actor, input: RecordReuseInput): Promise<Reuse> {
    return this.writes.upsert(actor, reuseSpec(input));
  }

  /** Who gave whom which solutions, for the cooperation's member cities. */
  async reuseNetwork(cooperationIdText: string): Promise<ReuseNetwork> {
    const cooperationId = parseId('Cooperation', cooperationIdText, 'cooperationId');
    const manager = this.dataSource.manager;
    if (!(await manager.existsBy(Cooperation, { id: cooperationId }))) {
      throw notFound('Cooperation', cooperationIdText, 'cooperationId');
    }
    const rows = await namedQuery<{
      fromCityId: number;
      toCityId: number;
      solutionId: number;
      experience: number | null;
    }>(this.dataSource, REUSE_NETWORK, { cooperationId });
    const members = new Set(
      (
        await namedQuery<{ cityId: number }>(
          this.dataSource,
          'SELECT "cityId" FROM membership WHERE "cooperationId" = :cooperationId',
          { cooperationId },
        )
      ).map((row) => Number(row.cityId)),
    );
    const edges = new Map<
      string,
      { fromCityId: number; toCityId: number; solutionIds: number[]; experiences: number[] }
    >();
    const gave = new Map<number, Set<number>>();
    const took = new Map<number, Set<number>>();
    for (const row of rows) {
      const from = Number(row.fromCityId);
      const to = Number(row.toCityId);
      const key = `${from}>${to}`;
      const edge = edges.get(key) ?? { fromCityId: from, toCityId: to, solutionIds: [], experiences: [] };
      edge.solutionIds.push(Number(row.solutionId));
      if (row.experience !== null) edge.experiences.push(Number(row.experience));
      edges.set(key, edge);
      gave.set(from, (gave.get(from) ?? new Set()).add(Number(row.solutionId)));
      took.set(to, (took.get(to) ?? new Set()).add(Number(row.solutionId)));
    }
    const cityIds = [...new Set([...gave.keys(), ...took.keys()])];
    const cities = cityIds.length === 0 ? [] : await manager.getRepository(City).findBy({ id: In(cityIds) });
    const collator = new Intl.Collator('de');
    cities.sort((a, b) => collator.compare(a.name, b.name));
    return {
      nodes: cities.map((city) => ({
        city,
        member: members.has(city.id),
        gave: gave.get(city.id)?.size ?? 0,
        took: took.get(city.id)?.size ?? 0,
      })),
      edges: [...edges.values()].map((edge) => ({
        fromCityId: edge.fromCityId,
        toCityId: edge.toCityId,
        solutionIds: edge.solutionIds,
        count: edge.solutionIds.length,
        averageExperience:
          edge.experiences.length === 0
            ? null
            : edge.experiences.reduce((sum, value) => sum + value, 0) / edge.experiences.length,
      })),
    };
  }

  /** Reuses by the cooperation's member cities that started in the year, and in the year before. */
  async reuseCount(cooperationIdText: string, year: number): Promise<ReuseCount> {
    const cooperationId = parseId('Cooperation', cooperationIdText, 'cooperationId');
    if (!(await this.dataSource.manager.existsBy(Cooperation, { id: cooperationId }))) {
      throw notFound('Cooperation', cooperationIdText, 'cooperationId');
    }
    const [row] = await namedQuery<{ count: number | string | null; previousCount: number | string | null }>(
      this.dataSource,
      REUSES_IN_YEARS,
      {
        cooperationId,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        previousFrom: `${year - 1}-01-01`,
        previousTo: `${year - 1}-12-31`,
      },
    );
    const count = Number(row?.count ?? 0);
    const previousCount = Number(row?.previousCount ?? 0);
    return { year, count, previousCount, change: count - previousCount };
  }

  private async projectOrNull(
    manager: EntityManager,
    projectId: string | null | undefined,
  ): Promise<number | null> {
    if (projectId === null || projectId === undefined) {
      return null;
    }
    const id = parseId('Project', projectId, 'projectId');
    if (!(await manager.existsBy(Project, { id }))) {
      throw notFound('Project', projectId, 'projectId');
    }
    return id;
  }

  private async checkCities(manager: EntityManager, cityIds: number[]): Promise<void> {
    const found = new Set((await manager.findBy(City, { id: In(cityIds) })).map((city) => city.id));
    const missing = cityIds.find((id) => !found.has(id));
    if (missing !== undefined) {
      throw notFound('City', missing, 'developedByCityIds');
    }
  }
}

/**
 * The write of `recordReuse`: creates the reuse of (solution, city) or changes it at the version the client
 * saw. Also run by `recordAdoption` when the adoption names the solution it reused, in the same transaction.
 */
export function reuseSpec(input: RecordReuseInput, now = new Date()): UpsertSpec<Reuse, ReuseParents> {
  const problem = experienceError(input.experience);
  if (problem) throw badField('experience', problem);
  if (input.since !== undefined && input.since !== null) {
    if (!isIsoDate(input.since)) throw badField('since', 'must be a date written as YYYY-MM-DD');
    if (input.since > todayIso()) throw badField('since', 'must not be in the future');
  }
  return {
    operation: 'recordReuse',
    entity: Reuse,
    parents: {
      solution: rowOf(Solution, input.solutionId, 'solutionId'),
      city: rowOf(City, input.cityId, 'cityId'),
    },
    authorize: ({ city }, actor) =>
      mayEditCity(actor, city.id) ||
      'Only the city’s editors, its CDO and administrators may record the solutions it reuses.',
    key: ({ solution, city }) => ({ solutionId: solution.id, cityId: city.id }),
    version: input.version,
    values: async ({ solution, city }, manager) => {
      if ((await developersOf(manager, solution.id)).includes(city.id)) {
        throw badField(
          'cityId',
          'names a city that developed this solution; a city does not reuse its own work',
        );
      }
      const existing = await manager.findOneBy(Reuse, { solutionId: solution.id, cityId: city.id });
      // Fields left out stay as they are (on a new reuse: empty, and since today); null clears them.
      const keep = <T>(value: T | undefined, current: T | null, initial: T | null = null): T | null =>
        value !== undefined ? value : existing ? current : initial;
      const adoptionId =
        input.adoptionId === undefined
          ? (existing?.adoptionId ?? null)
          : await reusingAdoption(manager, input.adoptionId, solution, city.id, existing?.id ?? null);
      return {
        solutionId: solution.id,
        cityId: city.id,
        since: keep(input.since, existing?.since ?? null, todayIso(now)),
        experience: keep(input.experience, existing?.experience ?? null),
        notes: keep(input.notes, existing?.notes ?? null),
        adoptionId,
        recordedAt: existing?.recordedAt ?? now,
        updatedAt: now,
      };
    },
  };
}

type ReuseParents = { solution: RowRef<Solution>; city: RowRef<City> };

/**
 * The adoption a reuse stands behind: the same city's, of the solution's project (when the solution names
 * one), taken over from someone else, and not yet linked to another reuse.
 */
async function reusingAdoption(
  manager: EntityManager,
  adoptionIdText: string | null,
  solution: Solution,
  cityId: number,
  reuseId: number | null,
): Promise<number | null> {
  if (adoptionIdText === null) {
    return null;
  }
  const id = parseId('Adoption', adoptionIdText, 'adoptionId');
  const adoption = await manager.findOneBy(Adoption, { id });
  if (!adoption) {
    throw notFound('Adoption', adoptionIdText, 'adoptionId');
  }
  if (adoption.cityId !== cityId) {
    throw badField('adoptionId', 'must be an adoption of the reusing city');
  }
  if (solution.projectId !== null && adoption.projectId !== solution.projectId) {
    throw badField('adoptionId', 'must be an adoption of the solution’s project');
  }
  if (!adoption.source || !REUSING_SOURCES.includes(adoption.source)) {
    throw badField('adoptionId', `must be an adoption with source ${REUSING_SOURCES.join(' or ')}`);
  }
  const linked = await manager.findOneBy(Reuse, { adoptionId: id });
  if (linked && linked.id !== reuseId) {
    throw badField('adoptionId', `is already linked to the city’s reuse of solution ${linked.solutionId}`);
  }
  return id;
}

export async function developersOf(manager: EntityManager, solutionId: number): Promise<number[]> {
  const rows = await manager.find(SolutionDeveloper, { where: { solutionId }, order: { cityId: 'ASC' } });
  return rows.map((row) => row.cityId);
}

/**
 * Admins edit every solution; a working group's leads the solutions of its projects; a city's CDO and
 * editors the solutions their city developed.
 */
async function mayEdit(
  actor: Actor,
  manager: EntityManager,
  projectId: number | null,
  cityIds: readonly number[],
): Promise<Permission> {
  if (isAdmin(actor) || cityIds.some((cityId) => mayEditCity(actor, cityId))) {
    return true;
  }
  if (projectId !== null) {
    const project = await manager.findOneBy(Project, { id: projectId });
    if (project && mayEditWorkingGroup(actor, project.workingGroupId)) {
      return true;
    }
  }
  return 'Only administrators, the leads of the working group of the solution’s project and the editors and CDO of a developing city may change this solution.';
}
