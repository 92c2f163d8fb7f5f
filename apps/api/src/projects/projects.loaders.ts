import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { namedQuery } from '../database/index.js';
import { byColumn, byId, perArgument } from '../loaders/index.js';
import { Milestone } from './milestone.entity.js';
import { Project } from './project.entity.js';
import { LATEST_STATUS_UPDATES_BY_WORKING_GROUP } from './projects.queries.js';
import { StatusUpdate } from './status-update.entity.js';

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

/** The projects feature's DataLoaders, part of every request's loaders (graphql-context.ts). */
export function projectsLoaders(dataSource: DataSource) {
  return {
    project: byId(dataSource, Project),
    milestone: byId(dataSource, Milestone),
    latestStatusUpdateAtByProject: latestStatusUpdateAt(dataSource),
    projectsByWorkingGroup: byColumn(dataSource, Project, 'workingGroupId', { title: 'ASC' }),
    projectsByOwnerCity: byColumn(dataSource, Project, 'ownerCityId', { title: 'ASC' }),
    milestonesByProject: byColumn(dataSource, Milestone, 'projectId', { dueOn: 'ASC', id: 'ASC' }),
    statusUpdatesByProject: byColumn(dataSource, StatusUpdate, 'projectId', {
      createdAt: 'DESC',
      id: 'DESC',
    }),
    latestStatusUpdatesByWorkingGroup: perArgument((first: number) =>
      latestStatusUpdatesByWorkingGroup(dataSource, first),
    ),
  };
}
