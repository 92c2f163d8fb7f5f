// The overview feature's one door: what the rest of the API uses of it. Other features import only
// from here (lint rule feature-entry-imports); tools/codemods/feature-entry-imports.mjs adds what they need.
export type { MonthCount, Overview } from './overview.model.js';
export { OverviewService, memberBefore, tomorrow, type MatrixCell } from './overview.service.js';
