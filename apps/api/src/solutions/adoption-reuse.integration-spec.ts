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

// An adoption taken over from a partner names the solution it reused: `recordAdoption` with
// `reusedSolutionId` links the city's reuse of that solution to the adoption, in the adoption's transaction.

const ADOPT = `mutation($input: RecordAdoptionInput!) {
  recordAdoption(input: $input) { id version source reusedSolution { id title } }
}`;
const CREATE = `mutation($input: CreateSolutionInput!) { createSolution(input: $input) { id } }`;
const RECORD_REUSE = `mutation($input: RecordReuseInput!) {
  recordReuse(input: $input) { id version experience notes since adoption { id } }
}`;
const REUSES = `query($id: ID!) {
  city(id: $id) { reuses { solution { id } since experience notes version adoption { id } } }
}`;

interface AdoptionView {
  id: string;
  version: number;
  source: string | null;
  reusedSolution: { id: string; title: string } | null;
}
interface ReuseRow {
  solution: { id: string };
  since: string | null;
  experience: number | null;
  notes: string | null;
  version: number;
  adoption: { id: string } | null;
}

describe('naming the reused solution of an adoption', () => {
  let app: TestApp;
  let fixture: Fixture;
  let kemptenEditor: GraphQLClient;
  let formular: string;
  let termin: string;
  let otherProjectSolution: string;
  let kemptenOwn: string;

  const solution = (title: string, developedByCityIds: string[], projectId: string) => ({
    title,
    kind: 'COMPONENT',
    status: 'AVAILABLE',
    summary: `${title}: Bausteine für Onlinedienste.`,
    licence: 'EUPL-1.2',
    projectId,
    developedByCityIds,
  });

  const reusesOfKempten = async () =>
    (await ok<{ city: { reuses: ReuseRow[] } }>(app, REUSES, { id: fixture.cityIds.kempten })).city.reuses;

  const adoptionInput = (extra: Record<string, unknown>) => ({
    projectId: fixture.projectId,
    cityId: fixture.cityIds.kempten,
    stage: 'LIVE',
    maturityModel: '2.0',
    maturityLevel: 3,
    liveSince: '2025-03-01',
    source: 'REUSED_FROM_PARTNER',
    ...extra,
  });

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    kemptenEditor = await app.accountWith('editor-kempten', [
      { role: Role.CITY_EDITOR, cityId: fixture.cityIds.kempten },
    ]);
    const create = async (input: Record<string, unknown>) =>
      (await ok<{ createSolution: { id: string } }>(app, CREATE, { input })).createSolution.id;
    const otherProject = (
      await ok<{ createProject: { id: string } }>(
        app,
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        {
          input: {
            workingGroupId: fixture.workingGroupId,
            title: 'Hund anmelden',
            kind: 'ONLINE_SERVICE',
            isEfa: false,
            ownerCityId: fixture.cityIds.rosenheim,
            phase: 'LIVE',
            health: 'GREEN',
            progress: 100,
          },
        },
      )
    ).createProject.id;
    formular = await create(
      solution('Formularbaukasten Wohnsitz', [fixture.cityIds.augsburg], fixture.projectId),
    );
    termin = await create(
      solution('Terminbuchung Bürgerbüro', [fixture.cityIds.rosenheim], fixture.projectId),
    );
    otherProjectSolution = await create(
      solution('Hundesteuer online', [fixture.cityIds.rosenheim], otherProject),
    );
    kemptenOwn = await create(
      solution('Kemptener Wohnsitzmodul', [fixture.cityIds.kempten], fixture.projectId),
    );
  });

  afterAll(async () => {
    await app.close();
  });

  it('links a new reuse to the adoption when the city’s editor names the solution, since the service went live', async () => {
    const { recordAdoption } = await ok<{ recordAdoption: AdoptionView }>(
      { ...app, gql: kemptenEditor.gql },
      ADOPT,
      { input: adoptionInput({ reusedSolutionId: formular }) },
    );
    expect(recordAdoption).toMatchObject({
      version: 1,
      source: 'REUSED_FROM_PARTNER',
      reusedSolution: { id: formular, title: 'Formularbaukasten Wohnsitz' },
    });
    expect(await reusesOfKempten()).toEqual([
      {
        solution: { id: formular },
        since: '2025-03-01',
        experience: null,
        notes: null,
        version: 1,
        adoption: { id: recordAdoption.id },
      },
    ]);
    // Both writes are in the audit log, under the editor's name.
    const { auditLog } = await ok<{
      auditLog: { edges: { node: { operation: string; entity: string; username: string } }[] };
    }>(app, '{ auditLog(first: 2) { edges { node { operation entity username } } } }');
    expect(auditLog.edges.map((edge) => edge.node).sort((a, b) => a.entity.localeCompare(b.entity))).toEqual([
      { operation: 'recordAdoption', entity: 'Adoption', username: 'editor-kempten' },
      { operation: 'recordReuse', entity: 'Reuse', username: 'editor-kempten' },
    ]);
    // The solution lists Kempten among its reusing cities.
    const { solution: shown } = await ok<{ solution: { reuses: { city: { id: string } }[] } }>(
      app,
      'query($id: ID!) { solution(id: $id) { reuses { city { id } } } }',
      { id: formular },
    );
    expect(shown.reuses).toEqual([{ city: { id: fixture.cityIds.kempten } }]);
  });

  it('moves the link to another solution, keeping what the city recorded about the reuse it had', async () => {
    // Kempten recorded its experience with the appointment booking before linking it.
    await ok(app, RECORD_REUSE, {
      input: {
        solutionId: termin,
        cityId: fixture.cityIds.kempten,
        since: '2024-11-01',
        experience: 4,
        notes: 'Lief nach zwei Wochen rund.',
      },
    });
    const { recordAdoption } = await ok<{ recordAdoption: AdoptionView }>(app, ADOPT, {
      input: adoptionInput({ source: 'EFA_SUBSCRIPTION', reusedSolutionId: termin, version: 1 }),
    });
    expect(recordAdoption.reusedSolution?.id).toBe(termin);
    const reuses = await reusesOfKempten();
    expect(reuses.find((reuse) => reuse.solution.id === formular)).toMatchObject({
      adoption: null,
      version: 2,
    });
    expect(reuses.find((reuse) => reuse.solution.id === termin)).toEqual({
      solution: { id: termin },
      since: '2024-11-01',
      experience: 4,
      notes: 'Lief nach zwei Wochen rund.',
      version: 2,
      adoption: { id: recordAdoption.id },
    });
  });

  it('keeps the link when the field is left out, and unlinks it with null or a source that takes over nothing', async () => {
    const kept = await ok<{ recordAdoption: AdoptionView }>(app, ADOPT, {
      input: adoptionInput({ source: 'EFA_SUBSCRIPTION', maturityLevel: 4, version: 2 }),
    });
    expect(kept.recordAdoption.reusedSolution?.id).toBe(termin);

    const cleared = await ok<{ recordAdoption: AdoptionView }>(app, ADOPT, {
      input: adoptionInput({ source: 'EFA_SUBSCRIPTION', reusedSolutionId: null, version: 3 }),
    });
    expect(cleared.recordAdoption.reusedSolution).toBeNull();
    // The reuse itself stays: the city still took the solution over.
    expect((await reusesOfKempten()).map((reuse) => [reuse.solution.id, reuse.adoption])).toEqual(
      expect.arrayContaining([
        [formular, null],
        [termin, null],
      ]),
    );

    await ok(app, ADOPT, { input: adoptionInput({ reusedSolutionId: formular, version: 4 }) });
    const ownBuild = await ok<{ recordAdoption: AdoptionView }>(app, ADOPT, {
      input: adoptionInput({ source: 'OWN_BUILD', version: 5 }),
    });
    expect(ownBuild.recordAdoption.reusedSolution).toBeNull();
    expect((await reusesOfKempten()).every((reuse) => reuse.adoption === null)).toBe(true);
  });

  it('refuses a solution that does not fit, naming reusedSolutionId, and changes nothing', async () => {
    await ok(app, ADOPT, { input: adoptionInput({ reusedSolutionId: formular, version: 6 }) });
    const input = (extra: Record<string, unknown>) => ({ input: adoptionInput({ version: 7, ...extra }) });
    await expectRefused(app, ADOPT, input({ source: 'OWN_BUILD', reusedSolutionId: termin }), {
      code: 'BAD_USER_INPUT',
      field: 'reusedSolutionId',
      reason: /only with source REUSED_FROM_PARTNER or EFA_SUBSCRIPTION/,
    });
    await expectRefused(app, ADOPT, input({ source: null, reusedSolutionId: termin }), {
      code: 'BAD_USER_INPUT',
      field: 'reusedSolutionId',
    });
    await expectRefused(app, ADOPT, input({ reusedSolutionId: otherProjectSolution }), {
      code: 'BAD_USER_INPUT',
      field: 'reusedSolutionId',
      reason: /of the adopted service’s project/,
    });
    await expectRefused(app, ADOPT, input({ reusedSolutionId: kemptenOwn }), {
      code: 'BAD_USER_INPUT',
      field: 'reusedSolutionId',
      reason: /developed itself/,
    });
    await expectRefused(app, ADOPT, input({ reusedSolutionId: '999999' }), {
      code: 'NOT_FOUND',
      field: 'reusedSolutionId',
    });
    await expectRefused(app, ADOPT, input({ reusedSolutionId: 'abc' }), {
      code: 'NOT_FOUND',
      field: 'reusedSolutionId',
    });
    // Another city's editor may not record Kempten's adoption, nor so its reuse.
    const erlangenEditor = await app.accountWith('editor-erlangen', [
      { role: Role.CITY_EDITOR, cityId: fixture.cityIds.erlangen },
    ]);
    await expectRefused({ ...app, gql: erlangenEditor.gql }, ADOPT, input({ reusedSolutionId: termin }), {
      code: 'FORBIDDEN',
    });
    // A stale version is a conflict, and the link stays as it was.
    await expectRefused(app, ADOPT, input({ reusedSolutionId: termin, version: 6 }), { code: 'CONFLICT' });
  });

  it('refuses to link a reuse by hand to an adoption of another project', async () => {
    const { recordAdoption } = await ok<{ recordAdoption: AdoptionView }>(app, ADOPT, {
      input: {
        projectId: fixture.projectId,
        cityId: fixture.cityIds.erlangen,
        stage: 'PLANNED',
        maturityModel: '2.0',
        source: 'EFA_SUBSCRIPTION',
      },
    });
    await expectRefused(
      app,
      RECORD_REUSE,
      {
        input: {
          solutionId: otherProjectSolution,
          cityId: fixture.cityIds.erlangen,
          since: isoDaysFromToday(-10),
          adoptionId: recordAdoption.id,
        },
      },
      { code: 'BAD_USER_INPUT', field: 'adoptionId', reason: /of the solution’s project/ },
    );
  });
});
