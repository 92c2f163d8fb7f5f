// The figures feature's one door: the summary entities, the functions that keep them in step with each
// write, the rebuild, and the reads of the cockpit's figures.
import { FigureLiveAdoption } from './figure-live-adoption.entity.js';
import { FigureProjectState } from './figure-project-state.entity.js';
import { FigureSatisfaction } from './figure-satisfaction.entity.js';
export { FigureLiveAdoption } from './figure-live-adoption.entity.js';
export { FigureProjectState } from './figure-project-state.entity.js';
export { FigureSatisfaction } from './figure-satisfaction.entity.js';
export {
  liveAdoptionsByFirstMonth,
  memberAtMonthBound,
  PROJECT_STATES_AT,
  satisfactionOfMonths,
  TOTALS_AT,
} from './figures.queries.js';
export {
  applyAdoptionChange,
  applyMembership,
  applyProjectKind,
  applySatisfaction,
  applyStatusUpdate,
  ensureFiguresCurrent,
  rebuildFigures,
  restoreLiveAdoptions,
  restoreSatisfaction,
  withdrawLiveAdoptions,
  withdrawSatisfaction,
  type BatchScope,
  type MembershipValues,
} from './figures.js';
export { FiguresService } from './figures.service.js';

/** The figures feature's tables, for the entity list of the data source (entities.ts). */
export const figuresEntities = [FigureProjectState, FigureLiveAdoption, FigureSatisfaction];
