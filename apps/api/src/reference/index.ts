// The reference feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
import { AppSetting } from './app-setting.entity.js';
import { OzgTopic } from './ozg-topic.entity.js';
export { AppSetting } from './app-setting.entity.js';
export { OzgTopic } from './ozg-topic.entity.js';
export { DEMO_SETTING } from './settings.js';

/** The reference feature's tables, for the entity list of the data source (entities.ts). */
export const referenceEntities = [AppSetting, OzgTopic];
