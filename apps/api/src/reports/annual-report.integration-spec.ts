import { todayIso } from '@koop/domain';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { DEMO_PASSWORD } from '../demo/index.js';
import { startTestApp, type TestApp } from '../testing/index.js';
import { reportFileName } from './annual-report.controller.js';
import { formatDelta, formatNumber, formatPercent } from './report-texts.js';

interface Figures {
  activeProjects: number;
  projectsByHealth: { key: string; count: number }[];
  servicesLive: number;
  adoptionRate: number;
  averageSatisfaction: number | null;
  completionRate: number | null;
}

const FIGURES =
  'activeProjects projectsByHealth { key count } servicesLive adoptionRate averageSatisfaction completionRate';
const Y = new Date().getUTCFullYear();

/** The text of every page (the items of each page joined by spaces), and the document to look into. */
async function textOf(pdf: Buffer) {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
  });
  const document = await task.promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages, document, close: () => task.destroy() };
}

/** The value, which the test requires to be there. */
function present<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('Expected a value, got none');
  return value;
}

/** Text without any white space: how words and numbers are split into items does not matter then. */
const compact = (text: string) => text.replace(/\s+/g, '');

describe('the annual report as PDF', () => {
  let app: TestApp;
  let server: App;
  let cookie: string;
  let cooperation: { id: string; name: string; shortName: string; cities: string[] };

  beforeAll(async () => {
    app = await startTestApp({ demoData: true });
    server = app.app.getHttpServer() as App;
    const login = await request(server)
      .post('/graphql')
      .send({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { account { id } } }',
        variables: { u: 'demo-viewer', p: DEMO_PASSWORD },
      });
    cookie = present(
      ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('koop_session=')),
    ).split(';')[0];
    const { data } = await app.gql<{
      cooperations: { id: string; name: string; shortName: string; members: { city: { name: string } }[] }[];
    }>('{ cooperations { id name shortName members { city { name } } } }');
    const man = present(present(data).cooperations.find((c) => c.shortName === 'M-A-N'));
    cooperation = { ...man, cities: man.members.map((m) => m.city.name) };
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('is for signed-in accounts only', async () => {
    const response = await request(server).get(`/reports/annual/${cooperation.id}/${Y}.pdf`);
    expect(response.status).toBe(401);
  });

  it('answers 404 for an unknown cooperation and for a year to come', async () => {
    expect((await request(server).get(`/reports/annual/999999/${Y}.pdf`).set('Cookie', cookie)).status).toBe(
      404,
    );
    expect(
      (
        await request(server)
          .get(`/reports/annual/${cooperation.id}/${Y + 1}.pdf`)
          .set('Cookie', cookie)
      ).status,
    ).toBe(404);
    expect(
      (await request(server).get(`/reports/annual/${cooperation.id}/${Y}.txt`).set('Cookie', cookie)).status,
    ).toBe(404);
  });

  it('holds the cooperation, the year and the key figures of overview, tagged, in German, fonts embedded', async () => {
    const response = await request(server)
      .get(`/reports/annual/${cooperation.id}/${Y}.pdf`)
      .set('Cookie', cookie)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Jahresbericht-M-A-N-${Y}-erstellt-${todayIso()}.pdf"`,
    );
    const pdf = response.body as Buffer;

    const { data } = await app.gql<{ overview: Figures & { previous: Figures } }>(
      `query($id: ID!, $year: Int!) { overview(cooperationId: $id, year: $year) { ${FIGURES} previous { ${FIGURES} } } }`,
      { id: cooperation.id, year: Y },
    );
    const { overview } = present(data);
    const { pages, document, close } = await textOf(pdf);
    const text = pages.join('\n');
    const all = compact(text);

    expect(text).toContain(cooperation.name);
    expect(text).toContain(`Jahresbericht ${Y}`);
    const health = (figures: Figures, key: string) =>
      present(figures.projectsByHealth.find((c) => c.key === key)).count;
    const rate = (value: number | null) => (value === null ? '–' : formatPercent(value));
    const rating = (value: number | null) => (value === null ? '–' : formatNumber(value, 2));
    const previous = overview.previous;
    const rows: [string, string, string][] = [
      ['Aktive Projekte', String(overview.activeProjects), String(previous.activeProjects)],
      ['davon im Plan', String(health(overview, 'GREEN')), String(health(previous, 'GREEN'))],
      ['davon gefährdet', String(health(overview, 'AMBER')), String(health(previous, 'AMBER'))],
      ['davon kritisch', String(health(overview, 'RED')), String(health(previous, 'RED'))],
      ['Live-Onlinedienste', String(overview.servicesLive), String(previous.servicesLive)],
      ['Nachnutzungsquote', rate(overview.adoptionRate), rate(previous.adoptionRate)],
      [
        'Durchschnittliche Zufriedenheit',
        rating(overview.averageSatisfaction),
        rating(previous.averageSatisfaction),
      ],
      ['Abschlussquote', rate(overview.completionRate), rate(previous.completionRate)],
    ];
    for (const [label, value, before] of rows) {
      expect(all).toContain(compact(`${label} ${value} ${before}`));
    }
    expect(all).toContain(
      compact(
        `Aktive Projekte ${overview.activeProjects} ${previous.activeProjects} ${formatDelta(overview.activeProjects - previous.activeProjects)}`,
      ),
    );
    // The year's decisions and action items: those of every meeting of the cooperation held in the year.
    const meetings = await app.gql<{
      meetings: {
        totalCount: number;
        edges: { node: { decisions: { text: string }[]; actionItems: { title: string }[] } }[];
      };
    }>(
      `query($filter: MeetingFilter!) { meetings(filter: $filter, first: 50) { totalCount
         edges { node { decisions { text } actionItems { title } } } } }`,
      { filter: { cooperationId: cooperation.id, from: `${Y}-01-01`, to: `${Y}-12-31` } },
    );
    const held = present(meetings.data).meetings;
    expect(held.totalCount).toBeLessThanOrEqual(50);
    const decisions = held.edges.flatMap((edge) => edge.node.decisions.map((decision) => decision.text));
    const actionItems = held.edges.flatMap((edge) => edge.node.actionItems.map((item) => item.title));
    expect(text).toContain(`Beschlüsse und Maßnahmen ${Y}`);
    for (const line of [...decisions, ...actionItems]) {
      expect(all).toContain(compact(line));
    }
    if (decisions.length === 0) expect(text).toContain(`${Y} wurden keine Beschlüsse gefasst.`);
    if (actionItems.length === 0) expect(text).toContain(`${Y} wurden keine Maßnahmen verabredet.`);

    // Umlauts and ß come through the embedded font as the characters they are.
    for (const word of ['Veränderung gegenüber', 'höchste', 'gemäß', 'Nürnberg', 'München']) {
      expect(text).toContain(word);
    }
    // The full matrix: every member city.
    for (const city of cooperation.cities) {
      expect(text).toContain(city);
    }

    // Every page A4, upright or (the matrix) on its side.
    for (let number = 1; number <= document.numPages; number++) {
      const { width, height } = (await document.getPage(number)).getViewport({ scale: 1 });
      expect([width, height].map(Math.round).sort()).toEqual([595, 842]);
    }

    // Tagged, with a structure tree, in German, with a title.
    // (pdfjs's objects come from another realm than the test's: read through their own methods.)
    const markInfo = (await document.getMarkInfo()) as unknown as {
      get?: (key: string) => unknown;
      Marked?: unknown;
    };
    expect(typeof markInfo?.get === 'function' ? markInfo.get('Marked') : markInfo?.Marked).toBe(true);
    const tree = await (await document.getPage(1)).getStructTree();
    expect(JSON.stringify(tree)).toContain('"role":"H1"');
    const info = (await document.getMetadata()).info as Record<string, unknown>;
    expect(info['Language']).toBe('de-DE');
    expect(info['Title']).toBe(`Jahresbericht ${Y} – ${cooperation.name}`);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);

    // Every font is embedded: each font descriptor carries its font file, and no standard font is used.
    const descriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    const files = raw.match(/\/FontFile[23] \d+ 0 R/g) ?? [];
    expect(descriptors.length).toBeGreaterThanOrEqual(2);
    expect(files).toHaveLength(descriptors.length);
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    await close();
  }, 120_000);

  it('names the file after the short name, the year and the day it was made', () => {
    expect(reportFileName('EG Mittelstädte', 2025, '2026-03-01')).toBe(
      'Jahresbericht-EG-Mittelstadte-2025-erstellt-2026-03-01.pdf',
    );
    expect(reportFileName('Großraum', 2025, '2026-03-01')).toBe(
      'Jahresbericht-Grossraum-2025-erstellt-2026-03-01.pdf',
    );
  });
});
