import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';
import prettier from 'eslint-config-prettier';
import angular from 'angular-eslint';
import { featureEntryImports } from './tools/eslint/feature-entry-rule.mjs';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/.angular', 'tmp', 'data', '**/*.generated.ts'],
  },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
            { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:dashboard', 'scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:ui', 'type:util'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:ui', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
          ],
        },
      ],
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One write path (apps/api/src/database/write-path.ts): no mutation opens its own transaction or
    // writes its own audit entry. Tests may set up data directly.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/database/write-path.ts',
      'apps/api/src/database/transactions.ts',
      'apps/api/src/audit/**',
      'apps/api/src/testing/**',
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/*.postgres-spec.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/database/transactions.js', '**/audit/audit.service.js'],
              message:
                'Change data through Writes (database/write-path.ts): it opens the transaction and audits.',
            },
            {
              // The audit feature's entry exports its writer for the write path's own tests only.
              group: ['**/audit/index.js'],
              importNames: ['AuditService'],
              message:
                'Change data through Writes (database/write-path.ts): it opens the transaction and audits.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(transaction|startTransaction)$/]',
          message:
            'Change data through Writes (database/write-path.ts): it opens the transaction and audits.',
        },
      ],
    },
  },
  {
    // Features own their parts: they import each other only through their entry files (index.ts), specs
    // included; the composition root (files directly in apps/api/src) also imports the features' wiring.
    // tools/lib/api-features.mjs draws the borders; tools/codemods/feature-entry-imports.mjs fixes imports.
    files: ['apps/api/src/**/*.ts'],
    plugins: { koop: { rules: { 'feature-entry-imports': featureEntryImports } } },
    rules: { 'koop/feature-entry-imports': 'error' },
  },
  {
    files: [
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/*.postgres-spec.ts',
      '**/*.e2e.ts',
      '**/e2e/**/*.ts',
    ],
    plugins: { jest },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/no-identical-title': 'error',
      'jest/valid-expect': 'error',
    },
  },
  ...angular.configs.tsRecommended.map((config) => ({
    ...config,
    files: ['apps/dashboard/**/*.ts', 'libs/ui/**/*.ts'],
  })),
  {
    files: ['apps/dashboard/**/*.ts', 'libs/ui/**/*.ts'],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': [
        'error',
        { type: 'element', prefix: 'koop', style: 'kebab-case' },
      ],
      '@angular-eslint/directive-selector': [
        'error',
        { type: 'attribute', prefix: 'koop', style: 'camelCase' },
      ],
      '@angular-eslint/prefer-on-push-component-change-detection': 'error',
    },
  },
  ...angular.configs.templateRecommended.map((config) => ({
    ...config,
    files: ['apps/dashboard/**/*.html', 'libs/ui/**/*.html'],
  })),
  ...angular.configs.templateAccessibility.map((config) => ({
    ...config,
    files: ['apps/dashboard/**/*.html', 'libs/ui/**/*.html'],
  })),
  {
    // Scripts report on the terminal by design.
    files: ['tools/**/*.mjs', 'tools/**/*.ts', 'apps/dashboard-e2e/**/*.ts', 'apps/dashboard-e2e/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  prettier,
];
