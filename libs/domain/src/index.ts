export * from './lib/enums.js';
export * from './lib/rules.js';
export * from './lib/figures.js';
export * from './lib/sign-in.js';
export * from './lib/matrix-codes.js';
export * from './lib/meetings.js';
export * from './lib/solutions.js';
export * from './lib/knowledge.js';
