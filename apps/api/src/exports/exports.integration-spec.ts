import { ProjectKind, Role } from '@koop/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  buildFixture,
  createCity,
  errorCode,
  fileGetter,
  monthsFromNow,
  ok,
  signedInGetter,
  startTestApp,
  type FileGetter,
  type RawSatisfactionPoint,
  type Fixture,
  type TestApp,
} from '../testing/index.js';
import { ProjectSortField, ProjectsService, SortDirection } from '../projects/index.js';
import { MATRIX_CITIES_PER_READ } from './exports.service.js';
import type { App } from 'supertest/types.js';

/*
 * Every export read back — CSV with csv-parse, XLSX with exceljs — and compared with the GraphQL answer of its
 * view for the same filters: the same rows in the same order, the numbers as the view rounds them, dates as
 * dates, keys as text.
 */

interface ProjectNode {
  id: string;
  title: string;
  kind: string;
  isEfa: boolean;
  phase: string;
  health: string;
  progress: number;
  startDate: string | null;
  targetDate: string | null;
  leikaKey: string | null;
  ozgTopic: string | null;
  updatedAt: string;
  workingGroup: { name: string; cooperation: { shortName: string } };
  ownerCity: { name: string } | null;
}

const PROJECTS = `query($filter: ProjectFilter, $orderBy: ProjectOrder, $after: String) {
  projects(filter: $filter, orderBy: $orderBy, first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title kind isEfa phase health progress startDate targetDate leikaKey ozgTopic updatedAt
      workingGroup { name cooperation { shortName } } ownerCity { name } } }
  }
}`;

type Row = Record<string, string>;

/** `dd.mm.yyyy` of an ISO date, as German Excel reads it. */
const german = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('.') : '');
/** A number as excel-de writes it. */
const comma = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function readCsv(body: Buffer, format: 'excel-de' | 'rfc4180'): Row[] {
  return parse(body.toString('utf8'), {
    bom: true,
    delimiter: format === 'excel-de' ? ';' : ',',
    columns: true,
    record_delimiter: '\r\n',
  }) as Row[];
}

async function readXlsx(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('The workbook has no sheet');
  return sheet;
}

/** The sheet's rows below the header, each as header → cell. */
function sheetRows(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Cell>[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Map<string, ExcelJS.Cell>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(new Map(headers.map((header, index) => [header, row.getCell(index + 1)])));
  });
  return rows;
}

