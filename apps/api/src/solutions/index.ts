// The reuse catalogue's one door: its entities, module and demo catalogue.
export { Reuse } from './reuse.entity.js';
export { SolutionDeveloper } from './solution-developer.entity.js';
export { Solution } from './solution.entity.js';
export { canonicalLicence } from './licence.js';
export { SolutionsModule } from './solutions.module.js';
export { SolutionsService } from './solutions.service.js';
export { linkReusedSolution } from './adoption-reuse.js';
export { REUSING_SOURCES } from './solutions.service.js';
