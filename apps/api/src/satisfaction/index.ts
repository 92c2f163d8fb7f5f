// The satisfaction feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { Satisfaction } from './satisfaction.entity.js';
export { Satisfaction } from './satisfaction.entity.js';
export {
  MonthRangeArgs,
  RecordSatisfactionInput,
  SatisfactionSeriesArgs,
} from './dto/satisfaction.inputs.js';
export type { SatisfactionPoint } from './satisfaction-point.model.js';
export {
  SATISFACTION_FIGURES,
  SatisfactionService,
  mayRecordSatisfaction,
  satisfactionProblems,
  satisfactionValues,
} from './satisfaction.service.js';

/** The satisfaction feature's tables, for the entity list of the data source (entities.ts). */
export const satisfactionEntities = [Satisfaction];
