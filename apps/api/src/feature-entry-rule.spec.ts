import { ESLint } from 'eslint';

/*
 * Features own their parts: they import each other only through their entry files (index.ts), and only
 * the composition root imports a feature's wiring (Nest module, resolver, controller). The lint rule
 * koop/feature-entry-imports (tools/eslint/feature-entry-rule.mjs) enforces it for every source file of
 * the API; this proves what it refuses and what it lets through.
 */
describe('the lint rule of the feature entries', () => {
  const eslint = new ESLint();

  async function problems(code: string, filePath: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return result.messages
      .filter((message) => message.ruleId === 'koop/feature-entry-imports')
      .map((message) => message.message);
  }

  it("refuses a feature that imports, re-exports or loads another feature's inner file", async () => {
    const found = await problems(
      [
        "import { Project } from '../projects/project.entity.js';",
        "export { ProjectsService } from '../projects/projects.service.js';",
        "export const load = () => import('../figures/figures.js');",
        'export const parts = [Project];',
        '',
      ].join('\n'),
      'apps/api/src/cities/cities.service.ts',
    );
    expect(found).toEqual([
      expect.stringMatching(
        /^'\.\.\/projects\/project\.entity\.js' reaches into the projects feature: .*'\.\.\/projects\/index\.js'/,
      ),
      expect.stringMatching(/^'\.\.\/projects\/projects\.service\.js' reaches into the projects feature/),
      expect.stringMatching(/^'\.\.\/figures\/figures\.js' reaches into the figures feature/),
    ]);
  });

  it('lets a feature import an entry, its own files and packages', async () => {
    const code = [
      "import { AdoptionStage } from '@koop/domain';",
      "import { In } from 'typeorm';",
      "import { Project } from '../projects/index.js';",
      "import { CitiesService } from './cities.service.js';",
      "import { CityInput } from './dto/city.input.js';",
      'export const parts = [AdoptionStage, In, Project, CitiesService, CityInput];',
      '',
    ].join('\n');
    expect(await problems(code, 'apps/api/src/cities/cities.resolver.ts')).toEqual([]);
    // A file deeper in the feature reaches its own files and other entries the same way.
    const nested = [
      "import { City } from '../city.entity.js';",
      "import { Project } from '../../projects/index.js';",
      'export const parts = [City, Project];',
      '',
    ].join('\n');
    expect(await problems(nested, 'apps/api/src/cities/dto/city.input.ts')).toEqual([]);
  });

  it("refuses a feature that imports another feature's Nest module", async () => {
    const found = await problems(
      [
        "import { OverviewModule } from '../overview/overview.module.js';",
        'export const parts = [OverviewModule];',
        '',
      ].join('\n'),
      'apps/api/src/reports/reports.module.ts',
    );
    expect(found).toEqual([expect.stringMatching(/is the wiring of the overview feature.*@Global/)]);
  });

  it("lets the composition root import the features' entries and wiring, not their inner files", async () => {
    const found = await problems(
      [
        "import { ProjectsModule } from './projects/projects.module.js';",
        "import { HealthController } from './health/health.controller.js';",
        "import { projectsEntities } from './projects/index.js';",
        "import { ProjectsService } from './projects/projects.service.js';",
        'export const parts = [ProjectsModule, HealthController, projectsEntities, ProjectsService];',
        '',
      ].join('\n'),
      'apps/api/src/app.module.ts',
    );
    expect(found).toEqual([
      expect.stringMatching(/^'\.\/projects\/projects\.service\.js' reaches into the projects feature/),
    ]);
  });

  it('refuses an entry that exports its wiring', async () => {
    const found = await problems(
      [
        "export { Project } from './project.entity.js';",
        "export { ProjectsModule } from './projects.module.js';",
        '',
      ].join('\n'),
      'apps/api/src/projects/index.ts',
    );
    expect(found).toEqual([expect.stringMatching(/^An entry exports no wiring: .*projects\.module\.js/)]);
  });

  it("holds for specs: they test their own feature's inner files, and reach others through entries", async () => {
    const found = await problems(
      [
        "import { CitiesService } from './cities.service.js';",
        "import { startTestApp } from '../testing/index.js';",
        "import { sql } from '../testing/test-database.js';",
        'export const parts = [CitiesService, startTestApp, sql];',
        '',
      ].join('\n'),
      'apps/api/src/cities/cities.integration-spec.ts',
    );
    expect(found).toEqual([
      expect.stringMatching(/^'\.\.\/testing\/test-database\.js' reaches into the testing feature/),
    ]);
  });
});
