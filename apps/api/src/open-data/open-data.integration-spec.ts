import { Role } from '@koop/domain';
import { parse } from 'csv-parse/sync';
import type { App } from 'supertest/types.js';
import { AccountsService } from '../accounts/index.js';
import { SYSTEM_ACTOR } from '../auth/index.js';
import {
  TEST_PASSWORD,
  buildFixture,
  errorCode,
  fileGetter,
  monthsFromNow,
  ok,
  startTestApp,
  type FileAnswer,
  type FileGetter,
  type Fixture,
  type GraphQLClient,
  type TestApp,
} from '../testing/index.js';

/*
 * Open data: reachable without a session, nothing personal in any answer, and a catalog with every field
 * the DCAT-AP.de conventions ask for.
 */

/** The fields each dataset of the catalog must carry (DCAT-AP.de, as the issue lists them). */
const DATASET_FIELDS = [
  'dct:title',
  'dct:description',
  'dct:publisher',
  'dcatde:contributorID',
  'dcat:contactPoint',
  'dct:temporal',
  'dct:spatial',
  'dcatde:politicalGeocodingLevelURI',
  'dcatde:politicalGeocodingURI',
  'dcat:theme',
  'dct:modified',
  'dcat:distribution',
] as const;

/** The fields each distribution must carry. */
const DISTRIBUTION_FIELDS = [
  'dcat:accessURL',
  'dcat:downloadURL',
  'dct:format',
  'dcat:mediaType',
  'dct:license',
  'dcatde:licenseAttributionByText',
  'dct:conformsTo',
] as const;

const LICENSE = 'http://dcat-ap.de/def/licenses/dl-by-de/2.0';

type Json = Record<string, unknown>;
const idOf = (value: unknown) => (value as { '@id': string })['@id'];
const ids = (value: unknown) => (Array.isArray(value) ? value : [value]).map(idOf);

/** The people this test makes: their names, usernames and the e-mail one of them writes into a note. */
const PEOPLE = {
  lead: { username: 'quirinus.zwetschgenbaum', displayName: 'Quirinus Zwetschgenbaum' },
  editor: { username: 'walburga.krautwickel', displayName: 'Walburga Krautwickel' },
};
const EMAIL = 'walburga.krautwickel@kempten.example';

