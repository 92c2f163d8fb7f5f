import { Role } from '@koop/domain';
import type { Subscription } from 'rxjs';
import { Adoption } from '../adoptions/index.js';
import { City } from '../cities/index.js';
import { Cooperation, Membership } from '../cooperations/index.js';
import { Satisfaction } from '../satisfaction/index.js';
import {
  buildFixture,
  createCity,
  monthsFromNow,
  ok,
  startTestApp,
  type Fixture,
  type GraphQLResponse,
  type TestApp,
} from '../testing/index.js';
import { ChangeEvents, type ChangeEvent } from './change-events.js';

/*
 * The write path as the application uses it: concurrent requests for the same unique key, and the change
 * events it publishes once a write has committed.
 */

const RACERS = 6;

describe('the write path in the application', () => {
  let app: TestApp;
  let fixture: Fixture;
  let subscription: Subscription;
  const events: ChangeEvent[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    subscription = app.app.get(ChangeEvents).events$.subscribe((event) => events.push(event));
  });

  beforeEach(() => {
    events.length = 0;
  });

  afterAll(async () => {
    subscription.unsubscribe();
    await app.close();
  });

  /** Sends the same write `RACERS` times at once. */
  function race(send: (racer: number) => Promise<GraphQLResponse>): Promise<GraphQLResponse[]> {
    return Promise.all(Array.from({ length: RACERS }, (_, racer) => send(racer)));
  }

  /**
   * One write wins; every other is refused with one of `codes`, naming `field` where given: the answer
   * of a check before the write, or CONFLICT when the database refused the duplicate key. Never an
   * internal error.
   */
  function expectOneWinner(responses: GraphQLResponse[], codes: string[], field?: string): void {
    expect(responses.filter((r) => !r.errors)).toHaveLength(1);
    for (const refused of responses.filter((r) => r.errors)) {
      expect(refused.errors).toHaveLength(1);
      const extensions = refused.errors?.[0]?.extensions ?? {};
      expect(codes).toContain(extensions.code);
      if (field !== undefined) {
        expect([extensions['field'], ...((extensions['fields'] as string[] | undefined) ?? [])]).toContain(
          field,
        );
      }
    }
  }

  describe('races for one unique key', () => {
    it('creates a city of one AGS once', async () => {
      const responses = await race(() =>
        app.gql('mutation($input: CreateCityInput!) { createCity(input: $input) { id } }', {
          input: {
            name: 'Memmingen',
            ags: '09764000',
            population: 44000,
            district: 'Schwaben',
            kind: 'kreisfreie Stadt',
          },
        }),
      );
      expectOneWinner(responses, ['BAD_USER_INPUT', 'CONFLICT'], 'ags');
      expect(await app.dataSource.getRepository(City).countBy({ ags: '09764000' })).toBe(1);
      expect(events.map((e) => e.operation)).toEqual(['createCity']);
    });

    it('creates a cooperation of one name once', async () => {
      // Only the name is shared: a refusal must name it, whichever database detects the duplicate.
      const responses = await race((racer) =>
        app.gql('mutation($input: CreateCooperationInput!) { createCooperation(input: $input) { id } }', {
          input: { name: 'Wettlauf', shortName: `WL${racer}` },
        }),
      );
      expectOneWinner(responses, ['BAD_USER_INPUT', 'CONFLICT'], 'name');
      expect(await app.dataSource.getRepository(Cooperation).countBy({ name: 'Wettlauf' })).toBe(1);
    });

    it('adds a city to a cooperation once', async () => {
      const input = { cooperationId: fixture.otherCooperationId, cityId: fixture.cityIds.erlangen };
      const responses = await race(() =>
        app.gql('mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', { input }),
      );
      expectOneWinner(responses, ['CONFLICT']);
      const rows = await app.dataSource.getRepository(Membership).countBy({
        cooperationId: Number(input.cooperationId),
        cityId: Number(input.cityId),
      });
      expect(rows).toBe(1);
    });

    it('records the adoption of a service by a city once; the others are told to send its version', async () => {
      const responses = await race(() =>
        app.gql('mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
          input: {
            projectId: fixture.projectId,
            cityId: fixture.cityIds.rosenheim,
            stage: 'EVALUATING',
            maturityModel: '2.0',
          },
        }),
      );
      expectOneWinner(responses, ['CONFLICT']);
      for (const refused of responses.filter((r) => r.errors)) {
        expect(refused.errors?.[0]?.extensions?.['current']).toMatchObject({ version: 1 });
      }
      const rows = await app.dataSource.getRepository(Adoption).countBy({
        projectId: Number(fixture.projectId),
        cityId: Number(fixture.cityIds.rosenheim),
      });
      expect(rows).toBe(1);
    });

    it('records the satisfaction figures of a month once', async () => {
      const month = monthsFromNow(-2);
      const responses = await race(() =>
        app.gql('mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
          input: { projectId: fixture.projectId, cityId: fixture.cityIds.augsburg, month, ratingsCount: 0 },
        }),
      );
      expectOneWinner(responses, ['CONFLICT']);
      expect(await app.dataSource.getRepository(Satisfaction).countBy({ month })).toBe(1);
    });
  });

  describe('change events', () => {
    it('tell each committed change once, with its version and the cooperations that show it', async () => {
      const { cooperationId, otherCooperationId } = fixture;
      const adoption = (cityId: string) =>
        ok<{ recordAdoption: { id: string } }>(
          app,
          'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }',
          { input: { projectId: fixture.projectId, cityId, stage: 'PLANNED', maturityModel: '2.0' } },
        );
      const inKempten = await adoption(fixture.cityIds.kempten);
      // Erlangen is no member of the project's cooperation: no cooperation shows its adoption.
      const inErlangen = await adoption(fixture.cityIds.erlangen);
      const cityId = await createCity(app, 'Lindau (Bodensee)', '09776116', 25000);
      await ok(app, 'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
        input: { cooperationId: otherCooperationId, cityId },
      });
      const { project } = await ok<{ project: { version: number } }>(
        app,
        'query($id: ID!) { project(id: $id) { version } }',
        { id: fixture.projectId },
      );
      await ok(app, 'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }', {
        input: { id: fixture.projectId, version: project.version, risks: 'Keine.' },
      });
      await app.accountWith('ereignis', [{ role: Role.VIEWER }]);

      const told = events.map(({ at: _at, ...event }) => event);
      expect(told).toEqual([
        {
          entity: 'Adoption',
          id: inKempten.recordAdoption.id,
          operation: 'recordAdoption',
          version: 1,
          cooperationIds: [Number(cooperationId)],
        },
        {
          entity: 'Adoption',
          id: inErlangen.recordAdoption.id,
          operation: 'recordAdoption',
          version: 1,
          cooperationIds: [],
        },
        { entity: 'City', id: cityId, operation: 'createCity', version: 1, cooperationIds: [] },
        {
          entity: 'Membership',
          id: expect.any(String),
          operation: 'addMembership',
          version: 1,
          cooperationIds: [Number(otherCooperationId)],
        },
        {
          entity: 'Project',
          id: fixture.projectId,
          operation: 'updateProject',
          version: project.version + 1,
          cooperationIds: [Number(cooperationId)],
        },
        // Accounts belong to no cooperation.
        { entity: 'Account', id: expect.any(String), operation: 'createAccount', version: 1 },
      ]);
      expect(events.every((event) => event.at instanceof Date)).toBe(true);
    });

    it('tell nothing of a write that was refused or failed', async () => {
      const erlangenEditor = await app.accountWith('nur-erlangen', [
        { role: Role.CITY_EDITOR, cityId: fixture.cityIds.erlangen },
      ]);
      const record = (client: typeof erlangenEditor, input: Record<string, unknown>) =>
        client.gql('mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { version } }', {
          input: { projectId: fixture.projectId, stage: 'PLANNED', maturityModel: '2.0', ...input },
        });
      const first = await record(app, { cityId: fixture.cityIds.augsburg });
      const second = await record(app, { cityId: fixture.cityIds.augsburg, version: 1 });
      expect([first.data, second.data]).toEqual([
        { recordAdoption: { version: 1 } },
        { recordAdoption: { version: 2 } },
      ]);
      events.length = 0;
      const refused = [
        // Another city's editor: FORBIDDEN.
        await record(erlangenEditor, { cityId: fixture.cityIds.augsburg, version: 2 }),
        // A stale version: CONFLICT.
        await record(app, { cityId: fixture.cityIds.augsburg, version: 1 }),
        // A city that does not exist: NOT_FOUND.
        await record(app, { cityId: '999999' }),
      ];
      expect(refused.map((r) => r.errors?.[0]?.extensions?.code)).toEqual([
        'FORBIDDEN',
        'CONFLICT',
        'NOT_FOUND',
      ]);
      expect(events).toEqual([]);
    });

    it('run the steps that must commit with a write inside its transaction: one that fails undoes the write', async () => {
      const changes = app.app.get(ChangeEvents);
      const seen: { entity: string; stored: number }[] = [];
      let fail = false;
      const stop = changes.beforeCommit(async (committing, manager) => {
        for (const event of committing) {
          // Inside the transaction the step sees the write it is told of.
          const [row] = await manager.query(`SELECT COUNT(*) AS n FROM city WHERE id = ${Number(event.id)}`);
          seen.push({ entity: event.entity, stored: Number((row as { n: number | string }).n) });
        }
        if (fail) throw new Error('the step failed');
      });
      const auditEntries = async () =>
        Number((await app.dataSource.query('SELECT COUNT(*) AS n FROM audit_entry'))[0].n);
      try {
        const created = await createCity(app, 'Landshut', '09261000', 73411);
        expect(seen).toEqual([{ entity: 'City', stored: 1 }]);
        expect(events.map((event) => event.id)).toEqual([created]);
        fail = true;
        events.length = 0;
        const audited = await auditEntries();
        const refused = await app.gql(
          'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
          {
            input: {
              name: 'Straubing',
              ags: '09263000',
              population: 48000,
              district: 'Niederbayern',
              kind: 'kreisfreie Stadt',
            },
          },
        );
        expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        // Rolled back with the step: no city, no audit entry, nothing told.
        expect(await app.dataSource.query(`SELECT id FROM city WHERE ags = '09263000'`)).toEqual([]);
        expect(await auditEntries()).toBe(audited);
        expect(events).toEqual([]);
      } finally {
        stop();
      }
    });
  });
});
