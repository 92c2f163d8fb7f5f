import { Role } from '@koop/domain';
import {
  buildFixture,
  expectRefused,
  isoDaysFromToday,
  ok,
  startTestApp,
  type Fixture,
  type GraphQLClient,
  type TestApp,
} from '../testing/index.js';

const SOLUTION_FIELDS = `id title kind status summary licence url integrationNotes contact version
  project { id } developedBy { id name } reuses { id city { id } since experience notes version }`;
const CREATE = `mutation($input: CreateSolutionInput!) { createSolution(input: $input) { ${SOLUTION_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSolutionInput!) { updateSolution(input: $input) { ${SOLUTION_FIELDS} } }`;
const READ = `query($id: ID!) { solution(id: $id) { ${SOLUTION_FIELDS} } }`;
const RECORD = `mutation($input: RecordReuseInput!) {
  recordReuse(input: $input) { id since experience notes version solution { id } city { id } adoption { id } }
}`;
const AUDIT = `query($entity: String!, $id: ID!) {
  auditLog(filter: { entity: $entity, entityId: $id }, first: 20) { edges { node { operation username subject } } }
}`;

interface SolutionView {
  id: string;
  version: number;
  reuses: { id: string; city: { id: string }; experience: number | null; version: number }[];
  [field: string]: unknown;
}

interface ReuseView {
  id: string;
  since: string | null;
  experience: number | null;
  notes: string | null;
  version: number;
  adoption: { id: string } | null;
}

