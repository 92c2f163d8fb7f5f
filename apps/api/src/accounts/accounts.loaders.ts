import type { DataSource } from 'typeorm';
import { byId } from '../loaders/index.js';
import { Account } from './account.entity.js';

/** The accounts feature's DataLoaders, part of every request's loaders (graphql-context.ts). */
export function accountsLoaders(dataSource: DataSource) {
  return {
    account: byId(dataSource, Account),
  };
}
