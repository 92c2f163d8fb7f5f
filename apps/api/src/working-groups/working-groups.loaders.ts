import type { DataSource } from 'typeorm';
import { byColumn, byId } from '../loaders/index.js';
import { WorkingGroupMember } from './working-group-member.entity.js';
import { WorkingGroup } from './working-group.entity.js';

/** The working groups feature's DataLoaders, part of every request's loaders (graphql-context.ts). */
export function workingGroupsLoaders(dataSource: DataSource) {
  return {
    workingGroup: byId(dataSource, WorkingGroup),
    workingGroupsByCooperation: byColumn(dataSource, WorkingGroup, 'cooperationId', { name: 'ASC' }),
    membersByWorkingGroup: byColumn(dataSource, WorkingGroupMember, 'workingGroupId', { cityId: 'ASC' }),
  };
}
