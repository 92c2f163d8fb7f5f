// The reuse catalogue's one door: its entities, loaders and demo catalogue.
import { Reuse } from './reuse.entity.js';
import { Solution } from './solution.entity.js';
import { SolutionDeveloper } from './solution-developer.entity.js';
export { Reuse } from './reuse.entity.js';
export { SolutionDeveloper } from './solution-developer.entity.js';
export { Solution } from './solution.entity.js';
export { linkReusedSolution, unlinkReusesOfOwnWork } from './adoption-reuse.js';
export { canonicalLicence } from './licence.js';
export { solutionLoaders } from './solution.loaders.js';
export { SolutionsService } from './solutions.service.js';
export { REUSING_SOURCES } from './solutions.service.js';

/** The solutions feature's tables, for the entity list of the data source (entities.ts). */
export const solutionsEntities = [Solution, SolutionDeveloper, Reuse];
