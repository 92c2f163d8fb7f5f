// The figures feature's one door: the summary entities, the functions that keep them in step with each
// write, the rebuild, and the reads of the cockpit's figures.
export { FigureLiveAdoption } from './figure-live-adoption.entity.js';
export { FigureProjectState } from './figure-project-state.entity.js';
export { FigureSatisfaction } from './figure-satisfaction.entity.js';
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
export { FiguresModule } from './figures.module.js';
export { FiguresService } from './figures.service.js';
export { liveAdoptionsAtMonthEnds, PROJECT_STATES_AT, TOTALS_AT } from './figures.queries.js';
