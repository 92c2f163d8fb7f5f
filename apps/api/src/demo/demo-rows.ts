import type { AdoptionChange } from '../adoptions/adoption-change.entity.js';
import type { Adoption } from '../adoptions/adoption.entity.js';
import type { City } from '../cities/city.entity.js';
import type { Cooperation } from '../cooperations/cooperation.entity.js';
import type { Membership } from '../cooperations/membership.entity.js';
import type { Milestone } from '../projects/milestone.entity.js';
import type { Project } from '../projects/project.entity.js';
import type { StatusUpdate } from '../projects/status-update.entity.js';
import type { OzgTopic } from '../reference/ozg-topic.entity.js';
import type { Satisfaction } from '../satisfaction/satisfaction.entity.js';
import type { WorkingGroupMember } from '../working-groups/working-group-member.entity.js';
import type { WorkingGroup } from '../working-groups/working-group.entity.js';

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