describe('exports', () => {
  let app: TestApp;
  let fixture: Fixture;
  let admin: FileGetter;
  let anonymous: FileGetter;
  let injectedTitle: string;

  async function projectsOf(variables: Record<string, unknown>): Promise<ProjectNode[]> {
    const nodes: ProjectNode[] = [];
    let after: string | null = null;
    do {
      const page: {
        projects: { edges: { node: ProjectNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = await ok(app, PROJECTS, { ...variables, after });
      nodes.push(...page.projects.edges.map((e) => e.node));
      after = page.projects.pageInfo.hasNextPage ? page.projects.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  beforeAll(async () => {
    app = await startTestApp();
    fixture = await buildFixture(app);
    await app.dataSource.query(
      `INSERT INTO ozg_topic (key, "nameDe", "nameEn") VALUES ('bauen-wohnen', 'Bauen & Wohnen', 'Building & housing')`,
    );
    admin = await signedInGetter(app, 'test-admin');
    anonymous = fileGetter(app.app.getHttpServer() as App, null);
    const { augsburg, kempten, rosenheim } = fixture.cityIds;
    injectedTitle = '=HYPERLINK("http://example.invalid","klick")';
    const project = (input: Record<string, unknown>) =>
      ok<{ createProject: { id: string } }>(
        app,
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        { input: { workingGroupId: fixture.workingGroupId, ...input } },
      ).then((d) => d.createProject.id);
    const online = { kind: 'ONLINE_SERVICE', ozgTopic: 'bauen-wohnen' };
    const services = [
      fixture.projectId,
      await project({
        ...online,
        title: 'Bauantrag stellen',
        leikaKey: '00115005104000',
        phase: 'LIVE',
        health: 'GREEN',
        progress: 100,
        targetDate: '2025-06-30',
      }),
      await project({
        kind: 'ONLINE_SERVICE',
        title: 'Hund anmelden',
        leikaKey: '99108004000000',
        phase: 'PILOT',
        health: 'AMBER',
        progress: 75,
        isEfa: true,
      }),
      await project({ ...online, title: injectedTitle, phase: 'IDEA', health: 'RED', progress: 5 }),
    ];
    await project({
      kind: 'STANDARD',
      title: '+49 Telefonstandard',
      phase: 'PLANNED',
      health: 'GREEN',
      progress: 12,
      ownerCityId: kempten,
    });
    await project({
      kind: 'CONCEPT',
      title: '@Konzept Straßenverkehr',
      phase: 'IN_DEVELOPMENT',
      health: 'RED',
      progress: 33,
      startDate: '2024-02-01',
    });
    await project({
      kind: 'POSITION_PAPER',
      title: '-Positionspapier Cloud',
      phase: 'LIVE',
      health: 'AMBER',
      progress: 90,
    });
    // A second cooperation's project: filtered out by cooperationId.
    const otherGroup = (
      await ok<{ createWorkingGroup: { id: string } }>(
        app,
        'mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id } }',
        { input: { cooperationId: fixture.otherCooperationId, name: 'Andere AG', focus: 'STRATEGIC' } },
      )
    ).createWorkingGroup.id;
    await ok(app, 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', {
      input: { workingGroupId: otherGroup, title: 'Fremdes Projekt', kind: 'ONLINE_SERVICE' },
    });

    const adopt = (projectId: string, cityId: string, stage: string, extra: Record<string, unknown> = {}) =>
      ok(app, 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
        input: { projectId, cityId, stage, maturityModel: '2.0', ...extra },
      });
    await adopt(services[0], augsburg, 'LIVE', {
      maturityLevel: 3,
      liveSince: '2024-03-15',
      source: 'OWN_BUILD',
    });
    await adopt(services[0], kempten, 'PLANNED', { maturityLevel: 1 });
    await adopt(services[1], kempten, 'LIVE', { maturityLevel: 4, liveSince: '2025-01-02' });
    await adopt(services[2], rosenheim, 'EVALUATING');
    await adopt(services[1], rosenheim, 'IN_ROLLOUT', { maturityModel: '1.1', maturityLevel: 2 });

    const record = (projectId: string, cityId: string, month: string, input: Record<string, unknown>) =>
      ok(app, 'mutation($input: RecordSatisfactionInput!) { recordSatisfaction(input: $input) { id } }', {
        input: { projectId, cityId, month, ...input },
      });
    for (let m = -6; m <= -1; m++) {
      await record(services[0], augsburg, monthsFromNow(m), {
        ratingsCount: 10 + m * -3,
        averageRating: 3.5 + (m % 3) * -0.333,
        transactionsStarted: 300 + m,
        transactionsCompleted: 211 - m * 7,
        visits: 1234 + m * 100,
        nps: 12.345,
      });
      await record(services[0], kempten, monthsFromNow(m), {
        ratingsCount: 7,
        averageRating: 4.125,
        transactionsStarted: 90,
        transactionsCompleted: 89,
        visits: 400,
      });
    }
  });

  afterAll(async () => {
    await app.close();
  });

  describe('projects', () => {
    const cases: [string, Record<string, string>, Record<string, unknown>][] = [
      ['no filter', {}, {}],
      ['phases', { phase: 'IN_DEVELOPMENT,LIVE' }, { filter: { phases: ['IN_DEVELOPMENT', 'LIVE'] } }],
      [
        'health and kind',
        { health: 'RED', kind: 'CONCEPT,ONLINE_SERVICE' },
        { filter: { healths: ['RED'], kinds: ['CONCEPT', 'ONLINE_SERVICE'] } },
      ],
      ['EfA only', { isEfa: 'true' }, { filter: { isEfa: true } }],
      [
        'search, sorted by progress downwards',
        { search: 'anmelden', orderBy: 'PROGRESS', direction: 'DESC' },
        { filter: { search: 'anmelden' }, orderBy: { field: 'PROGRESS', direction: 'DESC' } },
      ],
      ['topic', { ozgTopic: 'bauen-wohnen' }, { filter: { ozgTopic: 'bauen-wohnen' } }],
    ];

    it.each(cases)(
      'CSV for Excel holds exactly the rows of the list: %s',
      async (_name, params, variables) => {
        const query = new URLSearchParams(params).toString();
        const answer = await admin(`/exports/projects.csv?${query}`);
        expect(answer.status).toBe(200);
        expect(answer.headers['content-disposition']).toMatch(
          /^attachment; filename="projekte-\d{4}-\d{2}-\d{2}\.csv"$/,
        );
        const rows = readCsv(answer.body, 'excel-de');
        const expected = await projectsOf(variables);
        expect(expected.length).toBeGreaterThan(0);
        expect(rows.map((r) => r['ID'])).toEqual(expected.map((p) => p.id));
        rows.forEach((row, index) => {
          const p = expected[index];
          expect(row).toEqual({
            ID: p.id,
            Titel:
              p.title.startsWith('=') ||
              p.title.startsWith('+') ||
              p.title.startsWith('-') ||
              p.title.startsWith('@')
                ? `'${p.title}`
                : p.title,
            Art: p.kind,
            EfA: p.isEfa ? 'ja' : 'nein',
            Kooperation: p.workingGroup.cooperation.shortName,
            Arbeitszirkel: p.workingGroup.name,
            'Entwickelnde Kommune': p.ownerCity?.name ?? '',
            Phase: p.phase,
            Status: p.health,
            'Fortschritt (%)': String(p.progress),
            Start: german(p.startDate),
            Zieldatum: german(p.targetDate),
            'LeiKa-Schlüssel': p.leikaKey ?? '',
            'OZG-Themenfeld': p.ozgTopic ?? '',
            'Aktualisiert (UTC)': `${german(p.updatedAt)} ${p.updatedAt.slice(11, 19)}`,
          });
        });
      },
    );

    it('XLSX holds the same rows, with numbers, dates and text cells', async () => {
      const variables = { filter: { cooperationId: fixture.cooperationId } };
      const expected = await projectsOf(variables);
      const answer = await admin(`/exports/projects.xlsx?cooperationId=${fixture.cooperationId}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const rows = sheetRows(await readXlsx(answer.body));
      expect(rows.map((r) => r.get('ID')?.value)).toEqual(expected.map((p) => p.id));
      expect(rows.some((r) => r.get('Kooperation')?.value === 'AK')).toBe(false);
      rows.forEach((row, index) => {
        const p = expected[index];
        const progress = row.get('Fortschritt (%)');
        expect(progress?.value).toBe(p.progress);
        expect(progress?.type).toBe(ExcelJS.ValueType.Number);
        const leika = row.get('LeiKa-Schlüssel');
        expect(leika?.value ?? null).toBe(p.leikaKey);
        expect(leika?.numFmt).toBe('@');
        const target = row.get('Zieldatum');
        if (p.targetDate) {
          expect(target?.value).toEqual(new Date(`${p.targetDate}T00:00:00Z`));
          expect(target?.type).toBe(ExcelJS.ValueType.Date);
          expect(target?.numFmt).toBe('dd.mm.yyyy');
        } else {
          expect(target?.value ?? null).toBeNull();
        }
        const updated = row.get('Aktualisiert (UTC)');
        expect(updated?.type).toBe(ExcelJS.ValueType.Date);
        expect((updated?.value as Date).toISOString().slice(0, 19)).toBe(p.updatedAt.slice(0, 19));
        expect(row.get('EfA')?.value).toBe(p.isEfa);
      });
      // LeiKa keys with a leading zero stay text with the zero.
      expect(
        rows.find((r) => r.get('Titel')?.value === 'Bauantrag stellen')?.get('LeiKa-Schlüssel')?.value,
      ).toBe('00115005104000');
    });

    it('writes excel-de bytes: byte-order mark, semicolons, CRLF; rfc4180 without them', async () => {
      const excel = await admin('/exports/projects.csv');
      expect([...excel.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = excel.body.toString('utf8');
      expect(text.split('\r\n')[0]).toBe(
        '\uFEFFID;Titel;Art;EfA;Kooperation;Arbeitszirkel;Entwickelnde Kommune;Phase;Status;Fortschritt (%);Start;Zieldatum;LeiKa-Schlüssel;OZG-Themenfeld;Aktualisiert (UTC)',
      );
      expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(excel.headers['content-type']).toBe('text/csv; charset=utf-8');

      const plain = await admin('/exports/projects.csv?format=rfc4180&lang=en');
      expect(plain.body[0]).not.toBe(0xef);
      expect(plain.body.toString('utf8').split('\r\n')[0]).toBe(
        'ID,Title,Kind,EfA,Cooperation,Working group,Developing city,Phase,Health,Progress (%),Start date,Target date,LeiKa key,OZG topic area,Updated (UTC)',
      );
      const bauantrag = readCsv(plain.body, 'rfc4180').find((r) => r['Title'] === 'Bauantrag stellen');
      expect(bauantrag?.['Target date']).toBe('2025-06-30');
      expect(bauantrag?.['LeiKa key']).toBe('00115005104000');
      expect(bauantrag?.['EfA']).toBe('false');
    });

    it('neutralises formulas in CSV and XLSX cells', async () => {
      const csv = readCsv((await admin('/exports/projects.csv')).body, 'excel-de');
      const titles = csv.map((r) => r['Titel']);
      expect(titles).toContain(`'${injectedTitle}`);
      expect(titles).toContain("'+49 Telefonstandard");
      expect(titles).toContain("'@Konzept Straßenverkehr");
      expect(titles).toContain("'-Positionspapier Cloud");
      expect(titles.filter((t) => /^[=+\-@\t\r]/.test(t))).toEqual([]);

      const sheet = await readXlsx((await admin('/exports/projects.xlsx')).body);
      const cells = sheetRows(sheet).map((r) => r.get('Titel'));
      expect(cells.map((c) => c?.value)).toContain(`'${injectedTitle}`);
      for (const cell of cells) {
        expect(cell?.type).toBe(ExcelJS.ValueType.String);
        expect(String(cell?.value)).not.toMatch(/^[=+\-@\t\r]/);
      }
    });
  });

  describe('satisfaction', () => {
    const SERIES = `query($projectId: ID, $cityId: ID, $cooperationId: ID, $from: String!, $to: String!) {
      satisfactionSeries(projectId: $projectId, cityId: $cityId, cooperationId: $cooperationId, from: $from, to: $to) {
        month ratingsCount averageRating nps transactionsStarted transactionsCompleted completionRate visits
      }
    }`;
    type Point = RawSatisfactionPoint;

    const combinations = (): Record<string, string>[] => [
      { projectId: fixture.projectId, from: monthsFromNow(-12), to: monthsFromNow(0) },
      {
        projectId: fixture.projectId,
        cityId: fixture.cityIds.kempten,
        from: monthsFromNow(-4),
        to: monthsFromNow(-2),
      },
      { cooperationId: fixture.cooperationId, from: monthsFromNow(-6), to: monthsFromNow(-1) },
    ];

    it('CSV for Excel holds the monthly figures of the view, rounded as shown, months as dates', async () => {
      for (const params of combinations()) {
        const { series } = {
          series: (await ok<{ satisfactionSeries: Point[] }>(app, SERIES, params)).satisfactionSeries,
        };
        expect(series.length).toBeGreaterThan(0);
        const answer = await admin(`/exports/satisfaction.csv?${new URLSearchParams(params).toString()}`);
        expect(answer.status).toBe(200);
        const rows = readCsv(answer.body, 'excel-de');
        expect(rows).toEqual(
          series.map((p) => ({
            Monat: `01.${p.month.slice(5, 7)}.${p.month.slice(0, 4)}`,
            Bewertungen: String(p.ratingsCount),
            'Durchschnittliche Bewertung (1–5)': comma(
              p.averageRating === null ? null : round(p.averageRating, 2),
            ),
            NPS: comma(p.nps === null ? null : round(p.nps, 1)),
            'Begonnene Vorgänge': p.transactionsStarted === null ? '' : String(p.transactionsStarted),
            'Abgeschlossene Vorgänge':
              p.transactionsCompleted === null ? '' : String(p.transactionsCompleted),
            'Abschlussquote (%)': comma(p.completionRate === null ? null : round(p.completionRate * 100, 1)),
            Besuche: p.visits === null ? '' : String(p.visits),
          })),
        );
        // The decimal comma is there (and no decimal point) wherever the view shows decimals.
        expect(rows.some((r) => r['Durchschnittliche Bewertung (1–5)'].includes(','))).toBe(true);
        expect(rows.every((r) => !r['Durchschnittliche Bewertung (1–5)'].includes('.'))).toBe(true);
      }
    });

    it('XLSX has months as dates and figures as numbers', async () => {
      const params = combinations()[0];
      const series = (await ok<{ satisfactionSeries: Point[] }>(app, SERIES, params)).satisfactionSeries;
      const answer = await admin(`/exports/satisfaction.xlsx?${new URLSearchParams(params).toString()}`);
      const rows = sheetRows(await readXlsx(answer.body));
      expect(rows).toHaveLength(series.length);
      rows.forEach((row, index) => {
        const p = series[index];
        const month = row.get('Monat');
        expect(month?.type).toBe(ExcelJS.ValueType.Date);
        expect(month?.value).toEqual(new Date(`${p.month}-01T00:00:00Z`));
        expect(month?.numFmt).toBe('mm.yyyy');
        const average = row.get('Durchschnittliche Bewertung (1–5)');
        expect(average?.value).toBe(p.averageRating === null ? null : round(p.averageRating, 2));
        expect(average?.numFmt).toBe('0.00');
        expect(row.get('Abschlussquote (%)')?.value).toBe(
          p.completionRate === null ? null : round(p.completionRate * 100, 1),
        );
        expect(row.get('Besuche')?.value).toBe(p.visits);
      });
    });

    it('refuses what the view’s query refuses, naming the parameter', async () => {
      const answer = await admin(
        '/exports/satisfaction.csv?from=2025-13&to=2025-01&projectId=' + fixture.projectId,
      );
      expect(answer.status).toBe(400);
      expect(errorCode(answer)).toBe('BAD_USER_INPUT');
      expect(answer.body.toString()).toContain('from');
    });
  });

  describe('adoption matrix', () => {
    const MATRIX = `query($id: ID!) { adoptionMatrix(cooperationId: $id) {
      cities { id name ags } projects { id title leikaKey ozgTopic }
      cells { cityId projectId stage maturityModel maturityLevel liveSince source } } }`;
    interface Matrix {
      adoptionMatrix: {
        cities: { id: string; name: string; ags: string }[];
        projects: { id: string; title: string; leikaKey: string | null; ozgTopic: string | null }[];
        cells: {
          cityId: string;
          projectId: string;
          stage: string;
          maturityModel: string;
          maturityLevel: number | null;
          liveSince: string | null;
          source: string | null;
        }[];
      };
    }

    beforeAll(async () => {
      // More member cities than the export reads at once, so that its reads must join up in the grid's order.
      const { adoptionMatrix: m } = await ok<Matrix>(app, MATRIX, { id: fixture.cooperationId });
      for (let i = 0; i < MATRIX_CITIES_PER_READ + 5; i++) {
        const number = String(i).padStart(2, '0');
        const cityId = await createCity(app, `Markt ${number}`, `091790${number}`, 1000 + i);
        await ok(app, 'mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }', {
          input: { cooperationId: fixture.cooperationId, cityId, joinedOn: '2020-01-01' },
        });
        const live = i % 3 === 0;
        await ok(app, 'mutation($input: RecordAdoptionInput!) { recordAdoption(input: $input) { id } }', {
          input: {
            projectId: m.projects[i % m.projects.length].id,
            cityId,
            stage: live ? 'LIVE' : 'IN_ROLLOUT',
            maturityModel: '2.0',
            maturityLevel: i % 8,
            ...(live ? { liveSince: `2024-02-${number.replace(/^0/, '1')}` } : {}),
          },
        });
      }
    });

    it.each([
      ['all cells', {}],
      ['one topic', { ozgTopic: 'bauen-wohnen' }],
      ['one stage', { stage: 'LIVE' }],
      ['topic and stage', { ozgTopic: 'bauen-wohnen', stage: 'IN_ROLLOUT' }],
    ])(
      'holds the cells the grid shows: %s',
      async (_name, filters: { ozgTopic?: string; stage?: string }) => {
        const { adoptionMatrix: m } = await ok<Matrix>(app, MATRIX, { id: fixture.cooperationId });
        const cell = (cityId: string, projectId: string) =>
          m.cells.find((c) => c.cityId === cityId && c.projectId === projectId) ?? null;
        // The grid's rule, written out: topic keeps services; stage keeps cities and services with such a cell.
        let services = m.projects.filter((p) => !filters.ozgTopic || p.ozgTopic === filters.ozgTopic);
        let cities = m.cities;
        if (filters.stage) {
          const has = (c: string, p: string) => cell(c, p)?.stage === filters.stage;
          const keptCities = cities.filter((c) => services.some((s) => has(c.id, s.id)));
          services = services.filter((s) => cities.some((c) => has(c.id, s.id)));
          cities = keptCities;
        }
        const expected = cities.flatMap((c) =>
          services
            .map((s) => ({ c, s, a: cell(c.id, s.id) }))
            .filter(({ a }) => !filters.stage || a?.stage === filters.stage)
            .map(({ c, s, a }) => ({
              AGS: c.ags,
              Kommune: c.name,
              'LeiKa-Schlüssel': s.leikaKey ?? '',
              Onlinedienst: s.title.startsWith('=') ? `'${s.title}` : s.title,
              'OZG-Themenfeld': s.ozgTopic ?? '',
              Stufe: a?.stage ?? '',
              Reifegradmodell: a?.maturityModel ?? '',
              Reifegrad:
                a?.maturityLevel === null || a?.maturityLevel === undefined ? '' : String(a.maturityLevel),
              'Live seit': german(a?.liveSince ?? null),
              Herkunft: a?.source ?? '',
            })),
        );
        expect(expected.length).toBeGreaterThan(0);
        if (!filters.ozgTopic && !filters.stage) {
          expect(cities.length).toBeGreaterThan(MATRIX_CITIES_PER_READ);
        }
        const query = new URLSearchParams({ cooperationId: fixture.cooperationId, ...filters }).toString();
        const answer = await admin(`/exports/adoption-matrix.csv?${query}`);
        expect(answer.status).toBe(200);
        expect(readCsv(answer.body, 'excel-de')).toEqual(expected);

        const sheet = sheetRows(await readXlsx((await admin(`/exports/adoption-matrix.xlsx?${query}`)).body));
        expect(sheet.map((r) => r.get('AGS')?.value)).toEqual(expected.map((r) => r.AGS));
        for (const row of sheet) {
          expect(row.get('AGS')?.type).toBe(ExcelJS.ValueType.String);
          expect(row.get('AGS')?.numFmt).toBe('@');
        }
      },
    );

    it('needs a cooperation and knows the stages', async () => {
      expect(errorCode(await admin('/exports/adoption-matrix.csv'))).toBe('BAD_USER_INPUT');
      const stage = await admin(
        `/exports/adoption-matrix.csv?cooperationId=${fixture.cooperationId}&stage=DONE`,
      );
      expect(stage.status).toBe(400);
      expect(stage.body.toString()).toContain('stage');
      expect((await admin('/exports/adoption-matrix.csv?cooperationId=999999')).status).toBe(404);
    });
  });

  describe('action items', () => {
    const ITEMS = `query($filter: ActionItemFilter, $after: String) { actionItems(filter: $filter, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id title status dueOn overdue ownerCity { name } ownerWorkingGroup { name } project { title } meeting { title } } } } }`;
    interface Item {
      id: string;
      title: string;
      status: string;
      dueOn: string;
      overdue: boolean;
      ownerCity: { name: string } | null;
      ownerWorkingGroup: { name: string } | null;
      project: { title: string } | null;
      meeting: { title: string };
    }

    it('holds the action items of the filter, with overdue as the list says', async () => {
      const { createMeeting } = await ok<{ createMeeting: { id: string; version: number } }>(
        app,
        'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id version } }',
        {
          input: {
            kind: 'ANNUAL_MEETING',
            title: 'Jahrestreffen 2026',
            startsAt: '2026-07-01T08:00:00.000Z',
            durationMinutes: 120,
            cooperationId: fixture.cooperationId,
          },
        },
      );
      await ok(app, 'mutation($input: SetMeetingStateInput!) { setMeetingState(input: $input) { id } }', {
        input: { meetingId: createMeeting.id, state: 'IN_PROGRESS', version: createMeeting.version },
      });
      const record = (input: Record<string, unknown>) =>
        ok(app, 'mutation($input: RecordActionItemInput!) { recordActionItem(input: $input) { id } }', {
          input: { meetingId: createMeeting.id, ...input },
        });
      await record({
        title: 'Schnittstelle beschreiben',
        dueOn: '2020-01-31',
        ownerCityId: fixture.cityIds.kempten,
        projectId: fixture.projectId,
      });
      await record({
        title: '=Formel im Titel',
        dueOn: '2099-12-31',
        ownerWorkingGroupId: fixture.workingGroupId,
      });
      await record({ title: 'Pilot auswerten', dueOn: '2026-09-30', ownerCityId: fixture.cityIds.augsburg });

      for (const [params, filter] of [
        [{}, {}],
        [
          { cooperationId: fixture.cooperationId, overdue: 'true' },
          { cooperationId: fixture.cooperationId, overdue: true },
        ],
        [{ cityId: fixture.cityIds.augsburg }, { ownerCityId: fixture.cityIds.augsburg }],
        [
          { status: 'OPEN', workingGroupId: fixture.workingGroupId },
          { status: 'OPEN', workingGroupId: fixture.workingGroupId },
        ],
      ] as [Record<string, string>, Record<string, unknown>][]) {
        const expected = (
          await ok<{ actionItems: { edges: { node: Item }[] } }>(app, ITEMS, { filter })
        ).actionItems.edges.map((e) => e.node);
        expect(expected.length).toBeGreaterThan(0);
        const answer = await admin(`/exports/action-items.csv?${new URLSearchParams(params).toString()}`);
        expect(answer.status).toBe(200);
        expect(readCsv(answer.body, 'excel-de')).toEqual(
          expected.map((i) => ({
            ID: i.id,
            Aufgabe: i.title.startsWith('=') ? `'${i.title}` : i.title,
            Status: i.status,
            'Fällig am': german(i.dueOn),
            Überfällig: i.overdue ? 'ja' : 'nein',
            'Verantwortliche Kommune': i.ownerCity?.name ?? '',
            'Verantwortlicher Arbeitszirkel': i.ownerWorkingGroup?.name ?? '',
            Projekt: i.project?.title ?? '',
            Sitzung: i.meeting.title,
            'Sitzung am (UTC)': '01.07.2026 08:00:00',
          })),
        );
      }
      const sheet = sheetRows(await readXlsx((await admin('/exports/action-items.xlsx')).body));
      expect(sheet.every((r) => r.get('Fällig am')?.type === ExcelJS.ValueType.Date)).toBe(true);
      expect((await admin('/exports/action-items.csv?status=LATE')).status).toBe(400);
      expect((await anonymous('/exports/action-items.csv')).status).toBe(401);
    });
  });

  describe('audit log', () => {
    const LOG = `query($filter: AuditFilter, $after: String) { auditLog(filter: $filter, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { id at username operation entity entityId } } } }`;

    it('holds the log’s entries for the filter, for admins and CDOs only', async () => {
      const cdoCity = fixture.cityIds.augsburg;
      await app.accountWith('export-cdo', [{ role: Role.CDO, cityId: cdoCity }]);
      await app.accountWith('export-viewer', [{ role: Role.VIEWER }]);
      await app.accountWith('export-editor', [{ role: Role.CITY_EDITOR, cityId: cdoCity }]);
      const cdo = await signedInGetter(app, 'export-cdo');
      const log = await ok<{
        auditLog: {
          edges: { node: { id: string; at: string; username: string; operation: string; entity: string } }[];
        };
      }>(app, LOG, { filter: { entity: 'Project' } });
      const expected = log.auditLog.edges.map((e) => e.node);
      expect(expected.length).toBeGreaterThan(3);
      for (const getter of [admin, cdo]) {
        const answer = await getter('/exports/audit-log.csv?entity=Project&format=rfc4180');
        expect(answer.status).toBe(200);
        const rows = readCsv(answer.body, 'rfc4180');
        expect(rows.map((r) => [r['ID'], r['Zeitpunkt (UTC)'], r['Konto'], r['Vorgang']])).toEqual(
          expected.map((e) => [e.id, new Date(e.at).toISOString(), e.username, e.operation]),
        );
      }
      const xlsx = sheetRows(await readXlsx((await cdo('/exports/audit-log.xlsx?entity=Project')).body));
      expect(xlsx.map((r) => r.get('ID')?.value)).toEqual(expected.map((e) => e.id));
      expect(xlsx[0].get('Zeitpunkt (UTC)')?.type).toBe(ExcelJS.ValueType.Date);

      for (const name of ['export-viewer', 'export-editor']) {
        const refused = await (await signedInGetter(app, name))('/exports/audit-log.csv');
        expect(refused.status).toBe(403);
        expect(errorCode(refused)).toBe('FORBIDDEN');
      }
    });
  });

  it('refuses every export without a session, and unknown files', async () => {
    for (const path of [
      '/exports/projects.csv',
      '/exports/projects.xlsx',
      `/exports/adoption-matrix.csv?cooperationId=${fixture.cooperationId}`,
      `/exports/satisfaction.csv?from=2025-01&to=2025-12&projectId=${fixture.projectId}`,
      '/exports/audit-log.csv',
    ]) {
      const answer = await anonymous(path);
      expect(answer.status).toBe(401);
      expect(errorCode(answer)).toBe('UNAUTHENTICATED');
    }
    expect((await admin('/exports/cities.csv')).status).toBe(404);
    expect((await admin('/exports/projects.pdf')).status).toBe(404);
    const badPhase = await admin('/exports/projects.csv?phase=DONE');
    expect(badPhase.status).toBe(400);
    expect(JSON.parse(badPhase.body.toString()).message).toContain('phase');
    expect((await admin('/exports/projects.csv?format=excel')).status).toBe(400);
  });

  it('reads a long list page by page with the list’s own keyset: every project once, in order', async () => {
    for (let i = 0; i < 30; i++) {
      await ok(app, 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }', {
        input: {
          workingGroupId: fixture.workingGroupId,
          title: `Serie ${String(i).padStart(2, '0')}`,
          kind: 'MARKETING',
          progress: i % 4,
        },
      });
    }
    const order = { field: ProjectSortField.PROGRESS, direction: SortDirection.DESC };
    const expected = await projectsOf({ filter: { kinds: ['MARKETING'] }, orderBy: order });
    const chunks: string[][] = [];
    for await (const chunk of app.app
      .get(ProjectsService)
      .findAll({ kinds: [ProjectKind.MARKETING] }, order, 7)) {
      chunks.push(chunk.map((p) => String(p.id)));
    }
    expect(chunks.map((c) => c.length)).toEqual([7, 7, 7, 7, 2]);
    expect(chunks.flat()).toEqual(expected.map((p) => p.id));
    const rows = readCsv(
      (await admin('/exports/projects.csv?kind=MARKETING&orderBy=PROGRESS&direction=DESC')).body,
      'excel-de',
    );
    expect(rows.map((r) => r['ID'])).toEqual(expected.map((p) => p.id));
  });
});