describe('open data', () => {
  let app: TestApp;
  let fixture: Fixture;
  let anonymous: FileGetter;
  let accountIds: string[];

  async function person(
    key: keyof typeof PEOPLE,
    roles: { role: Role; cityId?: string; workingGroupId?: string }[],
  ): Promise<GraphQLClient> {
    const { account } = await app.app
      .get(AccountsService)
      .create(
        SYSTEM_ACTOR,
        { ...PEOPLE[key], roles },
        { password: TEST_PASSWORD, mustChangePassword: false },
      );
    accountIds.push(String(account.id));
    return app.signIn(PEOPLE[key].username);
  }

  const path = (dataset: string, extension: string) =>
    `/open-data/cooperations/${fixture.cooperationId}/${dataset}.${extension}`;

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    anonymous = fileGetter(app.app.getHttpServer() as App, null);
    accountIds = [];
    const { augsburg, kempten } = fixture.cityIds;
    const lead = await person('lead', [
      { role: Role.WORKING_GROUP_LEAD, workingGroupId: fixture.workingGroupId },
    ]);
    const editor = await person('editor', [{ role: Role.CITY_EDITOR, cityId: kempten }]);
    const must = async (client: GraphQLClient, query: string, input: Json) => {
      const answer = await client.gql(query, { input });
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
    };
    // Each person leaves traces the dashboard shows: authored updates, notes, audit entries.
    await must(lead, 'mutation($input: PostStatusUpdateInput!) { postStatusUpdate(input: $input) { id } }', {
      projectId: fixture.projectId,
      phase: 'PILOT',
      health: 'AMBER',
      progress: 70,
      summary: `Abgestimmt mit ${PEOPLE.editor.displayName} (${EMAIL})`,
    });
    await must(lead, 'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', {
      id: fixture.projectId,
      version: 2,
      risks: `Vertretung fehlt, solange ${PEOPLE.lead.displayName} im Urlaub ist`,
      description: `Ansprechperson: ${PEOPLE.lead.displayName}`,
    }).catch(async () => {
      // The version depends on how many writes the fixture made; read it and try again.
      const { project } = await ok<{ project: { version: number } }>(
        app,
        'query($id: ID!) { project(id: $id) { version } }',
        {
          id: fixture.projectId,
        },
      );
      await must(lead, 'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', {
        id: fixture.projectId,
        version: project.version,
        risks: `Vertretung fehlt, solange ${PEOPLE.lead.displayName} im Urlaub ist`,
        description: `Ansprechperson: ${PEOPLE.lead.displayName}`,
      });
    });
    await must(editor, 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
      projectId: fixture.projectId,
      cityId: kempten,
      stage: 'LIVE',
      maturityModel: '2.0',
      maturityLevel: 3,
      liveSince: '2025-04-01',
      notes: `Rückfragen an ${PEOPLE.editor.displayName}, ${EMAIL}`,
    });
    await ok(app, 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
      input: {
        projectId: fixture.projectId,
        cityId: augsburg,
        stage: 'IN_ROLLOUT',
        maturityModel: '1.1',
        maturityLevel: 2,
      },
    });
    for (const month of [monthsFromNow(-3), monthsFromNow(-2), monthsFromNow(-1)]) {
      await must(
        editor,
        'mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }',
        {
          projectId: fixture.projectId,
          cityId: kempten,
          month,
          ratingsCount: 9,
          averageRating: 4.3333,
          transactionsStarted: 30,
          transactionsCompleted: 27,
          visits: 510,
        },
      );
    }
    // Erlangen is no member: its figures for the service are not the cooperation's.
    await ok(app, 'mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
      input: {
        projectId: fixture.projectId,
        cityId: fixture.cityIds.erlangen,
        month: monthsFromNow(-1),
        ratingsCount: 0,
      },
    });
  });

  afterAll(async () => {
    await app.close();
  });

  async function catalog(): Promise<Json> {
    const answer = await anonymous('/open-data/catalog.jsonld');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/ld\+json/);
    return JSON.parse(answer.body.toString('utf8')) as Json;
  }

  /** Every answer of open data: the catalog and every file it points to, with each schema. */
  async function everyAnswer(): Promise<[string, FileAnswer][]> {
    const answers: [string, FileAnswer][] = [
      ['/open-data/catalog.jsonld', await anonymous('/open-data/catalog.jsonld')],
    ];
    const datasets = (await catalog())['dcat:dataset'] as Json[];
    for (const dataset of datasets) {
      for (const distribution of dataset['dcat:distribution'] as Json[]) {
        for (const url of [idOf(distribution['dcat:downloadURL']), idOf(distribution['dct:conformsTo'])]) {
          const local = new URL(url).pathname;
          answers.push([local, await anonymous(local)]);
        }
      }
    }
    return answers;
  }

  it('has a catalog with every DCAT-AP.de field for each dataset and distribution', async () => {
    const body = await catalog();
    expect(body['@type']).toBe('dcat:Catalog');
    expect((body['@context'] as Json)['dcatde']).toBe('http://dcat-ap.de/def/dcatde/');
    const datasets = body['dcat:dataset'] as Json[];
    // Three datasets for each of the two cooperations.
    expect(datasets).toHaveLength(6);
    for (const dataset of datasets) {
      for (const field of DATASET_FIELDS) {
        expect({
          field,
          present: dataset[field] !== undefined && dataset[field] !== null && dataset[field] !== '',
        }).toEqual({
          field,
          present: true,
        });
      }
      expect(idOf(dataset['dcatde:contributorID'])).toMatch(/^http:\/\/dcat-ap\.de\/def\/contributors\/\w+$/);
      expect(idOf(dataset['dcatde:politicalGeocodingLevelURI'])).toBe(
        'http://dcat-ap.de/def/politicalGeocoding/Level/municipality',
      );
      for (const uri of [...ids(dataset['dcatde:politicalGeocodingURI']), ...ids(dataset['dct:spatial'])]) {
        expect(uri).toMatch(/^http:\/\/dcat-ap\.de\/def\/politicalGeocoding\/municipalityKey\/\d{8}$/);
      }
      expect(idOf(dataset['dcat:theme'])).toMatch(
        /^http:\/\/publications\.europa\.eu\/resource\/authority\/data-theme\/[A-Z]{4}$/,
      );
      const temporal = dataset['dct:temporal'] as Json;
      expect(temporal['@type']).toBe('dct:PeriodOfTime');
      for (const end of ['dcat:startDate', 'dcat:endDate']) {
        expect((temporal[end] as Json)['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      expect((dataset['dct:modified'] as Json)['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect((dataset['dct:publisher'] as Json)['foaf:name']).toBeTruthy();
      const contact = dataset['dcat:contactPoint'] as Json;
      expect(contact['vcard:fn']).toBeTruthy();
      expect(contact['vcard:hasEmail'] ?? contact['vcard:hasURL']).toBeTruthy();

      const distributions = dataset['dcat:distribution'] as Json[];
      expect(distributions.map((d) => idOf(d['dct:format']).split('/').pop())).toEqual(['CSV', 'JSON']);
      for (const distribution of distributions) {
        for (const field of DISTRIBUTION_FIELDS) {
          expect({ field, present: distribution[field] !== undefined }).toEqual({ field, present: true });
        }
        expect(idOf(distribution['dcat:accessURL'])).toBe(idOf(distribution['dcat:downloadURL']));
        expect(idOf(distribution['dct:license'])).toBe(LICENSE);
        expect(idOf(distribution['dct:format'])).toMatch(
          /^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|JSON)$/,
        );
        expect(idOf(distribution['dcat:mediaType'])).toMatch(
          /^https:\/\/www\.iana\.org\/assignments\/media-types\/(text\/csv|application\/json)$/,
        );
        expect(distribution['dcatde:licenseAttributionByText']).toEqual(expect.any(String));
        expect(idOf(distribution['dct:conformsTo'])).toMatch(/\.schema\.json$/);
      }
    }
    // The member cities, by AGS, are the spatial coverage of the cooperation's datasets.
    const own = datasets.find((d) =>
      String(d['@id']).includes(`/cooperations/${fixture.cooperationId}/adoptions`),
    );
    expect(
      ids(own?.['dcatde:politicalGeocodingURI'])
        .map((u) => u.split('/').pop())
        .sort(),
    ).toEqual(['09163000', '09761000', '09763000']);
  });

  it('serves every distribution without sign-in, the CSV per RFC 4180 and matching its JSON and schema', async () => {
    for (const dataset of ['adoptions', 'satisfaction', 'projects']) {
      const csv = await anonymous(path(dataset, 'csv'));
      const json = await anonymous(path(dataset, 'json'));
      const schema = await anonymous(path(dataset, 'schema.json'));
      for (const answer of [csv, json, schema]) {
        expect(answer.status).toBe(200);
        expect(answer.headers['cache-control']).toBe('public, max-age=300');
        expect(answer.headers['access-control-allow-origin']).toBe('*');
      }
      expect(csv.body[0]).not.toBe(0xef);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
      const fields = (JSON.parse(schema.body.toString()) as { fields: Json[] }).fields;
      for (const field of fields) {
        expect(Object.keys(field)).toEqual(expect.arrayContaining(['name', 'type', 'description', 'unit']));
        expect(field['description']).toEqual(expect.any(String));
      }
      const rows = parse(csv.body.toString('utf8'), { columns: true, delimiter: ',' }) as Record<
        string,
        string
      >[];
      const objects = JSON.parse(json.body.toString('utf8')) as Json[];
      expect(rows.length).toBe(objects.length);
      expect(rows.length).toBeGreaterThan(0);
      expect(Object.keys(rows[0])).toEqual(fields.map((f) => f['name']));
      expect(Object.keys(objects[0])).toEqual(fields.map((f) => f['name']));
    }
  });

  it('holds the figures the dashboard shows: adoptions of members, monthly satisfaction, projects', async () => {
    const adoptions = JSON.parse((await anonymous(path('adoptions', 'json'))).body.toString()) as Json[];
    expect(adoptions).toEqual(
      expect.arrayContaining([
        {
          ags: '09763000',
          city: 'Kempten (Allgäu)',
          leika_key: '99115005104000',
          service: 'Wohnsitz anmelden',
          stage: 'LIVE',
          maturity_model: '2.0',
          maturity_level: 3,
          live_since: '2025-04-01',
        },
        expect.objectContaining({
          ags: '09761000',
          stage: 'IN_ROLLOUT',
          maturity_model: '1.1',
          live_since: null,
        }),
      ]),
    );
    expect(adoptions).toHaveLength(2);
    const satisfaction = JSON.parse(
      (await anonymous(path('satisfaction', 'json'))).body.toString(),
    ) as Json[];
    expect(satisfaction).toHaveLength(3);
    expect(satisfaction[0]).toEqual({
      month: monthsFromNow(-3),
      ags: '09763000',
      city: 'Kempten (Allgäu)',
      leika_key: '99115005104000',
      service: 'Wohnsitz anmelden',
      ratings_count: 9,
      average_rating: 4.33,
      transactions_started: 30,
      transactions_completed: 27,
      completion_rate: 90,
      visits: 510,
    });
    const csv = (await anonymous(path('satisfaction', 'csv'))).body.toString();
    expect(csv.split('\r\n')[1]).toBe(
      `${monthsFromNow(-3)},09763000,Kempten (Allgäu),99115005104000,Wohnsitz anmelden,9,4.33,30,27,90,510`,
    );
    const projects = JSON.parse((await anonymous(path('projects', 'json'))).body.toString()) as Json[];
    expect(projects).toEqual([
      {
        title: 'Wohnsitz anmelden',
        kind: 'ONLINE_SERVICE',
        phase: 'PILOT',
        health: 'AMBER',
        progress: 70,
        working_group: 'Onlinedienste',
      },
    ]);
  });

  it('tells no person’s name, username, e-mail or account in any answer', async () => {
    const secrets = [
      ...Object.values(PEOPLE).flatMap((p) => [p.username, p.displayName, p.displayName.split(' ')[1]]),
      EMAIL,
      'test-admin',
    ];
    const answers = await everyAnswer();
    expect(answers.length).toBe(1 + 6 * 2 * 2);
    for (const [url, answer] of answers) {
      expect({ url, status: answer.status }).toEqual({ url, status: 200 });
      const text = answer.body.toString('utf8').toLowerCase();
      for (const secret of secrets) {
        expect({ url, secret, found: text.includes(secret.toLowerCase()) }).toEqual({
          url,
          secret,
          found: false,
        });
      }
      // No field that could carry an account or a person, by name, anywhere.
      const names = url.endsWith('.csv')
        ? text.split('\r\n')[0].split(',')
        : (JSON.stringify(JSON.parse(answer.body.toString('utf8'))).match(/"[^"]+":/g) ?? []);
      for (const name of names) {
        expect({ url, name }).not.toEqual({
          url,
          name: expect.stringMatching(/account|user|author|mail|person|display|notes|summary|risk/i),
        });
      }
      // And no account id as a value of any field (the ids of this test's accounts).
      if (url.endsWith('.json') || url.endsWith('.jsonld')) {
        const values = JSON.stringify(JSON.parse(answer.body.toString('utf8')));
        for (const id of accountIds) {
          expect(values).not.toMatch(new RegExp(`"(account|user)[A-Za-z]*":"?${id}"?`, 'i'));
        }
      }
    }
  });

  it('answers 404 for an unknown cooperation or dataset', async () => {
    expect((await anonymous('/open-data/cooperations/999999/adoptions.csv')).status).toBe(404);
    expect((await anonymous('/open-data/cooperations/abc/projects.json')).status).toBe(404);
    expect((await anonymous(`/open-data/cooperations/${fixture.cooperationId}/accounts.json`)).status).toBe(
      404,
    );
    expect((await anonymous(`/open-data/cooperations/${fixture.cooperationId}/projects.xlsx`)).status).toBe(
      404,
    );
  });

  // Last in this block: it adds cities to the cooperation the tests above count.
  it('serves the adoptions of more member cities than one read takes, each exactly once, in id order', async () => {
    const before = JSON.parse((await anonymous(path('adoptions', 'json'))).body.toString()) as Json[];
    const cooperationId = Number(fixture.cooperationId);
    const projectId = Number(fixture.projectId);
    const added = 130; // beyond one read of 100 cities (open-data.service.ts)
    const cities = Array.from({ length: added }, (_, i) => ({
      name: `Testgemeinde ${String(i).padStart(3, '0')}`,
      ags: String(9_190_000 + i).padStart(8, '0'),
      population: 1000 + i,
      district: 'Oberbayern',
      kind: 'Gemeinde',
    }));
    const { identifiers } = await app.dataSource.getRepository('City').insert(cities);
    const cityIds = identifiers.map((identifier) => Number(identifier['id']));
    await app.dataSource
      .getRepository('Membership')
      .insert(cityIds.map((cityId) => ({ cooperationId, cityId, joinedOn: '2020-01-01' })));
    await app.dataSource.getRepository('Adoption').insert(
      cityIds.map((cityId) => ({
        cityId,
        projectId,
        stage: 'PLANNED',
        maturityModel: '2.0',
        maturityLevel: null,
        liveSince: null,
        source: null,
        notes: null,
        updatedAt: new Date(),
      })),
    );

    const after = JSON.parse((await anonymous(path('adoptions', 'json'))).body.toString()) as Json[];
    expect(after).toHaveLength(before.length + added);
    const agsOfAdded = after.map((row) => row['ags']).filter((ags) => cities.some((c) => c.ags === ags));
    expect(agsOfAdded).toEqual(cities.map((c) => c.ags));
    expect(after.filter((row) => row['stage'] === 'PLANNED')).toHaveLength(added);
  });
});

describe('open data rate limit', () => {
  it('refuses an address that asks too often, saying when to come back', async () => {
    const limited = await startTestApp({
      openData: {
        contributorId: 'http://dcat-ap.de/def/contributors/openDataBayern',
        contactEmail: null,
        maxPerMinute: 3,
      },
    });
    try {
      const get = fileGetter(limited.app.getHttpServer() as App, null);
      for (let i = 0; i < 3; i++) expect((await get('/open-data/catalog.jsonld')).status).toBe(200);
      const refused = await get('/open-data/catalog.jsonld');
      expect(refused.status).toBe(429);
      expect(errorCode(refused)).toBe('TOO_MANY_REQUESTS');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});
