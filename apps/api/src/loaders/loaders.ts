import { AdoptionStage, ProjectKind, ProjectPhase, sizeBandOf } from '@koop/domain';
import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { Account } from '../accounts/account.entity.js';
import { AdoptionChange } from '../adoptions/adoption-change.entity.js';
import { Adoption } from '../adoptions/adoption.entity.js';
import { City } from '../cities/city.entity.js';
import { Cooperation } from '../cooperations/cooperation.entity.js';
import { Membership } from '../cooperations/membership.entity.js';
import { namedQuery } from '../database/named-query.js';
import { Milestone } from '../projects/milestone.entity.js';
import { Project } from '../projects/project.entity.js';
import { StatusUpdate } from '../projects/status-update.entity.js';
import { solutionLoaders } from '../solutions/solution.loaders.js';
import { WorkingGroupMember } from '../working-groups/working-group-member.entity.js';
import { WorkingGroup } from '../working-groups/working-group.entity.js';

type Order<T> = { [K in keyof T]?: 'ASC' | 'DESC' };

/** One row per key, in key order; missing rows come back as null. */
export function byId<T extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await dataSource.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** All rows whose `column` equals each key, grouped per key. */
export function byColumn<T extends ObjectLiteral, K extends keyof T & string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  column: K,
  order: Order<T>,
): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await dataSource
      .getRepository(entity)
      .find({ where: { [column]: In([...keys]) } as never, order: order as never });
    const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
    rows.forEach((row) => groups.get(row[column] as number)?.push(row));
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Number of online services each city runs live (and whose project is live), counted in SQL. Adoptions of standards, platforms and
 * the like are not services a city runs, as in the overview's live adoptions.
 */
function liveAdoptionsCount(dataSource: DataSource): DataLoader<number, number> {
  return new DataLoader(async (cityIds) => {
    const rows: { cityId: number; count: number | string }[] = await dataSource
      .getRepository(Adoption)
      .createQueryBuilder('a')
      .innerJoin(Project, 'p', 'p.id = a.projectId')
      .select('a.cityId', 'cityId')
      .addSelect('COUNT(*)', 'count')
      .where('a.cityId IN (:...cityIds)', { cityIds: [...cityIds] })
      .andWhere('a.stage = :live', { live: AdoptionStage.LIVE })
      .andWhere('p.kind = :onlineService', { onlineService: ProjectKind.ONLINE_SERVICE })
      // As on the cockpit: LIVE while the service is not live yet is doubted, not counted.
      .andWhere('p.phase = :projectLive', { projectLive: ProjectPhase.LIVE })
      .groupBy('a.cityId')
      .getRawMany();
    const counts = new Map(rows.map((row) => [Number(row.cityId), Number(row.count)]));
    return cityIds.map((id) => counts.get(id) ?? 0);
  });
}

/** When each project's latest status update was written: one statement for a page of projects. */
function latestStatusUpdateAt(dataSource: DataSource): DataLoader<number, Date | null> {
  return new DataLoader(async (projectIds) => {
    const rows: { projectId: number; at: Date | string | null }[] = await dataSource
      .getRepository(StatusUpdate)
      .createQueryBuilder('su')
      .select('su.projectId', 'projectId')
      .addSelect('MAX(su.createdAt)', 'at')
      .where('su.projectId IN (:...projectIds)', { projectIds: [...projectIds] })
      .groupBy('su.projectId')
      .getRawMany();
    // SQLite answers MAX() of a datetime column with its stored text (UTC), PostgreSQL with a Date.
    const latest = new Map(
      rows.map((row) => [
        Number(row.projectId),
        row.at instanceof Date ? row.at : row.at === null ? null : new Date(`${row.at.replace(' ', 'T')}Z`),
      ]),
    );
    return projectIds.map((id) => latest.get(id) ?? null);
  });
}

/** Cities per size band: one statement however many bands or cities ask. */
function citiesBySizeBand(dataSource: DataSource): DataLoader<string, City[]> {
  return new DataLoader(async (bands) => {
    const cities = await dataSource
      .getRepository(City)
      .createQueryBuilder('c')
      .orderBy('sort_key(c.name)', 'ASC')
      .getMany();
    return bands.map((band) => cities.filter((city) => sizeBandOf(city.population) === band));
  });
}

// The ids of the newest `first` status updates of each working group's projects, ranked within the group.
const LATEST_STATUS_UPDATES_BY_WORKING_GROUP = `
  SELECT ranked.id AS id, ranked."workingGroupId" AS "workingGroupId" FROM (
    SELECT su.id AS id, p."workingGroupId" AS "workingGroupId",
           ROW_NUMBER() OVER (PARTITION BY p."workingGroupId" ORDER BY su."createdAt" DESC, su.id DESC) AS position
      FROM status_update su
      JOIN project p ON p.id = su."projectId"
     WHERE p."workingGroupId" IN (:...workingGroupIds)
  ) ranked
  WHERE ranked.position <= :first`;

