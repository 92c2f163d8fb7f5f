// The working-groups feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { WorkingGroup } from './working-group.entity.js';
import { WorkingGroupMember } from './working-group-member.entity.js';
export { WorkingGroupMember } from './working-group-member.entity.js';
export { WorkingGroup } from './working-group.entity.js';
export { workingGroupsLoaders } from './working-groups.loaders.js';

/** The working-groups feature's tables, for the entity list of the data source (entities.ts). */
export const workingGroupsEntities = [WorkingGroup, WorkingGroupMember];
