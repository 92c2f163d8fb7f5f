/** Browser tests: Debian's Chromium driven by playwright-core against the real built app. */
export default {
  displayName: 'dashboard-e2e',
  rootDir: import.meta.dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', useESM: true }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: '<rootDir>/src/support/global-setup.mjs',
  globalTeardown: '<rootDir>/src/support/global-teardown.mjs',
  // Each test file gets its own server on its own copy of the demo data.
  setupFilesAfterEnv: ['<rootDir>/src/support/own-server.mjs'],
  testTimeout: 60000,
  maxWorkers: 2,
};
