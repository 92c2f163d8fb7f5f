import type { DataSource } from 'typeorm';
import { accountsLoaders } from './accounts/index.js';
import { adoptionsLoaders } from './adoptions/index.js';
import { citiesLoaders } from './cities/index.js';
import { cooperationsLoaders } from './cooperations/index.js';
import { projectsLoaders } from './projects/index.js';
import { solutionLoaders } from './solutions/index.js';
import { workingGroupsLoaders } from './working-groups/index.js';

/** The loaders each feature exports: each relation a list can ask for costs one statement per level. */
const GROUPS = [
  accountsLoaders,
  adoptionsLoaders,
  citiesLoaders,
  cooperationsLoaders,
  projectsLoaders,
  solutionLoaders,
  workingGroupsLoaders,
] as const;

type Group = (typeof GROUPS)[number];
type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (whole: infer I) => void
  ? I
  : never;

export type Loaders = Intersection<ReturnType<Group>>;

export interface GraphQLContext {
  readonly loaders: Loaders;
}

/** Which group makes which loader, learned once from the groups themselves (making a loader runs nothing). */
let groupOfLoader: Map<string, Group> | undefined;

function groupsByLoader(dataSource: DataSource): Map<string, Group> {
  groupOfLoader ??= new Map(
    GROUPS.flatMap((group) => Object.keys(group(dataSource)).map((name) => [name, group] as const)),
  );
  return groupOfLoader;
}

/**
 * DataLoaders for one request, each feature's made when one of them is first asked for: a request uses a
 * few or none, and making all thirty (each with its cache) cost every request, the smallest included. It
 * lives in the composition root, not in a feature, because it depends on every feature; the features reach
 * it only as a type, through loaders/.
 */
export function createLoaders(dataSource: DataSource): Loaders {
  const owners = groupsByLoader(dataSource);
  const made = new Map<Group, Record<string, unknown>>();
  return new Proxy({} as Record<string, unknown>, {
    get(_target, name) {
      const group = typeof name === 'string' ? owners.get(name) : undefined;
      if (!group) return undefined;
      let loaders = made.get(group);
      if (!loaders) {
        loaders = group(dataSource) as Record<string, unknown>;
        made.set(group, loaders);
      }
      return loaders[name as string];
    },
  }) as Loaders;
}
