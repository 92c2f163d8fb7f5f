import { Role } from '@koop/domain';
import { buildFixture, expectRefused, ok, type Fixture } from '../testing/fixtures.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { TEST_DIALECT } from '../testing/test-database.js';
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
    await app.accountWith('antragsteller-konto', [{ role: Role.VIEWER }]);
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds word forms of the query: Antrag finds Anträge, Anträge finds Antrag', async () => {
    expect(titles(await search('Antrag'))).toEqual(['Anträge online stellen', 'Meldewesen']);
    expect(titles(await search('Anträgen'))).toEqual(['Anträge online stellen', 'Meldewesen']);
  });

  it('finds umlaut and ß spellings alike: Antraege, Strasse, STRASSE, oeffentlich, Buergerbuero', async () => {
    expect(titles(await search('Antraege'))).toEqual(['Anträge online stellen', 'Meldewesen']);
    expect(titles(await search('Strasse'))).toEqual(['Sperrungen melden']);
    expect(titles(await search('STRASSE'))).toEqual(['Sperrungen melden']);
    expect(titles(await search('Straßen'))).toEqual(['Sperrungen melden']);
    expect(titles(await search('oeffentliche'))).toEqual(['Öffentliche Daten']);
    expect(titles(await search('Buergerbuero'))).toEqual(['Meldewesen']);
  });

  it('ranks a title hit before a body hit, scores falling', async () => {
    const hits = await search('Antrag');
    expect(hits.map((h) => [h.kind, h.id])).toEqual([
      ['KNOWLEDGE_ENTRY', ids['antraege']],
      ['PROJECT', ids['meldung']],
    ]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
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
    const [entry, project] = await search('Antrag');
    // A hit in the title alone quotes the beginning of the text, with nothing to mark.
    expect(entry.snippet).toBe('Wie die Stadt Formulare digital anbietet.');
    expect(project.snippet).toBe(
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
      { input: { knowledgeEntryId: ids['antraege'], version: 99, title: 'Zulassung' } },
      { code: 'CONFLICT' },
    );
    expect(titles(await search('Zulassung'))).toEqual([]);
  });

  it('returns only what every signed-in account may read: no accounts, no audit log; nothing without sign-in', async () => {
    // The account "antragsteller-konto" and the audit entries of every write hold the words, too.
    const hits = await search('antragsteller konto');
    expect(hits).toEqual([]);
    for (const hit of await search('Antrag')) {
      expect(['PROJECT', 'KNOWLEDGE_ENTRY']).toContain(hit.kind);
    }
    const viewer = await app.accountWith('suchende', [{ role: Role.VIEWER }]);
    const asViewer = await viewer.gql<{ search: Hit[] }>(SEARCH, { q: 'Antrag' });
    expect(asViewer.data?.search.map((h) => h.id)).toEqual([ids['antraege'], ids['meldung']]);
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
