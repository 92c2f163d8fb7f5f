import { contactError, todayIso } from '@koop/domain';
import { canonicalLicence } from '../solutions/index.js';
import { ok, startTestApp, type TestApp } from '../testing/index.js';
import { CATALOGUE } from './demo-catalogue.js';

interface DemoSolution {
  title: string;
  licence: string;
  contact: string;
  url: string;
  project: { id: string } | null;
  developedBy: { name: string }[];
  reuses: { city: { name: string }; since: string; experience: number; notes: string }[];
}

describe('the demo reuse catalogue', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ demoData: true });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('offers every planned solution, from its project, under a valid licence and contact, linked to .example', async () => {
    const { solutions } = await ok<{ solutions: { totalCount: number; edges: { node: DemoSolution }[] } }>(
      app,
      `{ solutions(first: 100) { totalCount edges { node {
        title licence contact url project { id } developedBy { name }
        reuses { city { name } since experience notes }
      } } } }`,
    );
    expect(solutions.totalCount).toBe(CATALOGUE.length);
    const kinds = new Set(CATALOGUE.map((plan) => plan.kind));
    expect(kinds.size).toBe(7);
    for (const { node } of solutions.edges) {
      expect(canonicalLicence(node.licence)).toBe(node.licence);
      expect(contactError(node.contact)).toBeNull();
      expect(node.url).toMatch(/^https:\/\/code\.demo\.example\//);
      expect(node.project).not.toBeNull();
      expect(node.developedBy.length).toBeGreaterThan(0);
      for (const reuse of node.reuses) {
        expect(reuse.since <= todayIso()).toBe(true);
        expect(reuse.experience).toBeGreaterThanOrEqual(1);
        expect(reuse.experience).toBeLessThanOrEqual(5);
        expect(node.developedBy.map((city) => city.name)).not.toContain(reuse.city.name);
      }
    }
    const licences = new Set(solutions.edges.map((edge) => edge.node.licence));
    expect([...licences]).toEqual(expect.arrayContaining(['EUPL-1.2', 'MIT', 'Apache-2.0', 'proprietary']));
  });

  it('gives each cooperation a reuse network and reuses in this year and the year before', async () => {
    const { cooperations } = await ok<{ cooperations: { id: string; shortName: string }[] }>(
      app,
      '{ cooperations { id shortName } }',
    );
    const year = new Date().getUTCFullYear();
    for (const cooperation of cooperations) {
      const data = await ok<{
        reuseNetwork: { nodes: unknown[]; edges: unknown[] };
        reuseCount: { count: number; previousCount: number };
      }>(
        app,
        `query($id: ID!, $year: Int!) {
          reuseNetwork(cooperationId: $id) { nodes { gave took } edges { count } }
          reuseCount(cooperationId: $id, year: $year) { count previousCount }
        }`,
        { id: cooperation.id, year },
      );
      expect(data.reuseNetwork.edges.length).toBeGreaterThan(2);
      expect(data.reuseCount.count + data.reuseCount.previousCount).toBeGreaterThan(0);
    }
  });
});
