import type { Adoption, AdoptionChange } from '../adoptions/index.js';
import type { City } from '../cities/index.js';
import type { Cooperation, Membership } from '../cooperations/index.js';
import type { Milestone, Project, StatusUpdate } from '../projects/index.js';
import type { OzgTopic } from '../reference/index.js';
import type { Satisfaction } from '../satisfaction/index.js';
import type { WorkingGroup, WorkingGroupMember } from '../working-groups/index.js';

/** Every row of the demo, table by table, in the order they are inserted (parents first). */
export interface DemoRows {
  topics: OzgTopic[];
  cities: City[];
  cooperations: Cooperation[];
  memberships: Membership[];
  workingGroups: WorkingGroup[];
  workingGroupMembers: WorkingGroupMember[];
  projects: Project[];
  milestones: Milestone[];
  statusUpdates: StatusUpdate[];
  adoptions: Adoption[];
  adoptionChanges: AdoptionChange[];
  satisfaction: Satisfaction[];
}

/** Tables whose rows get numeric ids from the generator. */
export type NumberedTable =
  | 'city'
  | 'cooperation'
  | 'membership'
  | 'working_group'
  | 'project'
  | 'milestone'
  | 'status_update'
  | 'adoption'
  | 'adoption_change'
  | 'satisfaction';

export const NUMBERED_TABLES: readonly NumberedTable[] = [
  'city',
  'cooperation',
  'membership',
  'working_group',
  'project',
  'milestone',
  'status_update',
  'adoption',
  'adoption_change',
  'satisfaction',
];

/**
 * Hands out ids, so that rows can refer to each other before they are written and the rows can be
 * inserted in bulk without reading generated keys back.
 */
export class Ids {
  private readonly last: Record<NumberedTable, number>;

  /** `after`: the highest id each table already holds (none, in the empty database the demo expects). */
  constructor(after: Partial<Record<NumberedTable, number>> = {}) {
    this.last = Object.fromEntries(NUMBERED_TABLES.map((table) => [table, after[table] ?? 0])) as Record<
      NumberedTable,
      number
    >;
  }

  next(table: NumberedTable): number {
    this.last[table] += 1;
    return this.last[table];
  }
}
