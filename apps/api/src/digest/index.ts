// The digest feature's one door: what changed in a cooperation between two dates, for the cockpit and the
// annual report.
export type { Digest, ProjectChange, SatisfactionChange } from './digest.model.js';
export type { DigestAdoptions, DigestParts } from './digest.service.js';
export { DigestService, digestCounts } from './digest.service.js';
