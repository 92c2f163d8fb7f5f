// The cooperations feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { Cooperation } from './cooperation.entity.js';
import { Membership } from './membership.entity.js';
export { Cooperation } from './cooperation.entity.js';
export { Membership } from './membership.entity.js';
export { cooperationsLoaders } from './cooperations.loaders.js';
export { CooperationsService } from './cooperations.service.js';

/** The cooperations feature's tables, for the entity list of the data source (entities.ts). */
export const cooperationsEntities = [Cooperation, Membership];
