import { ESLint } from 'eslint';

/*
 * Acceptance of the one write path: no mutation opens its own transaction or writes its own audit entry.
 * The lint rule in eslint.config.mjs enforces it for every source file of the API; this proves the rule
 * still refuses each way around it.
 */
describe('the lint rule of the one write path', () => {
  const eslint = new ESLint();

  async function problems(
    code: string,
    filePath = 'apps/api/src/cities/cities.service.ts',
  ): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
  }

  it('refuses a feature that imports the transactions or the audit writer', async () => {
    const found = await problems(
      [
        "import { AuditService } from '../audit/index.js';",
        "import { Transactions } from '../database/transactions.js';",
        'export const parts = [AuditService, Transactions];',
        '',
      ].join('\n'),
    );
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*AuditService.*Change data through Writes/),
      expect.stringMatching(/^no-restricted-imports: .*transactions\.js.*Change data through Writes/),
      // Another feature's inner file is out of reach anyway (feature-entry-rule.spec.ts).
      expect.stringMatching(/^koop\/feature-entry-imports: /),
    ]);
  });

  it('refuses a transaction opened anywhere else', async () => {
    const found = await problems(
      [
        "import type { DataSource, QueryRunner } from 'typeorm';",
        'export const a = (d: DataSource) => d.transaction(async () => undefined);',
        'export const b = (d: DataSource) => d.manager.transaction(async () => undefined);',
        'export const c = (r: QueryRunner) => r.startTransaction();',
        '',
      ].join('\n'),
      'apps/api/src/projects/projects.service.ts',
    );
    expect(found).toEqual([
      expect.stringMatching(/^no-restricted-syntax: Change data through Writes/),
      expect.stringMatching(/^no-restricted-syntax: Change data through Writes/),
      expect.stringMatching(/^no-restricted-syntax: Change data through Writes/),
    ]);
  });

  it('lets the write path itself do both', async () => {
    const code = [
      "import type { DataSource } from 'typeorm';",
      "import { AuditService } from '../audit/index.js';",
      'export const parts = [AuditService];',
      'export const a = (d: DataSource) => d.transaction(async () => undefined);',
      '',
    ].join('\n');
    expect(await problems(code, 'apps/api/src/database/write-path.ts')).toEqual([]);
  });
});
