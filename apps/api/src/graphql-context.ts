import type { DataSource } from 'typeorm';
import { accountsLoaders } from './accounts/index.js';
import { adoptionsLoaders } from './adoptions/index.js';
import { citiesLoaders } from './cities/index.js';
import { cooperationsLoaders } from './cooperations/index.js';
import { projectsLoaders } from './projects/index.js';
import { solutionLoaders } from './solutions/index.js';
import { workingGroupsLoaders } from './working-groups/index.js';

/**
 * DataLoaders for one request, assembled from the loaders each feature exports: each relation a list can
 * ask for costs one statement per level. It lives in the composition root, not in a feature, because it
 * depends on every feature; the features reach it only as a type, through loaders/.
 */
export function createLoaders(dataSource: DataSource) {
  return {
    ...accountsLoaders(dataSource),
    ...adoptionsLoaders(dataSource),
    ...citiesLoaders(dataSource),
    ...cooperationsLoaders(dataSource),
    ...projectsLoaders(dataSource),
    ...solutionLoaders(dataSource),
    ...workingGroupsLoaders(dataSource),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface GraphQLContext {
  readonly loaders: Loaders;
}