describe('the reuse catalogue', () => {
  let app: TestApp;
  let fixture: Fixture;
  let solution: SolutionView;

  const valid = () => ({
    title: 'Formularbaukasten Wohnsitz',
    kind: 'COMPONENT',
    status: 'AVAILABLE',
    summary: 'Bausteine für das Online-Formular zur Anmeldung des Wohnsitzes.',
    licence: 'eupl-1.2',
    url: 'https://gitlab.opencode.de/augsburg/formularbaukasten',
    integrationNotes: 'Als Web-Komponente einbinden; braucht das Servicekonto BayernID.',
    contact: 'Team Onlinedienste, Amt für Digitalisierung, Stadt Augsburg (digitalisierung@augsburg.de)',
    projectId: fixture.projectId,
    developedByCityIds: [fixture.cityIds.augsburg],
  });

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('createSolution', () => {
    it('stores every field, the canonical licence and the developing cities, audited, and reads them back', async () => {
      ({ createSolution: solution } = await ok<{ createSolution: SolutionView }>(app, CREATE, {
        input: { ...valid(), title: '  Formularbaukasten Wohnsitz ' },
      }));
      const expected = {
        id: expect.any(String),
        title: 'Formularbaukasten Wohnsitz',
        kind: 'COMPONENT',
        status: 'AVAILABLE',
        summary: valid().summary,
        licence: 'EUPL-1.2',
        url: valid().url,
        integrationNotes: valid().integrationNotes,
        contact: valid().contact,
        version: 1,
        project: { id: fixture.projectId },
        developedBy: [{ id: fixture.cityIds.augsburg, name: 'Augsburg' }],
        reuses: [],
      };
      expect(solution).toEqual(expected);
      expect((await ok<{ solution: unknown }>(app, READ, { id: solution.id })).solution).toEqual(expected);
      const log = await ok<{ auditLog: { edges: { node: { operation: string; subject: string } }[] } }>(
        app,
        AUDIT,
        { entity: 'Solution', id: solution.id },
      );
      // The log names the solution by its title.
      expect(log.auditLog.edges.map(({ node }) => [node.operation, node.subject])).toEqual([
        ['createSolution', 'Formularbaukasten Wohnsitz'],
      ]);
    });

    it('accepts "proprietary" in any case, deprecated SPDX identifiers and several developing cities', async () => {
      const { createSolution } = await ok<{ createSolution: SolutionView }>(app, CREATE, {
        input: {
          ...valid(),
          title: 'Leitfaden Chatbot',
          kind: 'CONCEPT',
          licence: 'Proprietary',
          developedByCityIds: [fixture.cityIds.kempten, fixture.cityIds.augsburg, fixture.cityIds.kempten],
        },
      });
      expect(createSolution.licence).toBe('proprietary');
      expect(createSolution['developedBy']).toEqual([
        { id: fixture.cityIds.augsburg, name: 'Augsburg' },
        { id: fixture.cityIds.kempten, name: 'Kempten (Allgäu)' },
      ]);
      const { createSolution: gpl } = await ok<{ createSolution: SolutionView }>(app, CREATE, {
        input: {
          ...valid(),
          title: 'Altes Modul',
          licence: 'GPL-2.0',
          url: null,
          contact: null,
          projectId: null,
        },
      });
      expect(gpl).toMatchObject({ licence: 'GPL-2.0', url: null, contact: null, project: null });
    });

    it.each([
      ['licence', { licence: 'EUPL-9.9' }, /licence: "EUPL-9.9" is neither an SPDX licence identifier/],
      ['licence', { licence: 'MIT OR Apache-2.0' }, /SPDX/],
      ['url', { url: 'ftp://example.org/file' }, /https:\/\/ or http:\/\//],
      ['url', { url: 'javascript:alert(1)' }, /https:\/\/ or http:\/\//],
      ['url', { url: 'gitlab.opencode.de/x' }, /absolute URL/],
      ['contact', { contact: 'Frau Huber, Amt für Digitalisierung' }, /not a person/],
      ['contact', { contact: 'Amt für Digitalisierung, max.mustermann@augsburg.de' }, /personal e-mail/],
      ['contact', { contact: 'Servicestelle, Tel. 0821 324-1234' }, /phone number/],
      ['contact', { contact: 'Servicestelle, +49 821 3241234' }, /phone number/],
      ['developedByCityIds', { developedByCityIds: [] }, /at least one city/],
      ['title', { title: '   ' }, /must not be empty/],
      ['summary', { summary: 'x'.repeat(4001) }, /at most 4000/],
    ])('refuses a bad %s with BAD_USER_INPUT naming it and writes nothing', async (field, change, reason) => {
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), ...change } },
        {
          code: 'BAD_USER_INPUT',
          field,
          reason,
        },
      );
    });

    it('refuses an unknown kind, project or city', async () => {
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), kind: 'APP' } },
        {
          code: 'BAD_USER_INPUT',
          field: 'kind',
        },
      );
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), projectId: '999999' } },
        {
          code: 'NOT_FOUND',
          field: 'projectId',
        },
      );
      await expectRefused(
        app,
        CREATE,
        { input: { ...valid(), developedByCityIds: ['999999'] } },
        {
          code: 'NOT_FOUND',
          field: 'developedByCityIds',
        },
      );
    });

    it('lets a developing city’s editor and the project’s working-group lead create, and nobody else', async () => {
      const augsburgEditor = await app.accountWith('editor-augsburg', [
        { role: Role.CITY_EDITOR, cityId: fixture.cityIds.augsburg },
      ]);
      const lead = await app.accountWith('lead-wg', [
        { role: Role.WORKING_GROUP_LEAD, workingGroupId: fixture.workingGroupId },
      ]);
      const kemptenEditor = await app.accountWith('editor-kempten', [
        { role: Role.CITY_EDITOR, cityId: fixture.cityIds.kempten },
      ]);
      const viewer = await app.accountWith('viewer', [{ role: Role.VIEWER }]);
      const create = (client: GraphQLClient, input: Record<string, unknown>) => client.gql(CREATE, { input });
      expect((await create(augsburgEditor, { ...valid(), projectId: null })).errors).toBeUndefined();
      expect(
        (await create(lead, { ...valid(), developedByCityIds: [fixture.cityIds.erlangen] })).errors,
      ).toBeUndefined();
      for (const [client, input] of [
        [kemptenEditor, valid()],
        [lead, { ...valid(), projectId: null, developedByCityIds: [fixture.cityIds.erlangen] }],
        [viewer, valid()],
      ] as const) {
        await expectRefused({ ...app, gql: client.gql }, CREATE, { input }, { code: 'FORBIDDEN' });
      }
    });
  });

  describe('updateSolution', () => {
    it('changes the given fields at the current version, keeps the rest, replaces the developers and reads it back', async () => {
      const { updateSolution } = await ok<{ updateSolution: SolutionView }>(app, UPDATE, {
        input: {
          solutionId: solution.id,
          version: 1,
          status: 'DEPRECATED',
          licence: 'MIT',
          integrationNotes: null,
          developedByCityIds: [fixture.cityIds.augsburg, fixture.cityIds.rosenheim],
        },
      });
      expect(updateSolution).toMatchObject({
        title: 'Formularbaukasten Wohnsitz',
        status: 'DEPRECATED',
        licence: 'MIT',
        integrationNotes: null,
        version: 2,
        developedBy: [
          { id: fixture.cityIds.augsburg, name: 'Augsburg' },
          { id: fixture.cityIds.rosenheim, name: 'Rosenheim' },
        ],
      });
      expect((await ok<{ solution: unknown }>(app, READ, { id: solution.id })).solution).toEqual(
        updateSolution,
      );
      solution = updateSolution;
    });

    it('answers CONFLICT for a stale version, with the current row, and writes nothing', async () => {
      await expectRefused(
        app,
        UPDATE,
        { input: { solutionId: solution.id, version: 1, title: 'Neu' } },
        {
          code: 'CONFLICT',
          reason: /you saw version 1, it is now 2/,
        },
      );
    });

    it('refuses bad values naming the field, and an unknown solution', async () => {
      for (const [field, change] of [
        ['licence', { licence: 'Public-Domain' }],
        ['url', { url: 'mailto:digitalisierung@augsburg.de' }],
        ['contact', { contact: 'Dr. Weber' }],
        ['developedByCityIds', { developedByCityIds: [] }],
        ['title', { title: null }],
      ] as const) {
        await expectRefused(
          app,
          UPDATE,
          { input: { solutionId: solution.id, version: 2, ...change } },
          {
            code: 'BAD_USER_INPUT',
            field,
          },
        );
      }
      await expectRefused(
        app,
        UPDATE,
        { input: { solutionId: '999999', version: 1, title: 'X' } },
        {
          code: 'NOT_FOUND',
          field: 'solutionId',
        },
      );
    });

    it('lets a developing city’s editor add co-developers but not hand the solution to others alone', async () => {
      const rosenheimEditor = await app.accountWith('editor-rosenheim', [
        { role: Role.CITY_EDITOR, cityId: fixture.cityIds.rosenheim },
      ]);
      const kemptenEditor = await app.signIn('editor-kempten');
      await expectRefused(
        { ...app, gql: kemptenEditor.gql },
        UPDATE,
        { input: { solutionId: solution.id, version: 2, title: 'Übernommen' } },
        { code: 'FORBIDDEN' },
      );
      await expectRefused(
        { ...app, gql: rosenheimEditor.gql },
        UPDATE,
        { input: { solutionId: solution.id, version: 2, developedByCityIds: [fixture.cityIds.erlangen] } },
        { code: 'FORBIDDEN' },
      );
      // Rosenheim became a developing city above: its editor may edit the solution now.
      const { updateSolution } = await ok<{ updateSolution: SolutionView }>(
        { ...app, gql: rosenheimEditor.gql },
        UPDATE,
        { input: { solutionId: solution.id, version: 2, status: 'AVAILABLE' } },
      );
      expect(updateSolution).toMatchObject({ status: 'AVAILABLE', version: 3 });
      solution = updateSolution;
    });
  });

  describe('recordReuse', () => {
    let reuse: ReuseView;

    it('records a reuse by another city, since today when left out, and shows it on the solution and both cities', async () => {
      ({ recordReuse: reuse } = await ok<{ recordReuse: ReuseView }>(app, RECORD, {
        input: {
          solutionId: solution.id,
          cityId: fixture.cityIds.kempten,
          experience: 4,
          notes: '  Einbindung in zwei Tagen, Anpassung der Texte nötig. ',
        },
      }));
      expect(reuse).toEqual({
        id: expect.any(String),
        since: isoDaysFromToday(0),
        experience: 4,
        notes: 'Einbindung in zwei Tagen, Anpassung der Texte nötig.',
        version: 1,
        solution: { id: solution.id },
        city: { id: fixture.cityIds.kempten },
        adoption: null,
      });
      const read = (await ok<{ solution: SolutionView }>(app, READ, { id: solution.id })).solution;
      expect(read.reuses).toEqual([
        {
          id: reuse.id,
          city: { id: fixture.cityIds.kempten },
          since: reuse.since,
          experience: 4,
          notes: reuse.notes,
          version: 1,
        },
      ]);
      const { kempten, augsburg } = await ok<{
        kempten: { reuses: unknown[]; solutionsDeveloped: unknown[] };
        augsburg: { reuses: unknown[]; solutionsDeveloped: { id: string }[] };
      }>(
        app,
        `query($k: ID!, $a: ID!) {
          kempten: city(id: $k) { reuses { solution { id } experience } solutionsDeveloped { id } }
          augsburg: city(id: $a) { reuses { id } solutionsDeveloped { id reuses { city { id } } } }
        }`,
        { k: fixture.cityIds.kempten, a: fixture.cityIds.augsburg },
      );
      expect(kempten.reuses).toEqual([{ solution: { id: solution.id }, experience: 4 }]);
      expect(augsburg.reuses).toEqual([]);
      expect(augsburg.solutionsDeveloped).toContainEqual({
        id: solution.id,
        reuses: [{ city: { id: fixture.cityIds.kempten } }],
      });
      const log = await ok<{ auditLog: { edges: { node: { operation: string } }[] } }>(app, AUDIT, {
        entity: 'Reuse',
        id: reuse.id,
      });
      expect(log.auditLog.edges.map((edge) => edge.node.operation)).toEqual(['recordReuse']);
    });

    it('changes the reuse at the current version, keeping fields left out and clearing those sent as null', async () => {
      const { recordReuse } = await ok<{ recordReuse: ReuseView }>(app, RECORD, {
        input: {
          solutionId: solution.id,
          cityId: fixture.cityIds.kempten,
          since: '2025-03-01',
          notes: null,
          version: 1,
        },
      });
      expect(recordReuse).toMatchObject({
        id: reuse.id,
        since: '2025-03-01',
        experience: 4,
        notes: null,
        version: 2,
      });
      reuse = recordReuse;
    });

    it('answers CONFLICT without a version or with a stale one, and writes nothing', async () => {
      const input = { solutionId: solution.id, cityId: fixture.cityIds.kempten, experience: 2 };
      await expectRefused(app, RECORD, { input }, { code: 'CONFLICT', reason: /already exists/ });
      await expectRefused(
        app,
        RECORD,
        { input: { ...input, version: 1 } },
        {
          code: 'CONFLICT',
          reason: /you saw version 1, it is now 2/,
        },
      );
    });

    it.each([
      ['experience', { experience: 0 }, /from 1 to 5/],
      ['experience', { experience: 6 }, /from 1 to 5/],
      ['since', { since: isoDaysFromToday(1) }, /future/],
      ['since', { since: '2025-02-30' }, /YYYY-MM-DD/],
      ['cityId', { cityId: 'augsburg' }, /does not reuse its own work/],
      ['notes', { notes: 'x'.repeat(4001) }, /at most 4000/],
    ])('refuses a bad %s naming it and writes nothing', async (field, change, reason) => {
      const input = { solutionId: solution.id, cityId: fixture.cityIds.erlangen, experience: 3, ...change };
      if (input.cityId === 'augsburg') input.cityId = fixture.cityIds.augsburg;
      await expectRefused(
        app,
        RECORD,
        { input },
        {
          code: 'BAD_USER_INPUT',
          field,
          reason,
        },
      );
    });

    it('refuses an unknown solution or city with NOT_FOUND naming it', async () => {
      await expectRefused(
        app,
        RECORD,
        { input: { solutionId: '999999', cityId: fixture.cityIds.erlangen } },
        {
          code: 'NOT_FOUND',
          field: 'solutionId',
        },
      );
      await expectRefused(
        app,
        RECORD,
        { input: { solutionId: solution.id, cityId: '999999' } },
        {
          code: 'NOT_FOUND',
          field: 'cityId',
        },
      );
    });

    it('lets only the city’s editors, its CDO and admins record its reuses', async () => {
      const kemptenEditor = await app.signIn('editor-kempten');
      const lead = await app.signIn('lead-wg');
      for (const client of [kemptenEditor, lead]) {
        await expectRefused(
          { ...app, gql: client.gql },
          RECORD,
          { input: { solutionId: solution.id, cityId: fixture.cityIds.erlangen, experience: 5 } },
          { code: 'FORBIDDEN' },
        );
      }
      const erlangenCdo = await app.accountWith('cdo-erlangen', [
        { role: Role.CDO, cityId: fixture.cityIds.erlangen },
      ]);
      const { recordReuse } = await ok<{ recordReuse: ReuseView }>({ ...app, gql: erlangenCdo.gql }, RECORD, {
        input: {
          solutionId: solution.id,
          cityId: fixture.cityIds.erlangen,
          experience: 5,
          since: '2024-06-01',
        },
      });
      expect(recordReuse).toMatchObject({ experience: 5, since: '2024-06-01', version: 1 });
    });

    it('links the city’s adoption taken over from a partner, shown as the adoption’s reused solution', async () => {
      const ADOPT = `mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }`;
      const adopt = async (cityId: string, source: string) =>
        (
          await ok<{ recordAdoption: { id: string } }>(app, ADOPT, {
            input: {
              projectId: fixture.projectId,
              cityId,
              stage: 'EVALUATING',
              maturityModel: '2.0',
              source,
            },
          })
        ).recordAdoption.id;
      const rosenheimOwn = await adopt(fixture.cityIds.rosenheim, 'OWN_BUILD');
      const kemptenReused = await adopt(fixture.cityIds.kempten, 'REUSED_FROM_PARTNER');
      const change = { solutionId: solution.id, cityId: fixture.cityIds.kempten, version: 2 };
      await expectRefused(
        app,
        RECORD,
        { input: { ...change, adoptionId: rosenheimOwn } },
        {
          code: 'BAD_USER_INPUT',
          field: 'adoptionId',
          reason: /of the reusing city/,
        },
      );
      await expectRefused(
        app,
        RECORD,
        { input: { ...change, adoptionId: '999999' } },
        {
          code: 'NOT_FOUND',
          field: 'adoptionId',
        },
      );
      const { recordReuse } = await ok<{ recordReuse: ReuseView }>(app, RECORD, {
        input: { ...change, adoptionId: kemptenReused },
      });
      expect(recordReuse).toMatchObject({ adoption: { id: kemptenReused }, experience: 4, version: 3 });
      const { adoption } = await ok<{ adoption: { reusedSolution: { id: string } | null } }>(
        app,
        'query($p: ID!, $c: ID!) { adoption(projectId: $p, cityId: $c) { reusedSolution { id title } } }',
        { p: fixture.projectId, c: fixture.cityIds.kempten },
      );
      expect(adoption.reusedSolution).toEqual({ id: solution.id, title: 'Formularbaukasten Wohnsitz' });
      // An adoption built by the city itself names no reused solution.
      await ok(app, ADOPT, {
        input: {
          projectId: fixture.projectId,
          cityId: fixture.cityIds.rosenheim,
          stage: 'EVALUATING',
          maturityModel: '2.0',
          source: 'REUSED_FROM_PARTNER',
          version: 1,
        },
      });
      const other = await ok<{ createSolution: { id: string } }>(app, CREATE, {
        input: { ...valid(), title: 'Zweite Lösung', developedByCityIds: [fixture.cityIds.erlangen] },
      });
      await expectRefused(
        app,
        RECORD,
        {
          input: {
            solutionId: other.createSolution.id,
            cityId: fixture.cityIds.kempten,
            adoptionId: kemptenReused,
          },
        },
        { code: 'BAD_USER_INPUT', field: 'adoptionId', reason: /already linked/ },
      );
    });
  });

  describe('reading the catalogue and the network', () => {
    it('filters solutions by kind, status, city and text (umlauts folded), a page at a time', async () => {
      const LIST = `query($filter: SolutionFilter, $first: Int, $after: String) {
        solutions(filter: $filter, first: $first, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { title } }
        }
      }`;
      type List = {
        solutions: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { title: string } }[];
        };
      };
      const titles = async (filter: Record<string, unknown>) =>
        (await ok<List>(app, LIST, { filter, first: 50 })).solutions.edges.map((edge) => edge.node.title);
      expect(await titles({ kind: 'CONCEPT' })).toEqual(['Leitfaden Chatbot']);
      expect(await titles({ status: 'AVAILABLE', search: 'FORMULARBAUKASTEN' })).toEqual([
        'Formularbaukasten Wohnsitz',
        'Formularbaukasten Wohnsitz',
        'Formularbaukasten Wohnsitz',
      ]);
      expect(await titles({ search: 'servicekonto bayernid', kind: 'CONCEPT' })).toEqual([
        'Leitfaden Chatbot',
      ]);
      expect(await titles({ cityId: fixture.cityIds.kempten })).toEqual([
        'Formularbaukasten Wohnsitz',
        'Leitfaden Chatbot',
      ]);
      expect(await titles({ search: 'zweite lösung' })).toEqual(['Zweite Lösung']);
      expect(await titles({ search: 'zweite losung' })).toEqual(['Zweite Lösung']);
      const first = await ok<List>(app, LIST, { first: 2 });
      expect(first.solutions.totalCount).toBe(6);
      expect(first.solutions.pageInfo.hasNextPage).toBe(true);
      const rest = await ok<List>(app, LIST, { first: 50, after: first.solutions.pageInfo.endCursor });
      expect(rest.solutions.edges).toHaveLength(4);
    });

    it('shows who took what from whom in the cooperation’s network, and counts the reuses of the year', async () => {
      const { reuseNetwork } = await ok<{
        reuseNetwork: {
          nodes: { city: { name: string }; member: boolean; gave: number; took: number }[];
          edges: {
            from: { name: string };
            to: { name: string };
            count: number;
            solutions: { id: string }[];
          }[];
        };
      }>(
        app,
        `query($id: ID!) { reuseNetwork(cooperationId: $id) {
          nodes { city { name } member gave took }
          edges { from { name } to { name } count averageExperience solutions { id } }
        } }`,
        { id: fixture.cooperationId },
      );
      expect(reuseNetwork.nodes).toEqual([
        { city: { name: 'Augsburg' }, member: true, gave: 1, took: 0 },
        { city: { name: 'Erlangen' }, member: false, gave: 0, took: 1 },
        { city: { name: 'Kempten (Allgäu)' }, member: true, gave: 0, took: 1 },
        { city: { name: 'Rosenheim' }, member: true, gave: 1, took: 0 },
      ]);
      expect(reuseNetwork.edges).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ from: { name: 'Augsburg' }, to: { name: 'Kempten (Allgäu)' }, count: 1 }),
          expect.objectContaining({ from: { name: 'Rosenheim' }, to: { name: 'Erlangen' }, count: 1 }),
        ]),
      );
      expect(reuseNetwork.edges).toHaveLength(4);
      const COUNT = `query($id: ID!, $year: Int!) { reuseCount(cooperationId: $id, year: $year) { year count previousCount change } }`;
      // Kempten (a member) took one over since 2025-03-01; Erlangen is no member.
      expect(
        (await ok<{ reuseCount: unknown }>(app, COUNT, { id: fixture.cooperationId, year: 2025 })).reuseCount,
      ).toEqual({
        year: 2025,
        count: 1,
        previousCount: 0,
        change: 1,
      });
      expect(
        (await ok<{ reuseCount: unknown }>(app, COUNT, { id: fixture.cooperationId, year: 2026 })).reuseCount,
      ).toEqual({
        year: 2026,
        count: 0,
        previousCount: 1,
        change: -1,
      });
      await expectRefused(
        app,
        COUNT,
        { id: fixture.cooperationId, year: 1723416285 },
        {
          code: 'BAD_USER_INPUT',
          field: 'year',
          reason: /from 2000 to 2100/,
        },
      );
    });
  });
});
