import type { DataSource } from 'typeorm';
import { byColumn, byId } from '../loaders/index.js';
import { Cooperation } from './cooperation.entity.js';
import { Membership } from './membership.entity.js';

/** The cooperations feature's DataLoaders, part of every request's loaders (graphql-context.ts). */
export function cooperationsLoaders(dataSource: DataSource) {
  return {
    cooperation: byId(dataSource, Cooperation),
    membershipsByCooperation: byColumn(dataSource, Membership, 'cooperationId', { id: 'ASC' }),
    membershipsByCity: byColumn(dataSource, Membership, 'cityId', { id: 'ASC' }),
  };
}
