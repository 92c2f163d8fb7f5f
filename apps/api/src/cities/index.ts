// The cities feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { City } from './city.entity.js';
export { City } from './city.entity.js';
export { citiesLoaders } from './cities.loaders.js';

/** The cities feature's tables, for the entity list of the data source (entities.ts). */
export const citiesEntities = [City];