/** The newest `first` status updates of each working group's projects, newest first: two statements a batch. */
function latestStatusUpdatesByWorkingGroup(
  dataSource: DataSource,
  first: number,
): DataLoader<number, StatusUpdate[]> {
  return new DataLoader(async (workingGroupIds) => {
    const ranked = await namedQuery<{ id: number; workingGroupId: number }>(
      dataSource,
      LATEST_STATUS_UPDATES_BY_WORKING_GROUP,
      { workingGroupIds: [...workingGroupIds], first },
    );
    const groupOf = new Map(ranked.map((row) => [Number(row.id), Number(row.workingGroupId)]));
    const updates =
      ranked.length === 0
        ? []
        : await dataSource.getRepository(StatusUpdate).find({
            where: { id: In([...groupOf.keys()]) },
            order: { createdAt: 'DESC', id: 'DESC' },
          });
    const groups = new Map<number, StatusUpdate[]>(workingGroupIds.map((id) => [id, []]));
    updates.forEach((update) => groups.get(groupOf.get(update.id) ?? -1)?.push(update));
    return workingGroupIds.map((id) => groups.get(id) ?? []);
  });
}

/** One loader per value of an argument, made when first asked for. */
function perArgument<A, L>(make: (argument: A) => L): (argument: A) => L {
  const loaders = new Map<A, L>();
  return (argument) => {
    let loader = loaders.get(argument);
    if (loader === undefined) {
      loader = make(argument);
      loaders.set(argument, loader);
    }
    return loader;
  };
}

/** How each of a request's DataLoaders is made: each relation a list can ask for costs one statement per level. */
const LOADERS = {
  city: (dataSource: DataSource) => byId(dataSource, City),
  cooperation: (dataSource: DataSource) => byId(dataSource, Cooperation),
  workingGroup: (dataSource: DataSource) => byId(dataSource, WorkingGroup),
  project: (dataSource: DataSource) => byId(dataSource, Project),
  milestone: (dataSource: DataSource) => byId(dataSource, Milestone),
  account: (dataSource: DataSource) => byId(dataSource, Account),
  latestStatusUpdateAtByProject: (dataSource: DataSource) => latestStatusUpdateAt(dataSource),
  membershipsByCooperation: (dataSource: DataSource) =>
    byColumn(dataSource, Membership, 'cooperationId', { id: 'ASC' }),
  membershipsByCity: (dataSource: DataSource) => byColumn(dataSource, Membership, 'cityId', { id: 'ASC' }),
  workingGroupsByCooperation: (dataSource: DataSource) =>
    byColumn(dataSource, WorkingGroup, 'cooperationId', { name: 'ASC' }),
  membersByWorkingGroup: (dataSource: DataSource) =>
    byColumn(dataSource, WorkingGroupMember, 'workingGroupId', { cityId: 'ASC' }),
  projectsByWorkingGroup: (dataSource: DataSource) =>
    byColumn(dataSource, Project, 'workingGroupId', { title: 'ASC' }),
  projectsByOwnerCity: (dataSource: DataSource) =>
    byColumn(dataSource, Project, 'ownerCityId', { title: 'ASC' }),
  milestonesByProject: (dataSource: DataSource) =>
    byColumn(dataSource, Milestone, 'projectId', { dueOn: 'ASC', id: 'ASC' }),
  statusUpdatesByProject: (dataSource: DataSource) =>
    byColumn(dataSource, StatusUpdate, 'projectId', { createdAt: 'DESC', id: 'DESC' }),
  adoptionsByProject: (dataSource: DataSource) =>
    byColumn(dataSource, Adoption, 'projectId', { cityId: 'ASC' }),
  adoptionsByCity: (dataSource: DataSource) => byColumn(dataSource, Adoption, 'cityId', { projectId: 'ASC' }),
  liveAdoptionsCountByCity: (dataSource: DataSource) => liveAdoptionsCount(dataSource),
  citiesBySizeBand: (dataSource: DataSource) => citiesBySizeBand(dataSource),
  historyByAdoption: (dataSource: DataSource) =>
    byColumn(dataSource, AdoptionChange, 'adoptionId', { recordedAt: 'DESC', id: 'DESC' }),
  latestStatusUpdatesByWorkingGroup: (dataSource: DataSource) =>
    perArgument((first: number) => latestStatusUpdatesByWorkingGroup(dataSource, first)),
};

type SolutionLoaders = ReturnType<typeof solutionLoaders>;

export type Loaders = {
  readonly [K in keyof typeof LOADERS]: ReturnType<(typeof LOADERS)[K]>;
} & SolutionLoaders;

/**
 * DataLoaders for one request, each made when first asked for: a request uses a few of them or none, and
 * making all thirty (each with its cache) cost every request, the smallest query included. The reuse
 * catalogue's loaders are made together, on the first use of one of them.
 */
export function createLoaders(dataSource: DataSource): Loaders {
  const made: Record<string, unknown> = {};
  let solutions: SolutionLoaders | undefined;
  return new Proxy(made, {
    get(target, name) {
      if (typeof name !== 'string') {
        return undefined;
      }
      if (Object.hasOwn(target, name)) {
        return target[name];
      }
      if (Object.hasOwn(LOADERS, name)) {
        target[name] = LOADERS[name as keyof typeof LOADERS](dataSource);
        return target[name];
      }
      solutions ??= solutionLoaders(dataSource);
      return Object.hasOwn(solutions, name) ? solutions[name as keyof SolutionLoaders] : undefined;
    },
  }) as Loaders;
}

export interface GraphQLContext {
  readonly loaders: Loaders;
}

/** Loads a row that a foreign key guarantees; its absence is a broken database, not bad input. */
export async function required<T>(row: Promise<T | null>, what: string): Promise<T> {
  const value = await row;
  if (value === null) {
    throw new Error(`Referenced ${what} is missing`);
  }
  return value;
}
