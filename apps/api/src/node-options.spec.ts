import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_NODE_ARGS, ROOT } from './testing/index.js';

/*
 * The API's Node options (a smaller young generation and a slower-growing old one, for its peak memory) are
 * given wherever it is started: the benchmarks and browser tests start it as a deployment does, and a
 * deployment as the README says.
 */
describe("the API process's Node options", () => {
  const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
  const main = 'dist/apps/api/apps/api/src/main.js';

  it.each([
    [
      'package.json (npm start)',
      () => (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts['start'] ?? '',
    ],
    ['apps/api/project.json (serve)', () => read('apps/api/project.json')],
    ['README.md', () => read('README.md')],
  ])('are given where %s starts it', (_where, text) => {
    const starts = text()
      .split('\n')
      .filter((line) => line.includes(main) && /\bnode\b/.test(line));
    expect(starts.length).toBeGreaterThan(0);
    for (const line of starts) {
      expect(line).toContain(`node ${API_NODE_ARGS.join(' ')} ${main}`);
    }
  });

  it('are the ones the benchmarks and browser tests start it with', () => {
    const server = read('tools/lib/server.mjs');
    expect(server).toContain(
      `export const API_NODE_ARGS = [${API_NODE_ARGS.map((a) => `'${a}'`).join(', ')}];`,
    );
  });
});
