import { Role } from '@koop/domain';
import {
  TEST_DIALECT,
  buildFixture,
  expectRefused,
  ok,
  startTestApp,
  type Fixture,
  type TestApp,
} from '../testing/index.js';
import { rebuildSearchIndex } from './search-index.js';

const SEARCH =
  'query($q: String!, $first: Int) { search(query: $q, first: $first) { kind id title snippet score } }';
const CREATE_ENTRY = `mutation($input: CreateKnowledgeEntryInput!) { createKnowledgeEntry(input: $input) { id version } }`;
const UPDATE_ENTRY = `mutation($input: UpdateKnowledgeEntryInput!) { updateKnowledgeEntry(input: $input) { id version } }`;
const CREATE_PROJECT =
  'mutation($input: CreateProjectInput!) { createProject(input: $input) { id version } }';

interface Hit {
  kind: string;
  id: string;
  title: string;
  snippet: string;
  score: number;
}

describe(`search (${TEST_DIALECT})`, () => {
  let app: TestApp;
  let fixture: Fixture;
  const ids: Record<string, string> = {};

  async function search(q: string, first?: number): Promise<Hit[]> {
    return (await ok<{ search: Hit[] }>(app, SEARCH, { q, first })).search;
  }
  const titles = (hits: Hit[]) => hits.map((hit) => hit.title);

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    const entry = async (key: string, title: string, body: string, tags: string[] = []) => {
      const { createKnowledgeEntry } = await ok<{ createKnowledgeEntry: { id: string } }>(app, CREATE_ENTRY, {
        input: { title, body, tags, workingGroupId: fixture.workingGroupId },
      });
      ids[key] = createKnowledgeEntry.id;
    };
    const project = async (key: string, title: string, description: string) => {
      const { createProject } = await ok<{ createProject: { id: string } }>(app, CREATE_PROJECT, {
        input: { workingGroupId: fixture.workingGroupId, title, description, kind: 'CONCEPT' },
      });
      ids[key] = createProject.id;
    };
    await entry('antraege', 'Anträge online stellen', 'Wie die Stadt **Formulare** digital anbietet.');
    await project('meldung', 'Meldewesen', 'Jeder Antrag wird geprüft, bevor das Bürgerbüro ihn bearbeitet.');
    await entry(
      'strasse',
      'Sperrungen melden',
      'Wenn eine Straße gesperrt wird, meldet das Tiefbauamt es <b>sofort</b> & ohne Umweg.',
      ['verkehr'],
    );
    await entry('oeffentlich', 'Öffentliche Daten', 'Die Stadt veröffentlicht Fahrpläne.');
    const { createSolution } = await ok<{ createSolution: { id: string } }>(
      app,
      'mutation($input: CreateSolutionInput!) { createSolution(input: $input) { id } }',
      {
        input: {
          title: 'Baukasten für Anträge',
          kind: 'COMPONENT',
          status: 'AVAILABLE',
          summary: 'Formularbausteine zur Nachnutzung.',
          integrationNotes: 'Braucht die Anbindung an das Bürgerkonto.',
          licence: 'EUPL-1.2',
          developedByCityIds: [fixture.cityIds.augsburg],
        },
      },
    );
    ids['baukasten'] = createSolution.id;
    const { createMeeting } = await ok<{ createMeeting: { id: string; version: number } }>(
      app,
      'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id version } }',
      {
        input: {
          kind: 'ANNUAL_MEETING',
          title: 'Jahrestreffen der CDOs',
          startsAt: '2026-07-01T08:00:00.000Z',
          cooperationId: fixture.cooperationId,
        },
      },
    );
    ids['meeting'] = createMeeting.id;
    await ok(app, 'mutation($input: SetMeetingStateInput!) { setMeetingState(input: $input) { id } }', {
      input: { meetingId: createMeeting.id, state: 'IN_PROGRESS', version: createMeeting.version },
    });
    const { recordDecision } = await ok<{ recordDecision: { id: string } }>(
      app,
      'mutation($input: RecordDecisionInput!) { recordDecision(input: $input) { id } }',
      {
        input: {
          meetingId: createMeeting.id,
          text: 'Die Kooperation führt die digitale Zulassungsstelle gemeinsam ein.',
        },
      },
    );
    ids['beschluss'] = recordDecision.id;
    await app.accountWith('antragsteller-konto', [{ role: Role.VIEWER }]);
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds word forms of the query: Antrag finds Anträge, Anträge finds Antrag', async () => {
    const expected = ['Anträge online stellen', 'Baukasten für Anträge', 'Meldewesen'];
    expect(titles(await search('Antrag')).sort()).toEqual(expected);
    expect(titles(await search('Anträgen')).sort()).toEqual(expected);
  });

  it('finds solutions by title, summary and integration notes, kept current by updateSolution', async () => {
    expect((await search('Formularbausteine')).map((h) => [h.kind, h.id])).toEqual([
      ['SOLUTION', ids['baukasten']],
    ]);
    expect(titles(await search('Bürgerkonto'))).toEqual(['Baukasten für Anträge']);
    await ok(app, 'mutation($input: UpdateSolutionInput!) { updateSolution(input: $input) { id } }', {
      input: { solutionId: ids['baukasten'], version: 1, summary: 'Bausteine für Onlineformulare.' },
    });
    expect(titles(await search('Formularbausteine'))).toEqual([]);
    expect(titles(await search('Onlineformular'))).toEqual(['Baukasten für Anträge']);
  });

  it('finds umlaut and ß spellings alike: Antraege, Strasse, STRASSE, oeffentlich, Buergerbuero', async () => {
    expect(titles(await search('Antraege')).sort()).toEqual([
      'Anträge online stellen',
      'Baukasten für Anträge',
      'Meldewesen',
    ]);
    expect(titles(await search('Strasse'))).toEqual(['Sperrungen melden']);
    expect(titles(await search('STRASSE'))).toEqual(['Sperrungen melden']);
    expect(titles(await search('Straßen'))).toEqual(['Sperrungen melden']);
    expect(titles(await search('oeffentliche'))).toEqual(['Öffentliche Daten']);
    expect(titles(await search('Buergerbuero'))).toEqual(['Meldewesen']);
  });

  it('finds decisions by their text, under the title of their meeting, linked to it', async () => {
    const hits = await search('Zulassungsstellen');
    expect(hits.map(({ kind, id, title }) => ({ kind, id, title }))).toEqual([
      { kind: 'DECISION', id: ids['beschluss'], title: 'Jahrestreffen der CDOs' },
    ]);
    expect(hits[0].snippet).toBe(
      'Die Kooperation führt die digitale <mark>Zulassungsstelle</mark> gemeinsam ein.',
    );
    const { search: withMeeting } = await ok<{ search: { meetingId: string | null }[] }>(
      app,
      'query($q: String!) { search(query: $q) { meetingId } }',
      { q: 'Zulassungsstelle' },
    );
    expect(withMeeting).toEqual([{ meetingId: ids['meeting'] }]);
    // The meeting's title is not indexed with its decisions.
    expect(await search('Jahrestreffen')).toEqual([]);
  });

  it('ranks title hits before a body hit, scores falling', async () => {
    const hits = await search('Antrag');
    expect(hits.slice(2).map((h) => [h.kind, h.id])).toEqual([['PROJECT', ids['meldung']]]);
    expect(
      hits
        .slice(0, 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual([ids['antraege'], ids['baukasten']].sort());
    expect(hits[1].score).toBeGreaterThan(hits[2].score);
    expect(hits[0].score).toBeGreaterThanOrEqual(hits[1].score);
  });

  it('needs every word of the query, and finds words by their beginning', async () => {
    expect(titles(await search('Straße Tiefbauamt'))).toEqual(['Sperrungen melden']);
    expect(titles(await search('Straße Fahrplan'))).toEqual([]);
    expect(titles(await search('Tiefbau'))).toEqual(['Sperrungen melden']);
    expect(titles(await search('verkehr'))).toEqual(['Sperrungen melden']);
  });

  it('quotes the text around the hit with the hits in <mark> and everything else escaped', async () => {
    const [hit] = await search('strasse');
    expect(hit.snippet).toBe(
      'Wenn eine <mark>Straße</mark> gesperrt wird, meldet das Tiefbauamt es &lt;b&gt;sofort&lt;/b&gt; &amp; ohne Umweg. verkehr',
    );
    const hits = await search('Antrag');
    const entry = hits.find((h) => h.id === ids['antraege'] && h.kind === 'KNOWLEDGE_ENTRY');
    const project = hits.find((h) => h.kind === 'PROJECT');
    // A hit in the title alone quotes the beginning of the text, with nothing to mark.
    expect(entry?.snippet).toBe('Wie die Stadt Formulare digital anbietet.');
    expect(project?.snippet).toBe(
      'Jeder <mark>Antrag</mark> wird geprüft, bevor das Bürgerbüro ihn bearbeitet.',
    );
  });

  it('finds a change at once after the write that made it, and no longer the words it removed', async () => {
    await ok(app, UPDATE_ENTRY, {
      input: { knowledgeEntryId: ids['oeffentlich'], version: 1, title: 'Offene Verkehrsdaten' },
    });
    expect(titles(await search('öffentliche'))).toEqual([]);
    expect(titles(await search('Verkehrsdaten'))).toEqual(['Offene Verkehrsdaten']);
    expect(titles(await search('Fahrpläne'))).toEqual(['Offene Verkehrsdaten']);
    await ok(app, UPDATE_ENTRY, {
      input: { knowledgeEntryId: ids['oeffentlich'], version: 2, body: 'Nur noch Haltestellen.' },
    });
    expect(titles(await search('Fahrpläne'))).toEqual([]);
    expect(titles(await search('Haltestelle'))).toEqual(['Offene Verkehrsdaten']);
    const { updateProject } = await ok<{ updateProject: { version: number } }>(
      app,
      'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { version } }',
      { input: { id: ids['meldung'], version: 1, title: 'Meldewesen und Pässe' } },
    );
    expect(updateProject.version).toBe(2);
    expect(titles(await search('Pass'))).toEqual(['Meldewesen und Pässe']);
  });

  it('leaves the index as it was when a write is refused', async () => {
    // expectRefused compares every row of every table, the index's included.
    await expectRefused(
      app,
      UPDATE_ENTRY,
      { input: { knowledgeEntryId: ids['antraege'], version: 99, title: 'Grundsteuer' } },
      { code: 'CONFLICT' },
    );
    expect(titles(await search('Grundsteuer'))).toEqual([]);
  });

  it('returns only what every signed-in account may read: no accounts, no audit log; nothing without sign-in', async () => {
    // The account "antragsteller-konto" and the audit entries of every write hold the words, too.
    const hits = await search('antragsteller konto');
    expect(hits).toEqual([]);
    for (const hit of await search('Antrag')) {
      expect(['PROJECT', 'SOLUTION', 'KNOWLEDGE_ENTRY', 'DECISION']).toContain(hit.kind);
    }
    const viewer = await app.accountWith('suchende', [{ role: Role.VIEWER }]);
    const asViewer = await viewer.gql<{ search: Hit[] }>(SEARCH, { q: 'Antrag' });
    expect(asViewer.data?.search).toEqual(await search('Antrag'));
    expect(asViewer.data?.search).toHaveLength(3);
    const anonymous = await app.anonymous.gql(SEARCH, { q: 'Antrag' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data ?? null).toBeNull();
  });

  it('answers nothing for a query of stop words and punctuation, and refuses empty or long queries', async () => {
    expect(await search('die und der')).toEqual([]);
    expect(await search('"*) OR (')).toEqual([]);
    await expectRefused(app, SEARCH, { q: '   ' }, { code: 'BAD_USER_INPUT', field: 'query' });
    await expectRefused(app, SEARCH, { q: 'x'.repeat(201) }, { code: 'BAD_USER_INPUT', field: 'query' });
    await expectRefused(app, SEARCH, { q: 'Antrag', first: 51 }, { code: 'BAD_USER_INPUT', field: 'first' });
    expect(await search('Antrag', 1)).toHaveLength(1);
  });

  it('finds the same after the index is rebuilt from the rows (as after a bulk load)', async () => {
    const before = await search('Antrag');
    await app.dataSource.query(
      TEST_DIALECT === 'postgres' ? 'DELETE FROM search_document' : 'DELETE FROM search_fts',
    );
    expect(await search('Antrag')).toEqual([]);
    await rebuildSearchIndex(app.dataSource);
    expect(await search('Antrag')).toEqual(before);
  });
});
