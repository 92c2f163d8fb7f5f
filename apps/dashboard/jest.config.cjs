/** Unit tests of the dashboard: jsdom, zoneless Angular. */
module.exports = {
  displayName: 'dashboard',
  rootDir: __dirname,
  preset: 'jest-preset-angular',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': [
      'jest-preset-angular',
      { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' },
    ],
  },
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@jsverse/))'],
  moduleNameMapper: {
    '^@koop/domain$': '<rootDir>/../../libs/domain/src/index.ts',
    '^@koop/ui$': '<rootDir>/../../libs/ui/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
};
