// The adoptions feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { Adoption } from './adoption.entity.js';
import { AdoptionChange } from './adoption-change.entity.js';
export { AdoptionChange } from './adoption-change.entity.js';
export { Adoption } from './adoption.entity.js';
export { RecordAdoptionInput } from './dto/record-adoption.input.js';
export { adoptionsLoaders } from './adoptions.loaders.js';
export {
  ADOPTION_STATE,
  adoptionProblems,
  adoptionValues,
  historyOf,
  mayRecordAdoption,
} from './adoptions.service.js';

/** The adoptions feature's tables, for the entity list of the data source (entities.ts). */
export const adoptionsEntities = [Adoption, AdoptionChange];
