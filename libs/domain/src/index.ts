export * from './lib/enums.js';
export * from './lib/rules.js';
export * from './lib/figures.js';
export * from './lib/sign-in.js';
export * from './lib/periods.js';
export * from './lib/ranking.js';
export * from './lib/project-status.js';
export * from './lib/plausibility.js';
