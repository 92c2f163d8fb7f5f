// The projects feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { Milestone } from './milestone.entity.js';
import { Project } from './project.entity.js';
import { StatusUpdate } from './status-update.entity.js';
export { Milestone } from './milestone.entity.js';
export { Project } from './project.entity.js';
export { StatusUpdate } from './status-update.entity.js';
export { ProjectFilter, ProjectSortField, SortDirection } from './dto/projects.args.js';
export { projectsLoaders } from './projects.loaders.js';
export { ProjectsService } from './projects.service.js';

/** The projects feature's tables, for the entity list of the data source (entities.ts). */
export const projectsEntities = [Project, Milestone, StatusUpdate];
