import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, Role, XLSX_MEDIA_TYPE, type ImportResult } from '@koop/domain';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { ChangeEvents, type ChangeEvent } from '../database/index.js';
import {
  TEST_PASSWORD,
  buildFixture,
  ok,
  rebuiltSummaryRows,
  roughly,
  snapshot,
  startTestApp,
  summaryRows,
  type Fixture,
  type TestApp,
} from '../testing/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

const SECOND_SERVICE = '99102034000000';

const AUDIT_LOG = `query($filter: AuditFilter) {
  auditLog(filter: $filter, first: 1) {
    edges { node { operation entity subject changes { field before after } batchRowCount
      batchRows { entityId key city { name } changes { field before after } } } }
  }
}`;

interface AuditNode {
  operation: string;
  changes: { field: string; before: string; after: string }[];
  batchRowCount: number;
}

interface Sent {
  status: number;
  body: ImportResult & { code?: string; message?: string };
}

describe('POST /imports', () => {
  let app: TestApp;
  let world: Fixture;
  let server: App;
  let adminCookie: string;

  async function cookieOf(username: string): Promise<string> {
    const response = await request(server)
      .post('/graphql')
      .send({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
        variables: { u: username, p: TEST_PASSWORD },
      });
    const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('koop_session='));
    if (!session) throw new Error(`Sign-in of ${username} failed`);
    return session.split(';')[0] as string;
  }

  async function send(
    kind: string,
    body: Buffer | string,
    options: {
      cookie?: string | null;
      dryRun?: boolean;
      type?: string;
      cooperationId?: string;
      preflight?: boolean;
      multipartName?: string;
    } = {},
  ): Promise<Sent> {
    const cooperationId = options.cooperationId ?? world.cooperationId;
    const dryRun = options.dryRun ?? false;
    const pending = request(server).post(`/imports/${kind}?cooperationId=${cooperationId}&dryRun=${dryRun}`);
    const cookie = options.cookie === undefined ? adminCookie : options.cookie;
    if (cookie) pending.set('Cookie', cookie);
    if (options.preflight !== false) pending.set('apollo-require-preflight', 'true');
    const response = options.multipartName
      ? await pending.attach('file', Buffer.from(body), options.multipartName)
      : await pending.set('Content-Type', options.type ?? 'text/csv; charset=utf-8').send(Buffer.from(body));
    return { status: response.status, body: response.body as Sent['body'] };
  }

  /** Sends a file that must be refused, and proves that not one row of any table changed. */
  async function refused(kind: string, body: Buffer | string, options: Parameters<typeof send>[2] = {}) {
    const before = await snapshot(app.dataSource);
    const sent = await send(kind, body, options);
    expect(await snapshot(app.dataSource)).toEqual(before);
    return sent;
  }

  async function count(table: string): Promise<number> {
    const [row] = await app.dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number((row as { n: number | string }).n);
  }

  beforeAll(async () => {
    app = await startTestApp();
    server = app.app.getHttpServer();
    world = await buildFixture(app);
    await ok(app, 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', {
      input: {
        workingGroupId: world.workingGroupId,
        title: 'Hundesteuer',
        kind: 'ONLINE_SERVICE',
        leikaKey: SECOND_SERVICE,
        isEfa: false,
        phase: 'LIVE',
        health: 'GREEN',
        progress: 100,
      },
    });
    await app.accountWith('kempten-editor', [{ role: Role.CITY_EDITOR, cityId: world.cityIds.kempten }]);
    await app.accountWith('viewer', [{ role: Role.VIEWER }]);
    adminCookie = await cookieOf('test-admin');
  });

  afterAll(async () => {
    await app?.close();
  });

  describe('satisfaction figures', () => {
    it('previews a German Excel file without writing anything', async () => {
      const sent = await refused('satisfaction', fixture('satisfaction-excel-de.csv'), { dryRun: true });
      expect(sent).toEqual({
        status: 200,
        body: { dryRun: true, rows: 4, created: 4, changed: 0, unchanged: 0, errors: [] },
      });
    });

    it('imports it: every row through the write path, audited, figures kept, events after the commit', async () => {
      const events: ChangeEvent[] = [];
      const subscription = app.app.get(ChangeEvents).events$.subscribe((event) => events.push(event));
      const auditBefore = await count('audit_entry');
      const sent = await send('satisfaction', fixture('satisfaction-excel-de.csv'));
      subscription.unsubscribe();
      expect(sent).toEqual({
        status: 200,
        body: { dryRun: false, rows: 4, created: 4, changed: 0, unchanged: 0, errors: [] },
      });
      const rows = await app.dataSource.query(
        `SELECT c.ags, p."leikaKey", s.month, s."ratingsCount", s."averageRating", s.nps,
                s."transactionsStarted", s."transactionsCompleted", s.visits, s.version
           FROM satisfaction s JOIN city c ON c.id = s."cityId" JOIN project p ON p.id = s."projectId"
          ORDER BY c.ags, p."leikaKey", s.month`,
      );
      expect(rows.map((row: Record<string, unknown>) => Object.values(row).map((v) => v ?? null))).toEqual([
        ['09761000', '99115005104000', '2024-01', 10, 4.5, 20, 100, 80, 500, 1],
        ['09761000', '99115005104000', '2024-02', 12, 3.75, -12.5, 90, 70, 400, 1],
        ['09763000', '99102034000000', '2024-03', 5, 4, null, null, null, 1234, 1],
        ['09763000', '99115005104000', '2024-01', 0, null, null, 50, 45, 300, 1],
      ]);
      // One audit entry for the import — who, the file's hash, the counts — with every written row beneath it.
      expect(await count('audit_entry')).toBe(auditBefore + 1);
      const [entry] = (await app.dataSource.query(
        `SELECT id, username, operation, entity, "entityId", before, after FROM audit_entry
          WHERE operation = 'importSatisfaction' ORDER BY id DESC LIMIT 1`,
      )) as { id: number; username: string; entity: string; before: null; after: string }[];
      expect(entry).toMatchObject({
        username: 'test-admin',
        entity: 'Satisfaction',
        entityId: '',
        before: null,
      });
      expect(JSON.parse(entry?.after ?? '')).toEqual({
        batch: true,
        fileName: null,
        sha256: createHash('sha256').update(fixture('satisfaction-excel-de.csv')).digest('hex'),
        bytes: fixture('satisfaction-excel-de.csv').length,
        rows: 4,
        created: 4,
        changed: 0,
        unchanged: 0,
        fields: [
          'ratingsCount',
          'averageRating',
          'nps',
          'transactionsStarted',
          'transactionsCompleted',
          'visits',
        ],
      });
      const audited = await app.dataSource.query(
        `SELECT c."entityId", c."cityId", c."projectId", c.key, c.before, c.after
           FROM audit_row_change c JOIN satisfaction s ON s.id = c."entityId"
          WHERE c."entryId" = ${Number(entry?.id)} ORDER BY c.position`,
      );
      expect(audited).toHaveLength(4);
      // The values as JSON arrays in the order of `fields` (SQLite writes a whole REAL as 4.0: parsed, alike).
      expect(
        audited.map((row: { key: string; before: null; after: string }) => [
          row.key,
          row.before,
          JSON.parse(row.after),
        ]),
      ).toEqual([
        ['2024-01', null, [10, 4.5, 20, 100, 80, 500]],
        ['2024-02', null, [12, 3.75, -12.5, 90, 70, 400]],
        ['2024-01', null, [0, null, null, 50, 45, 300]],
        ['2024-03', null, [5, 4, null, null, null, 1234]],
      ]);
      // One signal for the import, to the cooperation its rows concern (Augsburg and Kempten are members).
      expect(events).toEqual([
        expect.objectContaining({
          entity: 'Satisfaction',
          id: String(entry?.id),
          operation: 'importSatisfaction',
          cooperationIds: [Number(world.cooperationId)],
        }),
      ]);
      expect(await summaryRows(app.dataSource)).toEqual(roughly(await rebuiltSummaryRows(app.dataSource)));
    });

    it('changes nothing when the same figures come again, in another format: no write, no audit entry', async () => {
      const before = await snapshot(app.dataSource);
      for (const name of ['satisfaction-excel-de.csv', 'satisfaction-rfc4180.csv']) {
        const sent = await send('satisfaction', fixture(name));
        expect(sent).toEqual({
          status: 200,
          body: { dryRun: false, rows: 4, created: 0, changed: 0, unchanged: 4, errors: [] },
        });
      }
      expect(await snapshot(app.dataSource)).toEqual(before);
    });

    it('changes what differs, counts the version up and keeps the figures current', async () => {
      const changed = fixture('satisfaction-rfc4180.csv').toString('utf8').replace(',400', ',444');
      const sent = await send('satisfaction', changed);
      expect(sent.body).toMatchObject({ created: 0, changed: 1, unchanged: 3, errors: [] });
      const [row] = await app.dataSource.query(
        `SELECT visits, version FROM satisfaction WHERE month = '2024-02'`,
      );
      expect(row).toEqual({ visits: 444, version: 2 });
      // The import's entry holds the one changed row, found by the row and by its city, in the audit log.
      const [changedRow] = (await app.dataSource.query(
        `SELECT id FROM satisfaction WHERE month = '2024-02'`,
      )) as { id: number }[];
      const log = (filter: Record<string, string>) =>
        ok<{ auditLog: { edges: { node: AuditNode }[] } }>(app, AUDIT_LOG, { filter });
      const filters: Record<string, string>[] = [
        { entity: 'Satisfaction', entityId: String(changedRow?.id) },
        { cityId: world.cityIds.augsburg },
        { projectId: world.projectId },
      ];
      for (const filter of filters) {
        const [latest] = (await log(filter)).auditLog.edges.map((edge) => edge.node);
        expect(latest).toMatchObject({
          operation: 'importSatisfaction',
          entity: 'Satisfaction',
          subject: null,
          batchRowCount: 1,
          batchRows: [
            {
              entityId: String(changedRow?.id),
              key: '2024-02',
              city: { name: 'Augsburg' },
              changes: [{ field: 'visits', before: '400', after: '444' }],
            },
          ],
        });
        expect(latest?.changes).toEqual(
          expect.arrayContaining([
            { field: 'changed', before: 'null', after: '1' },
            { field: 'unchanged', before: 'null', after: '3' },
          ]),
        );
      }
      expect(await summaryRows(app.dataSource)).toEqual(roughly(await rebuiltSummaryRows(app.dataSource)));
      // Back as before, for the tests that follow.
      await send('satisfaction', fixture('satisfaction-rfc4180.csv'));
    });

    it('reports every bad row with its row and column and writes nothing', async () => {
      const sent = await refused('satisfaction', fixture('satisfaction-bad.csv'));
      expect(sent.status).toBe(422);
      expect(sent.body).toMatchObject({ dryRun: false, rows: 10, created: 0, changed: 0, unchanged: 0 });
      expect(sent.body.errors.map((e) => [e.row, e.column])).toEqual([
        [2, 'ags'],
        [3, 'month'],
        [4, 'average_rating'],
        [5, 'transactions_completed'],
        [6, 'leika'],
        [7, 'month'],
        [9, 'month'],
        [10, 'ratings_count'],
        [11, 'average_rating'],
      ]);
      const messages = sent.body.errors.map((e) => e.message);
      expect(messages[0]).toBe('No city has the AGS 09999999.');
      expect(messages[1]).toBe('must be a month written as YYYY-MM');
      expect(messages[2]).toBe('must be from 1.0 to 5.0');
      expect(messages[3]).toBe('must not exceed transactionsStarted');
      expect(messages[4]).toBe('No service of this cooperation has the LeiKa key 99000000000000.');
      expect(messages[5]).toBe('must not be in the future');
      expect(messages[6]).toBe('Repeats row 8: the same service, city and month.');
      expect(messages[7]).toBe('must be a whole number of at least 0');
      expect(messages[8]).toBe('is required when ratingsCount is more than 0');
    });

    it('names bad, doubled and missing header columns in row 1, under the names the file uses', async () => {
      const sent = await refused('satisfaction', fixture('satisfaction-bad-header.csv'));
      expect(sent.status).toBe(422);
      expect(sent.body.errors.map((e) => [e.row, e.column])).toEqual([
        [1, 'ratings'],
        [1, 'visits'],
        [1, 'ratings_count'],
      ]);
    });

    it('refuses a file that is not UTF-8, saying how to save it', async () => {
      const sent = await refused('satisfaction', fixture('satisfaction-latin1.csv'));
      expect(sent.status).toBe(422);
      expect(sent.body.errors).toEqual([
        { row: 0, column: '', message: expect.stringContaining('CSV UTF-8') },
      ]);
    });

    it('reads XLSX formulas, rich text, hyperlinks and date cells as the values they show', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Zufriedenheit');
      sheet.addRow(['AGS', 'LeiKa', 'Monat', 'Bewertungen', 'Durchschnitt', 'Besuche']);
      const row = sheet.addRow([
        { richText: [{ text: '0976' }, { font: { bold: true }, text: '3000' }] },
        { text: '99115005104000', hyperlink: 'https://fimportal.de/detail/L/99115005104000' },
        new Date(Date.UTC(2024, 3, 1)),
        { formula: 'B9+1', result: 8 },
        4.25,
        { formula: 'SUM(1,2)', result: 3, date1904: false },
      ]);
      row.getCell(3).numFmt = 'mm.yyyy';
      sheet.addRow([9763000, 99115005104000, '05.2024', 2, '4,5', 20]);
      const content = Buffer.from(await workbook.xlsx.writeBuffer());
      const sent = await send('satisfaction', content, { type: XLSX_MEDIA_TYPE });
      expect(sent).toEqual({
        status: 200,
        body: { dryRun: false, rows: 2, created: 2, changed: 0, unchanged: 0, errors: [] },
      });
      const rows = await app.dataSource.query(
        `SELECT month, "ratingsCount", "averageRating", visits FROM satisfaction s
           JOIN city c ON c.id = s."cityId" WHERE c.ags = '09763000' AND month IN ('2024-04', '2024-05')
          ORDER BY month`,
      );
      expect(rows).toEqual([
        { month: '2024-04', ratingsCount: 8, averageRating: 4.25, visits: 3 },
        { month: '2024-05', ratingsCount: 2, averageRating: 4.5, visits: 20 },
      ]);
      // As a multipart form with an upper-case extension, the same file changes nothing.
      const again = await send('satisfaction', content, { multipartName: 'ZUFRIEDENHEIT.XLSX' });
      expect(again.body).toMatchObject({ created: 0, changed: 0, unchanged: 2, errors: [] });
    });

    it('reports an XLSX cell holding a spreadsheet error at its row and column', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Zufriedenheit');
      sheet.addRow(['ags', 'leika', 'month', 'ratings_count']);
      sheet.addRow([
        '09761000',
        '99115005104000',
        '2024-06',
        { formula: '1/0', result: { error: '#DIV/0!' } },
      ]);
      const content = Buffer.from(await workbook.xlsx.writeBuffer());
      const sent = await refused('satisfaction', content, { type: XLSX_MEDIA_TYPE });
      expect(sent.status).toBe(422);
      expect(sent.body.errors).toEqual([
        { row: 2, column: 'ratings_count', message: 'The cell holds the spreadsheet error #DIV/0!.' },
      ]);
    });
  });

  describe('adoptions', () => {
    it('imports German stage names, dates and decimal commas, with history and live figures', async () => {
      const preview = await refused('adoptions', fixture('adoptions-good.csv'), { dryRun: true });
      expect(preview.body).toEqual({
        dryRun: true,
        rows: 3,
        created: 3,
        changed: 0,
        unchanged: 0,
        errors: [],
      });
      const sent = await send('adoptions', fixture('adoptions-good.csv'));
      expect(sent.body).toEqual({ dryRun: false, rows: 3, created: 3, changed: 0, unchanged: 0, errors: [] });
      const rows = await app.dataSource.query(
        `SELECT c.ags, a.stage, a."maturityModel", a."maturityLevel", a."liveSince", a.source, a.notes
           FROM adoption a JOIN city c ON c.id = a."cityId" ORDER BY c.ags`,
      );
      expect(rows.map((row: Record<string, unknown>) => Object.values(row).map((v) => v ?? null))).toEqual([
        ['09163000', 'PLANNED', '2.0', null, null, 'OWN_BUILD', null],
        [
          '09761000',
          'LIVE',
          '2.0',
          5,
          '2024-03-01',
          'EFA_SUBSCRIPTION',
          'Anschluss über den Landesdienst; Pilotstadt',
        ],
        ['09763000', 'IN_ROLLOUT', '1.1', 2, null, 'REUSED_FROM_PARTNER', null],
      ]);
      expect(await count('adoption_change')).toBe(3);
      expect(await summaryRows(app.dataSource)).toEqual(roughly(await rebuiltSummaryRows(app.dataSource)));
      const again = await refused('adoptions', fixture('adoptions-good.csv'));
      expect(again.body).toMatchObject({ created: 0, changed: 0, unchanged: 3 });
    });

    it('keeps every change in the history and the figures current when a stage changes', async () => {
      const text = fixture('adoptions-good.csv')
        .toString('utf8')
        .replace('In Einführung;1.1;2;', 'LIVE;1.1;3;2024-05-02');
      const sent = await send('adoptions', text);
      expect(sent.body).toMatchObject({ created: 0, changed: 1, unchanged: 2, errors: [] });
      expect(await count('adoption_change')).toBe(4);
      expect(await summaryRows(app.dataSource)).toEqual(roughly(await rebuiltSummaryRows(app.dataSource)));
    });

    it('unlinks the reuse of an adoption that the file says is no longer taken over, and keeps the reuse', async () => {
      const { createSolution } = await ok<{ createSolution: { id: string } }>(
        app,
        'mutation($input: CreateSolutionInput!) { createSolution(input: $input) { id } }',
        {
          input: {
            title: 'Formularbaukasten Wohnsitz',
            kind: 'COMPONENT',
            status: 'AVAILABLE',
            summary: 'Bausteine für Onlinedienste.',
            licence: 'EUPL-1.2',
            projectId: world.projectId,
            developedByCityIds: [world.cityIds.augsburg],
          },
        },
      );
      const [adoption] = await app.dataSource.query(
        `SELECT id, source FROM adoption WHERE "cityId" = ${Number(world.cityIds.kempten)}`,
      );
      expect(adoption.source).toBe('REUSED_FROM_PARTNER');
      await ok(app, 'mutation($input: RecordReuseInput!) { recordReuse(input: $input) { id } }', {
        input: {
          solutionId: createSolution.id,
          cityId: world.cityIds.kempten,
          adoptionId: String(adoption.id),
        },
      });
      const reuse = async () =>
        (
          await app.dataSource.query(
            `SELECT "adoptionId", version FROM reuse WHERE "solutionId" = ${Number(createSolution.id)}`,
          )
        ).map((row: Record<string, unknown>) => ({
          adoptionId: row.adoptionId,
          version: Number(row.version),
        }));
      expect(await reuse()).toEqual([{ adoptionId: adoption.id, version: 1 }]);
      const file = fixture('adoptions-good.csv')
        .toString('utf8')
        .replace('In Einführung;1.1;2;', 'LIVE;1.1;3;2024-05-02');
      // Still taken over (the file names no solution): the link stays.
      expect(
        (await send('adoptions', file.replace(';Nachnutzung von Partnerkommune;', ';EfA-Anschluss;'))).body,
      ).toMatchObject({ changed: 1, errors: [] });
      expect(await reuse()).toEqual([{ adoptionId: adoption.id, version: 1 }]);
      // Built by the city itself now: the reuse stays, linked to no adoption, and the audit log says so.
      expect(
        (await send('adoptions', file.replace(';Nachnutzung von Partnerkommune;', ';Eigenentwicklung;')))
          .body,
      ).toMatchObject({ changed: 1, errors: [] });
      expect(await reuse()).toEqual([{ adoptionId: null, version: 2 }]);
      const [entry] = await app.dataSource.query(
        `SELECT operation, username FROM audit_entry WHERE entity = 'Reuse' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toEqual({ operation: 'recordReuse', username: 'test-admin' });
    });

    it('reports the rules of recordAdoption at their row and column and writes nothing', async () => {
      const sent = await refused('adoptions', fixture('adoptions-bad.csv'));
      expect(sent.status).toBe(422);
      expect(sent.body.errors.map((e) => [e.row, e.column])).toEqual([
        [2, 'stage'],
        [3, 'maturity_level'],
        [4, 'live_since'],
        [5, 'maturity_model'],
      ]);
      expect(sent.body.errors[1]?.message).toBe('must be an integer from 0 to 4 for maturity model 1.1');
      expect(sent.body.errors[2]?.message).toBe('is required when the stage is LIVE');
    });
  });

  describe('who may import', () => {
    it('lets a city editor import their own city’s rows only, naming each row of another city', async () => {
      const cookie = await cookieOf('kempten-editor');
      const sent = await refused('satisfaction', fixture('satisfaction-excel-de.csv'), {
        cookie,
        dryRun: true,
      });
      expect(sent.status).toBe(422);
      expect(sent.body.errors).toEqual([
        {
          row: 2,
          column: 'Gemeindeschlüssel',
          message: 'Only the city’s editors, its CDO and administrators may record its satisfaction figures.',
        },
        {
          row: 3,
          column: 'Gemeindeschlüssel',
          message: 'Only the city’s editors, its CDO and administrators may record its satisfaction figures.',
        },
      ]);
      const own = 'ags;leika;month;ratings_count;average_rating\n09763000;99115005104000;2024-09;3;4\n';
      const done = await send('satisfaction', own, { cookie });
      expect(done.body).toEqual({ dryRun: false, rows: 1, created: 1, changed: 0, unchanged: 0, errors: [] });
      const [entry] = await app.dataSource.query(
        `SELECT username FROM audit_entry WHERE operation = 'importSatisfaction' ORDER BY id DESC LIMIT 1`,
      );
      expect(entry).toEqual({ username: 'kempten-editor' });
    });

    it('refuses a viewer, an anonymous request, and a request without the preflight header', async () => {
      const file = fixture('satisfaction-excel-de.csv');
      const viewer = await refused('satisfaction', file, { cookie: await cookieOf('viewer') });
      expect(viewer.status).toBe(403);
      expect((await refused('satisfaction', file, { cookie: null })).status).toBe(401);
      const forged = await refused('satisfaction', file, { preflight: false });
      expect(forged.status).toBe(400);
      expect(forged.body.message).toContain('apollo-require-preflight');
    });

    it('answers NOT_FOUND for a cooperation or a kind that does not exist', async () => {
      const file = fixture('satisfaction-excel-de.csv');
      expect((await refused('satisfaction', file, { cooperationId: '999999' })).status).toBe(404);
      expect((await refused('meetings', file)).status).toBe(404);
    });

    it('finds services among the cooperation’s own projects only', async () => {
      const sent = await refused('satisfaction', fixture('satisfaction-excel-de.csv'), {
        cooperationId: world.otherCooperationId,
      });
      expect(sent.status).toBe(422);
      expect(sent.body.errors.every((e) => e.column === 'LeiKa-Schlüssel')).toBe(true);
      expect(sent.body.errors).toHaveLength(4);
    });
  });

  describe('limits', () => {
    it('refuses a body over the size limit with 413, as plain body and as multipart upload', async () => {
      const big = Buffer.alloc(IMPORT_MAX_BYTES + 1, 'a');
      const plain = await refused('satisfaction', big);
      expect(plain.status).toBe(413);
      expect(plain.body.errors[0]?.message).toMatch(/larger than 20 MB/);
      const form = await refused('satisfaction', big, { multipartName: 'gross.csv' });
      expect(form.status).toBe(413);
      expect(form.body.errors[0]?.message).toMatch(/larger than 20 MB/);
    });

    it('refuses more data rows than the limit with 422, before checking any', async () => {
      const line = '09761000;99115005104000;2024-01;1;4\n';
      const text = `ags;leika;month;ratings_count;average_rating\n${line.repeat(IMPORT_MAX_ROWS + 1)}`;
      const sent = await refused('satisfaction', text);
      expect(sent.status).toBe(422);
      expect(sent.body.errors).toEqual([
        { row: 0, column: '', message: expect.stringContaining('more than 100,000 data rows') },
      ]);
    });

    it('refuses a body of another media type with 415', async () => {
      const sent = await refused('satisfaction', '{"a":1}', { type: 'application/json' });
      expect(sent.status).toBe(415);
    });
  });
});
